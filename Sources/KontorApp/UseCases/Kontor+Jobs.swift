public import KontorCore
import Foundation

extension Kontor {
    /// Adds a job without a quote (e.g. a regular customer's small order by phone).
    public func addJob(
        customerId: Int64, title: String, on day: Day, effortHours: Quantity?, deadline: Day?,
        includedRevisions: Int = 2, priority: Int = 0
    ) async throws -> Job {
        guard !title.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw InputError.missing(what: .jobTitle, fix: "--title")
        }
        guard includedRevisions >= 0 else { throw InputError.negative(what: .numberOfRevisions, text: "\(includedRevisions)") }
        let creator = BookActor.signedInName
        let ownWriter = Self.ownWriter
        return try await store.write { book in
            _ = try book.requireCustomer(customerId)
            let job = try book.insert(job: Job(
                customerId: customerId, title: title, effortHours: effortHours, deadline: deadline,
                includedRevisions: includedRevisions, priority: priority, createdOn: day, createdBy: creator,
                writer: ownWriter))
            try book.promote(customerId: customerId, to: .new)
            return job
        }
    }

    /// A job a writer signed in to the web app creates is theirs to write; at the machine, or made by the owner or
    /// an assistant, it is the book's own work until assigned.
    static var ownWriter: String? { BookActor.role == .writer ? BookActor.signedInName : nil }

    /// Assigns an open job to a writer (a web user's login name), whose own hours and vacations then plan it; nil
    /// gives it back to the book's own work.
    /// - Throws: `AppError.notFound` for an unknown job or user, `WorkflowError.jobClosed` for a finished job.
    public func assignJob(id: Int64, to writer: String?) async throws -> Job {
        try Self.authorize(.workOnJobs)
        return try await store.write { book in
            var job = try book.requireJob(id)
            guard job.isEditable else { throw WorkflowError.jobClosed(id: id) }
            if let writer, try book.webUser(name: writer) == nil { throw AppError.notFound(.webUser, id: writer) }
            job.writer = writer
            try book.update(job: job)
            return job
        }
    }

    /// Jobs, open ones only unless `all`.
    public func jobs(all: Bool = false, customerId: Int64? = nil) async throws -> [Job] {
        try await store.read { try $0.jobs(openOnly: !all, customerId: customerId, deadlineOnOrBefore: nil) }
    }

    /// One job with its revisions.
    public func job(id: Int64) async throws -> Job {
        try await store.read { try $0.requireJob(id) }
    }

    /// Moves a job on: start, deliver, accept.
    public func advanceJob(id: Int64, to status: JobStatus, on day: Day) async throws -> Job {
        try await store.write { book in
            var job = try book.requireJob(id)
            try job.advance(to: status, on: day)
            try book.update(job: job)
            return job
        }
    }

    /// Records a revision round with one change request or critique on a delivered job.
    public func reviseJob(id: Int64, kind: RevisionKind, note: String, on day: Day) async throws -> Job {
        try await reviseJob(id: id, notes: [RevisionNote(kind: kind, text: note)], on: day)
    }

    /// Records one revision round on a delivered job with all the points the customer sent back (critique and
    /// change requests together); rounds beyond the included ones are billable, whatever their number of notes.
    public func reviseJob(id: Int64, notes: [RevisionNote], on day: Day) async throws -> Job {
        let notes = notes.map {
            RevisionNote(kind: $0.kind, text: $0.text.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        guard !notes.isEmpty, notes.allSatisfy({ !$0.text.isEmpty }) else {
            throw InputError.missing(
                what: .revisionNote, fix: "--change TEXT or --critique TEXT")
        }
        return try await store.write { book in
            var job = try book.requireJob(id)
            try job.advance(to: .revising, on: day)
            job.revisions.append(Revision(
                requestedOn: day, notes: notes, billable: job.revisions.count >= job.includedRevisions))
            try book.update(job: job)
            return job
        }
    }
}
