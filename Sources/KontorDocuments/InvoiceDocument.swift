public import Foundation
public import KontorCore
import KontorPDF
import KontorQR

/// The invoice and the cancellation invoice as a PDF/A-3b letter with every field § 14 Abs. 4 UStG requires,
/// the tax note for § 19 UStG or reverse charge, "Zahlbar bis …" and a GiroCode.
public enum InvoiceDocument {
    /// The default file name: `Rechnung-2026-0001.pdf` or `Invoice-2026-0001.pdf`.
    public static func fileName(for invoice: Invoice) -> String {
        let texts = DocumentTexts(language: invoice.language)
        let base = invoice.kind == .cancellation ? (invoice.language == .de ? "Stornorechnung" : "Cancellation")
            : texts.invoice
        return "\(base)-\(invoice.number ?? "Entwurf-\(invoice.id)").pdf"
    }

    /// Renders the invoice. Issued invoices print the recipient and seller as they were on the issue date;
    /// drafts print `customer` and `seller` as they are now, marked as a draft.
    /// - Parameter originalIssueDate: for a cancellation invoice, the date of the invoice it cancels.
    /// - Parameter facturX: the CII XML to embed as `factur-x.xml`, making the PDF a ZUGFeRD/Factur-X invoice.
    public static func pdf(
        for invoice: Invoice, customer: Customer, seller: BusinessProfile, originalIssueDate: Day? = nil,
        facturX: String? = nil
    ) throws -> Data {
        try document(for: invoice, customer: customer, seller: seller, originalIssueDate: originalIssueDate,
                     facturX: facturX).serialized()
    }

    static func document(
        for invoice: Invoice, customer currentCustomer: Customer, seller currentSeller: BusinessProfile,
        originalIssueDate: Day?, facturX: String? = nil
    ) throws -> PDFDocument {
        let buyer = invoice.buyer ?? currentCustomer
        let seller = invoice.seller ?? currentSeller
        let language = invoice.isIssued ? invoice.language : buyer.language
        let texts = DocumentTexts(language: language)
        let date = invoice.issueDate ?? invoice.draftedOn
        let number = invoice.number ?? "–"

        var info: [(String, String)] = [
            (invoice.isIssued ? texts.invoiceNumber : texts.invoiceDraft, number),
            (texts.date, date.formatted(language)),
            (texts.customerNumber, "\(buyer.id)"),
        ]
        if let from = invoice.serviceFrom ?? invoice.issueDate {
            let to = invoice.serviceTo ?? from
            info.append(to == from ? (texts.serviceDate, from.formatted(language))
                        : (texts.servicePeriod, "\(from.formatted(language)) – \(to.formatted(language))"))
        } else {
            info.append((texts.serviceDate, date.formatted(language)))
        }
        if let reference = buyer.buyerReference { info.append((texts.buyerReference, reference)) }
        if invoice.treatment == .reverseCharge, let vatId = buyer.vatId { info.append((texts.yourVatId, vatId)) }

        let subject: String
        let title: String
        switch (invoice.kind, invoice.isIssued) {
        case (.cancellation, _):
            subject = texts.cancellationSubject(number, original: invoice.cancelsNumber ?? "?")
                + (originalIssueDate.map { language == .de ? " vom \($0.formatted(language))" : " of \($0.formatted(language))" } ?? "")
            title = "\(texts.cancellation) \(number)"
        case (.invoice, true):
            subject = "\(texts.invoice) \(language == .de ? "Nr." : "no.") \(number)"
            title = "\(texts.invoice) \(number)"
        case (.invoice, false):
            subject = "\(texts.invoiceDraft) – \(texts.draftWarning)"
            title = texts.invoiceDraft
        }

        var letter = try LetterComposer(
            sender: seller, recipient: recipientLines(buyer), info: info, subject: subject, title: title,
            language: language, date: date)
        letter.paragraph(buyer.salutation(language: language, formal: true), spacingAfter: 4)
        letter.paragraph(invoice.kind == .cancellation ? texts.cancellationIntro(of: invoice.cancelsNumber ?? "?") : texts.invoiceIntro)
        // Rates, categories, amounts and notes all come from the one breakdown the XML writes too.
        let taxes = invoice.taxBreakdown
        letter.lineTable(invoice.effectiveLines, language: language, taxes: taxes)
        let totalLabel = invoice.kind == .cancellation ? texts.cancellationTotal : texts.grossTotal
        var giroCode: (code: QRCode, caption: String)?
        if invoice.kind == .invoice, invoice.dueDate != nil, invoice.isIssued, let iban = seller.iban,
           let payload = EPCPayload(bic: seller.bic, name: seller.name, iban: iban, amount: taxes.gross,
                                    remittance: "\(texts.invoice) \(number)"),
           let code = try? QRCode(payload.text, errorCorrection: .medium)
        {
            giroCode = (code, texts.giroCode)
        }
        letter.taxTotals(taxes, totalLabel: totalLabel, language: language, giroCode: giroCode)
        for note in taxes.notes(language) { letter.paragraph(note, style: letter.bold.withSize(9)) }
        if invoice.kind == .invoice, let due = invoice.dueDate {
            letter.paragraph(texts.payByLabel(due.formatted(language)), style: letter.bold, spacingAfter: 3)
            letter.paragraph(texts.payBy(due.formatted(language), number: number))
            if buyer.kind == .consumer { letter.paragraph(texts.consumerDefaultNotice, style: letter.small.withSize(8)) }
        }
        letter.closing(seller.name)
        guard let facturX else { return letter.finish() }
        return letter.finish(
            attachments: [FacturX.attachment(xml: facturX, date: letter.document.info.creationDate)],
            xmp: FacturX.xmpDescriptions)
    }

    /// The recipient as printed in the envelope window ("Herrn Jonas Krume" under the business).
    static func recipientLines(_ customer: Customer) -> [String] {
        customer.recipientLines(language: customer.language)
    }
}
