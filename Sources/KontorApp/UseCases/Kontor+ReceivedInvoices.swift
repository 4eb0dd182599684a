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
