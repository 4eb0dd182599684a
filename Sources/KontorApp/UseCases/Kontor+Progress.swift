public import KontorCore

/// A job with the work logged on it and what the planner still plans.
public struct JobProgress: Sendable {
    public var job: Job
    public var logs: [WorkLog]
    /// Hours still planned (thousandths); nil once the job is no longer open.
    public var remainingHours: Int64?

    /// Hours logged in total (thousandths).
    public var loggedHours: Int64 { logs.map(\.hours.thousandths).reduce(0, +) }
    /// Words logged in total.
    public var loggedWords: Int { logs.compactMap(\.words).reduce(0, +) }
}

extension Kontor {
    /// Records work done on an open job (`job log ID --hours 2.5 --words 1200`, the field on the job page). The
    /// agenda then plans only the effort left, so a job on track is no longer reported at risk.
    public func logWork(jobId: Int64, hours: Quantity, words: Int?, on day: Day, today: Day) async throws
        -> JobProgress
    {
        let entry = try WorkLog(jobId: jobId, day: day, hours: hours, words: words).checked(today: today)
        return try await store.write { book in
            let job = try book.requireJob(jobId)
            guard job.isOpen || job.status == .delivered else { throw WorkLogError.jobFinished(id: jobId) }
            _ = try book.insert(workLog: entry)
            return try Kontor.progress(of: job, book: book)
        }
    }

    /// The work logged on a job and the hours still planned.
    public func progress(jobId: Int64) async throws -> JobProgress {
        try await store.read { book in try Kontor.progress(of: try book.requireJob(jobId), book: book) }
    }

    static func progress(of job: Job, book: any BookReader) throws -> JobProgress {
        let logs = try book.workLogs(jobIds: [job.id])
        return JobProgress(job: job, logs: logs, remainingHours: PlanItem.remaining(of: job, logs: logs)?.hours)
    }

    /// Each logged entry as a timeline event of the job's customer.
    static func workEvents(_ logs: [WorkLog], jobs: [Job]) -> [TimelineEvent] {
        let titles = Dictionary(uniqueKeysWithValues: jobs.map { ($0.id, $0.title) })
        return logs.map { log in
            return TimelineEvent(
                day: log.day, kind: .workLogged,
                detail: titles[log.jobId], reference: "job \(log.jobId)",
                facts: TimelineFacts(
                    subject: titles[log.jobId], status: log.words.map(String.init), quantity: log.hours))
        }
    }
}
