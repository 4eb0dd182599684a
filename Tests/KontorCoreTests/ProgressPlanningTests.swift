import PropertyBased
import Testing

@testable import KontorCore

/// Logged work shrinks what the planner plans: progress never moves a deadline warning earlier or adds one.
struct ProgressPlanningTests {
    let monday = Day("2026-11-30")!
    let capacity = WorkingCapacity(state: .NW)

    static let jobs = zip(Gen.int(in: 1...40), Gen.int(in: 0...50), Gen.int(in: 0...3))
        .map { hours, deadline, priority in (hours: Int64(hours * 500), deadline: deadline, priority: priority) }
        .array(of: 1...20)

    func job(_ index: Int, hours: Int64, deadline: Int) -> Job {
        Job(id: Int64(index + 1), customerId: 1, title: "Auftrag \(index)", effortHours: Quantity(thousandths: hours),
            deadline: monday.adding(days: deadline), status: .inProgress, createdOn: monday)
    }

    @Test func loggingProgressNeverMovesADeadlineWarningEarlier() async {
        let picks = Gen.int(in: 0...19)
        await propertyCheck(count: 200, input: Self.jobs, picks, Gen.int(in: 1...60)) { generated, pick, logged in
            let jobs = generated.enumerated().map { job($0, hours: $1.hours, deadline: $1.deadline) }
            let target = jobs[pick % jobs.count]
            let log = WorkLog(jobId: target.id, day: monday, hours: Quantity(thousandths: Int64(logged * 250)))
            let before = CapacityPlanner.plan(
                jobs.compactMap { PlanItem.remaining(of: $0, logs: []) }, capacity: capacity, from: monday)
            let after = CapacityPlanner.plan(
                jobs.compactMap { PlanItem.remaining(of: $0, logs: $0.id == target.id ? [log] : []) },
                capacity: capacity, from: monday)
            // No job becomes at risk by logging work, and no job finishes later than before.
            #expect(Set(after.atRisk).isSubset(of: Set(before.atRisk)))
            for job in jobs {
                let earlier = before.finishes[job.id] ?? monday.adding(days: before.horizon)
                let later = after.finishes[job.id] ?? monday.adding(days: after.horizon)
                #expect(later <= earlier, "job \(job.id) finished \(later) instead of \(earlier)")
            }
            // And the logged job's remaining effort is its estimate less the log, never below zero.
            let remaining = PlanItem.remaining(of: target, logs: [log])?.hours
            #expect(remaining == max(0, target.effortHours!.thousandths - log.hours.thousandths))
        }
    }

    @Test func aJobOnTrackIsNoLongerAtRiskOnceItsWorkIsLogged() {
        // A 30-hour job due Wednesday cannot be written from Monday on (6 h a day): at risk.
        let job = job(0, hours: 30_000, deadline: 2)
        let open = CapacityPlanner.plan([PlanItem.remaining(of: job, logs: [])!], capacity: capacity, from: monday)
        #expect(open.atRisk == [job.id])
        // 24 hours were already written last week: the 6 left fit on Monday.
        let log = WorkLog(jobId: job.id, day: monday.adding(days: -3), hours: Quantity(thousandths: 24_000))
        let onTrack = CapacityPlanner.plan(
            [PlanItem.remaining(of: job, logs: [log])!], capacity: capacity, from: monday)
        #expect(onTrack.atRisk.isEmpty)
        #expect(onTrack.finishes[job.id] != nil && onTrack.finishes[job.id]! <= job.deadline!)
    }

    @Test func badEntriesAreRefusedInBothLanguages() {
        let today = monday
        #expect(throws: WorkLogError.noHours) {
            try WorkLog(jobId: 1, day: today, hours: Quantity(thousandths: 0)).checked(today: today)
        }
        #expect(throws: WorkLogError.tooManyHours(Quantity(thousandths: 25_000))) {
            try WorkLog(jobId: 1, day: today, hours: Quantity(thousandths: 25_000)).checked(today: today)
        }
        #expect(throws: WorkLogError.future(today.adding(days: 1))) {
            try WorkLog(jobId: 1, day: today.adding(days: 1), hours: Quantity(thousandths: 1000)).checked(today: today)
        }
        #expect(WorkLogError.noHours.message(.de).contains("Stunden"))
        #expect(WorkLogError.noHours.message(.en).contains("hours"))
    }
}
