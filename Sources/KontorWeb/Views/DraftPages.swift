import Foundation
import KontorApp
import KontorCore

/// A page with one form that changes a record (quote, line, draft, job, inquiry).
struct EditFormPage: Sendable, Encodable {
    let breadcrumbPath: String
    let breadcrumbLabel: String
    let heading: String
    let intro: String?
    let action: String
    let fields: [FieldView]
    let hasFormError: Bool
    let formError: String
    let submitLabel: String
    let cancelPath: String

    init(
        breadcrumb: (path: String, label: String), heading: String, intro: String? = nil, action: String,
        fields: [FieldView], state: FormState, submitLabel: String, cancelPath: String
    ) {
        breadcrumbPath = breadcrumb.path
        breadcrumbLabel = breadcrumb.label
        self.heading = heading
        self.intro = intro
        self.action = action
        self.fields = fields
        hasFormError = state.general != nil
        formError = state.generalText
        self.submitLabel = submitLabel
        self.cancelPath = cancelPath
    }
}

/// "Wirklich löschen?": the step between the delete button and the POST that deletes.
struct ConfirmDeletePage: Sendable, Encodable {
    let breadcrumbPath: String
    let breadcrumbLabel: String
    let heading: String
    let text: String
    let action: String
    let confirmLabel: String
    let cancelPath: String
    let hasError: Bool
    let error: String
}

/// What issuing will do, before it is done: the number the invoice will get, its totals, and that it is final.
struct IssueConfirmPage: Sendable, Encodable {
    let draftPath: String
    let heading: String
    let number: String
    let customerName: String
    let factsText: String
    let hasLines: Bool
    let lines: [LineRow]
    let totals: TotalsView
    let linesEditable = false
    let action: String
    let hasError: Bool
    let error: String

    init(preview: Invoice, draftPath: String, customerName: String, error: String?, texts: Texts) {
        self.draftPath = draftPath
        let number = preview.number ?? ""
        heading = texts.format("issue_confirm_title", number)
        self.number = number
        self.customerName = customerName
        var facts = [texts.format("issue_confirm_date", texts.day(preview.issueDate))]
        if let due = preview.dueDate { facts.append(texts.format("issue_confirm_due", texts.day(due))) }
        if let from = preview.serviceFrom {
            let to = preview.serviceTo ?? from
            let period = to == from ? texts.day(from) : "\(texts.day(from)) – \(texts.day(to))"
            facts.append(texts.format("service", period))
        }
        factsText = facts.joined(separator: " · ")
        hasLines = !preview.lines.isEmpty
        lines = preview.lines.map { LineRow($0, texts: texts) }
        totals = TotalsView(preview.totals, treatment: preview.treatment, texts: texts)
        action = draftPath + "/issue"
        hasError = error != nil
        self.error = error ?? ""
    }
}

/// The values a form shows for a stored line, typed as a person would type them in `language`.
enum TypedLine {
    static func values(_ line: DocumentLine, _ language: Language) -> [String: String] {
        func typed(_ text: String) -> String { language == .de ? text.replacingOccurrences(of: ".", with: ",") : text }
        return [
            "description": line.description, "quantity": typed(line.quantity.description), "unit": line.unit.rawValue,
            "price": typed(line.unitPrice.description), "vat": "\(line.vatRate.percent)",
        ]
    }
}
