import Foundation
import KontorCore
import Testing

@testable import KontorDocuments

/// The CII XML byte for byte against files written by the writer as it was before it wrote bytes (issue 15):
/// a faster writer must not change a single character. The invoices cover what the writer branches on: both
/// profiles, the four tax treatments, discounts, cancellations, German and English, one-day and period services,
/// missing optional parties' fields, fractional quantities and prices, large amounts, and text that needs escaping.
///
/// `KONTOR_WRITE_CII_GOLDEN=1 swift test --filter CIIGoldenTests` rewrites the files; only after a deliberate change
/// to the XML, and the diff belongs in the review.
struct CIIGoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static let cases = [
        "standard-xrechnung", "standard-en16931", "discount", "cancellation-xrechnung", "cancellation-en16931",
        "small-business", "reverse-charge", "outside-scope-en", "zero-percent-line", "escaping", "sparse-parties",
        "one-day-fractions", "peer-invoice", "large-amounts-en",
    ]

    @Test(arguments: cases)
    func matchesTheGolden(_ name: String) throws {
        let xml = try Self.xml(name)
        let url = Self.folder.appendingPathComponent("cii-\(name).xml")
        if ProcessInfo.processInfo.environment["KONTOR_WRITE_CII_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try Data(xml.utf8).write(to: url)
            return
        }
        let golden = Array(try Data(contentsOf: url))
        let written = Array(xml.utf8)
        // Bytes, not `String ==` (which calls canonically equivalent texts equal); the message shows where.
        let offset = zip(written, golden).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(written.count, golden.count)
        func around(_ bytes: [UInt8]) -> String {
            String(decoding: bytes[max(0, offset - 80)..<min(bytes.count, offset + 80)], as: UTF8.self)
        }
        let same = written == golden  // not inside #expect, which would print both arrays whole
        #expect(same, Comment(rawValue: "cii-\(name).xml differs at byte \(offset): wrote …\(around(written))… "
            + "where the golden has …\(around(golden))…"))
    }

    /// The same invoice written twice gives the same bytes (nothing carried over between calls).
    @Test func writingIsRepeatable() throws {
        #expect(try Self.xml("discount") == Self.xml("discount"))
    }

    static var vatSeller: BusinessProfile {
        var seller = Samples.seller
        seller.vatId = "DE123456789"
        return seller
    }

    static func foreign(_ country: String, vatId: String?, language: Language = .de) -> Customer {
        var customer = Samples.business
        customer.address = PostalAddress(street: "Seestraße 4", postalCode: "5020", city: "Salzburg", country: country)
        customer.vatId = vatId
        customer.language = language
        return customer
    }

    static func xml(_ name: String) throws -> String {
        switch name {
        case "standard-xrechnung":
            return try CIIWriter.xml(for: Samples.invoice(), profile: .xrechnung)
        case "standard-en16931":
            return try CIIWriter.xml(for: Samples.invoice(profile: vatSeller), profile: .en16931)
        case "discount":
            return try CIIWriter.xml(for: Samples.invoice(loyaltyPercent: 3), profile: .en16931)
        case "cancellation-xrechnung":
            let cancellation = try Samples.invoice(loyaltyPercent: 5)
                .cancellation(number: "2026-0002", on: Day("2026-03-05")!)
            return try CIIWriter.xml(for: cancellation, profile: .xrechnung, precedingIssueDate: Samples.issueDay)
        case "cancellation-en16931":
            let cancellation = try Samples.invoice(customer: foreign("CH", vatId: nil, language: .en),
                                                   profile: vatSeller)
                .cancellation(number: "2026-0003", on: Day("2026-03-06")!)
            return try CIIWriter.xml(for: cancellation, profile: .en16931)
        case "small-business":
            var seller = Samples.seller
            seller.taxMode = .smallBusiness
            return try CIIWriter.xml(for: Samples.invoice(profile: seller), profile: .xrechnung)
        case "reverse-charge":
            return try CIIWriter.xml(
                for: Samples.invoice(customer: foreign("AT", vatId: "ATU12345678"), profile: vatSeller),
                profile: .en16931)
        case "outside-scope-en":
            return try CIIWriter.xml(
                for: Samples.invoice(customer: foreign("CH", vatId: "CHE-123.456.789", language: .en),
                                     profile: vatSeller, loyaltyPercent: 2),
                profile: .xrechnung)
        case "zero-percent-line":
            let lines = Samples.lines + [DocumentLine(
                description: "Vortrag an der Volkshochschule", quantity: Quantity(1), unit: .flat,
                unitPrice: try UnitPrice(parsing: "50"), vatRate: .zero)]
            return try CIIWriter.xml(for: Samples.invoice(lines: lines, loyaltyPercent: 3), profile: .xrechnung)
        case "escaping":
            var customer = Samples.business
            customer.name = "Müller & Söhne <Maschinenbau> \"KG\" 'Ost'"
            customer.contactPerson = "Jürgen\tWeiß\u{1}\u{7F}\u{85}"
            customer.buyerReference = "A&B<>\n\r"
            let lines = [DocumentLine(
                description: "Text mit \u{0}Steuerzeichen\u{1F}, Emoji 📝, Zeile\nzwei & „Anführung“ <b>",
                quantity: Quantity(3), unit: .page, unitPrice: try UnitPrice(parsing: "12,34"), vatRate: .standard)]
            var invoice = try Samples.invoice(customer: customer, lines: lines)
            invoice.number = "2026-0001 <&>"
            return try CIIWriter.xml(for: invoice, profile: .xrechnung)
        case "sparse-parties":
            var invoice = try Samples.invoice()
            invoice.seller?.phone = nil
            invoice.seller?.email = nil
            invoice.seller?.iban = nil
            invoice.seller?.bic = nil
            invoice.buyer?.contactPerson = nil
            invoice.buyer?.address = nil
            invoice.buyer?.email = nil
            invoice.buyer?.buyerReference = nil
            invoice.serviceFrom = nil
            invoice.serviceTo = nil
            return try CIIWriter.xml(for: invoice, profile: .en16931)
        case "one-day-fractions":
            let lines = [
                DocumentLine(description: "Lektorat", quantity: try Quantity(parsing: "2,5"), unit: .hour,
                             unitPrice: try UnitPrice(parsing: "0,085"), vatRate: .standard),
                DocumentLine(description: "Korrektur", quantity: try Quantity(parsing: "0,125"), unit: .line,
                             unitPrice: try UnitPrice(parsing: "1,2345"), vatRate: .reduced),
                DocumentLine(description: "Übersetzung", quantity: try Quantity(parsing: "1500"), unit: .word,
                             unitPrice: try UnitPrice(parsing: "0,1"), vatRate: .standard),
            ]
            var invoice = try Samples.invoice(lines: lines, loyaltyPercent: 7)
            invoice.serviceFrom = Day("2026-02-23")
            invoice.serviceTo = Day("2026-02-23")
            return try CIIWriter.xml(for: invoice, profile: .en16931)
        case "peer-invoice":
            let texts: [(String, Int64, BillingUnit, Int64, VATRate)] = [
                ("Konzeption Imagebroschüre, Workshop vor Ort (halber Tag)", 4, .hour, 9_500, .standard),
                ("Texterstellung Website, Startseite und 5 Unterseiten", 6, .page, 18_000, .standard),
                ("SEO-Optimierung der Produkttexte „Wohnen & Schlafen“", 12, .hour, 8_500, .standard),
                ("Korrekturschleife nach Rückmeldung vom 14.01.", 1, .flat, 12_000, .standard),
                ("Einräumung Nutzungsrechte Slogan (§ 31 UrhG), zeitlich unbegrenzt", 1, .flat, 65_000, .reduced),
                ("Einräumung Nutzungsrechte Broschürentexte, Print und Online", 1, .flat, 48_000, .reduced),
            ]
            let lines = texts.map { text, quantity, unit, cents, rate in
                DocumentLine(description: text, quantity: Quantity(quantity), unit: unit,
                             unitPrice: UnitPrice(tenThousandths: cents * 100), vatRate: rate)
            }
            return try CIIWriter.xml(for: Samples.invoice(profile: vatSeller, lines: lines), profile: .en16931)
        case "large-amounts-en":
            let lines = [
                DocumentLine(description: "Rahmenvertrag", quantity: Quantity(12), unit: .flat,
                             unitPrice: try UnitPrice(parsing: "123456,78"), vatRate: .standard),
                DocumentLine(description: "Lizenz", quantity: try Quantity(parsing: "1000,5"), unit: .page,
                             unitPrice: try UnitPrice(parsing: "9999,9999"), vatRate: .reduced),
            ]
            var customer = Samples.business
            customer.language = .en
            return try CIIWriter.xml(
                for: Samples.invoice(customer: customer, lines: lines, loyaltyPercent: 10), profile: .xrechnung)
        default:
            throw CocoaError(.featureUnsupported)
        }
    }
}
