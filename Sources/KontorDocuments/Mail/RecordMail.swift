import Foundation
public import KontorCore

/// Writes the e-mails that carry a quote, an invoice or a cancellation invoice: subject and text from the user's
/// template or Kontor's own, framed by the greeting and the closing every letter uses.
public enum RecordMail {
    /// Which record the mail carries.
    public enum Kind: String, NamedChoice {
        case quote, invoice, cancellation
    }

    /// The two templates of a kind.
    public enum Part: String, NamedChoice {
        case subject, body
    }

    /// The storage key of a template, e.g. `mail.invoice.de.body`.
    public static func templateKey(_ kind: Kind, _ language: Language, _ part: Part) -> String {
        "mail.\(kind.rawValue).\(language.rawValue).\(part.rawValue)"
    }

    /// Kontor's own wording of a template.
    public static func standardTemplate(_ kind: Kind, _ language: Language, _ part: Part) -> String {
        RecordMailTemplates.standard(kind, language, part)
    }

    /// Checks that an edited template can be rendered.
    public static func check(template: String) throws(MessageTemplateError) {
        try MessageRenderer.check(template)
    }

    /// The mail for a quote, in the addressee's language.
    public static func quote(
        _ quote: Quote, to customer: Customer, from seller: BusinessProfile, userTemplate: (String) -> String?
    ) throws(MessageTemplateError) -> (subject: String, text: String) {
        let language = customer.language
        var values: [String: Any] = [
            "quoteNumber": "\(quote.id)", "title": quote.title, "validUntil": quote.validUntil.formatted(language),
        ]
        if let delivery = quote.deliveryDate { values["deliveryDate"] = delivery.formatted(language) }
        return try compose(.quote, values, to: customer, language: language, from: seller, userTemplate: userTemplate)
    }

    /// The mail for an issued invoice or cancellation invoice, in the invoice's language; it names the e-invoice
    /// attached (`format`).
    public static func invoice(
        _ invoice: Invoice, to customer: Customer, from seller: BusinessProfile, format: EInvoiceFormat,
        userTemplate: (String) -> String?
    ) throws(MessageTemplateError) -> (subject: String, text: String) {
        let language = invoice.language
        let values: [String: Any] = [
            "invoiceNumber": invoice.number ?? "", "invoiceDate": invoice.issueDate?.formatted(language) ?? "",
            "amount": invoice.totals.gross.formatted(language), "dueDate": invoice.dueDate?.formatted(language) ?? "",
            "cancelsNumber": invoice.cancelsNumber ?? "", "zugferd": format == .zugferd,
            "xrechnung": format == .xrechnung,
        ]
        let kind: Kind = invoice.kind == .cancellation ? .cancellation : .invoice
        return try compose(kind, values, to: customer, language: language, from: seller, userTemplate: userTemplate)
    }

    /// The subject of the mail that answers an inquiry (its text is the reply draft).
    public static func replySubject(inquirySubject: String, language: Language) -> String {
        DocumentTexts(language: language).inquiryReplySubject + inquirySubject
    }

    /// Greeting, paragraphs and closing as every e-mail Kontor writes them.
    public static func frame(_ body: String, to customer: Customer, language: Language, formal: Bool,
                             from seller: BusinessProfile) -> String {
        let greeting = customer.salutation(language: language, formal: formal)
        let regards = DocumentTexts(language: language).regards
        return [greeting, body.trimmingCharacters(in: .whitespacesAndNewlines), regards + "\n" + seller.name]
            .joined(separator: "\n\n") + "\n"
    }

    private static func compose(
        _ kind: Kind, _ values: [String: Any], to customer: Customer, language: Language,
        from seller: BusinessProfile, userTemplate: (String) -> String?
    ) throws(MessageTemplateError) -> (subject: String, text: String) {
        func text(_ part: Part) throws(MessageTemplateError) -> String {
            let template = userTemplate(templateKey(kind, language, part)) ?? standardTemplate(kind, language, part)
            return try MessageRenderer.render(template, values).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let subject = try text(.subject).split(whereSeparator: \.isNewline).joined(separator: " ")
        return (subject, frame(try text(.body), to: customer, language: language, formal: false, from: seller))
    }
}
