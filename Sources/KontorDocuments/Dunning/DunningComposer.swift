public import Foundation
public import KontorCore

/// The facts a dunning letter states, gathered by the use case.
public struct DunningFacts: Sendable {
    public var step: DunningStep
    public var customer: Customer
    public var invoice: Invoice
    public var letterDate: Day
    public var deadline: Day?
    public var openAmount: Money
    public var inquiryDate: Day?
    public var noticeDate: Day?
    public var defaultStart: DefaultStart?
    public var interest: Money
    public var lumpSum: Money
    public var costs: Money
    /// True when the customer's timeline holds no objection to this invoice's work.
    public var neverObjected: Bool

    /// Creates the facts.
    public init(
        step: DunningStep, customer: Customer, invoice: Invoice, letterDate: Day, deadline: Day?, openAmount: Money,
        inquiryDate: Day?, noticeDate: Day?, defaultStart: DefaultStart?, interest: Money, lumpSum: Money,
        costs: Money, neverObjected: Bool
    ) {
        self.step = step
        self.customer = customer
        self.invoice = invoice
        self.letterDate = letterDate
        self.deadline = deadline
        self.openAmount = openAmount
        self.inquiryDate = inquiryDate
        self.noticeDate = noticeDate
        self.defaultStart = defaultStart
        self.interest = interest
        self.lumpSum = lumpSum
        self.costs = costs
        self.neverObjected = neverObjected
    }
}

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

    /// Subject and body of the letter; `userTemplate` returns a saved template for a key, if any.
    public static func compose(
        _ facts: DunningFacts, userTemplate: (String) -> String?
    ) throws(MessageTemplateError) -> (subject: String, body: String) {
        let language = facts.customer.language
        let values = self.values(facts, language: language)
        func text(_ subject: Bool) throws(MessageTemplateError) -> String {
            let key = templateKey(step: facts.step, language: language, subject: subject)
            let template = userTemplate(key) ?? standardTemplate(step: facts.step, language: language, subject: subject)
            return try MessageRenderer.render(template, values)
        }
        return (try text(true).trimmingCharacters(in: .whitespacesAndNewlines),
                try text(false).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    static func values(_ facts: DunningFacts, language: Language) -> [String: Any] {
        let invoice = facts.invoice
        let margin = DefaultInterest.marginBasisPoints(debtor: facts.customer.kind) / 100
        var values: [String: Any] = [
            "invoiceNumber": invoice.number ?? "",
            "invoiceDate": invoice.issueDate?.formatted(language) ?? "",
            "invoiceAmount": invoice.totals.gross.formatted(language),
            "openAmount": facts.openAmount.formatted(language),
            "dueDate": invoice.dueDate?.formatted(language) ?? "",
            "letterDate": facts.letterDate.formatted(language),
            "customerName": facts.customer.name,
            "salutation": facts.customer.salutation(language: language, formal: facts.step.isFormal),
            "partiallyPaid": invoice.paid.cents > 0,
            "neverObjected": facts.neverObjected,
            "business": facts.customer.kind == .business,
            "interest": facts.interest.formatted(language),
            "lumpSum": facts.lumpSum.formatted(language),
            "costs": facts.costs.formatted(language),
            "hasCosts": facts.costs.cents > 0,
            "claimTotal": (facts.openAmount + facts.interest + facts.lumpSum + facts.costs).formatted(language),
            "interestRate": language == .de
                ? "\(margin) Prozentpunkte über dem Basiszinssatz" : "\(margin) percentage points above the base rate",
        ]
        if let deadline = facts.deadline { values["deadline"] = deadline.formatted(language) }
        if let inquiry = facts.inquiryDate { values["inquiryDate"] = inquiry.formatted(language) }
        if let notice = facts.noticeDate { values["noticeDate"] = notice.formatted(language) }
        if let start = facts.defaultStart {
            values["defaultFrom"] = start.firstDay.formatted(language)
            values["defaultRule"] = ruleText(start.rule, language: language)
        }
        return values
    }

    static func ruleText(_ rule: DefaultRule, language: Language) -> String {
        switch (rule, language) {
        case (.agreedCalendarDate, .de): "vereinbarter Zahlungstermin, § 286 Abs. 2 Nr. 1 BGB"
        case (.paymentRequest, .de): "Zahlungsaufforderung nach Fälligkeit, § 286 Abs. 1 BGB"
        case (.thirtyDays, .de): "30 Tage nach Fälligkeit und Zugang der Rechnung, § 286 Abs. 3 BGB"
        case (.agreedCalendarDate, .en): "agreed payment date, § 286 (2) no. 1 BGB"
        case (.paymentRequest, .en): "request for payment after the due date, § 286 (1) BGB"
        case (.thirtyDays, .en): "30 days after due date and receipt of the invoice, § 286 (3) BGB"
        }
    }

    /// The e-mail text: salutation, the letter's paragraphs, greeting and sender.
    public static func emailText(_ letter: DunningLetter, customer: Customer, seller: BusinessProfile) -> String {
        let texts = DocumentTexts(language: customer.language)
        let greeting = customer.salutation(language: customer.language, formal: letter.step.isFormal)
        return ([greeting] + letter.paragraphs + [texts.regards + "\n" + seller.name])
            .joined(separator: "\n\n") + "\n"
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
