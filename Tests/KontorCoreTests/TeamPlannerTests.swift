import Testing

@testable import KontorCore

/// An agency's agenda: each writer's jobs within their own hours and vacations, the others within the book's.
struct TeamPlannerTests {
    let monday = Day("2026-11-30")!
    let book = WorkingCapacity(state: .NW)

    @Test func eachWritersJobsFollowTheirOwnWeekAndVacation() {
        var anna = WorkingCapacity(hoursPerWeekday: [4000, 4000, 4000, 4000, 4000, 0, 0], state: .NW)
        anna.vacations = [ClosedDayRange(first: monday, last: monday.adding(days: 4))]
        let items = [
            PlanItem(id: 1, title: "Broschüre", hours: 6_000, deadline: monday.adding(days: 10)),
            PlanItem(id: 2, title: "Blog", hours: 8_000, deadline: monday.adding(days: 10)),
            PlanItem(id: 3, title: "Pressetext", hours: 2_000, deadline: monday.adding(days: 2)),
        ]
        let plan = TeamPlanner.plan(
            items, writers: [2: "anna", 3: "ben"], capacities: ["anna": anna], capacity: book, from: monday)
        // The book's job on Monday; Ben has no week of his own and writes with the book's hours beside it; Anna is
        // away all week and writes 4 h a day from the next Monday.
        #expect(plan.finishes[1] == monday)
        #expect(plan.finishes[3] == monday)
        #expect(plan.slots.filter { $0.itemId == 2 }.map(\.day) == [monday.adding(days: 7), monday.adding(days: 8)])
        #expect(plan.itemWriters == [2: "anna", 3: "ben"])
        // Monday's hours: the book's 6 and Ben's 6 (Anna is away); a day's slots come the book's first, then by name.
        #expect(plan.availableHours(on: monday) == 12_000)
        #expect(plan.slots.filter { $0.day == monday }.map(\.itemId) == [1, 3])
        #expect(plan.freeHours(on: monday) == 4_000)
        #expect(plan.atRisk.isEmpty)
        // Next Monday: 6 h of the book, 6 of Ben's, 4 of Anna's.
        #expect(plan.availableHours(on: monday.adding(days: 7)) == 16_000)
    }

    @Test func withoutWritersItIsTheOnePlannersPlan() {
        let items = (1...20).map {
            PlanItem(id: Int64($0), title: "Auftrag \($0)", hours: Int64($0 * 900), deadline: monday.adding(days: $0))
        }
        let team = TeamPlanner.plan(items, writers: [:], capacities: [:], capacity: book, from: monday)
        let one = CapacityPlanner.plan(items, capacity: book, from: monday)
        #expect(team == one)
    }
}
