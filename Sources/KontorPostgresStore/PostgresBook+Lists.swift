import KontorApp
import KontorCore
import PostgresNIO

/// The pages of long lists of customers, inquiries, quotes and jobs (`GRDBBook+Lists.swift`): one window in the
/// list's order and the length of the whole list. SQLite sorts a missing day first going up and last going down;
/// PostgreSQL the other way round, so the orders say `NULLS FIRST/LAST` where a day may be missing.
extension PostgresBook {
    func customerList(status: CustomerStatus?, search: String?, window: ListWindow) throws -> ListPage<Customer> {
        let customers = try rows(customerQuery("*", status: status, search: search, order: true, window: window)) {
            try $0.customer()
        }
        let total = try one(customerQuery("COUNT(*) AS \"total\"", status: status, search: search, order: false)) {
            try $0("total", as: Int64.self)
        }
        return ListPage(items: customers, total: Int(total), window: window)
    }

    func inquiryList(status: InquiryStatus, window: ListWindow) throws -> ListPage<Inquiry> {
        // Work in progress in the order it is worked through (`Inquiry.workOrder`), decided ones the latest first.
        let order =
            status == .won || status == .lost
            ? #""closedOn" DESC NULLS LAST, "id" DESC"# : #""channel" = 'phone' DESC, "receivedOn", "id""#
        let inquiries = try rows(
            PostgresQuery(
                unsafeSQL: #"SELECT * FROM "inquiry" WHERE "status" = $1 ORDER BY \#(order) LIMIT $2 OFFSET $3"#,
                binds: try bindings(status.rawValue, window.size, window.offset))
        ) { try $0.inquiry() }
        let total = try one(#"SELECT COUNT(*) AS "total" FROM "inquiry" WHERE "status" = \#(status.rawValue)"#) {
            try $0("total", as: Int64.self)
        }
        return ListPage(items: inquiries, total: Int(total), window: window)
    }

    func quoteList(window: ListWindow) throws -> ListPage<Quote> {
        let quotes = try quotes(
            #"""
            SELECT * FROM "quote" ORDER BY "createdOn" DESC, "id" DESC LIMIT \#(window.size) OFFSET \#(window.offset)
            """#)
        let total = try one(#"SELECT COUNT(*) AS "total" FROM "quote""#) { try $0("total", as: Int64.self) }
        return ListPage(items: quotes, total: Int(total), window: window)
    }

    func jobList(window: ListWindow) throws -> ListPage<Job> {
        let jobs = try jobs(
            #"""
            SELECT * FROM "job" ORDER BY COALESCE("deadline", '9999-12-31'), "id"
            LIMIT \#(window.size) OFFSET \#(window.offset)
            """#)
        let total = try one(#"SELECT COUNT(*) AS "total" FROM "job""#) { try $0("total", as: Int64.self) }
        return ListPage(items: jobs, total: Int(total), window: window)
    }

    func jobs(deadlineFrom first: Day, through last: Day) throws -> [Job] {
        try jobs(
            #"""
            SELECT * FROM "job" WHERE COALESCE("deadline", '9999-12-31') BETWEEN \#(first.description)
                AND \#(last.description)
            ORDER BY COALESCE("deadline", '9999-12-31'), "id"
            """#)
    }

    func customerChoices(limit: Int, including: Int64?) throws -> (total: Int, choices: [(id: Int64, name: String)]) {
        let total = try one(#"SELECT COUNT(*) AS "total" FROM "customer""#) { try $0("total", as: Int64.self) }
        let choices = try rows(
            #"""
            SELECT "id", "name" FROM (
                (SELECT "id", "name" FROM "customer" ORDER BY "id" DESC LIMIT \#(limit))
                UNION SELECT "id", "name" FROM "customer" WHERE "id" = \#(including)) AS c
            ORDER BY "name" COLLATE "kontorCustomerName", "id"
            """#
        ) { (id: try $0("id", as: Int64.self), name: try $0("name", as: String.self)) }
        return (Int(total), choices)
    }

    func customersNamed(_ text: String, limit: Int) throws -> [(id: Int64, name: String)] {
        let read = { (c: Columns) in (id: try c("id", as: Int64.self), name: try c("name", as: String.self)) }
        let exact = try rows(
            #"""
            SELECT "id", "name" FROM "customer" WHERE lower("name" COLLATE "C") = lower(\#(text) COLLATE "C")
            ORDER BY "id" LIMIT \#(limit)
            """#, read)
        guard exact.isEmpty else { return exact }
        // LIKE's wildcards taken literally (a customer called "50%" is found as itself).
        let escaped = String(text.flatMap { "\\%_".contains($0) ? ["\\", $0] : [$0] })
        return try rows(
            #"""
            SELECT "id", "name" FROM "customer"
            WHERE lower("name" COLLATE "C") LIKE lower(\#("%" + escaped + "%") COLLATE "C") ESCAPE '\'
            ORDER BY "name" COLLATE "kontorCustomerName", "id" LIMIT \#(limit)
            """#, read)
    }

    func jobsToInvoice(deliveredSince first: Day) throws -> [Job] {
        try jobs(
            #"""
            SELECT j.* FROM "job" j
            WHERE j."status" IN ('delivered', 'accepted')
              AND (j."deliveredOn" >= \#(first.description) OR j."deliveredOn" IS NULL)
              AND NOT EXISTS (
                SELECT 1 FROM "invoice" i LEFT JOIN "invoiceBalance" b ON b."invoiceId" = i."id"
                WHERE i."jobId" = j."id" AND i."kind" = 'invoice' AND b."cancelledByNumber" IS NULL)
            ORDER BY j."deliveredOn" DESC NULLS LAST, j."id" DESC
            """#)
    }
}
