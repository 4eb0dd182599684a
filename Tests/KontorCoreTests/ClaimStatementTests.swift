import Testing

@testable import KontorCore

struct ClaimStatementTests {
    let start = DefaultStart(firstDay: Day("2026-03-17")!, lastDayWithoutInterest: Day("2026-03-16")!, rule: .agreedCalendarDate)

    @Test func withoutPaymentsItIsLAWExampleT1() throws {
        let claim = try ClaimStatement.compute(
            gross: Money(cents: 119_000), start: start, payments: [], through: Day("2026-05-04")!, debtor: .business,
            table: .standard)
        #expect(claim.principal.cents == 119_000 && claim.interest.cents == 1641)
    }

    @Test func aPaymentInDefaultServesInterestFirst() throws {
        // 100,00 € paid on 2026-04-16 (31 days in default: 1190 × 10.27 % × 31/365 = 10.38 € interest accrued).
        let claim = try ClaimStatement.compute(
            gross: Money(cents: 119_000), start: start, payments: [(Day("2026-04-16")!, Money(cents: 10_000))],
            through: Day("2026-04-16")!, debtor: .business, table: .standard)
        #expect(claim.interest == .zero)
        #expect(claim.principal.cents == 119_000 - (10_000 - 1038))
    }

    @Test func aPaymentBeforeDefaultReducesOnlyThePrincipal() throws {
        let claim = try ClaimStatement.compute(
            gross: Money(cents: 119_000), start: start, payments: [(Day("2026-03-10")!, Money(cents: 19_000))],
            through: Day("2026-05-04")!, debtor: .business, table: .standard)
        #expect(claim.principal.cents == 100_000)
        // 1000 × 10.27 % × 49/365 = 13.79
        #expect(claim.interest.cents == 1379)
    }
}
