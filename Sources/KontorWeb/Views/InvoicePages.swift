import KontorApp
import KontorCore

/// The invoice list with its filter tabs.
struct InvoiceListPage: Sendable, Encodable {
    struct FilterTab: Sendable, Encodable {
        let path: String
        let label: String
        let current: Bool
    }

    struct Row: Sendable, Encodable {
        let path: String
        let label: String
        let customerName: String
        let issuedText: String
        let dueText: String
        let overdue: Bool
        let overdueText: String?
        let statusLabel: String
        let statusTone: String
        let grossText: String
        let openText: String
    }

    let summaryText: String
    let filters: [FilterTab]
    let isEmpty: Bool
    let emptyTitle: String
    let emptyText: String
    let rows: [Row]
    let hasTotals: Bool
    let openTotal: String
    /// "Seite 2 von 40" with links to the neighbours; nil when the list fits on one page.
    let pager: PagerView?

    init(_ slice: InvoiceListSlice, filter: InvoiceController.Filter, today: Day, texts: Texts) {
        let invoices = slice.invoices
        let names = slice.customerNames
        let open = slice.open
        summaryText = texts.format("invoices_summary", "\(slice.total)", texts.money(open))
        filters = InvoiceController.Filter.allCases.map {
            FilterTab(path: "/invoices?filter=\($0.rawValue)", label: texts["filter_\($0.rawValue)"], current: $0 == filter)
        }
        isEmpty = invoices.isEmpty
        emptyTitle = texts["invoices_empty_\(filter.rawValue)"]
        emptyText = texts["invoices_empty_\(filter.rawValue)_text"]
        rows = invoices.map { invoice in
            let overdue = invoice.isOverdue(on: today)
            return Row(
                path: InvoicePaths.show(invoice),
                label: invoice.number ?? texts.format("invoice_draft_title", "\(invoice.id)"),
                customerName: invoice.buyer?.name ?? names[invoice.customerId] ?? "–",
                issuedText: texts.day(invoice.issueDate), dueText: invoice.kind == .invoice ? texts.day(invoice.dueDate) : "–",
                overdue: overdue, overdueText: overdue ? texts.overdue(invoice.daysOverdue(on: today)) : nil,
                statusLabel: texts.invoiceStatus(invoice, today: today), statusTone: Tone.invoice(invoice, today: today),
                grossText: texts.money(invoice.totals.gross), openText: texts.money(invoice.openAmount))
        }
        hasTotals = open.cents > 0
        openTotal = texts.money(open)
        pager = PagerView(
            page: slice.page, pageCount: slice.pageCount, path: "/invoices?filter=\(filter.rawValue)", texts: texts)
    }
}

/// Where a new draft comes from.
struct InvoiceNewPage: Sendable, Encodable {
    /// How far back the job choice looks; an older job is invoiced from its own page.
    static let jobDays = 90

    let hasFormError: Bool
    let formError: String
    let hasJobs: Bool
    let jobFields: [FieldView]
    let noCustomers: Bool
    let customerFields: [FieldView]
}

/// One invoice: figures, lines, the draft's editor, payment, cancellation.
struct InvoicePage: Sendable, Encodable {
    struct Figure: Sendable, Encodable {
        let value: String
        let caption: String
        let alert: Bool
    }

    struct PaymentRow: Sendable, Encodable {
        let id: Int64
        let dateText: String
        let noteText: String
        let amountText: String
        /// What kind of entry it is, when not simply money received ("Rückbuchung", "Guthaben erhalten").
        let kindText: String?
        /// Received payments that were not reversed yet can be taken back with a counter-entry.
        let canReverse: Bool
    }

    let heading: String
    let basePath: String
    let statusLabel: String
    let statusTone: String
    let customerName: String
    let customerPath: String
    let relationText: String?
    let pdfPath: String
    let pdfLabel: String
    let xmlPath: String
    /// Where an issued invoice is sent by e-mail (its preview first).
    let mailPath: String
    let isIssued: Bool
    let isDraft: Bool
    let figures: [Figure]
    let hasLines: Bool
    let linesEditable: Bool
    let lines: [LineRow]
    let totals: TotalsView
    let lineFields: [FieldView]
    let hasLineError: Bool
    let lineError: String
    let termFields: [FieldView]
    let hasTermsError: Bool
    let termsError: String
    let hasIssueError: Bool
    let issueError: String
    let canPay: Bool
    let paymentFields: [FieldView]
    let hasPaymentError: Bool
    let paymentError: String
    let hasPayments: Bool
    let payments: [PaymentRow]
    let canCancel: Bool
    /// Dunning pauses in force for this invoice, and the compact form to add one.
    var hasHolds = false
    var holds: [String] = []
    let customerId: Int64
    let number: String
    let holdFields: [FieldView]

    init(
        _ invoice: Invoice, customer: Customer, payments: [Payment], forms: InvoiceController.Forms, today: Day,
        texts: Texts
    ) {
        let reference = InvoicePaths.reference(invoice)
        if let number = invoice.number {
            heading = invoice.kind == .cancellation ? texts.format("invoice_cancellation_title", number)
                : "\(texts["invoice"]) \(number)"
        } else {
            heading = texts.format("invoice_draft_title", "\(invoice.id)")
        }
        basePath = "/invoices/\(reference)"
        statusLabel = texts.invoiceStatus(invoice, today: today)
        statusTone = Tone.invoice(invoice, today: today)
        customerName = invoice.buyer?.name ?? customer.name
        customerPath = "/customers/\(customer.id)"
        var relations: [String] = []
        if let from = invoice.serviceFrom {
            let to = invoice.serviceTo ?? from
            relations.append(texts.format("service", to == from ? texts.day(from) : "\(texts.day(from)) – \(texts.day(to))"))
        }
        if let job = invoice.jobId { relations.append(texts.format("from_job", "\(job)")) }
        if let number = invoice.cancelsNumber { relations.append(texts.format("cancels", number)) }
        if let number = invoice.cancelledByNumber { relations.append(texts.format("cancelled_by", number)) }
        relationText = relations.isEmpty ? nil : relations.joined(separator: " · ")
        pdfPath = basePath + "/pdf"
        pdfLabel = texts[invoice.isIssued ? "download_pdf" : "invoice_preview_pdf"]
        xmlPath = basePath + "/xml"
        mailPath = invoice.number.map { MailController.composePath(.invoice(number: $0)) } ?? ""
        isIssued = invoice.isIssued
        isDraft = !invoice.isIssued
        let totals = invoice.totals
        if invoice.isIssued {
            var figures = [Figure(value: texts.money(totals.gross), caption: texts["fig_gross"], alert: false)]
            if invoice.kind == .invoice {
                figures.append(Figure(value: texts.money(invoice.paid), caption: texts["fig_paid"], alert: false))
                figures.append(Figure(value: texts.money(invoice.openAmount), caption: texts["fig_open"],
                                      alert: invoice.isOverdue(on: today)))
                figures.append(Figure(
                    value: texts.day(invoice.dueDate),
                    caption: invoice.isOverdue(on: today) ? texts.overdue(invoice.daysOverdue(on: today)) : texts["fig_due"],
                    alert: invoice.isOverdue(on: today)))
            }
            self.figures = figures
        } else {
            figures = [
                Figure(value: texts.money(totals.net), caption: texts["fig_net"], alert: false),
                Figure(value: texts.money(totals.gross), caption: texts["fig_gross"], alert: false),
                Figure(value: texts.format("term_days", "\(invoice.paymentTermDays)"), caption: texts["fig_term"], alert: false),
            ]
        }
        hasLines = !invoice.effectiveLines.isEmpty
        linesEditable = !invoice.isIssued
        lines = LineActions.rows(
            invoice.effectiveLines, typedCount: invoice.isIssued ? 0 : invoice.lines.count,
            basePath: invoice.isIssued ? nil : basePath, texts: texts)
        self.totals = TotalsView(totals, treatment: invoice.treatment, texts: texts)
        lineFields = LineFields.make(forms.line, texts: texts)
        hasLineError = forms.line.general != nil
        lineError = forms.line.generalText
        var termState = forms.terms
        if termState.values.isEmpty {
            termState.values["serviceFrom"] = invoice.serviceFrom?.description
            termState.values["serviceTo"] = invoice.serviceTo?.description
            termState.values["paymentTerm"] = "\(invoice.paymentTermDays)"
        }
        let make = FieldFactory(state: termState, texts: texts, idPrefix: "terms-")
        termFields = [
            make.date("serviceFrom", "f_service_from"), make.date("serviceTo", "f_service_to"),
            make.number("paymentTerm", "f_payment_term"),
        ]
        hasTermsError = forms.terms.general != nil
        termsError = forms.terms.generalText
        hasIssueError = forms.issue.general != nil
        issueError = forms.issue.generalText
        canPay = invoice.isIssued && invoice.kind == .invoice && !invoice.isCancelled && invoice.openAmount.cents > 0
        var paymentState = forms.payment
        if paymentState.values.isEmpty {
            paymentState.values["amount"] = PaymentForm.typed(invoice.openAmount, texts.language)
            paymentState.values["date"] = today.description
        }
        paymentFields = PaymentForm.fields(paymentState, texts: texts)
        hasPaymentError = forms.payment.general != nil
        paymentError = forms.payment.generalText
        let reversed = Set(payments.filter { $0.kind == .reversal }.compactMap(\.relatedPaymentId))
        self.payments = payments.map {
            PaymentRow(
                id: $0.id, dateText: texts.day($0.receivedOn), noteText: $0.note ?? "", amountText: texts.money($0.amount),
                kindText: $0.kind == .received ? nil : $0.kind.word(texts.language),
                canReverse: $0.kind.isReversible && !reversed.contains($0.id))
        }
        hasPayments = !payments.isEmpty
        canCancel = invoice.isIssued && invoice.kind == .invoice && !invoice.isCancelled
        customerId = invoice.customerId
        number = invoice.number ?? ""
        let holdMake = FieldFactory(state: FormState(), texts: texts, idPrefix: "pause-")
        holdFields = [
            holdMake.date("until", "f_hold_until", required: true),
            holdMake.text("reason", "f_hold_reason", required: true, placeholder: texts["p_hold_reason"]),
        ]
    }
}
