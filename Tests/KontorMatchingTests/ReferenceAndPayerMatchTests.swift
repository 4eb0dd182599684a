import KontorBanking
import KontorCore
import Testing

/// Rule 2 (creditor references) and rule 3 (amount and payer name or IBAN).
struct ReferenceAndPayerMatchTests {
    static let knownIBAN = Fixture.germanIBAN(bank: "37040044", account: "0532013000")
    static let invoices = [
        Fixture.invoice(1, "2026-0001", customer: 1, "Müller & Söhne GmbH", open: 119_000, ibans: [Fixture.spaced(knownIBAN)]),
        Fixture.invoice(2, "2026-0002", customer: 2, "Café Süßholz", open: 47_600),
        Fixture.invoice(3, "2026-0003", customer: 3, "Buchhandlung Köhler e.K.", open: 23_800),
        Fixture.invoice(4, "2026-0004", customer: 4, "Kulturverein Görlitz e.V.", open: 59_500),
        Fixture.invoice(5, "2026-0005", customer: 5, "Weiß Medien UG (haftungsbeschränkt)", open: 71_400),
        Fixture.invoice(6, "2026-0006", customer: 6, "Schäfer Verlag GmbH & Co. KG", open: 35_700),
        Fixture.invoice(7, "2026-0007", customer: 7, "Dr. Jürgen Groß", open: 83_300),
        Fixture.invoice(8, "2026-0008", customer: 8, "Müller Verlag GmbH", open: 99_900),
    ]

    static func matchOne(_ entry: StatementEntry) -> PaymentMatch? {
        PaymentMatcher.match([entry], against: invoices)[entry.identity]
    }

    // MARK: - Rule 2

    @Test func validCreditorReferenceWithTheNumber() throws {
        for reference in [Fixture.creditorReference("20260003"), Fixture.creditorReference("000020260003")] {
            let match = try #require(Self.matchOne(Fixture.credit(23_800, reference: reference)))
            #expect(match.reason == .structuredReference)
            #expect(match.allocations == [MatchAllocation(invoiceId: 3, amount: Money(cents: 23_800))])
            #expect(match.confidence >= 90)
        }
        // Typed into the text, spaced as printed on the invoice
        let typed = Fixture.credit(23_800, text: "Ref " + Fixture.spaced(Fixture.creditorReference("20260003")))
        #expect(Self.matchOne(typed)?.reason == .structuredReference)
    }

    @Test func creditorReferenceWithWrongCheckDigitsIsNotTrusted() {
        let valid = Fixture.creditorReference("20260003")
        let wrong = "RF" + (valid.dropFirst(2).prefix(2) == "00" ? "01" : "00") + "20260003"
        let match = Self.matchOne(Fixture.credit(12_345, reference: wrong))
        #expect(match?.reason != .structuredReference)
        #expect(match.map { $0.confidence < 80 } ?? true)
    }

    // MARK: - Rule 3

    @Test(arguments: [
        ("MUELLER UND SOEHNE", Int64(119_000), Int64(1)),
        ("Mueller + Soehne GmbH", 119_000, 1),
        ("MULLER & SOHNE GMBH", 119_000, 1),
        ("Cafe Suessholz", 47_600, 2),
        ("CAFE SUSSHOLZ", 47_600, 2),
        ("Süßholz, Café", 47_600, 2),
        ("BUCHHANDLUNG KOEHLER INH. MARIA KOEHLER", 23_800, 3),
        ("KULTURVEREIN GOERLITZ EV", 59_500, 4),
        ("WEISS MEDIEN UG HAFTUNGSBESCHRANKT", 71_400, 5),
        ("Schaefer Verlag GmbH + Co KG", 35_700, 6),
        ("GROSS, JUERGEN", 83_300, 7),
        ("J. Groß", 83_300, 7),
        ("SCHAEFER VERLAG GMBH UND CO. K", 35_700, 6),  // cut off by the bank
    ])
    func amountAndSimilarName(payer: String, cents: Int64, invoiceId: Int64) throws {
        // Given a transfer without a number, of exactly the open amount, from a payer spelled differently
        let entry = Fixture.credit(cents, from: payer, text: "Vielen Dank")
        let match = try #require(Self.matchOne(entry), "no match for \(payer)")
        // Then it is matched by amount and name, above the threshold
        #expect(match.reason == .amountAndName, "\(payer)")
        #expect(match.allocations == [MatchAllocation(invoiceId: invoiceId, amount: Money(cents: cents))], "\(payer)")
        #expect(match.confidence >= 80, "\(payer)")
    }

    @Test func amountAndKnownIBANWithAnotherName() throws {
        let entry = Fixture.credit(119_000, from: "Lohnbüro Schmitz", text: "Zahlung", iban: Self.knownIBAN)
        let match = try #require(Self.matchOne(entry))
        #expect(match.reason == .amountAndName)
        #expect(match.allocations.map(\.invoiceId) == [1])
        #expect(match.confidence >= 85)
    }

    @Test func similarButDifferentCustomerIsNotEnough() throws {
        // "Müller Verlag" is not "Müller & Söhne": the amount is 2026-0001's, so it is a weak amount-only match
        let match = try #require(Self.matchOne(Fixture.credit(119_000, from: "MUELLER VERLAG", text: "Danke")))
        #expect(match.reason == .amountOnly)
        #expect(match.allocations.map(\.invoiceId) == [1])
        #expect(match.confidence < 80)
    }

    @Test func amountOnlyMustBeUnique() {
        let twins = [
            Fixture.invoice(1, "2026-0001", customer: 1, open: 50_000),
            Fixture.invoice(2, "2026-0002", customer: 2, "Café Süßholz", open: 50_000),
        ]
        let result = PaymentMatcher.match([Fixture.credit(50_000, from: "Unbekannt", text: "Danke")], against: twins)
        #expect(result.isEmpty)
    }

    @Test func nameOnlyIsLowAndServesOldestFirst() throws {
        let invoices = [
            Fixture.invoice(1, "2026-0009", customer: 1, open: 30_000, due: "2026-03-01"),
            Fixture.invoice(2, "2026-0004", customer: 1, open: 20_000, due: "2026-02-01"),
        ]
        let entry = Fixture.credit(25_000, from: "MUELLER & SOEHNE GMBH", text: "Abschlag")
        let match = try #require(PaymentMatcher.match([entry], against: invoices)[entry.identity])
        #expect(match.reason == .nameOnly)
        #expect(match.confidence < 80)
        #expect(match.allocations == [
            MatchAllocation(invoiceId: 2, amount: Money(cents: 20_000)), MatchAllocation(invoiceId: 1, amount: Money(cents: 5_000)),
        ])
    }

    @Test func customerInvoicesPaidTogetherWithoutNumbers() throws {
        let invoices = [
            Fixture.invoice(1, "2026-0011", customer: 1, "Café Süßholz", open: 30_000, due: "2026-03-01"),
            Fixture.invoice(2, "2026-0012", customer: 1, "Café Süßholz", open: 20_000, due: "2026-02-01"),
            Fixture.invoice(3, "2026-0013", customer: 2, open: 40_000),
        ]
        let entry = Fixture.credit(50_000, from: "CAFE SUESSHOLZ", text: "Januar und Februar")
        let match = try #require(PaymentMatcher.match([entry], against: invoices)[entry.identity])
        #expect(match.reason == .amountAndName)
        #expect(match.allocations.map(\.invoiceId) == [2, 1])
        #expect(match.allocations.map(\.amount) == [Money(cents: 20_000), Money(cents: 30_000)])
    }

    @Test func typoInNumberAgainstAmountOfAnotherInvoiceIsReviewed() throws {
        // The customer names 2026-0021 but pays exactly 2026-0022's amount: ask instead of guessing
        let invoices = [
            Fixture.invoice(1, "2026-0021", customer: 1, "Café Süßholz", open: 30_000),
            Fixture.invoice(2, "2026-0022", customer: 1, "Café Süßholz", open: 45_000),
        ]
        let entry = Fixture.credit(45_000, from: "CAFE SUESSHOLZ", text: "RE 2026-0021")
        let match = try #require(PaymentMatcher.match([entry], against: invoices)[entry.identity])
        #expect(match.confidence < 80)
    }

    @Test func typoNamingAnotherCustomersInvoiceFallsBackToAmountAndName() throws {
        // Café Süßholz pays its own 2026-0002 in full but types Köhler's number 2026-0003
        let entry = Fixture.credit(47_600, from: "CAFE SUESSHOLZ", text: "RE 2026-0003")
        let match = try #require(Self.matchOne(entry))
        #expect(match.reason == .amountAndName)
        #expect(match.allocations.map(\.invoiceId) == [2])
        #expect(match.confidence >= 80)
    }

    @Test func payerWhoIsClearlyAnotherCustomerLowersANumberMatch() throws {
        // Weiß Medien pays with Café Süßholz's number and an amount that fits neither
        let entry = Fixture.credit(10_000, from: "Weiss Medien UG", text: "RE 2026-0002")
        let match = try #require(Self.matchOne(entry))
        #expect(match.confidence < 80)
    }
}
