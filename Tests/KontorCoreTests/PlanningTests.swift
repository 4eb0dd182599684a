import PropertyBased
import Testing

@testable import KontorCore

/// The planner never overfills a day, never works on a day off, and meets every deadline that can be met.
struct PlanningTests {
    let monday = Day("2026-11-30")!
    let capacity = WorkingCapacity(state: .NW)

    @Test func fillsDaysEarliestDeadlineFirstAndSplitsJobs() {
        let plan = CapacityPlanner.plan([
            PlanItem(id: 1, title: "Broschüre", hours: 10_000, deadline: monday.adding(days: 10)),
            PlanItem(id: 2, title: "Pressetext", hours: 3_000, deadline: monday.adding(days: 1)),
        ], capacity: capacity, from: monday)
        // Monday: 3 h press text, 3 h brochure; Tuesday 6 h; Wednesday 1 h.
        #expect(plan.slots.map { "\($0.day.description) \($0.itemId) \($0.hours)" } == [
            "2026-11-30 2 3000", "2026-11-30 1 3000", "2026-12-01 1 6000", "2026-12-02 1 1000",
        ])
        #expect(plan.finishes[2] == monday && plan.finishes[1] == monday.adding(days: 2))
        #expect(plan.atRisk.isEmpty)
    }

    @Test func flagsDeadlinesAtRiskAndSkipsHolidaysAndVacations() {
        var away = capacity
        away.vacations = [ClosedDayRange(first: Day("2026-12-21")!, last: Day("2027-01-01")!)]
        let plan = CapacityPlanner.plan([
            PlanItem(id: 1, title: "Jahresbericht", hours: 60_000, deadline: Day("2026-12-18")),
        ], capacity: away, from: monday)
        // 15 working days until 18.12. × 6 h = 90 h ≥ 60 h: on time.
        #expect(plan.atRisk.isEmpty)
        let late = CapacityPlanner.plan([
            PlanItem(id: 1, title: "Jahresbericht", hours: 120_000, deadline: Day("2026-12-18")),
        ], capacity: away, from: monday)
        #expect(late.atRisk == [1])
        // Christmas, New Year and the vacation carry no work.
        #expect(!late.slots.contains { away.hours(on: $0.day) == 0 })
        #expect(late.finishes[1]! >= Day("2027-01-04")!)
    }

    @Test func proposalsNeverSayNoCapacity() {
        // Empty agenda: a small job tomorrow.
        let empty = DeliveryPlanner.propose(hours: 3_000, items: [], capacity: capacity, today: monday)
        #expect(empty.deliveryDate == monday.adding(days: 1) && empty.fitsInBetween)
        // Full agenda for three weeks: a tiny job still fits in between because the big job's deadline allows it.
        let full = [PlanItem(id: 1, title: "Buch", hours: 90_000, deadline: monday.adding(days: 30))]
        let tiny = DeliveryPlanner.propose(hours: 2_000, items: full, capacity: capacity, today: monday)
        #expect(tiny.fitsInBetween && tiny.deliveryDate == monday.adding(days: 1))
        // A large job comes after the planned work, with a first piece sooner.
        let large = DeliveryPlanner.propose(hours: 30_000, items: full, capacity: capacity, today: monday)
        #expect(!large.fitsInBetween && large.deliveryDate > monday.adding(days: 14))
        #expect(large.firstPiece != nil && large.firstPiece!.deliveryDate < large.deliveryDate)
        // A tight agenda: the small job waits until the deadline work is done, but still gets a date.
        let tight = [PlanItem(id: 1, title: "Eilig", hours: 12_000, deadline: monday.adding(days: 1))]
        let waits = DeliveryPlanner.propose(hours: 3_000, items: tight, capacity: capacity, today: monday)
        #expect(waits.deliveryDate == monday.adding(days: 3))
    }

    @Test func vacationInBetweenMovesTheDate() {
        var away = capacity
        away.vacations = [ClosedDayRange(first: monday.adding(days: 1), last: monday.adding(days: 12))]
        let proposal = DeliveryPlanner.propose(hours: 5_000, items: [], capacity: away, today: monday)
        #expect(proposal.deliveryDate == monday.adding(days: 14))
    }

    static let jobs = zip(Gen.int(in: 1...40), Gen.int(in: 0...60), Gen.int(in: 0...3))
        .map { PlanItem(id: 0, title: "job", hours: Int64($0 * 500), deadline: nil, priority: $2) }
        .array(of: 1...25)

    @Test func neverOverfillsNeverWorksOnDaysOffMeetsFeasibleDeadlines() async {
        await propertyCheck(count: 200, input: Self.jobs, Gen.int(in: 0...40)) { generated, deadlineSeed in
            let items = generated.enumerated().map { index, item in
                PlanItem(id: Int64(index), title: item.title, hours: item.hours,
                         deadline: monday.adding(days: (index * 7 + deadlineSeed) % 45), priority: item.priority)
            }
            let plan = CapacityPlanner.plan(items, capacity: capacity, from: monday)
            var perDay: [Day: Int64] = [:]
            for slot in plan.slots { perDay[slot.day, default: 0] += slot.hours }
            for (day, hours) in perDay {
                #expect(hours <= capacity.hours(on: day))
                #expect(capacity.hours(on: day) > 0)
            }
            for item in items {
                #expect(plan.slots.filter { $0.itemId == item.id }.map(\.hours).reduce(0, +) == item.hours)
            }
            // EDF feasibility: a deadline is missed only if the work due by then exceeds the capacity until then.
            for missed in plan.atRisk {
                let item = items.first { $0.id == missed }!
                let due = item.deadline!
                let work = items.filter { ($0.deadline ?? due) <= due }.map(\.hours).reduce(0, +)
                var available: Int64 = 0
                var day = monday
                while day <= due {
                    available += capacity.hours(on: day)
                    day = day.adding(days: 1)
                }
                #expect(work > available, "deadline \(due) was feasible")
            }
        }
    }
}
