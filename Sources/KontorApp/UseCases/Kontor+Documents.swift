public import Foundation
import KontorCore
import KontorDocuments

/// A generated file and the name it is saved under by default.
public struct RenderedDocument: Sendable {
    public let fileName: String
    public let data: Data
}

extension Kontor {
    /// The invoice (or cancellation invoice, or draft preview) as PDF.
    public func invoicePDF(_ reference: String) async throws -> RenderedDocument {
        let (invoice, customer, profile, originalDate) = try await store.read { book in
            let invoice = try book.requireInvoice(reference)
            let original = try invoice.cancelsInvoiceId.flatMap { try book.invoice(id: $0) }
            return (invoice, try book.requireCustomer(invoice.customerId), try book.requireProfile(), original?.issueDate)
        }
        let data = try InvoiceDocument.pdf(for: invoice, customer: customer, seller: profile, originalIssueDate: originalDate)
        return RenderedDocument(fileName: InvoiceDocument.fileName(for: invoice), data: data)
    }

    /// The quote as PDF.
    public func quotePDF(id: Int64) async throws -> RenderedDocument {
        let (quote, customer, profile) = try await store.read { book in
            let quote = try book.requireQuote(id)
            return (quote, try book.requireCustomer(quote.customerId), try book.requireProfile())
        }
        let data = try QuoteDocument.pdf(for: quote, customer: customer, seller: profile)
        return RenderedDocument(fileName: QuoteDocument.fileName(for: quote, language: customer.language), data: data)
    }
}

