import KontorBanking
import KontorCore
import Testing

/// Rule 1: invoice numbers in remittance text, however they are typed — and nothing that merely contains the digits.
struct InvoiceNumberMatchTests {
    /// 2026-0001 plus decoys whose digits overlap with it.
    static let invoices = [
        Fixture.invoice(1, "2026-0001", customer: 1, "Müller & Söhne GmbH", open: 119_000, due: "2026-01-24"),
        Fixture.invoice(2, "2026-0010", customer: 2, "Café Süßholz", open: 47_600, due: "2026-01-30"),
        Fixture.invoice(3, "2026-0100", customer: 3, "Jürgen Groß", open: 23_800, due: "2026-02-05"),
        Fixture.invoice(4, "2025-0001", customer: 4, "Kulturverein Görlitz e.V.", open: 59_500, due: "2025-02-01"),
        Fixture.invoice(5, "2026-0203", customer: 5, "Weiß Medien UG (haftungsbeschränkt)", open: 71_400, due: "2026-02-20"),
    ]

    static func matchOne(_ entry: StatementEntry, pattern: String = "{YYYY}-{NNNN}", invoices: [OpenInvoiceCandidate] = invoices)
        -> PaymentMatch?
    {
        PaymentMatcher.match([entry], against: invoices, invoiceNumberPattern: pattern)[entry.identity]
    }

    @Test(arguments: [
        "RE 2026-0001", "Rg.Nr. 2026 0001", "Rechnung 2026/0001", "20260001", "2026-1", "rechnung 2026-0001",
        "RECHNUNG 2026-0001", "Rg.-Nr.: 2026 - 0001", "Überweisung RE2026-0001 Müller Köln",
        "Zahlung für Rechnung 2026-0001 Grüße aus Düsseldorf", "Ihre Rechnung Nr. 2026-0001 vom 01.02.2026",
        "Rechnungsnummer: 2026-0001, vielen Dank", "re2026-0001", "SVWZ+RE 2026-0001 EREF+NOTPROVIDED",
        "Rechnung 2026-1 Lektorat", "Rechnung 2026_0001", "INV 2026.0001", "Rg.Nr.2026/1",
    ])
    func typedVariantsFindTheInvoice(text: String) throws {
        // Given a transfer of exactly the open amount from someone unknown, naming 2026-0001 in some spelling
        let entry = Fixture.credit(119_000, text: text)
        // When matched
        let match = try #require(Self.matchOne(entry), "no match for \(text)")
        // Then the whole amount goes to 2026-0001, confidently, because of the number
        #expect(match.reason == .invoiceNumber)
        #expect(match.allocations == [MatchAllocation(invoiceId: 1, amount: Money(cents: 119_000))])
        #expect(match.confidence >= 80)
        #expect(match.overpayment == .zero)
    }

    @Test func numberInEndToEndIdOrNonRFReference() throws {
        let viaEndToEnd = Fixture.credit(119_000, text: "Überweisung", endToEnd: "RE-2026-0001")
        let viaReference = Fixture.credit(119_000, text: "", reference: "2026-0001")
        for entry in [viaEndToEnd, viaReference] {
            let match = try #require(Self.matchOne(entry))
            #expect(match.reason == .invoiceNumber)
            #expect(match.allocations.map(\.invoiceId) == [1])
        }
    }

    @Test func unpaddedNumberOnlyWhenUnambiguous() {
        // 2026/03 without a keyword reads as a month, 2026-1-15 as a date, 26-1 has no year of four digits
        let invoices = Self.invoices + [Fixture.invoice(6, "2026-0003", customer: 6, "Böhm", open: 10_000)]
        #expect(Self.matchOne(Fixture.credit(55_555, text: "Miete 2026/03"), invoices: invoices) == nil)
        #expect(Self.matchOne(Fixture.credit(55_555, text: "Lieferung 2026-1-15"), invoices: invoices) == nil)
        #expect(Self.matchOne(Fixture.credit(55_555, text: "Abschlag 26-1"), invoices: invoices) == nil)
        // With a keyword the short form is accepted (and reviewed, as neither amount nor payer fits)
        let keyed = Self.matchOne(Fixture.credit(55_555, text: "Rechnung 2026/03"), invoices: invoices)
        #expect(keyed?.allocations.map(\.invoiceId) == [6])
        #expect(keyed.map { $0.confidence < 80 } == true)
    }

    @Test func unpaddedNumberNamingTwoInvoicesIsIgnored() {
        // Without a year in the pattern, "1" would name every year's first invoice: never read short forms
        let invoices = [
            Fixture.invoice(1, "0001", customer: 1, open: 10_000), Fixture.invoice(2, "0002", customer: 2, open: 20_000),
        ]
        let match = Self.matchOne(Fixture.credit(33_333, text: "Rechnung 1"), pattern: "{NNNN}", invoices: invoices)
        #expect(match == nil)
    }

    @Test func patternWithLiteralsAndMonth() throws {
        // Given numbers like RE-2603-017 ({YY}{MM}-{NNN})
        let invoices = [
            Fixture.invoice(1, "RE-2603-017", customer: 1, open: 50_000),
            Fixture.invoice(2, "RE-2603-018", customer: 2, "Café Süßholz", open: 60_000),
        ]
        for text in ["RE-2603-017", "re 2603 017", "2603017", "RE 2603-17", "Rechnung RE2603/017"] {
            let match = try #require(
                Self.matchOne(Fixture.credit(50_000, text: text), pattern: "RE-{YY}{MM}-{NNN}", invoices: invoices),
                "no match for \(text)")
            #expect(match.allocations.map(\.invoiceId) == [1], "\(text)")
        }
    }

    // MARK: - No false matches

    @Test(arguments: [
        // IBANs containing the digits, spaced and compact
        "Konto " + Fixture.spaced(Fixture.germanIBAN(bank: "20260001", account: "0012345678")),
        "IBAN:" + Fixture.germanIBAN(bank: "20260001", account: "0012345678"),
        // dates
        "Termin 2026-02-03", "Leistung vom 2026-01-15",
        // amounts
        "Betrag 20.260.001,00 EUR", "20260001,00", "EUR 2026 0001", "20,260,001.00 EUR",
        // phone numbers
        "Rückruf unter 030 2026 0001", "Tel. 2026 0001", "Fon: 2026-0001", "+49 2026 0001", "(030) 2026 0001",
        "Mobil 0151 20260001",
        // other numbers that contain the digits
        "Kd-Nr. 20260001", "Kundennummer 2026-0001", "Mandat 2026 0001", "Vertragsnr. 2026-0001", "BLZ 20260001",
        "Auftrag 120260001", "Ref 202600012", "Bestellung 302-2026000-1", "PLZ 20260 Hamburg 0001",
        "Steuernr. 2026/0001",
    ])
    func digitsThatAreSomethingElseDoNotMatch(text: String) {
        // Given an unknown payer and an amount no invoice has
        let entry = Fixture.credit(12_345, text: text)
        // Then nothing matches
        #expect(Self.matchOne(entry) == nil, "false match for \(text)")
    }

    @Test func shortNumbersNeedAKeyword() {
        let invoices = [Fixture.invoice(1, "20259", customer: 1, open: 10_000)]
        #expect(Self.matchOne(Fixture.credit(10_000, text: "Lieferadresse 20259 Hamburg"), pattern: "{NNNNN}", invoices: invoices)?.reason
            != .invoiceNumber)
        let keyed = Self.matchOne(Fixture.credit(10_000, text: "Rechnung 20259"), pattern: "{NNNNN}", invoices: invoices)
        #expect(keyed?.reason == .invoiceNumber)
        #expect(keyed?.allocations.map(\.invoiceId) == [1])
    }

    @Test func dateGuardMattersForCounterOnlyPatterns() {
        // With six-digit counters, the date 01.02.26 would spell 010226
        let invoices = [Fixture.invoice(1, "010226", customer: 1, open: 10_000)]
        #expect(Self.matchOne(Fixture.credit(12_345, text: "Zahlung vom 01.02.26"), pattern: "{NNNNNN}", invoices: invoices) == nil)
        let real = Self.matchOne(Fixture.credit(10_000, text: "Rechnung 010226"), pattern: "{NNNNNN}", invoices: invoices)
        #expect(real?.allocations.map(\.invoiceId) == [1])
    }

    @Test func numberNextToGuardedDigitsStillMatches() throws {
        let iban = Fixture.spaced(Fixture.germanIBAN(bank: "37040044", account: "0532013000"))
        let text = "RE 2026-0001 vom 01.02.2026 über 1.190,00 EUR, IBAN \(iban), Tel. 030 1234567"
        let match = try #require(Self.matchOne(Fixture.credit(119_000, text: text)))
        #expect(match.allocations.map(\.invoiceId) == [1])
        #expect(match.reason == .invoiceNumber)
    }

    @Test func numberAloneIsReviewed() throws {
        // A number from an unknown payer with an amount that fits nothing could be their own order number
        let match = try #require(Self.matchOne(Fixture.credit(12_345, text: "RE 2026-0001")))
        #expect(match.allocations == [MatchAllocation(invoiceId: 1, amount: Money(cents: 12_345))])
        #expect(match.confidence < MatchingPolicy().autoApplyThreshold)
    }
}
