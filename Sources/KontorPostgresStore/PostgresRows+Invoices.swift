import Foundation
import KontorApp
import KontorCore
import PostgresNIO

/// Rows of the invoice, payment and dunning tables read into domain values: the columns of the SQLite store's
/// records (`InvoiceRecord`, `PaymentRecord`, …), which have the same names here.
extension Columns {
    /// An invoice row without its lines; `paidCents` and `cancelledByNumber` come from its balance when the query
    /// joined it (a draft has none: NULL).
    func invoice(parties: InvoiceParties) throws -> Invoice {
        let paid: Int64? = try self("paidCents")
        let cancelledByNumber: String? = try self("cancelledByNumber")
        return Invoice(
            id: try self("id"), customerId: try self("customerId"), kind: try choice("kind"),
            number: try self("number"), jobId: try self("jobId"), quoteId: try self("quoteId"),
            cancelsInvoiceId: try self("cancelsInvoiceId"), cancelsNumber: try self("cancelsNumber"),
            draftedOn: try day("draftedOn"), issueDate: try optionalDay("issueDate"),
            serviceFrom: try optionalDay("serviceFrom"), serviceTo: try optionalDay("serviceTo"),
            dueDate: try optionalDay("dueDate"), paymentTermDays: try self("paymentTermDays"),
            termAgreed: try self("termAgreed"), treatment: try choice("treatment"),
            loyaltyPercent: try self("loyaltyPercent"), language: try choice("language"), lines: [],
            buyer: try (self("buyerJSON", as: String?.self)).map(parties.buyer),
            seller: try (self("sellerJSON", as: String?.self)).map(parties.seller),
            paid: Money(cents: paid ?? 0), isCancelled: cancelledByNumber != nil,
            cancelledByNumber: cancelledByNumber, issuedBy: try self("issuedBy"),
            draftedBy: try self("draftedBy"))
    }

    /// A row of `invoiceLine` or `quoteLine` (the same columns but for the invoice line's stored net).
    func payment() throws -> Payment {
        Payment(
            id: try self("id"), invoiceId: try self("invoiceId"), customerId: try self("customerId"),
            amount: try money("amountCents"), receivedOn: try day("receivedOn"), note: try self("note"),
            kind: try choice("kind"), relatedPaymentId: try self("relatedPaymentId"),
            toCosts: try money("toCostsCents"), toInterest: try money("toInterestCents"),
            bankEntryId: try self("bankEntryId"), recordedBy: try self("recordedBy"))
    }

    func dunningCharge() throws -> DunningCharge {
        DunningCharge(
            id: try self("id"), invoiceId: try self("invoiceId"), customerId: try self("customerId"),
            kind: try choice("kind"), amount: try money("amountCents"), arisenOn: try day("arisenOn"),
            letterId: try self("letterId"))
    }

    func dunningLetter() throws -> DunningLetter {
        DunningLetter(
            id: try self("id"), invoiceId: try self("invoiceId"), invoiceNumber: try self("invoiceNumber"),
            customerId: try self("customerId"), step: try choice("step"), status: try choice("status"),
            createdOn: try day("createdOn"), sentOn: try optionalDay("sentOn"), skippedOn: try optionalDay("skippedOn"),
            deadline: try optionalDay("deadline"), openAmount: try money("openCents"),
            interest: try money("interestCents"), lumpSum: try money("lumpSumCents"), costs: try money("costsCents"),
            subject: try self("subject"), body: try self("body"), approvedBy: try self("approvedBy"))
    }

    func dunningHold() throws -> DunningHold {
        DunningHold(
            id: try self("id"), customerId: try self("customerId"), invoiceId: try self("invoiceId"),
            until: try day("until"), reason: try self("reason"), createdOn: try day("createdOn"))
    }
}

/// Decodes the buyer and seller snapshots of invoices, each distinct JSON text once: a list of invoices repeats the
/// same seller (and often the same buyer), and JSON decoding is the dearest part of reading an invoice.
final class InvoiceParties {
    private var buyers: [String: Customer] = [:]
    private var sellers: [String: BusinessProfile] = [:]

    func buyer(_ json: String) throws -> Customer {
        if let known = buyers[json] { return known }
        let decoded = try SnapshotJSON.decode(Customer.self, json)
        buyers[json] = decoded
        return decoded
    }

    func seller(_ json: String) throws -> BusinessProfile {
        if let known = sellers[json] { return known }
        let decoded = try SnapshotJSON.decode(BusinessProfile.self, json)
        sellers[json] = decoded
        return decoded
    }
}

/// SQL put together from pieces, its values bound as `$1`, `$2`, … in the order they are bound.
struct BoundSQL {
    var sql = ""
    private(set) var binds = PostgresBindings()

    /// Binds `value` and returns its placeholder.
    mutating func bind<Value: PostgresDynamicTypeEncodable>(_ value: Value) -> String {
        binds.append(value)
        return "$\(binds.count)"
    }

    /// Binds `value` (NULL for nil) and returns its placeholder.
    mutating func bind<Value: PostgresDynamicTypeEncodable>(_ value: Value?) -> String {
        binds.append(value)
        return "$\(binds.count)"
    }

    var query: PostgresQuery { PostgresQuery(unsafeSQL: sql, binds: binds) }
}

/// The columns of one row to insert or update, each value bound.
struct BoundRow {
    private(set) var names: [String] = []
    private(set) var placeholders: [String] = []
    private var statement = BoundSQL()

    mutating func set<Value: PostgresDynamicTypeEncodable>(_ name: String, _ value: Value) {
        names.append(name)
        placeholders.append(statement.bind(value))
    }

    mutating func set<Value: PostgresDynamicTypeEncodable>(_ name: String, _ value: Value?) {
        names.append(name)
        placeholders.append(statement.bind(value))
    }

    /// `INSERT INTO table (…) VALUES (…) RETURNING "id"`.
    func insert(into table: String) -> PostgresQuery {
        let columns = names.map { #""\#($0)""# }.joined(separator: ", ")
        let sql = #"INSERT INTO "\#(table)" (\#(columns)) VALUES (\#(placeholders.joined(separator: ", "))) "#
            + #"RETURNING "id""#
        return PostgresQuery(unsafeSQL: sql, binds: statement.binds)
    }

    /// `UPDATE table SET … WHERE "id" = id RETURNING "id"`.
    func update(_ table: String, id: Int64) -> PostgresQuery {
        var statement = self.statement
        let assignments = zip(names, placeholders).map { #""\#($0)" = \#($1)"# }.joined(separator: ", ")
        let key = statement.bind(id)
        statement.sql = #"UPDATE "\#(table)" SET \#(assignments) WHERE "id" = \#(key) RETURNING "id""#
        return statement.query
    }
}

extension PostgresBook {
    /// Inserts `row` into `table` and returns its id. SQLite takes an id the caller gives as it is and numbers later
    /// rows after the highest; an identity does not look at the rows, so it is moved past a given id.
    func insert(_ row: BoundRow, into table: String, givenId: Int64) throws -> Int64 {
        let id = try one(row.insert(into: table)) { try $0("id", as: Int64.self) }
        if givenId != 0 {
            var statement = BoundSQL()
            let given = statement.bind(givenId)
            statement.sql = #"""
                SELECT setval(s."sequence", GREATEST(COALESCE(pg_sequence_last_value(s."sequence"), 0), \#(given)))
                FROM (SELECT pg_get_serial_sequence('"\#(table)"', 'id')::regclass AS "sequence") s
                """#
            try run(statement.query)
        }
        return id
    }

    /// Updates the row `id` of `table` with `row`; a missing row is an error, as GRDB's `update` reports it.
    func update(_ row: BoundRow, in table: String, id: Int64) throws {
        guard try first(row.update(table, id: id), { _ in true }) != nil else {
            throw StoreError.failed(detail: "\(table) \(id) not found")
        }
    }
}
