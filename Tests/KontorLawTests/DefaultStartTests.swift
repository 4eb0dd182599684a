import Testing

@testable import KontorCore
import KontorTestTools

/// § 286 BGB: which rule starts default, and when.
struct DefaultStartTests {
    @Test func nothingAppliesWithoutAgreementReceiptOrRequest() {
        let start = DefaultStart.determine(
            dueDate: day("2026-03-02"), dueDateAgreed: false, invoiceReceived: nil, paymentRequestReceived: nil,
            debtor: .business, invoiceHasConsumerNotice: false, state: nil)
        #expect(start == nil)
    }

    @Test func consumerNeedsTheNoticeForTheThirtyDayRule() throws {
        let without = DefaultStart.determine(
            dueDate: day("2026-03-02"), dueDateAgreed: false, invoiceReceived: day("2026-03-02"),
            paymentRequestReceived: nil, debtor: .consumer, invoiceHasConsumerNotice: false, state: nil)
        #expect(without == nil)
        let with = try #require(DefaultStart.determine(
            dueDate: day("2026-03-02"), dueDateAgreed: false, invoiceReceived: day("2026-03-02"),
            paymentRequestReceived: nil, debtor: .consumer, invoiceHasConsumerNotice: true, state: nil))
        #expect(with.firstDay == day("2026-04-02") && with.rule == .thirtyDays)
    }

    @Test func thirtyDaysRunFromTheLaterOfDueDateAndReceiptAndAreShifted() throws {
        // Received 2026-03-04 (Wed), due earlier: day 30 = Fri 2026-04-03 (Karfreitag) → Tue 2026-04-07
        let start = try #require(DefaultStart.determine(
            dueDate: day("2026-03-02"), dueDateAgreed: false, invoiceReceived: day("2026-03-04"),
            paymentRequestReceived: nil, debtor: .business, invoiceHasConsumerNotice: false, state: .HH))
        #expect(start.lastDayWithoutInterest == day("2026-04-07"))
        #expect(start.firstDay == day("2026-04-08"))
        // Received first, due later (a term of 14 days agreed only implicitly): counted from the due date
        let later = try #require(DefaultStart.determine(
            dueDate: day("2026-03-16"), dueDateAgreed: false, invoiceReceived: day("2026-03-02"),
            paymentRequestReceived: nil, debtor: .business, invoiceHasConsumerNotice: false, state: .HH))
        #expect(later.lastDayWithoutInterest == day("2026-04-15"))
    }

    @Test func paymentRequestAfterDueDateStartsDefaultEarlier() throws {
        // Given a reminder received Tue 2026-03-10 for an invoice received and due 2026-03-02
        let candidates = DefaultStart.candidates(
            dueDate: day("2026-03-02"), dueDateAgreed: false, invoiceReceived: day("2026-03-02"),
            paymentRequestReceived: day("2026-03-10"), debtor: .business, invoiceHasConsumerNotice: false, state: nil)
        #expect(candidates.map(\.rule) == [.paymentRequest, .thirtyDays])
        // Then default begins with the reminder, interest from the next day
        let start = try #require(DefaultStart.determine(
            dueDate: day("2026-03-02"), dueDateAgreed: false, invoiceReceived: day("2026-03-02"),
            paymentRequestReceived: day("2026-03-10"), debtor: .business, invoiceHasConsumerNotice: false, state: nil))
        #expect(start.rule == .paymentRequest)
        #expect(start.firstDay == day("2026-03-11"))
    }

    @Test func paymentRequestBeforeTheDueDateHasNoEffect() {
        let start = DefaultStart.determine(
            dueDate: day("2026-03-16"), dueDateAgreed: false, invoiceReceived: nil,
            paymentRequestReceived: day("2026-03-13"), debtor: .consumer, invoiceHasConsumerNotice: false, state: nil)
        #expect(start == nil)
    }

    @Test func paymentRequestOnASundayDueDateWaitsForTheShiftedDay() throws {
        let start = try #require(DefaultStart.determine(
            dueDate: day("2026-03-15"), dueDateAgreed: false, invoiceReceived: nil,
            paymentRequestReceived: day("2026-03-15"), debtor: .business, invoiceHasConsumerNotice: false, state: nil))
        #expect(start.firstDay == day("2026-03-17"))
    }

    @Test func agreedDateWinsWhenEarlier() throws {
        let start = try #require(DefaultStart.determine(
            dueDate: day("2026-03-16"), dueDateAgreed: true, invoiceReceived: day("2026-03-02"),
            paymentRequestReceived: day("2026-03-20"), debtor: .consumer, invoiceHasConsumerNotice: true,
            state: .BY))
        #expect(start.rule == .agreedCalendarDate)
        #expect(start.firstDay == day("2026-03-17"))
    }

    @Test func defaultNeverStartsOnOrBeforeTheDueDate() {
        var generator = SeededGenerator(seed: 286)
        let base = day("2024-01-01")
        for _ in 0..<2_000 {
            let due = base.adding(days: Int.random(in: 0..<900, using: &generator))
            let received: Day? = Bool.random(using: &generator)
                ? due.adding(days: Int.random(in: -20...20, using: &generator)) : nil
            let request: Day? = Bool.random(using: &generator)
                ? due.adding(days: Int.random(in: -10...60, using: &generator)) : nil
            let state = (GermanState.allCases + [nil]).randomElement(using: &generator) ?? nil
            for candidate in DefaultStart.candidates(
                dueDate: due, dueDateAgreed: Bool.random(using: &generator), invoiceReceived: received,
                paymentRequestReceived: request, debtor: Bool.random(using: &generator) ? .business : .consumer,
                invoiceHasConsumerNotice: Bool.random(using: &generator), state: state)
            {
                #expect(candidate.firstDay > due)
                #expect(candidate.firstDay == candidate.lastDayWithoutInterest.adding(days: 1))
                // A last day to pay is always a working day; a payment request may arrive on any day
                if candidate.rule != .paymentRequest {
                    #expect(GermanHolidays.isWorkingDay(candidate.lastDayWithoutInterest, state: state))
                } else {
                    #expect(request.map { candidate.lastDayWithoutInterest >= $0 } == true)
                }
            }
        }
    }
}
