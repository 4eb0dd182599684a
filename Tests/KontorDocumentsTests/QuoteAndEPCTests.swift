import Foundation
import KontorCore
import KontorQR
import KontorTestTools
import Testing

@testable import KontorDocuments

struct QuoteAndEPCTests {
    let scratch = ScratchDirectory()

    /// LAW.md T7: 80 bytes, QR version 5 at level M.
    @Test func epcPayloadMatchesTheStandardExample() throws {
        let payload = try #require(EPCPayload(
            bic: nil, name: "Erika Mustermann", iban: try IBAN("DE89370400440532013000"), amount: Money(cents: 119_000),
            remittance: "RE-2026-0042"))
        #expect(payload.text == "BCD\n002\n1\nSCT\n\nErika Mustermann\nDE89370400440532013000\nEUR1190.00\n\n\nRE-2026-0042")
        #expect(payload.text.utf8.count == 80)
        #expect(try QRCode(payload.text, errorCorrection: .medium).version == 5)
    }

    @Test func epcRefusesAmountsTheStandardDoesNotAllow() throws {
        let iban = try IBAN("DE89370400440532013000")
        #expect(EPCPayload(bic: nil, name: "A", iban: iban, amount: .zero, remittance: "") == nil)
        #expect(EPCPayload(bic: nil, name: "A", iban: iban, amount: Money(cents: -100), remittance: "") == nil)
        #expect(EPCPayload(bic: nil, name: "A", iban: iban, amount: Money(cents: 100_000_000_000), remittance: "") == nil)
        let long = try #require(EPCPayload(bic: "cobadeffxxx", name: String(repeating: "N", count: 90), iban: iban,
                                           amount: Money(cents: 1), remittance: String(repeating: "R", count: 200)))
        #expect(long.name.count == 70 && long.remittance.count == 140 && long.bic == "COBADEFFXXX")
    }

    @Test func quoteStatesPriceValidityRevisionsAndPaymentTerm() throws {
        let quote = Quote(id: 12, customerId: 7, title: "Texte für die neue Website", createdOn: Samples.issueDay,
                          validUntil: Day("2026-04-01")!, paymentTermDays: 21, includedRevisions: 2, lines: Samples.lines)
        let path = try scratch.write(QuoteDocument.pdf(for: quote, customer: Samples.business, seller: Samples.seller))
        try PDFTools.expectValid(path)
        let text = try PDFTools.text(path)
        for expected in ["Angebot: Texte für die neue Website", "Angebotsnr.", "12", "01.04.2026", "1.249,00 €",
                         "2 Korrekturschleifen", "Zahlungsziel von 21 Tagen", "Müller & Söhne Maschinenbau KG"] {
            #expect(text.contains(expected), "missing: \(expected)")
        }
        #expect(QuoteDocument.fileName(for: quote, language: .de) == "Angebot-12.pdf")
    }

    @Test func letterCarriesSubjectAndParagraphs() throws {
        let path = try scratch.write(LetterDocument.pdf(
            from: Samples.seller, to: Samples.business, date: Samples.issueDay, subject: "Kurze Nachfrage zur Rechnung 2026-0001",
            paragraphs: ["vielleicht ist die Rechnung untergegangen.", "Eine kurze Antwort genügt."],
            references: [("Rechnungsnr.", "2026-0001")]))
        try PDFTools.expectValid(path)
        let text = try PDFTools.text(path)
        #expect(text.contains("Kurze Nachfrage zur Rechnung 2026-0001") && text.contains("Eine kurze Antwort genügt."))
        #expect(text.contains("Guten Tag Jürgen Weiß,") && text.contains("Mit freundlichen Grüßen"))
    }
}
