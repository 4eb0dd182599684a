import KontorApp
import Foundation
import GRDB
import KontorCore

/// A row of `invoice`. Recipient and seller are frozen as JSON on issue, so a later edit of the customer
/// or the profile never changes an issued invoice.
struct InvoiceRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "invoice"
    var id: Int64?
    var customerId: Int64
    var kind: String
    var number: String?
    var jobId: Int64?
    var quoteId: Int64?
    var cancelsInvoiceId: Int64?
    var cancelsNumber: String?
    var draftedOn: String
    var issueDate: String?
    var serviceFrom: String?
    var serviceTo: String?
    var dueDate: String?
    var paymentTermDays: Int
    var termAgreed: Bool
    var treatment: String
    var loyaltyPercent: Int64
    var language: String
    var buyerJSON: String?
    var sellerJSON: String?
    var netCents: Int64?
    var vatCents: Int64?
    var grossCents: Int64?
    var issuedBy: String?
    var draftedBy: String?

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    init(_ i: Invoice) throws {
        id = i.id == 0 ? nil : i.id
        customerId = i.customerId
        kind = i.kind.rawValue
        number = i.number
        jobId = i.jobId
        quoteId = i.quoteId
        cancelsInvoiceId = i.cancelsInvoiceId
        cancelsNumber = i.cancelsNumber
        draftedOn = i.draftedOn.description
        issueDate = i.issueDate?.description
        serviceFrom = i.serviceFrom?.description
        serviceTo = i.serviceTo?.description
        dueDate = i.dueDate?.description
        paymentTermDays = i.paymentTermDays
        termAgreed = i.termAgreed
        treatment = i.treatment.rawValue
        loyaltyPercent = i.loyaltyPercent
        language = i.language.rawValue
        buyerJSON = try i.buyer.map(SnapshotJSON.encode)
        sellerJSON = try i.seller.map(SnapshotJSON.encode)
        issuedBy = i.issuedBy
        draftedBy = i.draftedBy
        if i.isIssued {
            let totals = i.totals
            netCents = totals.net.cents
            vatCents = totals.vat.cents
            grossCents = totals.gross.cents
        }
    }

    func domain(
        lines: [DocumentLine], balance: InvoiceBalanceRecord?, parties: PartyDecoder = PartyDecoder()
    ) throws -> Invoice {
        Invoice(
            id: id ?? 0, customerId: customerId, kind: try Convert.choice(kind), number: number, jobId: jobId,
            quoteId: quoteId, cancelsInvoiceId: cancelsInvoiceId, cancelsNumber: cancelsNumber,
            draftedOn: try Convert.day(draftedOn), issueDate: try Convert.day(issueDate),
            serviceFrom: try Convert.day(serviceFrom), serviceTo: try Convert.day(serviceTo),
            dueDate: try Convert.day(dueDate), paymentTermDays: paymentTermDays, termAgreed: termAgreed,
            treatment: try Convert.choice(treatment), loyaltyPercent: loyaltyPercent,
            language: try Convert.choice(language), lines: lines,
            buyer: try buyerJSON.map(parties.buyer), seller: try sellerJSON.map(parties.seller),
            paid: Money(cents: balance?.paidCents ?? 0), isCancelled: balance?.cancelledByNumber != nil,
            cancelledByNumber: balance?.cancelledByNumber, issuedBy: issuedBy,
            draftedBy: draftedBy)
    }
}

/// A row of `invoiceBalance`: the mutable side of an issued invoice (payments, cancellation).
struct InvoiceBalanceRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "invoiceBalance"
    var invoiceId: Int64
    var customerId: Int64
    var dueDate: String
    var grossCents: Int64
    var paidCents: Int64
    var openCents: Int64
    var cancelledByNumber: String?

    /// Recomputes what is open: nothing once cancelled or for a cancellation invoice.
    mutating func recompute(isCancellation: Bool) {
        openCents = InvoiceBalance.open(
            kind: isCancellation ? .cancellation : .invoice, gross: Money(cents: grossCents),
            paid: Money(cents: paidCents), isCancelled: cancelledByNumber != nil
        ).cents
    }
}

extension InvoiceRecord {
    /// Reads the columns by name: much faster than `Decodable` for the many rows of lists and reports.
    init(row: Row) throws {
        id = row["id"]
        customerId = row["customerId"]
        kind = row["kind"]
        number = row["number"]
        jobId = row["jobId"]
        quoteId = row["quoteId"]
        cancelsInvoiceId = row["cancelsInvoiceId"]
        cancelsNumber = row["cancelsNumber"]
        draftedOn = row["draftedOn"]
        issueDate = row["issueDate"]
        serviceFrom = row["serviceFrom"]
        serviceTo = row["serviceTo"]
        dueDate = row["dueDate"]
        paymentTermDays = row["paymentTermDays"]
        termAgreed = row["termAgreed"]
        treatment = row["treatment"]
        loyaltyPercent = row["loyaltyPercent"]
        language = row["language"]
        buyerJSON = row["buyerJSON"]
        sellerJSON = row["sellerJSON"]
        netCents = row["netCents"]
        vatCents = row["vatCents"]
        grossCents = row["grossCents"]
        issuedBy = row["issuedBy"]
        draftedBy = row["draftedBy"]
    }
}

extension InvoiceBalanceRecord {
    /// Reads the columns by name: much faster than `Decodable` for the many rows of lists and reports.
    init(row: Row) throws {
        invoiceId = row["invoiceId"]
        customerId = row["customerId"]
        dueDate = row["dueDate"]
        grossCents = row["grossCents"]
        paidCents = row["paidCents"]
        openCents = row["openCents"]
        cancelledByNumber = row["cancelledByNumber"]
    }
}

/// Decodes the buyer and seller snapshots of invoices, each distinct JSON text once: a list of invoices repeats
/// the same seller (and often the same buyer), and JSON decoding is the dearest part of reading an invoice.
final class PartyDecoder {
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
