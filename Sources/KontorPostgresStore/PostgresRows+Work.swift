import KontorApp
import KontorCore
import PostgresNIO

/// Customers, inquiries, quotes, jobs and notes between rows and domain values: the same columns and the same
/// text as the SQLite store's records (`KontorStore/Records`), so a copied book reads the same in both.
extension Columns {
    func customer() throws -> Customer {
        var address: PostalAddress?
        if let street: String = try self("street"), let postalCode: String = try self("postalCode"),
            let city: String = try self("city")
        {
            address = PostalAddress(
                street: street, postalCode: postalCode, city: city, country: try self("country") ?? "DE",
                state: try optionalChoice("state"))
        }
        return Customer(
            id: try self("id"), name: try self("name"), contactPerson: try self("contactPerson"), address: address,
            email: try self("email"), phone: try self("phone"), kind: try choice("kind"), vatId: try self("vatId"),
            buyerReference: try self("buyerReference"), language: try choice("language"), notes: try self("notes"),
            status: try choice("status"), createdOn: try day("createdOn"),
            eInvoiceFormat: try optionalChoice("eInvoiceFormat"), salutation: try optionalChoice("salutation"),
            academicTitle: try self("academicTitle"))
    }

    func inquiry() throws -> Inquiry {
        var size: WorkSize?
        if let quantity: Int64 = try self("sizeQuantity"), let unit: BillingUnit = try optionalChoice("sizeUnit") {
            size = WorkSize(quantity: Quantity(thousandths: quantity), unit: unit)
        }
        return Inquiry(
            id: try self("id"), customerId: try self("customerId"), channel: try choice("channel"),
            receivedOn: try day("receivedOn"), subject: try self("subject"), size: size,
            wishedDeadline: try optionalDay("wishedDeadline"), status: try choice("status"),
            answeredOn: try optionalDay("answeredOn"), closedOn: try optionalDay("closedOn"), note: try self("note"),
            contactPerson: try self("contactPerson"), salutation: try optionalChoice("salutation"),
            academicTitle: try self("academicTitle"), createdBy: try self("createdBy"))
    }

    func quote(lines: [DocumentLine]) throws -> Quote {
        Quote(
            id: try self("id"), customerId: try self("customerId"), inquiryId: try self("inquiryId"),
            title: try self("title"), createdOn: try day("createdOn"), validUntil: try day("validUntil"),
            paymentTermDays: try self("paymentTermDays"), includedRevisions: try self("includedRevisions"),
            status: try choice("status"), decidedOn: try optionalDay("decidedOn"), lines: lines,
            loyaltyPercent: try self("loyaltyPercent"), deliveryDate: try optionalDay("deliveryDate"),
            firstPartDate: try optionalDay("firstPartDate"), createdBy: try self("createdBy"))
    }

    /// A line of a quote or an invoice (both tables have these columns).
    func documentLine() throws -> DocumentLine {
        DocumentLine(
            description: try self("description"), quantity: Quantity(thousandths: try self("quantity")),
            unit: try choice("unit"), unitPrice: UnitPrice(tenThousandths: try self("unitPrice")),
            vatRate: try vat("vatPercent"), isDiscount: try self("isDiscount"))
    }

    func job(revisions: [Revision]) throws -> Job {
        Job(
            id: try self("id"), customerId: try self("customerId"), quoteId: try self("quoteId"),
            title: try self("title"),
            effortHours: (try self("effortHours", as: Int64?.self)).map { Quantity(thousandths: $0) },
            deadline: try optionalDay("deadline"), status: try choice("status"),
            includedRevisions: try self("includedRevisions"), priority: try self("priority"),
            createdOn: try day("createdOn"), startedOn: try optionalDay("startedOn"),
            deliveredOn: try optionalDay("deliveredOn"), acceptedOn: try optionalDay("acceptedOn"),
            revisions: revisions, createdBy: try self("createdBy"), writer: try self("writer"))
    }

    func note() throws -> Note {
        Note(
            id: try self("id"), customerId: try self("customerId"), writtenOn: try day("writtenOn"),
            text: try self("text"), kind: try choice("kind"), invoiceId: try self("invoiceId"),
            promisedFor: try optionalDay("promisedFor"), createdBy: try self("createdBy"))
    }
}

extension PostgresBook {
    /// The lines of these quotes, by quote, in their order (one query for a whole list).
    func quoteLines(quoteIds: [Int64]) throws -> [Int64: [DocumentLine]] {
        guard !quoteIds.isEmpty else { return [:] }
        var lines: [Int64: [DocumentLine]] = [:]
        for (quoteId, line) in try rows(
            #"SELECT * FROM "quoteLine" WHERE "quoteId" = ANY(\#(quoteIds)) ORDER BY "quoteId", "position""#,
            { c in (try c("quoteId", as: Int64.self), try c.documentLine()) })
        {
            lines[quoteId, default: []].append(line)
        }
        return lines
    }

    /// Quotes from a query over `quote`, with their lines.
    func quotes(_ query: PostgresQuery) throws -> [Quote] {
        let rows = try transaction.query(query).map(Columns.init)
        let lines = try quoteLines(quoteIds: try rows.map { try $0("id") })
        return try rows.map { try $0.quote(lines: lines[try $0("id")] ?? []) }
    }

    /// Jobs from a query over `job`, with their revision rounds.
    func jobs(_ query: PostgresQuery) throws -> [Job] {
        let rows = try transaction.query(query).map(Columns.init)
        let rounds = try revisionRounds(jobIds: try rows.map { try $0("id") })
        return try rows.map { try $0.job(revisions: rounds[try $0("id")] ?? []) }
    }

    /// The revision rounds of these jobs with their notes, in one query (rounds and notes in their order).
    func revisionRounds(jobIds: [Int64]) throws -> [Int64: [Revision]] {
        guard !jobIds.isEmpty else { return [:] }
        let notes = try rows(
            #"""
            SELECT r."id", r."jobId", r."requestedOn", r."billable", n."kind", n."text"
            FROM "revision" r JOIN "revisionNote" n ON n."revisionId" = r."id"
            WHERE r."jobId" = ANY(\#(jobIds))
            ORDER BY r."jobId", r."position", n."position"
            """#
        ) { c in
            (
                round: try c("id", as: Int64.self), jobId: try c("jobId", as: Int64.self),
                requestedOn: try c.day("requestedOn"), billable: try c("billable", as: Bool.self),
                note: RevisionNote(kind: try c.choice("kind"), text: try c("text"))
            )
        }
        var rounds: [Int64: [Revision]] = [:]
        var previousRound: Int64?
        for row in notes {
            if row.round == previousRound {
                rounds[row.jobId]![rounds[row.jobId]!.count - 1].notes.append(row.note)
            } else {
                rounds[row.jobId, default: []].append(
                    Revision(requestedOn: row.requestedOn, notes: [row.note], billable: row.billable))
            }
            previousRound = row.round
        }
        return rounds
    }
}
