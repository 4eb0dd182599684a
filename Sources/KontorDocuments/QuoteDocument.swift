public import Foundation
public import KontorCore
import KontorPDF

/// A quote as a PDF letter: the lines, totals, validity, included revision rounds and the payment term
/// that the customer agrees to by accepting.
public enum QuoteDocument {
    /// `Angebot-12.pdf` or `Quote-12.pdf`.
    public static func fileName(for quote: Quote, language: Language) -> String {
        "\(DocumentTexts(language: language).quote)-\(quote.id).pdf"
    }

    /// Renders the quote for `customer` from `seller`.
    public static func pdf(for quote: Quote, customer: Customer, seller: BusinessProfile) throws -> Data {
        let language = customer.language
        let texts = DocumentTexts(language: language)
        var info: [(String, String)] = [
            (texts.quoteNumber, "\(quote.id)"),
            (texts.date, quote.createdOn.formatted(language)),
            (texts.customerNumber, "\(customer.id)"),
            (texts.validUntil, quote.validUntil.formatted(language)),
        ]
        if let delivery = quote.deliveryDate { info.append((texts.deliveryBy, delivery.formatted(language))) }
        var letter = try LetterComposer(
            sender: seller, recipient: InvoiceDocument.recipientLines(customer), info: info,
            subject: "\(texts.quote): \(quote.title)", title: "\(texts.quote) \(quote.id)", language: language,
            date: quote.createdOn)
        letter.paragraph(customer.salutation(language: language, formal: true), spacingAfter: 4)
        letter.paragraph(texts.quoteIntro)
        let lines = quote.lines + LoyaltyDiscount.lines(for: quote.lines, percent: quote.loyaltyPercent, language: language)
        let treatment = TaxTreatment.determine(mode: seller.taxMode, customer: customer)
        let taxes = TaxBreakdown(lines: lines, treatment: treatment)
        // § 3 Abs. 1 PAngV: a consumer is offered the total price including VAT (Gesamtpreis), line by line and in
        // total, with the VAT it contains; businesses read net prices as on the invoice (§ 14 UStG).
        let grossPrices = customer.kind == .consumer && taxes.showsTax
        letter.lineTable(lines, language: language, taxes: taxes, grossAmounts: grossPrices)
        if grossPrices {
            letter.totalLine(texts.quoteGrossTotal, taxes.gross.formatted(language), style: letter.bold, rule: true)
            for group in taxes.groups where group.category.code == .standardRated {
                letter.totalLine(texts.includedVATLine(group.category.rate.percent), group.tax.formatted(language))
            }
            letter.y += 8
        } else {
            letter.taxTotals(taxes, totalLabel: texts.quoteTotal, language: language)
        }
        for note in taxes.notes(language) { letter.paragraph(note, style: letter.bold.withSize(9)) }
        if let delivery = quote.deliveryDate {
            letter.paragraph(texts.quoteDelivery(
                date: delivery.formatted(language), firstPart: quote.firstPartDate?.formatted(language)))
        }
        letter.paragraph(texts.quoteTerms(
            validUntil: quote.validUntil.formatted(language), revisions: quote.includedRevisions,
            termDays: quote.paymentTermDays))
        letter.paragraph(texts.quoteClosing)
        letter.paragraph(texts.regards, spacingAfter: 3)
        letter.paragraph(seller.name)
        return letter.finish().serialized()
    }
}
