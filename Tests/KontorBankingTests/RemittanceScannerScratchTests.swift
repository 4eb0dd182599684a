import KontorCore
import Testing

@testable import KontorBanking

/// The scanner keeps its arrays from one text to the next (`RemittanceScanner.Scratch`): texts scanned one after
/// another with one scratch find exactly what each finds scanned alone, in any order.
struct RemittanceScannerScratchTests {
    static let day = Day("2026-01-24")!

    static let scanner: RemittanceScanner = {
        let numbers = ["2026-0001", "2026-0010", "2026-0100", "2025-0001", "2026-0203", "2026-0003"]
        let invoices = numbers.enumerated().map { offset, number in
            OpenInvoiceCandidate(
                invoiceId: Int64(offset + 1), number: number, customerId: Int64(offset + 1), customerName: "Kunde",
                customerIBANs: [], openAmount: Money(cents: 10_000), gross: Money(cents: 10_000), issueDate: day,
                dueDate: day)
        }
        let shape = InvoiceNumberShape(pattern: "{YYYY}-{NNNN}")
        return RemittanceScanner(index: InvoiceIndex(invoices: invoices, shape: shape))
    }()

    /// Long and short, with and without chains, IBANs, creditor references, amounts, dates and phone numbers.
    static let texts = [
        "RE 2026-0001", "Rg.Nr. 2026 0001", "Rechnung 2026/0001", "20260001", "2026-1", "", "X",
        "Überweisung RE2026-0001 Müller Köln DE89 3704 0044 0532 0130 00", "Rechnungen 2026-0001/0010 und 2026-0100",
        "RF18 5390 0754 7034", "Referenz RF31 2026 0001", "RF3120260001 Dank",
        "Betrag 1.190,00 EUR Rechnung 2026 0203 vom 01.02.2026", "Tel. +49 30 1234567",
        "Miete 2026/03", "Lieferung 2026-1-15", "Rechnung 2026/03", "Kd-Nr. 20260001 Rechnung 2025-0001",
        "2026 - 0001, 2026 - 0010 + 2026 - 0100", "INV 2026.0001 EUR 1190", "(030) 2026 0001", "20260115",
        String(repeating: "RE 2026-0001 ", count: 40),
    ]

    @Test func textsScannedInTurnFindWhatEachFindsAlone() {
        let scanner = Self.scanner
        let folded = Self.texts.map { MatchText.fold($0) }
        let alone = folded.map { scanner.scan($0) }
        #expect(alone.contains { !$0.references.isEmpty } && alone.contains { !$0.creditorReferences.isEmpty })
        for order in [Array(folded.indices), folded.indices.reversed(), folded.indices.sorted { $0 % 3 < $1 % 3 }] {
            var scratch = RemittanceScanner.Scratch()
            for index in order {
                let result = scanner.scan(folded[index], scratch: &scratch)
                #expect(result.references == alone[index].references, "\(Self.texts[index])")
                #expect(result.creditorReferences == alone[index].creditorReferences, "\(Self.texts[index])")
            }
        }
    }
}
