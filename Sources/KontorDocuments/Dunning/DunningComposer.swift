public import Foundation
public import KontorCore

/// Writes dunning letters and e-mails from the templates (the user's, else Kontor's own).
public enum DunningComposer {
    /// The storage key of a template, e.g. `dunning.notice-1.de.body`.
    public static func templateKey(step: DunningStep, language: Language, subject: Bool) -> String {
        DunningTemplates.key(step, language, subject ? .subject : .body)
    }

    /// Kontor's own wording of a template.
    public static func standardTemplate(step: DunningStep, language: Language, subject: Bool) -> String {
        DunningTemplates.standard(step, language, subject ? .subject : .body)
    }

    /// Checks that an edited template can be rendered.
    public static func check(template: String) throws(MessageTemplateError) {
        try MessageRenderer.check(template)
    }

    /// Subject and body of the letter for a case; `userTemplate` returns a saved template for a key, if any.
    public static func compose(
        _ dunningCase: DunningCase, userTemplate: (String) -> String?
    ) throws(MessageTemplateError) -> (subject: String, body: String) {
        let language = dunningCase.customer.language
        let values = self.values(dunningCase, language: language)
        func text(_ subject: Bool) throws(MessageTemplateError) -> String {
            let key = templateKey(step: dunningCase.step, language: language, subject: subject)
            let template = userTemplate(key)
                ?? standardTemplate(step: dunningCase.step, language: language, subject: subject)
            return try MessageRenderer.render(template, values)
        }
        return (try text(true).trimmingCharacters(in: .whitespacesAndNewlines),
                try text(false).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    static func values(_ facts: DunningCase, language: Language) -> [String: Any] {
        let invoice = facts.invoice
        let texts = DunningWords(language: language)
        var values: [String: Any] = [
            "invoiceNumber": invoice.number ?? "",
            "invoiceDate": invoice.issueDate?.formatted(language) ?? "",
            "invoiceAmount": invoice.totals.gross.formatted(language),
            "openAmount": facts.principal.formatted(language),
            "dueDate": invoice.dueDate?.formatted(language) ?? "",
            "letterDate": facts.letterDate.formatted(language),
            "customerName": facts.customer.name,
            "salutation": facts.customer.salutation(language: language, formal: facts.step.isFormal),
            "partiallyPaid": facts.principal < invoice.totals.gross,
            "neverObjected": facts.neverObjected,
            "business": facts.debtor == .business,
            "hasLumpSum": facts.lumpSum.cents > 0,
            "interest": facts.interest.formatted(language),
            "lumpSum": facts.lumpSum.formatted(language),
            "costs": facts.costs.formatted(language),
            "hasCosts": facts.costs.cents > 0,
            "claimTotal": facts.claimTotal.formatted(language),
            "interestRate": texts.interestMargin(facts.marginPoints),
            // What arrived since the previous letter, in words: a letter never says "nothing arrived" when
            // something did (issue 13 item 6).
            "received": facts.received.map { ["line": texts.receivedPayment($0)] },
            "nothingReceived": facts.received.isEmpty,
        ]
        if let previous = facts.previousLetterDate { values["previousLetterDate"] = previous.formatted(language) }
        if let deadline = facts.deadline { values["deadline"] = deadline.formatted(language) }
        if let inquiry = facts.sent[.inquiry] { values["inquiryDate"] = inquiry.formatted(language) }
        let notice = facts.step == .handover ? facts.sent[.secondNotice] : facts.sent[.firstNotice]
        if let notice { values["noticeDate"] = notice.formatted(language) }
        values["objectionSettled"] = facts.objectionSettledOn != nil
        if let settled = facts.objectionSettledOn { values["objectionSettledOn"] = settled.formatted(language) }
        if let start = facts.defaultStart {
            values["defaultFrom"] = start.firstDay.formatted(language)
            values["defaultRule"] = ruleText(start.rule, invoice: invoice, language: language)
        }
        return values
    }

    /// The rule of § 286 BGB in words. Kontor's agreed payment terms are counted from the invoice date ("14 Tage
    /// ab Rechnungsdatum"), a time counted from an event: Abs. 2 Nr. 2, not Nr. 1 (LAW.md 3.1, issue 13 item 10).
    static func ruleText(_ rule: DefaultRule, invoice: Invoice, language: Language) -> String {
        let days = invoice.paymentTermDays
        switch (rule, language) {
        case (.agreedCalendarDate, .de):
            return "vereinbartes Zahlungsziel von \(days) Tagen ab Rechnungsdatum, § 286 Abs. 2 Nr. 2 BGB"
        case (.paymentRequest, .de): return "Zahlungsaufforderung nach Fälligkeit, § 286 Abs. 1 BGB"
        case (.thirtyDays, .de): return "30 Tage nach Fälligkeit und Zugang der Rechnung, § 286 Abs. 3 BGB"
        case (.agreedCalendarDate, .en):
            return "agreed payment term of \(days) days from the invoice date, § 286 (2) no. 2 BGB"
        case (.paymentRequest, .en): return "request for payment after the due date, § 286 (1) BGB"
        case (.thirtyDays, .en): return "30 days after due date and receipt of the invoice, § 286 (3) BGB"
        }
    }

    /// The e-mail text: salutation, the letter's paragraphs, greeting and sender.
    public static func emailText(_ letter: DunningLetter, customer: Customer, seller: BusinessProfile) -> String {
        RecordMail.frame(
            letter.paragraphs.joined(separator: "\n\n"), to: customer, language: customer.language,
            formal: letter.step.isFormal, from: seller)
    }

    /// The letter as a DIN 5008 PDF.
    public static func letterPDF(_ letter: DunningLetter, customer: Customer, seller: BusinessProfile) throws -> Data {
        let texts = DocumentTexts(language: customer.language)
        return try LetterDocument.pdf(
            from: seller, to: customer, date: letter.sentOn ?? letter.createdOn, subject: letter.subject,
            paragraphs: letter.paragraphs, references: [(texts.invoiceNumber, letter.invoiceNumber)],
            formal: letter.step.isFormal)
    }
}

extension DunningStep {
    /// The friendly inquiry greets "Guten Tag Frau Wolff,"; a Mahnung and the hand-over "Sehr geehrte Frau Wolff,".
    var isFormal: Bool { self != .inquiry }
}
