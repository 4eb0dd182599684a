import KontorCore
import KontorDocuments

/// Invoices to render: one page, and ten pages with 400 lines.
enum DocumentBench {
    static let day = Day("2026-11-26")!

    static let seller = BusinessProfile(
        name: "Lena Schreiber – Texte & Konzepte",
        address: PostalAddress(street: "Lindenstraße 12", postalCode: "50674", city: "Köln", state: .NW),
        email: "post@lena-schreiber.de", phone: "0221 123 4567", iban: try? IBAN("DE89370400440532013000"),
        bic: "COBADEFFXXX", taxNumber: "214/5678/1234")

    static let customer = Customer(
        id: 7, name: "Müller & Söhne Maschinenbau KG", contactPerson: "Jürgen Weiß",
        address: PostalAddress(street: "Industriestraße 7", postalCode: "44147", city: "Dortmund", state: .NW),
        email: "j.weiss@example.de", createdOn: day)

    static func invoice(lines count: Int) throws -> Invoice {
        var lines: [DocumentLine] = []
        for index in 0..<count {
            let isText = index % 2 == 0
            let description = isText ? "Fachartikel „Ökologie im Büro“ Teil \(index + 1)" : "Nutzungsrechte Print und Online"
            let unit: BillingUnit = isText ? .word : .flat
            let price = UnitPrice(tenThousandths: isText ? 1200 : 2_500_000)
            let rate: VATRate = isText ? .standard : .reduced
            lines.append(DocumentLine(
                description: description, quantity: Quantity(Int64(isText ? 800 + index : 1)), unit: unit,
                unitPrice: price, vatRate: rate))
        }
        return try Invoice(id: 1, customerId: 7, draftedOn: day, paymentTermDays: 14, lines: lines)
            .issued(number: "2026-0042", on: day, customer: customer, profile: seller)
    }
}
