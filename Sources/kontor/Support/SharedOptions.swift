import ArgumentParser
import KontorCore

/// Postal address options shared by profile and customer commands.
struct AddressOptions: ParsableArguments {
    @Option(help: "Street and number.") var street: String?
    @Option(help: "Postal code.") var postalCode: String?
    @Option(help: "City.") var city: String?
    @Option(help: "Country as ISO code (default DE).") var country: String?
    @Option(help: "German state (Bundesland), e.g. NW, BY, BE – public holidays differ by state.") var state: String?

    var isEmpty: Bool { street == nil && postalCode == nil && city == nil && country == nil && state == nil }

    /// Applies the given parts to `address` (creating it when needed).
    func apply(to address: PostalAddress?) throws -> PostalAddress? {
        guard !isEmpty else { return address }
        var result = address ?? PostalAddress(street: "", postalCode: "", city: "")
        if let street { result.street = street }
        if let postalCode { result.postalCode = postalCode }
        if let city { result.city = city }
        if let country { result.country = country.uppercased() }
        if let state { result.state = state.isEmpty ? nil : try GermanState.named(state, what: .state) }
        try result.validate()
        return result
    }
}

/// The options of a document line (quote or invoice).
struct LineOptions: ParsableArguments {
    @Option(help: "What was done, e.g. \"Blogartikel Nachhaltigkeit\".") var description: String
    @Option(help: "Quantity, e.g. 1500 or 2,5.") var quantity: String = "1"
    @Option(help: "Unit: word, line, page, hour, flat.") var unit: String = "flat"
    @Option(help: "Price per unit in EUR, e.g. 0,12 or 450.00.") var price: String
    @Option(help: "VAT rate: 19, 7 (granting copyright licences) or 0.") var vat: String = "19"

    func line() throws -> DocumentLine {
        DocumentLine(
            description: description, quantity: try Quantity(parsing: quantity),
            unit: try BillingUnit.named(unit, what: .unit), unitPrice: try UnitPrice(parsing: price),
            vatRate: try VATRate(parsing: vat))
    }
}

/// Parses an optional date option.
func parseDay(_ text: String?, what: Field) throws -> Day? {
    try text.map { try Day.parse($0, what: what) }
}
