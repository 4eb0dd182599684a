public import Foundation
public import KontorCore
public import KontorEInvoice
import KontorDocuments

extension Kontor {
    /// Reads a received e-invoice: CII or UBL XML, or a ZUGFeRD/Factur-X PDF with the XML inside.
    public func readEInvoice(data: Data, fileName: String?) throws -> ReceivedInvoice {
        try EInvoiceReader.read(data: data, fileName: fileName)
    }

    /// A received e-invoice as a readable PDF in Kontor's letter layout.
    public func receivedInvoicePDF(_ invoice: ReceivedInvoice, language: Language) throws -> Data {
        try ReceivedInvoiceDocument.pdf(invoice, language: language)
    }
}

/// What a person sees of a received e-invoice: the key facts, the checks and the whole report, in one language.
public struct ReceivedInvoiceReading: Sendable {
    public var number: String
    public var kind: String
    public var sellerName: String
    public var buyerName: String
    public var issueDate: Day
    public var dueDate: Day?
    /// The amount due with its currency, as written in the invoice (e.g. "1190.00 EUR").
    public var amountDue: String
    /// The amount due in euros, when the invoice is in euros and cents.
    public var amountDueEuros: Money?
    public var syntax: String
    /// Sums that do not add up (EN 16931 arithmetic), in the chosen language.
    public var warnings: [String]
    /// Every field, as `kontor einvoice show` prints it.
    public var report: String
}

extension Kontor {
    private static func euros(_ amount: DecimalAmount, currency: String) -> Money? {
        guard currency == "EUR", (0...2).contains(amount.scale) else { return nil }
        var cents = amount.units
        for _ in amount.scale..<2 { cents *= 10 }
        return Money(cents: cents)
    }

    /// Reads a received e-invoice for display (see `readEInvoice`).
    public func readEInvoice(data: Data, fileName: String?, language: Language) throws -> ReceivedInvoiceReading {
        let invoice = try readEInvoice(data: data, fileName: fileName)
        return ReceivedInvoiceReading(
            number: invoice.number,
            kind: CodeNames.documentType(invoice.typeCode, isCreditNote: invoice.isCreditNote, language: language),
            sellerName: invoice.seller.name, buyerName: invoice.buyer.name, issueDate: invoice.issueDate,
            dueDate: invoice.dueDate, amountDue: "\(invoice.totals.duePayable) \(invoice.currency)",
            amountDueEuros: Self.euros(invoice.totals.duePayable, currency: invoice.currency),
            syntax: invoice.syntax.rawValue.uppercased(), warnings: invoice.arithmeticWarnings(language: language),
            report: invoice.textReport(language: language))
    }
}
