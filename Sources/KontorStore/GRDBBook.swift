import GRDB
import KontorApp
import KontorCore

/// The book seen through one database access (a read or a write transaction).
struct GRDBBook: BookWriter {
    let db: Database

    // MARK: - Profile

    func profile() throws -> BusinessProfile? {
        guard let json = try String.fetchOne(db, sql: "SELECT json FROM profile WHERE id = 1") else { return nil }
        return try SnapshotJSON.decode(BusinessProfile.self, json)
    }

    func save(profile: BusinessProfile) throws {
        try db.execute(
            sql: "INSERT INTO profile (id, json) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET json = excluded.json",
            arguments: [try SnapshotJSON.encode(profile)])
    }

    // MARK: - Customers

    func customer(id: Int64) throws -> Customer? {
        try CustomerRecord.fetchOne(db, key: id)?.domain()
    }

    func customers(status: CustomerStatus?, search: String?) throws -> [Customer] {
        try customerRequest(status: status, search: search)
            .order(Column("name").collating(.customerName), Column("id"))
            .fetchAll(db).map { try $0.domain() }
    }

    func customer(email: String) throws -> Customer? {
        try CustomerRecord.fetchOne(
            db, sql: "SELECT * FROM customer WHERE lower(email) = lower(?) ORDER BY id LIMIT 1", arguments: [email]
        )?.domain()
    }

    func customer(name: String) throws -> Customer? {
        try CustomerRecord.fetchOne(
            db, sql: "SELECT * FROM customer WHERE name = ? COLLATE NOCASE ORDER BY id LIMIT 1", arguments: [name]
        )?.domain()
    }

    func bookVersion() throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT version FROM bookVersion WHERE id = 1") ?? 0
    }

    func customerNames(ids: Set<Int64>) throws -> [Int64: String] {
        guard !ids.isEmpty else { return [:] }
        let rows = try Row.fetchAll(
            db, sql: "SELECT id, name FROM customer WHERE id IN (SELECT value FROM json_each(?))",
            arguments: [try SnapshotJSON.encode(Array(ids))])
        return Dictionary(uniqueKeysWithValues: rows.map { ($0[0] as Int64, $0[1] as String) })
    }

    func insert(customer: Customer) throws -> Customer {
        var record = CustomerRecord(customer)
        try record.insert(db)
        return try record.domain()
    }

    func update(customer: Customer) throws {
        try CustomerRecord(customer).update(db)
    }

    // MARK: - Inquiries

    func inquiry(id: Int64) throws -> Inquiry? {
        try InquiryRecord.fetchOne(db, key: id)?.domain()
    }

    func inquiries(statuses: [InquiryStatus]?, customerId: Int64?) throws -> [Inquiry] {
        var request = InquiryRecord.all()
        if let statuses { request = request.filter(statuses.map(\.rawValue).contains(Column("status"))) }
        if let customerId { request = request.filter(Column("customerId") == customerId) }
        return try request.order(Column("receivedOn"), Column("id")).fetchAll(db).map { try $0.domain() }
    }

    func insert(inquiry: Inquiry) throws -> Inquiry {
        var record = InquiryRecord(inquiry)
        try record.insert(db)
        return try record.domain()
    }

    func update(inquiry: Inquiry) throws {
        try InquiryRecord(inquiry).update(db)
    }

    // MARK: - Quotes

    func quote(id: Int64) throws -> Quote? {
        guard let record = try QuoteRecord.fetchOne(db, key: id) else { return nil }
        return try record.domain(lines: quoteLines(id))
    }

    func quotes(customerId: Int64?) throws -> [Quote] {
        var request = QuoteRecord.all()
        if let customerId { request = request.filter(Column("customerId") == customerId) }
        return try request.order(Column("createdOn").desc, Column("id").desc).fetchAll(db)
            .map { try $0.domain(lines: quoteLines($0.id!)) }
    }

    func quoteLines(_ quoteId: Int64) throws -> [DocumentLine] {
        try QuoteLineRecord.filter(Column("quoteId") == quoteId).order(Column("position")).fetchAll(db)
            .map { try $0.domain() }
    }

    func insert(quote: Quote) throws -> Quote {
        var record = QuoteRecord(quote)
        try record.insert(db)
        try replaceLines(quoteId: record.id!, quote.lines)
        return try record.domain(lines: quote.lines)
    }

    func update(quote: Quote) throws {
        try QuoteRecord(quote).update(db)
        try replaceLines(quoteId: quote.id, quote.lines)
    }

    private func replaceLines(quoteId: Int64, _ lines: [DocumentLine]) throws {
        try QuoteLineRecord.filter(Column("quoteId") == quoteId).deleteAll(db)
        for (position, line) in lines.enumerated() {
            try QuoteLineRecord(quoteId: quoteId, position: position, line: line).insert(db)
        }
    }

    // MARK: - Jobs

    func job(id: Int64) throws -> Job? {
        guard let record = try JobRecord.fetchOne(db, key: id) else { return nil }
        return try record.domain(revisions: revisionRounds(jobIds: [id])[id] ?? [])
    }

    func jobs(openOnly: Bool, customerId: Int64?, deadlineOnOrBefore: Day?) throws -> [Job] {
        var request = JobRecord.all()
        if openOnly {
            request = request.filter([JobStatus.planned, .inProgress, .revising].map(\.rawValue).contains(Column("status")))
        }
        if let customerId { request = request.filter(Column("customerId") == customerId) }
        if let deadlineOnOrBefore {
            request = request.filter(Column("deadline") != nil && Column("deadline") <= deadlineOnOrBefore.description)
        }
        let records = try request.order(Column("deadline") == nil, Column("deadline"), Column("id")).fetchAll(db)
        // One query for all revision rounds instead of one per job.
        let rounds = try revisionRounds(jobIds: records.compactMap(\.id))
        return try records.map { try $0.domain(revisions: rounds[$0.id!] ?? []) }
    }

    /// The revision rounds of these jobs with their notes, in one query (rounds and notes in their order).
    func revisionRounds(jobIds: [Int64]) throws -> [Int64: [Revision]] {
        guard !jobIds.isEmpty else { return [:] }
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT r.id, r.jobId, r.requestedOn, r.billable, n.kind, n.text
                FROM revision r JOIN revisionNote n ON n.revisionId = r.id
                WHERE r.jobId IN (SELECT value FROM json_each(?))
                ORDER BY r.jobId, r.position, n.position
                """, arguments: [try SnapshotJSON.encode(jobIds)])
        var rounds: [Int64: [Revision]] = [:]
        var previousRound: Int64?
        for row in rows {
            let roundId: Int64 = row[0]
            let jobId: Int64 = row[1]
            let note = RevisionNote(kind: try Convert.choice(row[4] as String), text: row[5])
            if roundId == previousRound {
                rounds[jobId]![rounds[jobId]!.count - 1].notes.append(note)
            } else {
                rounds[jobId, default: []].append(
                    Revision(requestedOn: try Convert.day(row[2] as String), notes: [note], billable: row[3]))
            }
            previousRound = roundId
        }
        return rounds
    }

    func insert(job: Job) throws -> Job {
        var record = JobRecord(job)
        try record.insert(db)
        try replaceRevisions(jobId: record.id!, job.revisions)
        return try record.domain(revisions: job.revisions)
    }

    func update(job: Job) throws {
        try JobRecord(job).update(db)
        try replaceRevisions(jobId: job.id, job.revisions)
    }

    private func replaceRevisions(jobId: Int64, _ revisions: [Revision]) throws {
        // The notes go with their rounds (ON DELETE CASCADE).
        try db.execute(sql: "DELETE FROM revision WHERE jobId = ?", arguments: [jobId])
        for (position, revision) in revisions.enumerated() {
            try db.execute(
                sql: "INSERT INTO revision (jobId, position, requestedOn, billable) VALUES (?, ?, ?, ?)",
                arguments: [jobId, position, revision.requestedOn.description, revision.billable])
            let roundId = db.lastInsertedRowID
            for (index, note) in revision.notes.enumerated() {
                try db.execute(
                    sql: "INSERT INTO revisionNote (revisionId, position, kind, text) VALUES (?, ?, ?, ?)",
                    arguments: [roundId, index, note.kind.rawValue, note.text])
            }
        }
    }

    // MARK: - Notes

    func notes(customerId: Int64) throws -> [Note] {
        try NoteRecord.filter(Column("customerId") == customerId).order(Column("writtenOn"), Column("id"))
            .fetchAll(db).map { try $0.domain() }
    }

    func insert(note: Note) throws -> Note {
        var record = NoteRecord(note)
        try record.insert(db)
        return try record.domain()
    }
}
