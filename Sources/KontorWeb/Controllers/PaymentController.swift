import Foundation
import Hummingbird
import KontorApp
import KontorCore

/// Zahlungen: statement upload with its review queue, payments received, and a form to record one by hand.
struct PaymentController: Sendable {
    let services: AppServices

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self)
            .get(use: self.list)
            .post(use: self.create)
            .post("import", use: self.importStatement)
            .post("review/:id/assign", use: self.assign)
            .post("review/:id/dismiss", use: self.dismiss)
            .post(":id/reverse", use: self.reverse)
    }

    /// POST /payments/:id/reverse: a dated counter-entry with the reason; back to the invoice.
    @Sendable func reverse(request: Request, context: AppRequestContext) async throws -> Response {
        let texts = Texts(context.language)
        let id = try context.id()
        let reason = context.form["reason"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let payment = try await services.kontor.payment(id: id)
        let invoice = try await services.kontor.invoice("\(payment.invoiceId)")
        let back = InvoicePaths.show(invoice) + "#h-payments"
        guard !reason.isEmpty else {
            return services.redirect(back, flash: texts["err_reverse_reason"], kind: .warning, context: context)
        }
        do {
            let result = try await services.kontor.reversePayment(id: id, on: services.today(), reason: reason)
            var message = texts.format("flash_payment_reversed", texts.money(payment.amount))
            if result.bankEntryReturned != nil { message += " " + texts["flash_entry_back_in_review"] }
            if let status = result.customerStatus { message += " " + texts.format("flash_customer_status", texts.customerStatus(status)) }
            return services.redirect(back, flash: message, context: context)
        } catch let error as WorkflowError {
            return services.redirect(back, flash: ErrorText(texts).message(error) ?? texts["error_server_text"], kind: .warning, context: context)
        }
    }

    /// GET /payments
    @Sendable func list(request: Request, context: AppRequestContext) async throws -> Response {
        var state = FormState()
        state.values["date"] = services.today().description
        state.values["invoice"] = request.query("invoice")
        return try await render(state, request: request, context: context, cacheable: true)
    }

    /// POST /payments
    @Sendable func create(request: Request, context: AppRequestContext) async throws -> Response {
        let texts = Texts(context.language)
        guard let reference = context.form["invoice"] else {
            var state = FormState(context.form)
            state.errors["invoice"] = texts["err_choose"]
            return try await render(state, request: request, context: context, status: .unprocessableContent)
        }
        switch try await PaymentForm.record(reference: reference, form: context.form, services: services, texts: texts) {
        case let .recorded(message, _): return services.redirect("/payments", flash: message, context: context)
        case let .invalid(state): return try await render(state, request: request, context: context, status: .unprocessableContent)
        }
    }

    /// POST /payments/import: a camt.053 (XML or ZIP), MT940 or CSV statement; `dryRun` only reports.
    @Sendable func importStatement(request: Request, context: AppRequestContext) async throws -> Response {
        let texts = Texts(context.language)
        var upload = FormState()
        guard let file = context.files.first(where: { $0.fieldName == "statement" }), !file.data.isEmpty else {
            upload.errors["statement"] = texts["err_file"]
            return try await render(FormState(), upload: upload, request: request, context: context, status: .unprocessableContent)
        }
        let dryRun = context.form.flag("dryRun")
        upload = FormState(context.form)
        let choices = StatementImportChoices(
            format: context.form["format"], preset: context.form["preset"], mapping: context.form["mapping"])
        do {
            let options = try choices.options(fileName: file.fileName)
            let result = try await services.kontor.importStatement(
                data: file.data, fileName: file.fileName, options: options, dryRun: dryRun, today: services.today())
            var message = texts.format(
                dryRun ? "flash_import_dry" : "flash_import", result.file, "\(result.entries)", "\(result.applied.count)",
                "\(result.queued)", "\(result.alreadyImported)")
            if !result.warnings.isEmpty {
                message += " " + result.warnings.prefix(3).map { $0.message(texts.language) }.joined(separator: " ")
            }
            return services.redirect("/payments#review", flash: message, kind: result.warnings.isEmpty ? .success : .warning,
                                     context: context)
        } catch {
            try ErrorText(texts).place(error, into: &upload, fields: [.format: "format", .preset: "preset", .columnMapping: "mapping"])
            if let general = upload.general {
                upload.errors["statement"] = general
                upload.general = nil
            }
            return try await render(FormState(), upload: upload, request: request, context: context, status: .unprocessableContent)
        }
    }

    /// POST /payments/review/:id/assign: books a reviewed bank entry on an invoice.
    @Sendable func assign(request: Request, context: AppRequestContext) async throws -> Response {
        let texts = Texts(context.language)
        let id = try context.id()
        let typed = context.form["invoiceNumber"]?.trimmingCharacters(in: .whitespaces)
        guard let invoice = typed.flatMap({ $0.isEmpty ? nil : $0 }) ?? context.form["invoice"] else {
            var review = FormState()
            review.general = texts["err_choose_invoice"]
            return try await render(FormState(), review: (id, review), request: request, context: context,
                                    status: .unprocessableContent)
        }
        do {
            let entry = try await services.kontor.assignBankEntry(id: id, invoice: invoice)
            return services.redirect("/payments#review", flash: texts.format("flash_entry_assigned", texts.money(entry.amount), invoice),
                                     context: context)
        } catch {
            var review = FormState()
            try ErrorText(texts).place(error, into: &review)
            return try await render(FormState(), review: (id, review), request: request, context: context,
                                    status: .unprocessableContent)
        }
    }

    /// POST /payments/review/:id/dismiss: not a customer's payment (a refund, a transfer of one's own).
    @Sendable func dismiss(request: Request, context: AppRequestContext) async throws -> Response {
        let entry = try await services.kontor.dismissBankEntry(id: try context.id())
        return services.redirect("/payments#review",
                                 flash: Texts(context.language).format("flash_entry_dismissed", entry.counterpartyName ?? entry.text),
                                 context: context)
    }

    private func render(
        _ state: FormState, upload: FormState = FormState(), review: (id: Int64, state: FormState)? = nil,
        request: Request, context: AppRequestContext, status: HTTPResponse.Status = .ok, cacheable: Bool = false
    ) async throws -> Response {
        let texts = Texts(context.language)
        return try await services.page(
            "payments/index", area: .payments, title: texts["nav_payments"], request: request, context: context,
            status: status, cacheable: cacheable
        ) {
            let overview = try await services.kontor.paymentsOverview(
                payments: ListWindow(page: request.query("page").flatMap(Int.init) ?? 1, size: PaymentsPage.pageSize),
                review: ListWindow(page: request.query("review").flatMap(Int.init) ?? 1, size: PaymentsPage.reviewPageSize),
                openLimit: PaymentsPage.openChoices)
            let page = PaymentsPage(overview, state: state, upload: upload, review: review, texts: texts)
            return page
        }
    }
}

/// The payments page.
struct PaymentsPage: Sendable, Encodable {
    struct Row: Sendable, Encodable {
        let dateText: String
        let invoiceLabel: String
        let invoicePath: String
        let customerName: String
        let customerPath: String
        let noteText: String
        let amountText: String
    }

    struct ReviewRow: Sendable, Encodable {
        let id: Int64
        let dateText: String
        let payer: String
        let text: String
        let amountText: String
        let reasonText: String?
        let invoiceOptions: [OptionView]
        let hasError: Bool
        let error: String
    }

    let summaryText: String
    let uploadFields: [FieldView]
    let importOptionFields: [FieldView]
    let importOptionsOpen: Bool
    let hasReview: Bool
    let reviewCount: Int
    let review: [ReviewRow]
    let reviewPager: PagerView?
    let noOpen: Bool
    let fields: [FieldView]
    /// Said when the form offers only the longest-due open invoices.
    let openChoicesText: String?
    let hasFormError: Bool
    let formError: String
    let isEmpty: Bool
    let rows: [Row]
    let pager: PagerView?

    static let pageSize = 50
    static let reviewPageSize = 20
    /// Open invoices the manual form offers (the longest due first); every other has its own form on its page.
    static let openChoices = 200
    /// Open invoices each review entry offers beside its suggestions; any other is typed by number.
    static let reviewChoices = 25

    init(
        _ overview: PaymentsOverview, state: FormState, upload: FormState, review failed: (id: Int64, state: FormState)?,
        texts: Texts
    ) {
        let open = overview.openInvoices
        let byNumber = Dictionary(open.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
        summaryText = texts.format(
            "payments_summary", "\(overview.payments.total)", texts.money(overview.paymentSum))
        noOpen = overview.openInvoiceCount == 0
        let uploadMake = FieldFactory(state: upload, texts: texts, idPrefix: "import-")
        var file = uploadMake.text("statement", "f_statement", type: "file", required: true, hint: texts["h_statement"], wide: true)
        file.placeholder = nil
        uploadFields = [file, uploadMake.checkbox("dryRun", "f_dry_run")]
        importOptionFields = [
            uploadMake.select("format", "f_statement_format", options: StatementImportChoices.formats.map {
                ($0, texts["statement_format_\($0)"])
            }, blank: texts["statement_auto"]),
            uploadMake.select("preset", "f_csv_preset", options: StatementImportChoices.presets.map { ($0.id, $0.name) },
                              blank: texts["statement_auto"]),
            uploadMake.text("mapping", "f_csv_mapping", hint: texts["h_csv_mapping"], wide: true,
                            placeholder: "date=Buchungstag,amount=Betrag,name=Name,text=Verwendungszweck"),
        ]
        importOptionsOpen = ["format", "preset", "mapping"].contains { upload.values[$0]?.isEmpty == false }
        review = overview.review.items.map { item in
            let entry = item.entry
            let suggested = Set(item.suggestedInvoices)
            // Suggestions come best first; the best is preselected, so a plain "assign" books the likeliest invoice.
            let options = item.suggestedInvoices.enumerated().map { position, number in
                let invoice = byNumber[number]
                let parts = [number, invoice?.customerName, invoice.map { texts.money($0.openAmount) },
                             texts["review_suggested"]]
                let label = parts.compactMap { $0 }.joined(separator: " · ")
                return OptionView(optionValue: number, optionLabel: label, selected: position == 0)
            }
                + open.filter { !suggested.contains($0.number) }.prefix(PaymentsPage.reviewChoices).map { invoice in
                    OptionView(optionValue: invoice.number,
                               optionLabel: "\(invoice.number) · \(invoice.customerName) · \(texts.money(invoice.openAmount))",
                               selected: false)
                }
            let error = failed?.id == entry.id ? failed?.state.general : nil
            return ReviewRow(
                id: entry.id, dateText: texts.day(entry.bookingDate), payer: entry.counterpartyName ?? "–", text: entry.text,
                amountText: texts.money(entry.amount), reasonText: entry.reason.flatMap(MatchReason.init(rawValue:))?.word(texts.language), invoiceOptions: options,
                hasError: error != nil, error: error ?? "")
        }
        reviewPager = PagerView(overview.review, path: "/payments", parameter: "review", texts: texts)
        hasReview = !review.isEmpty
        reviewCount = overview.review.total
        let make = FieldFactory(state: state, texts: texts)
        fields = [
            make.select("invoice", "f_invoice", options: open.map { invoice in
                ("\(invoice.invoiceId)", "\(invoice.number) · \(invoice.customerName) · \(texts.money(invoice.openAmount))")
            }, required: true, blank: texts["choose"], wide: true),
        ] + PaymentForm.fields(state, texts: texts, idPrefix: "")
        openChoicesText = overview.openInvoiceCount > open.count
            ? texts.format("payment_open_choices", "\(open.count)", "\(overview.openInvoiceCount)") : nil
        hasFormError = state.general != nil
        formError = state.generalText
        isEmpty = overview.payments.items.isEmpty
        rows = overview.payments.items.map { item in
            let payment = item.payment
            return Row(
                dateText: texts.day(payment.receivedOn), invoiceLabel: item.invoiceNumber ?? "#\(payment.invoiceId)",
                invoicePath: "/invoices/\(payment.invoiceId)",
                customerName: item.customerName ?? "–", customerPath: "/customers/\(payment.customerId)",
                noteText: payment.note ?? "", amountText: texts.money(payment.amount))
        }
        pager = PagerView(overview.payments, path: "/payments", texts: texts)
    }
}
