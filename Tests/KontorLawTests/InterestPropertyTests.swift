import Testing

@testable import KontorCore
import KontorTestTools

/// Properties of default interest over many seeded random cases.
struct InterestPropertyTests {
    private struct Case {
        let principal: Money
        let from: Day
        let through: Day
        let debtor: CustomerKind
        let convention: DayCountConvention
        let payments: [(Day, Money)]
    }

    private func randomCase(_ generator: inout SeededGenerator) -> Case {
        let first = day("2016-07-01")
        let span = first.days(until: day("2026-06-30"))
        let from = first.adding(days: Int.random(in: 0...span, using: &generator))
        let through = from.adding(days: Int.random(in: -30...800, using: &generator))
        let payments = (0..<Int.random(in: 0...3, using: &generator)).map { _ in
            (from.adding(days: Int.random(in: -20...400, using: &generator)),
             Money(cents: Int64.random(in: 0...80_000, using: &generator)))
        }
        return Case(
            principal: Money(cents: Int64.random(in: 0...10_000_000, using: &generator)),
            from: from, through: min(through, day("2026-06-30")),
            debtor: Bool.random(using: &generator) ? .business : .consumer,
            convention: DayCountConvention.allCases.randomElement(using: &generator) ?? .actual365Leap366,
            payments: payments)
    }

    private func compute(_ c: Case, from: Day? = nil, through: Day? = nil) throws -> InterestCalculation {
        try DefaultInterest.compute(principal: c.principal, defaultFrom: from ?? c.from, through: through ?? c.through,
                                    debtor: c.debtor, table: .standard, convention: c.convention,
                                    partialPayments: c.payments)
    }

    @Test func neverNegativeNeverBeforeDefaultAndWithoutGaps() throws {
        var generator = SeededGenerator(seed: 288)
        for _ in 0..<3_000 {
            let c = randomCase(&generator)
            let result = try compute(c)
            #expect(result.total >= .zero)
            #expect(result.exactTotal >= .zero)
            for period in result.periods {
                #expect(period.from >= c.from && period.to <= c.through && period.from <= period.to)
                #expect(period.exactAmount >= .zero && period.principal > .zero && period.days >= 0)
                #expect(period.principal <= c.principal)
            }
            for (earlier, later) in zip(result.periods, result.periods.dropFirst()) {
                #expect(earlier.to.adding(days: 1) == later.from)
            }
            if c.convention != .thirty360, c.payments.isEmpty, c.from <= c.through, c.principal > .zero {
                #expect(result.days == c.from.days(until: c.through) + 1)
            }
        }
    }

    @Test func zeroWhenThroughIsBeforeDefault() throws {
        var generator = SeededGenerator(seed: 193)
        for _ in 0..<500 {
            let c = randomCase(&generator)
            let result = try compute(c, through: c.from.adding(days: -Int.random(in: 1...400, using: &generator)))
            #expect(result.periods.isEmpty)
            #expect(result.total == .zero)
        }
        // Also before the base-rate table begins: there is nothing to look up
        let early = try DefaultInterest.compute(principal: euros("100"), defaultFrom: day("2026-01-10"),
                                                through: day("2010-01-01"), debtor: .business, table: .standard)
        #expect(early == .none)
    }

    @Test func splittingAtAnyDayIsAdditive() throws {
        var generator = SeededGenerator(seed: 247)
        var checked = 0
        for _ in 0..<3_000 {
            let c = randomCase(&generator)
            guard c.from < c.through else { continue }
            let split = c.from.adding(days: Int.random(in: 0..<c.from.days(until: c.through), using: &generator))
            // Given the whole period and the two parts [from, split] and [split + 1, through]
            let whole = try compute(c)
            let first = try compute(c, through: split)
            let second = try compute(c, from: split.adding(days: 1))
            // Then the exact (unrounded) amounts add up, and so do the days
            #expect(first.exactTotal + second.exactTotal == whole.exactTotal)
            #expect(first.days + second.days == whole.days)
            checked += 1
        }
        #expect(checked > 2_000)
    }

    @Test func moreDaysNeverMeanLessInterest() throws {
        var generator = SeededGenerator(seed: 195)
        for _ in 0..<1_000 {
            let c = randomCase(&generator)
            guard c.through < day("2026-06-30") else { continue }
            #expect(try compute(c).exactTotal <= compute(c, through: c.through.adding(days: 1)).exactTotal)
        }
    }
}
