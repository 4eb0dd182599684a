import KontorApp
import KontorCore
import PostgresNIO

/// The profile, customers, inquiries, quotes, jobs, notes, the agenda and work logs, as the SQLite store reads and
/// writes them (`GRDBBook.swift`, `GRDBBook+Drafts.swift`, `GRDBBook+WorkLog.swift`).
extension PostgresBook {
    // MARK: - Profile

    func profile() throws -> BusinessProfile? {
        guard let json = try first(#"SELECT "json" FROM "profile" WHERE "id" = 1"#, { try $0("json", as: String.self) })
        else { return nil }
        return try SnapshotJSON.decode(BusinessProfile.self, json)
    }

    func save(profile: BusinessProfile) throws {
        let json = try SnapshotJSON.encode(profile)
        try run(
            #"""
            INSERT INTO "profile" ("id", "json") VALUES (1, \#(json))
            ON CONFLICT ("id") DO UPDATE SET "json" = EXCLUDED."json"
            """#)
    }

    // MARK: - Customers

    func customer(id: Int64) throws -> Customer? {
        try first(#"SELECT * FROM "customer" WHERE "id" = \#(id)"#) { try $0.customer() }
    }

    func customers(status: CustomerStatus?, search: String?) throws -> [Customer] {
        try rows(customerQuery("*", status: status, search: search, order: true)) { try $0.customer() }
    }

    func customer(email: String) throws -> Customer? {
        try first(
            #"""
            SELECT * FROM "customer" WHERE lower("email" COLLATE "C") = lower(\#(email) COLLATE "C")
            ORDER BY "id" LIMIT 1
            """#
        ) { try $0.customer() }
    }

    func customer(name: String) throws -> Customer? {
        try first(
            #"""
            SELECT * FROM "customer" WHERE lower("name" COLLATE "C") = lower(\#(name) COLLATE "C")
            ORDER BY "id" LIMIT 1
            """#
        ) { try $0.customer() }
    }

    func customerNames(ids: Set<Int64>) throws -> [Int64: String] {
        guard !ids.isEmpty else { return [:] }
        let names = try rows(#"SELECT "id", "name" FROM "customer" WHERE "id" = ANY(\#(ids.parameter))"#) {
            (try $0("id", as: Int64.self), try $0("name", as: String.self))
        }
        return Dictionary(uniqueKeysWithValues: names)
    }

    func customers(ids: Set<Int64>) throws -> [Int64: Customer] {
        guard !ids.isEmpty else { return [:] }
        let customers = try rows(#"SELECT * FROM "customer" WHERE "id" = ANY(\#(ids.parameter))"#) { try $0.customer() }
        return Dictionary(uniqueKeysWithValues: customers.map { ($0.id, $0) })
    }

    func customerStatuses(ids: Set<Int64>) throws -> [Int64: CustomerStatus] {
        guard !ids.isEmpty else { return [:] }
        return Dictionary(
            uniqueKeysWithValues: try rows(
                #"SELECT "id", "status" FROM "customer" WHERE "id" = ANY(\#(ids.parameter))"#
            ) { (try $0("id", as: Int64.self), try $0.choice("status", as: CustomerStatus.self)) })
    }

    func insert(customer: Customer) throws -> Customer {
        let c = customer
        let id = try one(
            #"""
            INSERT INTO "customer" (
                "name", "contactPerson", "street", "postalCode", "city", "country", "state", "email", "phone",
                "kind", "vatId", "buyerReference", "language", "notes", "status", "createdOn", "eInvoiceFormat",
                "salutation", "academicTitle")
            VALUES (
                \#(c.name), \#(c.contactPerson), \#(c.address?.street), \#(c.address?.postalCode),
                \#(c.address?.city), \#(c.address?.country), \#(c.address?.state?.rawValue), \#(c.email), \#(c.phone),
                \#(c.kind.rawValue), \#(c.vatId), \#(c.buyerReference), \#(c.language.rawValue), \#(c.notes),
                \#(c.status.rawValue), \#(c.createdOn.description), \#(c.eInvoiceFormat?.rawValue),
                \#(c.salutation?.rawValue), \#(c.academicTitle))
            RETURNING "id"
            """#
        ) { try $0("id", as: Int64.self) }
        var stored = customer
        stored.id = id
        return stored
    }

    func update(customer c: Customer) throws {
        try run(
            #"""
            UPDATE "customer" SET
                "name" = \#(c.name), "contactPerson" = \#(c.contactPerson), "street" = \#(c.address?.street),
                "postalCode" = \#(c.address?.postalCode), "city" = \#(c.address?.city),
                "country" = \#(c.address?.country), "state" = \#(c.address?.state?.rawValue), "email" = \#(c.email),
                "phone" = \#(c.phone), "kind" = \#(c.kind.rawValue), "vatId" = \#(c.vatId),
                "buyerReference" = \#(c.buyerReference), "language" = \#(c.language.rawValue),
                "notes" = \#(c.notes), "status" = \#(c.status.rawValue), "createdOn" = \#(c.createdOn.description),
                "eInvoiceFormat" = \#(c.eInvoiceFormat?.rawValue), "salutation" = \#(c.salutation?.rawValue),
                "academicTitle" = \#(c.academicTitle)
            WHERE "id" = \#(c.id)
            """#)
    }

    /// Customers with these filters (a search in name, e-mail, contact person and city, folding ASCII case like
    /// SQLite's `LIKE`, whose `%` and `_` are wildcards and which has no escape character), optionally in
    /// `CustomerOrder`.
    func customerQuery(
        _ columns: String, status: CustomerStatus?, search: String?, order: Bool, window: ListWindow? = nil
    ) -> PostgresQuery {
        var sql = #"SELECT \#(columns) FROM "customer" WHERE TRUE"#
        var binds = PostgresBindings()
        if let status {
            binds.append(status.rawValue)
            sql += #" AND "status" = $\#(binds.count)"#
        }
        if let search, !search.isEmpty {
            binds.append("%\(search)%")
            let pattern = #"lower($\#(binds.count) COLLATE "C") ESCAPE ''"#
            sql += " AND (" + ["name", "email", "contactPerson", "city"].map {
                #"lower("\#($0)" COLLATE "C") LIKE \#(pattern)"#
            }.joined(separator: " OR ") + ")"
        }
        if order { sql += #" ORDER BY "name" COLLATE "kontorCustomerName", "id""# }
        if let window {
            binds.append(window.size)
            binds.append(window.offset)
            sql += " LIMIT $\(binds.count - 1) OFFSET $\(binds.count)"
        }
        return PostgresQuery(unsafeSQL: sql, binds: binds)
    }

    // MARK: - Inquiries

    func inquiry(id: Int64) throws -> Inquiry? {
        try first(#"SELECT * FROM "inquiry" WHERE "id" = \#(id)"#) { try $0.inquiry() }
    }

    func inquiries(statuses: [InquiryStatus]?, customerId: Int64?) throws -> [Inquiry] {
        let statuses = statuses?.map(\.rawValue)
        return try rows(
            #"""
            SELECT * FROM "inquiry"
            WHERE (\#(statuses)::text[] IS NULL OR "status" = ANY(\#(statuses)))
              AND (\#(customerId)::bigint IS NULL OR "customerId" = \#(customerId))
            ORDER BY "receivedOn", "id"
            """#
        ) { try $0.inquiry() }
    }

    func insert(inquiry i: Inquiry) throws -> Inquiry {
        let id = try one(
            #"""
            INSERT INTO "inquiry" (
                "customerId", "channel", "receivedOn", "subject", "sizeQuantity", "sizeUnit", "wishedDeadline",
                "status", "answeredOn", "closedOn", "note", "contactPerson", "salutation", "academicTitle", "createdBy")
            VALUES (
                \#(i.customerId), \#(i.channel.rawValue), \#(i.receivedOn.description), \#(i.subject),
                \#(i.size?.quantity.thousandths), \#(i.size?.unit.rawValue), \#(i.wishedDeadline?.description),
                \#(i.status.rawValue), \#(i.answeredOn?.description), \#(i.closedOn?.description), \#(i.note),
                \#(i.contactPerson), \#(i.salutation?.rawValue), \#(i.academicTitle), \#(i.createdBy))
            RETURNING "id"
            """#
        ) { try $0("id", as: Int64.self) }
        var stored = i
        stored.id = id
        return stored
    }

    func update(inquiry i: Inquiry) throws {
        try run(
            #"""
            UPDATE "inquiry" SET
                "customerId" = \#(i.customerId), "channel" = \#(i.channel.rawValue),
                "receivedOn" = \#(i.receivedOn.description), "subject" = \#(i.subject),
                "sizeQuantity" = \#(i.size?.quantity.thousandths), "sizeUnit" = \#(i.size?.unit.rawValue),
                "wishedDeadline" = \#(i.wishedDeadline?.description), "status" = \#(i.status.rawValue),
                "answeredOn" = \#(i.answeredOn?.description), "closedOn" = \#(i.closedOn?.description),
                "note" = \#(i.note), "contactPerson" = \#(i.contactPerson), "salutation" = \#(i.salutation?.rawValue),
                "academicTitle" = \#(i.academicTitle), "createdBy" = \#(i.createdBy)
            WHERE "id" = \#(i.id)
            """#)
    }

    // MARK: - Quotes

    func quote(id: Int64) throws -> Quote? {
        try quotes(#"SELECT * FROM "quote" WHERE "id" = \#(id)"#).first
    }

    func quotes(customerId: Int64?) throws -> [Quote] {
        try quotes(
            #"""
            SELECT * FROM "quote" WHERE (\#(customerId)::bigint IS NULL OR "customerId" = \#(customerId))
            ORDER BY "createdOn" DESC, "id" DESC
            """#)
    }

    func insert(quote q: Quote) throws -> Quote {
        let id = try one(
            #"""
            INSERT INTO "quote" (
                "customerId", "inquiryId", "title", "createdOn", "validUntil", "paymentTermDays",
                "includedRevisions", "status", "decidedOn", "loyaltyPercent", "deliveryDate", "firstPartDate",
                "createdBy")
            VALUES (
                \#(q.customerId), \#(q.inquiryId), \#(q.title), \#(q.createdOn.description),
                \#(q.validUntil.description), \#(q.paymentTermDays), \#(q.includedRevisions), \#(q.status.rawValue),
                \#(q.decidedOn?.description), \#(q.loyaltyPercent), \#(q.deliveryDate?.description),
                \#(q.firstPartDate?.description), \#(q.createdBy))
            RETURNING "id"
            """#
        ) { try $0("id", as: Int64.self) }
        try replaceLines(quoteId: id, q.lines)
        var stored = q
        stored.id = id
        return stored
    }

    func update(quote q: Quote) throws {
        try run(
            #"""
            UPDATE "quote" SET
                "customerId" = \#(q.customerId), "inquiryId" = \#(q.inquiryId), "title" = \#(q.title),
                "createdOn" = \#(q.createdOn.description), "validUntil" = \#(q.validUntil.description),
                "paymentTermDays" = \#(q.paymentTermDays), "includedRevisions" = \#(q.includedRevisions),
                "status" = \#(q.status.rawValue), "decidedOn" = \#(q.decidedOn?.description),
                "loyaltyPercent" = \#(q.loyaltyPercent), "deliveryDate" = \#(q.deliveryDate?.description),
                "firstPartDate" = \#(q.firstPartDate?.description), "createdBy" = \#(q.createdBy)
            WHERE "id" = \#(q.id)
            """#)
        try replaceLines(quoteId: q.id, q.lines)
    }

    private func replaceLines(quoteId: Int64, _ lines: [DocumentLine]) throws {
        try run(#"DELETE FROM "quoteLine" WHERE "quoteId" = \#(quoteId)"#)
        guard !lines.isEmpty else { return }
        // One statement for all lines: arrays of the columns, unnested side by side.
        try run(
            #"""
            INSERT INTO "quoteLine" (
                "quoteId", "position", "description", "quantity", "unit", "unitPrice", "vatPercent", "isDiscount")
            SELECT \#(quoteId), * FROM unnest(
                \#(Array(Int64(0)..<Int64(lines.count)))::bigint[], \#(lines.map(\.description))::text[],
                \#(lines.map(\.quantity.thousandths))::bigint[], \#(lines.map(\.unit.rawValue))::text[],
                \#(lines.map(\.unitPrice.tenThousandths))::bigint[], \#(lines.map(\.vatRate.percent))::bigint[],
                \#(lines.map(\.isDiscount))::boolean[])
            """#)
    }

    func deleteQuote(id: Int64) throws {
        // Lines go with the quote (ON DELETE CASCADE); jobs and invoices keep it by RESTRICT.
        try run(#"DELETE FROM "quote" WHERE "id" = \#(id)"#)
    }

    // MARK: - Jobs

    func job(id: Int64) throws -> Job? {
        try jobs(#"SELECT * FROM "job" WHERE "id" = \#(id)"#).first
    }

    func jobs(openOnly: Bool, customerId: Int64?, deadlineOnOrBefore: Day?) throws -> [Job] {
        let open = [JobStatus.planned, .inProgress, .revising].map(\.rawValue)
        let deadline = deadlineOnOrBefore?.description
        return try jobs(
            #"""
            SELECT * FROM "job"
            WHERE (NOT \#(openOnly) OR "status" = ANY(\#(open)))
              AND (\#(customerId)::bigint IS NULL OR "customerId" = \#(customerId))
              AND (\#(deadline)::text IS NULL OR ("deadline" IS NOT NULL AND "deadline" <= \#(deadline)))
            ORDER BY "deadline" IS NULL, "deadline", "id"
            """#)
    }

    func insert(job j: Job) throws -> Job {
        let id = try one(
            #"""
            INSERT INTO "job" (
                "customerId", "quoteId", "title", "effortHours", "deadline", "status", "includedRevisions",
                "priority", "createdOn", "startedOn", "deliveredOn", "acceptedOn", "createdBy", "writer")
            VALUES (
                \#(j.customerId), \#(j.quoteId), \#(j.title), \#(j.effortHours?.thousandths),
                \#(j.deadline?.description), \#(j.status.rawValue), \#(j.includedRevisions), \#(j.priority),
                \#(j.createdOn.description), \#(j.startedOn?.description), \#(j.deliveredOn?.description),
                \#(j.acceptedOn?.description), \#(j.createdBy), \#(j.writer))
            RETURNING "id"
            """#
        ) { try $0("id", as: Int64.self) }
        try replaceRevisions(jobId: id, j.revisions)
        var stored = j
        stored.id = id
        return stored
    }

    func update(job j: Job) throws {
        try run(
            #"""
            UPDATE "job" SET
                "customerId" = \#(j.customerId), "quoteId" = \#(j.quoteId), "title" = \#(j.title),
                "effortHours" = \#(j.effortHours?.thousandths), "deadline" = \#(j.deadline?.description),
                "status" = \#(j.status.rawValue), "includedRevisions" = \#(j.includedRevisions),
                "priority" = \#(j.priority), "createdOn" = \#(j.createdOn.description),
                "startedOn" = \#(j.startedOn?.description), "deliveredOn" = \#(j.deliveredOn?.description),
                "acceptedOn" = \#(j.acceptedOn?.description), "createdBy" = \#(j.createdBy),
                "writer" = \#(j.writer)
            WHERE "id" = \#(j.id)
            """#)
        try replaceRevisions(jobId: j.id, j.revisions)
    }

    private func replaceRevisions(jobId: Int64, _ revisions: [Revision]) throws {
        // The notes go with their rounds (ON DELETE CASCADE).
        try run(#"DELETE FROM "revision" WHERE "jobId" = \#(jobId)"#)
        for (position, revision) in revisions.enumerated() {
            let roundId = try one(
                #"""
                INSERT INTO "revision" ("jobId", "position", "requestedOn", "billable")
                VALUES (\#(jobId), \#(position), \#(revision.requestedOn.description), \#(revision.billable))
                RETURNING "id"
                """#
            ) { try $0("id", as: Int64.self) }
            for (index, note) in revision.notes.enumerated() {
                try run(
                    #"""
                    INSERT INTO "revisionNote" ("revisionId", "position", "kind", "text")
                    VALUES (\#(roundId), \#(index), \#(note.kind.rawValue), \#(note.text))
                    """#)
            }
        }
    }

    func insert(deadlineChange change: DeadlineChange) throws {
        try run(
            #"""
            INSERT INTO "jobDeadlineChange" ("jobId", "customerId", "changedOn", "previousDeadline", "deadline")
            VALUES (\#(change.jobId), \#(change.customerId), \#(change.changedOn.description),
                    \#(change.previous?.description), \#(change.deadline.description))
            """#)
    }

    func deadlineChanges(customerId: Int64) throws -> [DeadlineChange] {
        try rows(
            #"""
            SELECT * FROM "jobDeadlineChange" WHERE "customerId" = \#(customerId) ORDER BY "changedOn", "id"
            """#
        ) { c in
            DeadlineChange(
                jobId: try c("jobId"), customerId: try c("customerId"), changedOn: try c.day("changedOn"),
                previous: try c.optionalDay("previousDeadline"), deadline: try c.day("deadline"))
        }
    }

    // MARK: - Notes

    func notes(customerId: Int64) throws -> [Note] {
        try rows(#"SELECT * FROM "note" WHERE "customerId" = \#(customerId) ORDER BY "writtenOn", "id""#) {
            try $0.note()
        }
    }

    func notes(customerIds: Set<Int64>) throws -> [Int64: [Note]] {
        guard !customerIds.isEmpty else { return [:] }
        let notes = try rows(
            #"SELECT * FROM "note" WHERE "customerId" = ANY(\#(customerIds.parameter)) ORDER BY "writtenOn", "id""#
        ) { try $0.note() }
        return Dictionary(grouping: notes, by: \.customerId)
    }

    func insert(note n: Note) throws -> Note {
        let id = try one(
            #"""
            INSERT INTO "note" ("customerId", "writtenOn", "text", "kind", "invoiceId", "promisedFor", "createdBy")
            VALUES (\#(n.customerId), \#(n.writtenOn.description), \#(n.text), \#(n.kind.rawValue), \#(n.invoiceId),
                    \#(n.promisedFor?.description), \#(n.createdBy))
            RETURNING "id"
            """#
        ) { try $0("id", as: Int64.self) }
        var stored = n
        stored.id = id
        return stored
    }

    // MARK: - Agenda and work

    func agendaSlots() throws -> [PlanSlot] {
        try rows(#"SELECT "day", "jobId", "hours" FROM "agendaSlot" ORDER BY "day", "id""#) { c in
            PlanSlot(day: try c.day("day"), itemId: try c("jobId"), hours: try c("hours"))
        }
    }

    func replaceAgenda(_ slots: [PlanSlot]) throws {
        try run(#"DELETE FROM "agendaSlot""#)
        guard !slots.isEmpty else { return }
        // Ordered by the arrays' positions, so the ids follow the slots' order as in SQLite.
        try run(
            #"""
            INSERT INTO "agendaSlot" ("day", "jobId", "hours")
            SELECT "day", "jobId", "hours" FROM unnest(
                \#(slots.map(\.day.description))::text[], \#(slots.map(\.itemId))::bigint[],
                \#(slots.map(\.hours))::bigint[]) WITH ORDINALITY AS s ("day", "jobId", "hours", "n")
            ORDER BY "n"
            """#)
    }

    func workLogs(jobIds: Set<Int64>?) throws -> [WorkLog] {
        if let jobIds, jobIds.isEmpty { return [] }
        let ids = jobIds?.parameter
        return try rows(
            #"""
            SELECT * FROM "workLog" WHERE (\#(ids)::bigint[] IS NULL OR "jobId" = ANY(\#(ids)))
            ORDER BY "day", "id"
            """#
        ) { c in
            WorkLog(
                id: try c("id"), jobId: try c("jobId"), day: try c.day("day"),
                hours: Quantity(thousandths: try c("hours")), words: try c("words"))
        }
    }

    func insert(workLog: WorkLog) throws -> WorkLog {
        let id = try one(
            #"""
            INSERT INTO "workLog" ("jobId", "day", "hours", "words")
            VALUES (\#(workLog.jobId), \#(workLog.day.description), \#(workLog.hours.thousandths), \#(workLog.words))
            RETURNING "id"
            """#
        ) { try $0("id", as: Int64.self) }
        var stored = workLog
        stored.id = id
        return stored
    }
}
