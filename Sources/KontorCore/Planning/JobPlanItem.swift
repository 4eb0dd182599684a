extension PlanItem {
    /// Hours a revision round takes when nothing else is known (thousandths).
    public static let revisionHours: Int64 = 2000

    /// The work still to plan for an open job: its effort (the delivery planner's estimate for unknown work) less
    /// the hours logged on it; a revision round gets its own two hours less what was logged since it was requested.
    /// Nil for jobs that are not open. Never negative: work beyond the estimate leaves nothing to plan.
    public static func remaining(of job: Job, logs: [WorkLog]) -> PlanItem? {
        guard job.isOpen else { return nil }
        let hours: Int64
        if job.status == .revising {
            let since = job.revisions.last?.requestedOn
            let logged = logs.filter { log in since.map { log.day >= $0 } ?? true }
            hours = revisionHours - logged.map(\.hours.thousandths).reduce(0, +)
        } else {
            let effort = job.effortHours?.thousandths ?? DeliveryPlanner.smallJobHours
            hours = effort - logs.map(\.hours.thousandths).reduce(0, +)
        }
        return PlanItem(
            id: job.id, title: job.title, hours: max(0, hours), deadline: job.deadline, priority: job.priority)
    }
}
