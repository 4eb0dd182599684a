import ArgumentParser
import KontorCore

/// The options of `edit-line`: those of `add-line`, all optional, because only what is given changes.
struct LineChangeOptions: ParsableArguments {
    @Option(help: "New description.") var description: String?
    @Option(help: "New quantity, e.g. 1500 or 2,5.") var quantity: String?
    @Option(help: "New unit: word, line, page, hour, flat.") var unit: String?
    @Option(help: "New price per unit in EUR, e.g. 0,12 or 450.00.") var price: String?
    @Option(help: "New VAT rate: 19, 7 or 0.") var vat: String?

    func change() throws -> LineChange {
        LineChange(
            description: description, quantity: try quantity.map { try Quantity(parsing: $0) },
            unit: try unit.map { try BillingUnit.named($0, what: .unit) },
            unitPrice: try price.map { try UnitPrice(parsing: $0) }, vatRate: try vat.map { try VATRate(parsing: $0) })
    }
}

/// The line position argument and its target, 1-based as `show` numbers the lines.
struct MoveOptions: ParsableArguments {
    @Argument(help: "Position of the line, as shown (1 is the first).") var position: Int
    @Option(help: "The position it moves to.") var to: Int
}
