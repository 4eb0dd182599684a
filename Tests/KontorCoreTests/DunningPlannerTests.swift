import PropertyBased
import Testing

@testable import KontorCore

/// The escalation over random timelines: what may never happen, whatever the customer does.
struct DunningPlannerTests {
    let policy = DunningPolicy()
    let due = Day("2026-03-16")!  // a Monday

    @Test func escalatesStepByStepOnTheDefaultDays() {
        var situation = DunningSituation(dueDate: due, state: .NW, openAmount: Money(cents: 119_000))
        var today = due
        var log: [(DunningStep, Day)] = []
        while today < due.adding(days: 200) {
            if let decision = DunningPlanner.due(situation, policy: policy, today: today) {
                log.append((decision.step, today))
                situation.sent[decision.step] = today
            }
            today = today.adding(days: 1)
        }
        #expect(log.map(\.0) == DunningStep.sequence)
        #expect(log.map(\.1.description) == ["2026-03-23", "2026-04-06", "2026-04-30", "2026-05-21"])
    }

    @Test func aDueDateOnAHolidayStartsTheWaitLater() throws {
        // Due on Good Friday 2026: the debtor may pay on Tuesday 7 April (§ 193 BGB).
        let situation = DunningSituation(dueDate: try #require(Day("2026-04-03")), state: .NW, openAmount: Money(cents: 100))
        #expect(DunningPlanner.next(situation, policy: policy)?.dueOn == Day("2026-04-14"))
    }

    @Test func patientCustomersWaitLonger() {
        let situation = DunningSituation(dueDate: due, openAmount: Money(cents: 100), patientCustomer: true)
        #expect(DunningPlanner.next(situation, policy: policy)?.dueOn == due.adding(days: 11))
    }

    /// A random life of an invoice: each day the customer may pay, promise, object, settle an objection,
    /// or the writer may hold the dunning; Kontor sends whatever is due.
    struct Event: Sendable, CustomStringConvertible {
        let kind: Int
        let amountPercent: Int
        let days: Int
        var description: String { "event(\(kind), \(amountPercent) %, \(days) d)" }
    }

    static let events = zip(Gen.int(in: 0...40), Gen.int(in: 1...100), Gen.int(in: 1...30))
        .map { Event(kind: $0, amountPercent: $1, days: $2) }
        .array(of: 150...150)

    @Test func neverSkipsAndNeverDunsWhatMustNotBeDunned() async {
        await propertyCheck(count: 300, input: Self.events) { events in
            var situation = DunningSituation(dueDate: due, state: .BY, openAmount: Money(cents: 100_000))
            var sentOrder: [DunningStep] = []
            var promiseUntil: Day?
            for (offset, event) in events.enumerated() {
                let today = due.adding(days: offset)
                switch event.kind {
                case 0: situation.openAmount.cents -= situation.openAmount.cents * Int64(event.amountPercent) / 100
                case 1: situation.openAmount = .zero
                case 2:
                    let promised = today.adding(days: event.days)
                    situation.promises.append(promised)
                    promiseUntil = max(promiseUntil ?? promised, promised)
                case 3: situation.objectionOpen = true
                case 4: situation.objectionOpen = false
                case 5: situation.holdUntil = today.adding(days: event.days)
                case 6: situation.isCancelled = event.amountPercent > 95
                default: break
                }
                guard let decision = DunningPlanner.due(situation, policy: policy, today: today) else { continue }
                // Never for paid, cancelled, objected or held invoices, never during a promise.
                #expect(situation.openAmount.cents > 0 && !situation.isCancelled && !situation.objectionOpen)
                #expect(situation.holdUntil.map { today > $0 } ?? true)
                if let promiseUntil { #expect(today > promiseUntil.adding(days: policy.promiseGraceDays)) }
                // Never before the due date's waiting time, never twice, never out of order.
                #expect(today > due)
                #expect(situation.sent[decision.step] == nil)
                sentOrder.append(decision.step)
                #expect(sentOrder == Array(DunningStep.sequence.prefix(sentOrder.count)))
                situation.sent[decision.step] = today
            }
        }
    }

    @Test func defaultInterestNeverRunsBeforeDefaultBegins() async throws {
        let table = BaseRateTable.standard
        await propertyCheck(count: 200, input: Gen.int(in: 0...400), Gen.int(in: 0...120), Gen.int(in: 1...2_000_000)) {
            dueOffset, paidAfter, cents in
            let dueDate = Day("2025-01-01")!.adding(days: dueOffset)
            guard let start = DefaultStart.determine(
                dueDate: dueDate, dueDateAgreed: true, invoiceReceived: nil, paymentRequestReceived: nil,
                debtor: .business, invoiceHasConsumerNotice: false, state: .HE)
            else { return }
            let paid = dueDate.adding(days: paidAfter)
            guard paid <= table.knownThrough else { return }
            let result = try? DefaultInterest.compute(
                principal: Money(cents: Int64(cents)), defaultFrom: start.firstDay, through: paid, debtor: .business,
                table: table)
            #expect(result != nil)
            for period in result?.periods ?? [] { #expect(period.from >= start.firstDay && period.from > dueDate) }
            if paid < start.firstDay { #expect(result?.total == .zero) }
        }
    }
}
