import Testing

@testable import KontorCore

/// The worked examples T1–T4, T6 and T10 of LAW.md section 9, to the cent.
struct WorkedExampleTests {
    @Test func t1ReferenceCaseBusiness() throws {
        // Given 1,190.00 EUR gross, due date agreed for Sunday 2026-03-15, paid Monday 2026-05-04
        let start = try #require(DefaultStart.determine(
            dueDate: day("2026-03-15"), dueDateAgreed: true, invoiceReceived: nil, paymentRequestReceived: nil,
            debtor: .business, invoiceHasConsumerNotice: false, state: .NW))
        // Then § 193 moves the last day to pay to Monday and default begins on Tuesday
        #expect(start.lastDayWithoutInterest == day("2026-03-16"))
        #expect(start.firstDay == day("2026-03-17"))
        #expect(start.rule == .agreedCalendarDate)
        // When interest is computed through the payment day
        let interest = try DefaultInterest.compute(
            principal: euros("1190.00"), defaultFrom: start.firstDay, through: day("2026-05-04"),
            debtor: .business, table: .standard)
        // Then it is 49 days at 10.27 % = 16.4067 → 16.41, plus 40.00 lump sum = 56.41
        #expect(interest.periods.count == 1)
        let period = try #require(interest.periods.first)
        #expect(period.days == 49 && period.rateBasisPoints == 1027 && period.divisor == 365)
        #expect(period.ratePercentText == "10.27")
        #expect(period.exactAmount.euroText == "16.4067")
        #expect(interest.total == euros("16.41"))
        let claim = DunningClaim(principal: euros("1190.00"), interest: interest, debtor: .business)
        #expect(claim.lumpSum == euros("40.00"))
        #expect(claim.damages == euros("56.41"))
        #expect(claim.total == euros("1246.41"))
    }

    @Test func t1Variants() throws {
        let principal = euros("1190.00")
        // Payment day not counted: 48 days → 16.07
        let withoutPaymentDay = try DefaultInterest.compute(
            principal: principal, defaultFrom: day("2026-03-17"), through: day("2026-05-04"), debtor: .business,
            table: .standard, includesPaymentDay: false)
        #expect(withoutPaymentDay.days == 48)
        #expect(withoutPaymentDay.total == euros("16.07"))
        // Without the § 193 shift: 50 days → 16.74
        let unshifted = try DefaultInterest.compute(
            principal: principal, defaultFrom: day("2026-03-16"), through: day("2026-05-04"), debtor: .business,
            table: .standard)
        #expect(unshifted.days == 50)
        #expect(unshifted.total == euros("16.74"))
        // Consumer: 6.27 %, 49 days → 10.02 and no lump sum
        let consumer = try DefaultInterest.compute(
            principal: principal, defaultFrom: day("2026-03-17"), through: day("2026-05-04"), debtor: .consumer,
            table: .standard)
        #expect(consumer.periods.map(\.rateBasisPoints) == [627])
        #expect(consumer.total == euros("10.02"))
        #expect(LateFee.lumpSum(debtor: .consumer) == .zero)
        #expect(DunningClaim(principal: principal, interest: consumer, debtor: .consumer).damages == euros("10.02"))
    }

    @Test func t1OtherDayCountConventions() throws {
        // /365 throughout gives the same result in a common year
        let actual = try DefaultInterest.compute(
            principal: euros("1190.00"), defaultFrom: day("2026-03-17"), through: day("2026-05-04"),
            debtor: .business, table: .standard, convention: .actual365)
        #expect(actual.total == euros("16.41"))
        // 30E/360: 16 + 30 + 4 − 2 = 48 days /360 → 1190 × 0.1027 × 48 / 360 = 16.2953 → 16.30
        let thirty = try DefaultInterest.compute(
            principal: euros("1190.00"), defaultFrom: day("2026-03-17"), through: day("2026-05-04"),
            debtor: .business, table: .standard, convention: .thirty360)
        #expect(thirty.days == 48)
        #expect(thirty.periods.first?.divisor == 360)
        #expect(thirty.total == euros("16.30"))
    }

    @Test func t2ThirtyDayRuleBusiness() throws {
        // Given a due date only on the invoice, invoice received and due Monday 2026-03-02
        let start = try #require(DefaultStart.determine(
            dueDate: day("2026-03-02"), dueDateAgreed: false, invoiceReceived: day("2026-03-02"),
            paymentRequestReceived: nil, debtor: .business, invoiceHasConsumerNotice: false, state: .BE))
        // Then day 30 is Wednesday 2026-04-01 and default begins 2026-04-02
        #expect(start.rule == .thirtyDays)
        #expect(start.lastDayWithoutInterest == day("2026-04-01"))
        #expect(start.firstDay == day("2026-04-02"))
        // When paid on 2026-05-04: 33 days at 10.27 % → 11.05 EUR + 40 EUR
        let interest = try DefaultInterest.compute(
            principal: euros("1190.00"), defaultFrom: start.firstDay, through: day("2026-05-04"), debtor: .business,
            table: .standard)
        #expect(interest.days == 33)
        #expect(interest.total == euros("11.05"))
        #expect(DunningClaim(principal: euros("1190.00"), interest: interest, debtor: .business).damages
            == euros("51.05"))
    }

    @Test func t3RateChangeMidPeriod() throws {
        // Given 1,000.00 EUR B2B, due Friday 2025-06-13, default from 2025-06-14, paid 2025-07-15
        let interest = try DefaultInterest.compute(
            principal: euros("1000.00"), defaultFrom: day("2025-06-14"), through: day("2025-07-15"),
            debtor: .business, table: .standard)
        // Then 17 d @ 11.27 % = 5.2490 and 15 d @ 10.27 % = 4.2205, total 9.47
        #expect(interest.periods.map(\.days) == [17, 15])
        #expect(interest.periods.map(\.rateBasisPoints) == [1127, 1027])
        #expect(interest.periods.map(\.exactAmount.euroText) == ["5.2490", "4.2205"])
        #expect(interest.periods.map(\.to) == [day("2025-06-30"), day("2025-07-15")])
        #expect(interest.total == euros("9.47"))
    }

    @Test func t4LeapYearBoundary() throws {
        // Given 2,380.00 EUR B2B in default 2024-12-16 through 2025-01-15
        let leap = try DefaultInterest.compute(
            principal: euros("2380.00"), defaultFrom: day("2024-12-16"), through: day("2025-01-15"),
            debtor: .business, table: .standard)
        // Then 16 d @ 12.37 %/366 = 12.8702 and 15 d @ 11.27 %/365 = 11.0230 → 23.89
        #expect(leap.periods.map(\.days) == [16, 15])
        #expect(leap.periods.map(\.divisor) == [366, 365])
        #expect(leap.periods.map(\.exactAmount.euroText) == ["12.8702", "11.0230"])
        #expect(leap.total == euros("23.89"))
        // With /365 throughout: 12.9055 + 11.0230 → 23.93
        let flat = try DefaultInterest.compute(
            principal: euros("2380.00"), defaultFrom: day("2024-12-16"), through: day("2025-01-15"),
            debtor: .business, table: .standard, convention: .actual365)
        #expect(flat.periods.map(\.exactAmount.euroText) == ["12.9055", "11.0230"])
        #expect(flat.total == euros("23.93"))
    }

    @Test func leapYearSplitWithoutRateChange() throws {
        // 2023-12-20 … 2024-01-10 has one rate change (2024-01-01), 2027-12-20 … 2028-01-10 only the divisor
        var table = BaseRateTable.standard
        for start in ["2026-07-01", "2027-01-01", "2027-07-01", "2028-01-01"] {
            try table.add(BaseRate(validFrom: day(start), basisPoints: 127))
        }
        let interest = try DefaultInterest.compute(
            principal: euros("1000"), defaultFrom: day("2027-12-20"), through: day("2028-01-10"), debtor: .business,
            table: table)
        #expect(interest.periods.map(\.divisor) == [365, 366])
        #expect(interest.periods.map(\.days) == [12, 10])
        // And across 2026/2027 (both common years) nothing changes, so it stays one period
        let common = try DefaultInterest.compute(
            principal: euros("1000"), defaultFrom: day("2026-12-20"), through: day("2027-01-10"), debtor: .business,
            table: table)
        #expect(common.periods.count == 1 && common.days == 22)
    }

    @Test func t6Limitation() {
        #expect(Limitation.end(dueOn: day("2026-03-02")) == day("2029-12-31"))
        #expect(Limitation.end(dueOn: day("2026-12-31")) == day("2029-12-31"))
        #expect(Limitation.end(dueOn: day("2026-01-01")) == day("2029-12-31"))
        #expect(Limitation.end(dueOn: day("2026-11-01"), knownOn: day("2027-02-01")) == day("2030-12-31"))
        // 2029-12-31 is a Monday: no shift; 2028-12-31 is a Sunday
        #expect(Limitation.lastDayToAct(dueOn: day("2026-05-04"), state: .BY) == day("2029-12-31"))
        #expect(Limitation.lastDayToAct(dueOn: day("2025-05-04"), state: .BY) == day("2029-01-02"))
    }

    @Test func t10NoVATOnDunning() {
        // Given a reminder with 16.41 EUR interest and the 40 EUR lump sum
        let claim = DunningClaim(principal: euros("1190.00"), interest: euros("16.41"), lumpSum: euros("40.00"))
        // Then no VAT is charged on either
        #expect(claim.vat == .zero)
        #expect(claim.damages == euros("56.41"))
        #expect(claim.total == euros("1246.41"))
    }
}
