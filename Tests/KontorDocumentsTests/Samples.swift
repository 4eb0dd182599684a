import Foundation
import KontorCore

/// Invoices, quotes and parties as a freelancer would have them, for rendering tests.
enum Samples {
    static let issueDay = Day("2026-03-02")!

    static let seller = BusinessProfile(
        name: "Lena Schreiber – Texte & Konzepte",
        address: PostalAddress(street: "Lindenstraße 12", postalCode: "50674", city: "Köln", state: .NW),
        email: "post@lena-schreiber.de", phone: "0221 123 4567", iban: try? IBAN("DE89370400440532013000"),
        bic: "COBADEFFXXX", taxNumber: "214/5678/1234")

    static let business = Customer(
        id: 7, name: "Müller & Söhne Maschinenbau KG", contactPerson: "Jürgen Weiß",
        address: PostalAddress(street: "Industriestraße 7", postalCode: "44147", city: "Dortmund", state: .NW),
        email: "j.weiss@mueller-soehne.de", kind: .business, buyerReference: "04011000-12345-06", createdOn: issueDay)

    static var consumer: Customer {
        var customer = business
        customer.name = "Zoë Łukasiewicz"
        customer.contactPerson = nil
        customer.kind = .consumer
        customer.buyerReference = nil
        return customer
    }

    static let lines = [
        DocumentLine(description: "Fachartikel „Ökologie im Büro“ (1.200 Wörter)", quantity: Quantity(1200),
                     unit: .word, unitPrice: try! UnitPrice(parsing: "0,50"), vatRate: .standard),
        DocumentLine(description: "Einräumung der Nutzungsrechte (Print und Online, ça va)", quantity: Quantity(1),
                     unit: .flat, unitPrice: try! UnitPrice(parsing: "500"), vatRate: .reduced),
    ]

    /// A month's work as a writer bills it, at 19 % and 7 %: the six lines of the peer benchmarks' invoice
    /// (`kontor-bench --peers`), 4,303.10 € gross.
    static let sixLines = [
        line("Konzeption Imagebroschüre, Workshop vor Ort (halber Tag)", 4, .hour, "95", .standard),
        line("Texterstellung Website, Startseite und 5 Unterseiten", 6, .page, "180", .standard),
        line("SEO-Optimierung der Produkttexte „Wohnen & Schlafen“", 12, .hour, "85", .standard),
        line("Korrekturschleife nach Rückmeldung vom 14.01.", 1, .flat, "120", .standard),
        line("Einräumung Nutzungsrechte Slogan (§ 31 UrhG), zeitlich unbegrenzt", 1, .flat, "650", .reduced),
        line("Einräumung Nutzungsrechte Broschürentexte, Print und Online", 1, .flat, "480", .reduced),
    ]

    static func line(_ text: String, _ quantity: Int64, _ unit: BillingUnit, _ price: String, _ rate: VATRate)
        -> DocumentLine
    {
        DocumentLine(description: text, quantity: Quantity(quantity), unit: unit,
                     unitPrice: try! UnitPrice(parsing: price), vatRate: rate)
    }

    /// An issued invoice: 600.00 € at 19 % and 500.00 € at 7 % → 1,249.00 € gross.
    static func invoice(
        customer: Customer = business, profile: BusinessProfile = seller, lines: [DocumentLine] = lines,
        loyaltyPercent: Int64 = 0
    ) throws -> Invoice {
        try Invoice(
            id: 1, customerId: customer.id, draftedOn: issueDay, serviceFrom: Day("2026-02-23"), serviceTo: Day("2026-02-27"),
            paymentTermDays: 14, treatment: TaxTreatment.determine(mode: profile.taxMode, customer: customer),
            loyaltyPercent: loyaltyPercent, language: customer.language, lines: lines)
            .issued(number: "2026-0001", on: issueDay, customer: customer, profile: profile)
    }
}
