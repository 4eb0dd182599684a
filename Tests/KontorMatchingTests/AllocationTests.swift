import KontorBanking
import KontorCore
import Testing

/// Rules 1 (several numbers), 4 (partial and over-payments), 5 (what is never matched) and 6 (greedy).
struct AllocationTests {
    static let invoices = [
        Fixture.invoice(1, "2026-0001", customer: 1, "Müller & Söhne GmbH", open: 100_000, due: "2026-03-01"),
        Fixture.invoice(2, "2026-0002", customer: 1, "Müller & Söhne GmbH", open: 50_000, due: "2026-02-01"),
        Fixture.invoice(3, "2026-0003", customer: 1, "Müller & Söhne GmbH", open: 25_000, gross: 40_000, due: "2026-02-15"),
    ]

    static func match(_ entries: [StatementEntry]) -> [String: PaymentMatch] {
        PaymentMatcher.match(entries, against: invoices)
    }

    static func cents(_ match: PaymentMatch?) -> [Int64: Int64] {
        Dictionary(uniqueKeysWithValues: (match?.allocations ?? []).map { ($0.invoiceId, $0.amount.cents) })
    }

    @Test func severalNumbersExactSum() throws {
        let entry = Fixture.credit(150_000, from: "Müller und Söhne", text: "RE 2026-0001 und 2026-0002")
        let match = try #require(Self.match([entry])["E1"])
        #expect(Self.cents(match) == [1: 100_000, 2: 50_000])
        #expect(match.overpayment == .zero)
        #expect(match.confidence >= 95)
    }

    @Test func severalNumbersTooLittleGoesByDueDate() throws {
        // 2026-0002 is due first, then 2026-0003, then 2026-0001 — whatever order the text uses
        let entry = Fixture.credit(100_000, from: "Müller und Söhne", text: "Rechnungen 2026-0001, 2026-0002, 2026-0003")
        let match = try #require(Self.match([entry])["E1"])
        #expect(match.allocations == [
            MatchAllocation(invoiceId: 2, amount: Money(cents: 50_000)),
            MatchAllocation(invoiceId: 3, amount: Money(cents: 25_000)),
            MatchAllocation(invoiceId: 1, amount: Money(cents: 25_000)),
        ])
        #expect(match.overpayment == .zero)
    }

    @Test func strayNumberBesideTheRealOneIsDropped() throws {
        // The end-to-end id 20260002 reads like invoice 2026-0002, but the amount is exactly 2026-0001's
        let entry = Fixture.credit(100_000, from: "Müller und Söhne", text: "RE 2026-0001", endToEnd: "20260002")
        let match = try #require(Self.match([entry])["E1"])
        #expect(Self.cents(match) == [1: 100_000])
        #expect(match.confidence >= 80)
    }

    @Test func continuedCounterNamesTheNextInvoice() throws {
        let entry = Fixture.credit(150_000, from: "Müller und Söhne", text: "Rg. 2026-0001/0002")
        #expect(Self.cents(Self.match([entry])["E1"]) == [1: 100_000, 2: 50_000])
    }

    @Test func partialPaymentWithNumber() throws {
        let entry = Fixture.credit(30_000, from: "MUELLER & SOEHNE GMBH", text: "Teilzahlung RE 2026-0001")
        let match = try #require(Self.match([entry])["E1"])
        #expect(match.allocations == [MatchAllocation(invoiceId: 1, amount: Money(cents: 30_000))])
        #expect(match.overpayment == .zero)
        #expect(match.confidence >= 80)
    }

    @Test func overpaymentIsNotAllocated() throws {
        let entry = Fixture.credit(110_000, from: "MUELLER & SOEHNE GMBH", text: "RE 2026-0001")
        let match = try #require(Self.match([entry])["E1"])
        #expect(match.allocations == [MatchAllocation(invoiceId: 1, amount: Money(cents: 100_000))])
        #expect(match.overpayment == Money(cents: 10_000))
    }

    @Test func grossPaidOnAPartlyPaidInvoice() throws {
        // 2026-0003 has 250 of 400 open; the customer pays the gross again
        let entry = Fixture.credit(40_000, from: "Fremde Zahlerin", text: "RE 2026-0003")
        let match = try #require(Self.match([entry])["E1"])
        #expect(match.allocations == [MatchAllocation(invoiceId: 3, amount: Money(cents: 25_000))])
        #expect(match.overpayment == Money(cents: 15_000))
        #expect(match.confidence >= 80)  // the gross fits
    }

    @Test(arguments: ["debit", "reversal", "USD", "info", "zero"])
    func neverMatched(kind: String) {
        // Given a transfer that would match 2026-0001 perfectly, were it not a debit, reversal, …
        let entry = Fixture.credit(
            kind == "zero" ? 0 : 100_000, from: "Müller & Söhne", text: "RE 2026-0001",
            direction: kind == "debit" ? .debit : .credit, currency: kind == "USD" ? "USD" : "EUR",
            reversal: kind == "reversal", status: kind == "info" ? .info : .booked)
        #expect(Self.match([entry]).isEmpty)
        // (the same transfer as a plain credit does match)
        #expect(Self.match([Fixture.credit(100_000, from: "Müller & Söhne", text: "RE 2026-0001")]).count == 1)
    }

    @Test func greedyHigherConfidenceWinsWhateverTheOrder() throws {
        // Given a weak mention of 2026-0001 before the customer's confident payment of it
        let weak = Fixture.credit(100_000, from: "Unbekannt", text: "2026-0001", id: "weak")
        let strong = Fixture.credit(100_000, from: "MUELLER UND SOEHNE", text: "RE 2026-0001", id: "strong")
        let result = Self.match([weak, strong])
        // Then the confident one gets the invoice; the other names only a covered invoice: a double payment to review
        #expect(Self.cents(result["strong"]) == [1: 100_000])
        let double = try #require(result["weak"])
        #expect(double.allocations.isEmpty)
        #expect(double.overpayment == Money(cents: 100_000))
        #expect(double.confidence < 80)
    }

    @Test func twoPartialPaymentsShareAnInvoiceUpToItsOpenAmount() {
        let first = Fixture.credit(60_000, from: "MUELLER UND SOEHNE", text: "RE 2026-0001 1. Rate", id: "a")
        let second = Fixture.credit(60_000, from: "MUELLER UND SOEHNE", text: "RE 2026-0001 2. Rate", id: "b")
        let result = Self.match([first, second])
        let total = [result["a"], result["b"]].compactMap { $0 }.flatMap(\.allocations)
            .filter { $0.invoiceId == 1 }.map(\.amount.cents).reduce(0, +)
        #expect(total == 100_000)
        #expect(result["a"]?.overpayment.cents == 0)
        #expect(result["b"]?.overpayment.cents == 20_000)
    }

    @Test func equalTransfersPayEqualInvoicesOldestFirst() {
        let retainers = [
            Fixture.invoice(1, "2026-0031", customer: 1, "Café Süßholz", open: 80_000, due: "2026-02-28"),
            Fixture.invoice(2, "2026-0020", customer: 1, "Café Süßholz", open: 80_000, due: "2026-01-31"),
        ]
        let entries = [
            Fixture.credit(80_000, from: "CAFE SUESSHOLZ", text: "Pauschale", id: "jan"),
            Fixture.credit(80_000, from: "CAFE SUESSHOLZ", text: "Pauschale", id: "feb", on: "2026-03-01"),
        ]
        let result = PaymentMatcher.match(entries, against: retainers)
        #expect(result["jan"]?.allocations.map(\.invoiceId) == [2])
        #expect(result["feb"]?.allocations.map(\.invoiceId) == [1])
        #expect(result.values.allSatisfy { $0.confidence >= 80 })
    }

    @Test func collectiveBookingMatchedPartByPart() throws {
        let parts = [
            TransactionDetail(amount: Money(cents: 50_000), counterpartyName: "Müller & Söhne", remittanceText: "RE 2026-0002"),
            TransactionDetail(amount: Money(cents: 25_000), counterpartyName: "Müller & Söhne", remittanceText: "RE 2026-0003"),
        ]
        let entry = Fixture.credit(75_000, from: nil, text: "Sammelgutschrift", parts: parts)
        let match = try #require(Self.match([entry])["E1"])
        #expect(Self.cents(match) == [2: 50_000, 3: 25_000])
        #expect(match.confidence >= 80)
    }

    @Test func neverMoreThanOpen() {
        let entries = (0..<5).map { Fixture.credit(70_000, from: "MUELLER UND SOEHNE", text: "RE 2026-0002", id: "E\($0)") }
        let allocated = Self.match(entries).values.flatMap(\.allocations).filter { $0.invoiceId == 2 }.map(\.amount.cents)
        #expect(allocated.reduce(0, +) == 50_000)
    }

    @Test func policyAppliesOnlyConfidentMatchesWithAllocations() {
        let policy = MatchingPolicy()
        let confident = PaymentMatch(entryIdentity: "a", allocations: [MatchAllocation(invoiceId: 1, amount: Money(cents: 1))],
                                     confidence: 80, reason: .invoiceNumber)
        #expect(policy.autoApplies(confident))
        #expect(!MatchingPolicy(autoApplyThreshold: 90).autoApplies(confident))
        #expect(!policy.autoApplies(PaymentMatch(entryIdentity: "b", allocations: [], confidence: 95, reason: .invoiceNumber,
                                                 overpayment: Money(cents: 5))))
    }
}
