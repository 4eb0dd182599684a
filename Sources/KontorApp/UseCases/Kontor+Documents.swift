public import Foundation
import KontorCore
public import KontorDocuments

/// A generated file and the name it is saved under by default.
public struct RenderedDocument: Sendable {
    public let fileName: String
    public let data: Data

    /// A document with the name to save it under.
    public init(fileName: String, data: Data) {
        self.fileName = fileName
        self.data = data
    }
}

extension Kontor {
    /// The invoice (or cancellation invoice, or draft preview) as PDF. An issued invoice carries its CII XML
    /// as ZUGFeRD/Factur-X when the customer's e-invoice format is ZUGFeRD, or when `zugferd` says so.
    public func invoicePDF(_ reference: String, zugferd: Bool? = nil) async throws -> RenderedDocument {
        let (invoice, document) = try await renderedInvoicePDF(reference, zugferd: zugferd)
        return invoice.isIssued ? try await keep(document, of: "invoice:\(invoice.id)") : document
    }

    /// The PDF `invoicePDF` hands out, without keeping it: for comparing books, which must not change them.
    func renderedInvoicePDF(_ reference: String, zugferd: Bool? = nil) async throws -> (Invoice, RenderedDocument) {
        let (invoice, customer, profile, originalDate) = try await invoiceContext(reference)
        let embed = invoice.isIssued && (zugferd ?? (customer.effectiveEInvoiceFormat == .zugferd))
        let xml = embed ? try CIIWriter.xml(for: invoice, profile: .en16931, precedingIssueDate: originalDate) : nil
        let data = try InvoiceDocument.pdf(
            for: invoice, customer: customer, seller: profile, originalIssueDate: originalDate, facturX: xml)
        return (invoice, RenderedDocument(fileName: InvoiceDocument.fileName(for: invoice), data: data))
    }

    /// The invoice as CII XML: XRechnung 3.0 for customers who receive XRechnung, else EN 16931 (the
    /// profile ZUGFeRD embeds), unless `profile` says otherwise.
    public func invoiceXML(_ reference: String, profile: EInvoiceProfile? = nil) async throws -> RenderedDocument {
        let (invoice, document) = try await renderedInvoiceXML(reference, profile: profile)
        return invoice.isIssued ? try await keep(document, of: "invoice:\(invoice.id)") : document
    }

    /// The XML `invoiceXML` hands out, without keeping it.
    func renderedInvoiceXML(_ reference: String, profile: EInvoiceProfile? = nil) async throws
        -> (Invoice, RenderedDocument)
    {
        let (invoice, customer, _, originalDate) = try await invoiceContext(reference)
        let chosen = profile ?? (customer.effectiveEInvoiceFormat == .xrechnung ? .xrechnung : .en16931)
        let xml = try CIIWriter.xml(for: invoice, profile: chosen, precedingIssueDate: originalDate)
        let name = InvoiceDocument.fileName(for: invoice).replacingOccurrences(of: ".pdf", with: ".xml")
        return (invoice, RenderedDocument(
            fileName: chosen == .xrechnung ? "XRechnung-" + name : name, data: Data(xml.utf8)))
    }

    /// Keeps the bytes that leave (GoBD: an issued invoice or a reminder as it was sent) before handing them out.
    func keep(_ document: RenderedDocument, of record: String) async throws -> RenderedDocument {
        let kept = KeptDocument(record: record, fileName: document.fileName, data: document.data)
        try await store.write { try $0.keep(document: kept) }
        return document
    }

    private func invoiceContext(_ reference: String) async throws -> (Invoice, Customer, BusinessProfile, Day?) {
        try await store.read { book in
            let invoice = try book.requireInvoice(reference)
            let original = try invoice.cancelsInvoiceId.flatMap { try book.invoice(id: $0) }
            return (invoice, try book.requireCustomer(invoice.customerId), try book.requireProfile(), original?.issueDate)
        }
    }

    /// The quote as PDF.
    public func quotePDF(id: Int64) async throws -> RenderedDocument {
        let (quote, customer, profile) = try await store.read { book in
            let quote = try book.requireQuote(id)
            var customer = try book.requireCustomer(quote.customerId)
            // A quote that answers an inquiry is addressed to the person who asked (e.g. the caller).
            if let inquiryId = quote.inquiryId, let inquiry = try book.inquiry(id: inquiryId) {
                customer = inquiry.addressing(customer)
            }
            return (quote, customer, try book.requireProfile())
        }
        let data = try QuoteDocument.pdf(for: quote, customer: customer, seller: profile)
        return RenderedDocument(fileName: QuoteDocument.fileName(for: quote, language: customer.language), data: data)
    }
}

