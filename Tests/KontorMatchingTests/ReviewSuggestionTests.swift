import KontorBanking
import KontorCore
import Testing

/// The review queue's suggestions weigh who paid with what was paid: a known customer's open invoice comes before
/// another customer's invoice of the same amount.
struct ReviewSuggestionTests {
    static let knownIBAN = Fixture.germanIBAN(bank: "37040044", account: "0532013000")
    /// Two customers owe 171,36 €; the stranger's invoice is older, so amount and due date alone would pick it.
    static let invoices = [
        Fixture.invoice(11, "2026-0011", customer: 4, "Kulturverein Görlitz e.V.", open: 17_136, due: "2026-01-20"),
        Fixture.invoice(10, "2026-0010", customer: 3, "Buchhandlung Köhler e.K.", open: 17_136, due: "2026-02-20",
                        ibans: [Fixture.spaced(knownIBAN)]),
        Fixture.invoice(12, "2026-0012", customer: 3, "Buchhandlung Köhler e.K.", open: 5_000, due: "2026-02-01"),
    ]

    @Test func theKnownIBANsOwnInvoiceWinsOverAnEqualAmount() {
        let ranked = ReviewSuggester.rank(
            amount: Money(cents: 17_136), payerName: "Anna Schmitz", payerIBAN: Self.knownIBAN, invoices: Self.invoices)
        #expect(ranked.map(\.number) == ["2026-0010", "2026-0012", "2026-0011"])
        #expect(ranked[0].score > ranked[2].score)
    }

    @Test func aNameThePayerUsedBeforeCountsLikeTheCustomersName() {
        let history: [Int64: [String]] = [3: ["KOEHLER ANNA"]]
        let ranked = ReviewSuggester.rank(
            amount: Money(cents: 17_136), payerName: "Anna Köhler", payerIBAN: nil, invoices: Self.invoices,
            payerNames: history)
        #expect(ranked.first?.number == "2026-0010")
        // Without the history the payer is unknown: the equal amounts are ranked by due date, the older first.
        let unknown = ReviewSuggester.rank(
            amount: Money(cents: 17_136), payerName: "Anna Köhler", payerIBAN: nil, invoices: Self.invoices)
        #expect(unknown.map(\.number) == ["2026-0011", "2026-0010"])
        #expect(unknown.allSatisfy { $0.score == 40 })
    }

    @Test func theCustomersNameFitsWithoutAnyHistory() {
        let ranked = ReviewSuggester.rank(
            amount: Money(cents: 17_136), payerName: "BUCHHANDLUNG KOEHLER", payerIBAN: nil, invoices: Self.invoices)
        #expect(ranked.first?.number == "2026-0010")
        // The stranger's equal amount stays on the list, but below the payer's own invoices.
        #expect(ranked.last?.number == "2026-0011" && ranked.last?.score == 20)
    }

    @Test func nothingIsSuggestedForAnUnknownPayerAndAnUnknownAmount() {
        let ranked = ReviewSuggester.rank(
            amount: Money(cents: 4_711), payerName: "Finanzamt Köln", payerIBAN: nil, invoices: Self.invoices)
        #expect(ranked.isEmpty)
    }
}
