import Foundation
import KontorApp
import KontorCore

/// The customer list.
struct CustomerListPage: Sendable, Encodable {
    struct Row: Sendable, Encodable {
        let path: String
        let name: String
        let contact: String?
        let statusLabel: String
        let statusTone: String
        let city: String
        let email: String
        let openText: String
    }

    let countText: String
    let query: String
    let statusOptions: [OptionView]
    let isEmpty: Bool
    let isFiltered: Bool
    let rows: [Row]
    /// The vCard upload; open when it has a message.
    let importFields: [FieldView]
    let importOpen: Bool
    let pager: PagerView?

    static let pageSize = 50

    init(
        _ model: CustomerListModel, query: String?, status: CustomerStatus?, importState: FormState = FormState(),
        texts: Texts
    ) {
        let customers = model.customers.items
        let open = model.open
        let importMake = FieldFactory(state: importState, texts: texts, idPrefix: "import-")
        var file = importMake.text("vcards", "f_vcards", type: "file", required: true, hint: texts["h_vcards"], wide: true)
        file.placeholder = nil
        importFields = [file]
        importOpen = importState.hasErrors
        let total = model.customers.total
        countText = total == 1 ? texts["customers_count_one"] : texts.format("customers_count", "\(total)")
        self.query = query ?? ""
        statusOptions = [OptionView(optionValue: "", optionLabel: texts["customers_all"], selected: status == nil)]
            + CustomerStatus.allCases.map {
                OptionView(optionValue: $0.rawValue, optionLabel: texts.customerStatus($0), selected: $0 == status)
            }
        isEmpty = customers.isEmpty
        isFiltered = query != nil || status != nil
        rows = customers.map { customer in
            Row(
                path: "/customers/\(customer.id)", name: customer.name, contact: customer.contactPerson,
                statusLabel: texts.customerStatus(customer.status), statusTone: Tone.customer(customer.status),
                city: customer.address?.city ?? "", email: customer.email ?? "",
                openText: open[customer.id].map(texts.money) ?? "–")
        }
        var path = "/customers"
        var parameters: [String] = []
        if let query, !query.isEmpty { parameters.append("q=" + Self.queryValue(query)) }
        if let status { parameters.append("status=" + status.rawValue) }
        if !parameters.isEmpty { path += "?" + parameters.joined(separator: "&") }
        pager = PagerView(model.customers, path: path, texts: texts)
    }

    /// A search text as a query value (the template escapes the link as a whole, not its parts).
    static func queryValue(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }
}

/// A label and a value.
struct Fact: Sendable, Encodable {
    let term: String
    let detail: String
}

/// One customer: contact, figures, invoices, timeline and the note form.
struct CustomerPage: Sendable, Encodable {
    struct InvoiceRow: Sendable, Encodable {
        let path: String
        let number: String
        let dateText: String
        let statusLabel: String
        let statusTone: String
        let grossText: String
        let openText: String
    }

    let id: Int64
    let name: String
    let contact: String?
    let kindLabel: String
    let statusLabel: String
    let statusTone: String
    let revenueText: String
    let openText: String
    let hasOpen: Bool
    let paidCount: Int
    let loyaltyText: String
    let hasCredit: Bool
    let creditText: String
    let hasClaims: Bool
    let claimsText: String
    /// Open invoices of the customer that its credit can pay.
    let creditTargets: [String]
    let hasCreditTargets: Bool
    let facts: [Fact]
    let notes: String?
    let hasInvoices: Bool
    let invoices: [InvoiceRow]
    let timeline: [TimelineItem]
    let noteFields: [FieldView]
    let hasNoteError: Bool
    let noteError: String
    /// Imported mails whose promise or objection is offered for one click.
    var mailSuggestions: [MailSuggestionView] = []
    var hasMailSuggestions = false

    init(_ detail: CustomerDetail, timeline: [TimelineEvent], noteState: FormState, today: Day, texts: Texts) {
        let customer = detail.customer
        id = customer.id
        name = customer.name
        // "Frau Dr. Ines Wolff", as the address block of a letter writes the contact person.
        contact = customer.contactPerson == nil ? nil : customer.addressName(language: texts.language)
        kindLabel = texts.kind(customer.kind)
        statusLabel = texts.customerStatus(customer.status)
        statusTone = Tone.customer(customer.status)
        revenueText = texts.money(detail.revenue)
        openText = texts.money(detail.openAmount)
        hasOpen = detail.openAmount.cents > 0
        paidCount = detail.paidInvoiceCount
        loyaltyText = "\(detail.loyaltyPercent) %"
        hasCredit = detail.credit.cents > 0
        creditText = texts.money(detail.credit)
        hasClaims = detail.claims.cents > 0
        claimsText = texts.money(detail.claims)
        creditTargets = detail.invoices.filter { $0.openAmount.cents > 0 }.compactMap(\.number)
        hasCreditTargets = hasCredit && !creditTargets.isEmpty
        var facts: [Fact] = []
        if let address = customer.address {
            facts.append(Fact(term: texts["section_address"],
                              detail: address.lines.joined(separator: ", ") + (address.state.map { " (\($0.rawValue))" } ?? "")))
        }
        // The greeting every letter uses, so that a wrong salutation is seen before a letter goes out.
        let greeting = customer.salutation(language: customer.language, formal: true)
        facts.append(Fact(term: texts["f_salutation"], detail: greeting))
        if let email = customer.email { facts.append(Fact(term: texts["f_email"], detail: email)) }
        if let phone = customer.phone { facts.append(Fact(term: texts["f_phone"], detail: phone)) }
        if let vatId = customer.vatId { facts.append(Fact(term: texts["f_vat_id"], detail: vatId)) }
        if let reference = customer.buyerReference { facts.append(Fact(term: texts["f_buyer_reference"], detail: reference)) }
        facts.append(Fact(term: texts["f_language"], detail: texts["lang_\(customer.language.rawValue)"]))
        facts.append(Fact(term: texts["f_einvoice"], detail: texts["einvoice_\(customer.effectiveEInvoiceFormat.rawValue)"]))
        facts.append(Fact(term: texts["customer_since"], detail: texts.day(customer.createdOn)))
        self.facts = facts
        notes = customer.notes
        invoices = detail.invoices.prefix(12).map { invoice in
            InvoiceRow(
                path: InvoicePaths.show(invoice), number: invoice.number ?? texts.format("invoice_draft_title", "\(invoice.id)"),
                dateText: texts.day(invoice.issueDate ?? invoice.draftedOn),
                statusLabel: texts.invoiceStatus(invoice, today: today), statusTone: Tone.invoice(invoice, today: today),
                grossText: texts.money(invoice.totals.gross), openText: texts.money(invoice.openAmount))
        }
        hasInvoices = !invoices.isEmpty
        self.timeline = timeline.reversed().map { TimelineItem($0, texts: texts) }
        let make = FieldFactory(state: noteState, texts: texts, idPrefix: "note-")
        let openNumbers = detail.invoices.filter { $0.isIssued && $0.kind == .invoice }.compactMap(\.number)
        noteFields = [
            make.select("kind", "f_note_kind", options: NoteKind.written.map { ($0.rawValue, texts.noteKind($0)) }),
            make.date("promisedFor", "f_promised_for", hint: texts["h_promise"]),
            make.select("invoice", "f_note_invoice", options: openNumbers.map { ($0, $0) }, blank: texts["h_all_invoices"]),
            make.textarea("text", "f_note", rows: 3, required: true),
        ]
        hasNoteError = noteState.general != nil
        noteError = noteState.generalText
    }
}

/// Where an invoice lives: by number once issued, by id while a draft.
enum InvoicePaths {
    static func show(_ invoice: Invoice) -> String { "/invoices/\(reference(invoice))" }
    /// The number when it is safe in a path, else the id (the use cases accept both).
    static func reference(_ invoice: Invoice) -> String {
        guard let number = invoice.number,
            number.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) })
        else { return "\(invoice.id)" }
        return number
    }
}
