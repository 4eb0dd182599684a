import Foundation
import KontorBanking
import KontorCore
import Testing

/// A generated statement of 1,000 credits with known answers, and a large run for speed.
struct GeneratedStatementTests {
    @Test func thousandCreditsNoFalseAutomaticMatchAndHighRecall() throws {
        // Given ~300 customers, ~1,000 open invoices and 1,000 credits written in many ways (seeded, so repeatable)
        var generator = StatementGenerator(seed: 20_260_301)
        let statement = generator.make(customers: 300, invoices: 1000, credits: 1000)
        let policy = MatchingPolicy()
        #expect(statement.entries.filter(\.isCredit).count == 1000)
        #expect(Set(statement.invoices.map(\.customerId)).count >= 250)

        // When matched
        let result = PaymentMatcher.match(statement.entries, against: statement.invoices)

        // Then every automatic match is right
        var applied = 0
        var correct = 0
        var wrong: [String] = []
        var missedByKind: [GeneratedStatement.Kind: Int] = [:]
        for entry in statement.entries {
            let match = result[entry.identity]
            let expected = statement.expected[entry.identity]
            let kind = statement.kinds[entry.identity]
            if let match, policy.autoApplies(match) {
                applied += 1
                let got = Dictionary(uniqueKeysWithValues: match.allocations.map { ($0.invoiceId, $0.amount.cents) })
                if let expected, got == expected {
                    correct += 1
                } else {
                    wrong.append(
                        "\(entry.identity) \(kind.map { "\($0)" } ?? "debit") '\(entry.remittanceText)' from "
                            + "'\(entry.counterpartyName ?? "")': got \(got) (\(match.reason), \(match.confidence)), "
                            + "expected \(expected.map { "\($0)" } ?? "nothing")")
                }
            } else if expected != nil, let kind {
                missedByKind[kind, default: 0] += 1
            }
        }
        let matchable = statement.expected.count
        let precision = applied == 0 ? 1 : Double(correct) / Double(applied)
        let recall = Double(correct) / Double(matchable)
        print(
            "Generated statement: \(matchable) matchable of \(statement.entries.count) entries; applied \(applied), "
                + "correct \(correct), wrong \(wrong.count); precision \(String(format: "%.4f", precision)), "
                + "recall \(String(format: "%.4f", recall)); missed by kind \(missedByKind.map { "\($0.key)=\($0.value)" }.sorted())")
        for line in wrong.prefix(20) { print("FALSE MATCH " + line) }
        #expect(wrong.isEmpty, "false automatic matches: \(wrong.count)")
        #expect(recall >= 0.95)

        // Unrelated credits and debits stay unmatched, even below the threshold
        let unrelated = statement.entries.filter { statement.kinds[$0.identity] == .unrelated || !$0.isCredit }
        let strays = unrelated.filter { result[$0.identity] != nil }
        for entry in strays.prefix(10) {
            print("STRAY '\(entry.remittanceText)' from '\(entry.counterpartyName ?? "")': \(result[entry.identity]!)")
        }
        #expect(strays.count == 0, "unrelated credits matched: \(strays.map(\.identity))")

        // No invoice gets more than it has open
        var allocated: [Int64: Int64] = [:]
        for match in result.values { for a in match.allocations { allocated[a.invoiceId, default: 0] += a.amount.cents } }
        let open = Dictionary(uniqueKeysWithValues: statement.invoices.map { ($0.invoiceId, $0.openAmount.cents) })
        #expect(allocated.allSatisfy { $0.value <= open[$0.key]! })
        #expect(result.values.allSatisfy { match in
            let entry = statement.entries.first { $0.identity == match.entryIdentity }!
            return match.allocatedAmount + match.overpayment == entry.amount
        })
    }

    @Test func hundredThousandEntriesAgainstTenThousandInvoices() {
        // Given 10,000 open invoices and 100,000 credits (texts as in the statement above, invoices reused)
        var generator = StatementGenerator(seed: 7)
        generator.makeCustomers(3000)
        let invoices = generator.makeInvoices(10_000, firstYear: 2023, years: 4)
        var entries: [StatementEntry] = []
        entries.reserveCapacity(100_000)
        let numbers = invoices.map(\.number)
        for k in 0..<100_000 {
            let invoice = invoices[generator.int(0...(invoices.count - 1))]
            let kind = generator.int(0...9)
            let payer = kind < 8 ? invoice.customerName : generator.pick(StatementGenerator.strangers)
            let text: String
            switch kind {
            case 0...5: text = generator.textNaming(invoice.number, payer: payer, amount: invoice.openAmount.cents)
            case 6, 7: text = "Vielen Dank"
            default: text = generator.unrelatedText(numbers: numbers)
            }
            entries.append(
                StatementEntry(
                    bookingDate: invoice.dueDate, amount: kind < 8 ? invoice.openAmount : Money(cents: 12_345),
                    direction: .credit, currency: "EUR", counterpartyName: payer, remittanceText: text, identity: "P\(k)"))
        }
        // When matched
        let clock = ContinuousClock()
        var result: [String: PaymentMatch] = [:]
        let elapsed = clock.measure { result = PaymentMatcher.match(entries, against: invoices) }
        // Then it only reports the time
        print("Matched \(entries.count) entries against \(invoices.count) invoices in \(elapsed); \(result.count) matches")
        #expect(result.count > 50_000)
    }
}
