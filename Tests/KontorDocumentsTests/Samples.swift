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
