import Testing

@testable import KontorCore

/// Partial payments lower the principal from the day after the payment day.
struct PartialPaymentTests {
    @Test func principalDropsTheDayAfterThePayment() throws {
        // Given 1,000 EUR B2B in default from 2026-03-01, 400 EUR paid on 2026-03-10, rest on 2026-03-31
        let interest = try DefaultInterest.compute(
            principal: euros("1000"), defaultFrom: day("2026-03-01"), through: day("2026-03-31"), debtor: .business,
            table: .standard, partialPayments: [(day("2026-03-10"), euros("400"))])
        // Then the payment day still bears interest on 1,000 EUR, from 03-11 on 600 EUR
        #expect(interest.periods.map(\.from) == [day("2026-03-01"), day("2026-03-11")])
        #expect(interest.periods.map(\.to) == [day("2026-03-10"), day("2026-03-31")])
        #expect(interest.periods.map(\.principal) == [euros("1000"), euros("600")])
        #expect(interest.periods.map(\.days) == [10, 21])
        // 1000 × 10.27 % × 10/365 = 2.81370 + 600 × 10.27 % × 21/365 = 3.54526, together 6.35896 → 6.36
        #expect(interest.periods.map(\.exactAmount.euroText) == ["2.8137", "3.5453"])
        #expect(interest.total == euros("6.36"))
    }

    @Test func paymentOnTheFirstDayOfDefaultStillBearsInterestThatDay() throws {
        let interest = try DefaultInterest.compute(
            principal: euros("1000"), defaultFrom: day("2026-03-01"), through: day("2026-03-05"), debtor: .business,
            table: .standard, partialPayments: [(day("2026-03-01"), euros("400"))])
        #expect(interest.periods.map(\.principal) == [euros("1000"), euros("600")])
        #expect(interest.periods.map(\.days) == [1, 4])
    }

    @Test func paymentsBeforeDefaultAndOverpaymentsAndLatePayments() throws {
        // A payment before default lowers the principal from the first day of default
        let early = try DefaultInterest.compute(
            principal: euros("1000"), defaultFrom: day("2026-03-01"), through: day("2026-03-31"), debtor: .business,
            table: .standard, partialPayments: [(day("2026-02-20"), euros("250"))])
        #expect(early.periods.map(\.principal) == [euros("750")])
        // Paying everything ends interest after the payment day
        let full = try DefaultInterest.compute(
            principal: euros("1000"), defaultFrom: day("2026-03-01"), through: day("2026-03-31"), debtor: .business,
            table: .standard, partialPayments: [(day("2026-03-05"), euros("600")), (day("2026-03-05"), euros("600"))])
        #expect(full.periods.map(\.to) == [day("2026-03-05")])
        #expect(full.days == 5)
        // A payment after the end is ignored
        let late = try DefaultInterest.compute(
            principal: euros("1000"), defaultFrom: day("2026-03-01"), through: day("2026-03-31"), debtor: .business,
            table: .standard, partialPayments: [(day("2026-03-31"), euros("500")), (day("2026-04-10"), euros("1"))])
        #expect(late.periods.count == 1 && late.days == 31)
    }

    @Test func negativeInputsAreRejected() {
        #expect(throws: LegalError.negativeAmount(what: .principal)) {
            try DefaultInterest.compute(principal: euros("-1"), defaultFrom: day("2026-03-01"),
                                        through: day("2026-03-31"), debtor: .business, table: .standard)
        }
        #expect(throws: LegalError.negativeAmount(what: .partialPayment)) {
            try DefaultInterest.compute(principal: euros("1"), defaultFrom: day("2026-03-01"),
                                        through: day("2026-03-31"), debtor: .business, table: .standard,
                                        partialPayments: [(day("2026-03-02"), euros("-1"))])
        }
    }

    @Test func hugeAmountsThrowInsteadOfOverflowing() throws {
        #expect(throws: LegalError.amountTooLarge) {
            try DefaultInterest.compute(principal: Money(cents: .max / 100), defaultFrom: day("2016-07-01"),
                                        through: day("2026-06-30"), debtor: .business, table: .standard)
        }
        // A hundred million euros over ten years still computes exactly
        let big = try DefaultInterest.compute(
            principal: euros("100000000"), defaultFrom: day("2016-07-01"), through: day("2026-06-30"),
            debtor: .business, table: .standard)
        #expect(big.total > euros("80000000"))
    }
}
