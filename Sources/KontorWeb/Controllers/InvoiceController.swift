import Hummingbird
import KontorApp
import KontorCore

/// Rechnungen: filters, drafts with a line editor, issue, cancel, payments, PDF and e-invoice XML.
struct InvoiceController: Sendable {
    let services: AppServices

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self)
            .get(use: self.list)
            .get("new", use: self.new)
            .post(use: self.draft)
            .get(":ref", use: self.show)
            .post(":ref/lines", use: self.addLine)
            .post(":ref/terms", use: self.terms)
            .post(":ref/issue", use: self.issue)
            .post(":ref/cancel", use: self.cancel)
            .post(":ref/payments", use: self.pay)
            .get(":ref/pdf", use: self.pdf)
            .get(":ref/xml", use: self.xml)
    }

    /// The list filters.
    enum Filter: String, CaseIterable, Sendable {
        case open, overdue, paid, drafts, all
    }

    /// Rows per page of the list.
    static let pageSize = 50

    /// GET /invoices?filter=open|overdue|paid|drafts|all&page=n
    @Sendable func list(request: Request, context: AppRequestContext) async throws -> Response {
        let texts = Texts(context.language)
        return try await services.cachedPage("invoices/index", area: .invoices, title: texts["nav_invoices"], request: request,
                                             context: context) {
            let filter = request.query("filter").flatMap(Filter.init(rawValue:)) ?? .open
            let today = services.today()
            let query: InvoiceQuery = switch filter {
            case .open: InvoiceQuery(openOnly: true)
            case .overdue: InvoiceQuery(overdueOn: today)
            case .paid: InvoiceQuery(status: .paid)
            case .drafts: InvoiceQuery(status: .draft)
            case .all: InvoiceQuery()
            }
            let number = request.query("page").flatMap(Int.init) ?? 1
            let slice = try await services.kontor.invoicePage(query, page: number, size: InvoiceController.pageSize)
            let page = InvoiceListPage(slice, filter: filter, today: today, texts: texts)
            return page
        }
    }

    /// GET /invoices/new
    @Sendable func new(request: Request, context: AppRequestContext) async throws -> Response {
        var state = FormState()
        state.values["customer"] = request.query("customer")
        state.values["job"] = request.query("job")
        return try await renderNew(state, request: request, context: context)
    }

    /// POST /invoices: a draft from a job, a quote or for a customer.
    @Sendable func draft(request: Request, context: AppRequestContext) async throws -> Response {
        let texts = Texts(context.language)
        var reader = FormReader(context.form, texts: texts)
        let job = reader.id("job")
        let quote = reader.id("quote")
        let customer = try await services.customerId(&reader)
        let discount = !context.form.flag("noDiscount")
        var state = reader.state
        let source: DraftSource? = job.map { .job($0) } ?? quote.map { .quote($0) } ?? customer.map { .customer($0) }
        guard !reader.hasErrors, let source else {
            if state.general == nil { state.general = texts["err_draft_source"] }
            return try await renderNew(state, request: request, context: context, status: .unprocessableContent)
        }
        do {
            let drafted = try await services.kontor.prepareDraft(from: source, on: services.today(), discount: discount)
            let invoice = drafted.invoice
            var flash = invoice.discountPercent.map { texts.format("flash_draft_created_discount", "\($0)") }
                ?? texts["flash_draft_created"]
            if drafted.extraRevisionRounds > 0 {
                let price = drafted.revisionPrice
                flash += " " + (price.tenThousandths > 0
                    ? texts.format("flash_draft_revisions", "\(drafted.extraRevisionRounds)",
                                   texts.money(price.net(for: Quantity(1))))
                    : texts.format("flash_draft_revisions_ask", "\(drafted.extraRevisionRounds)"))
            }
            return services.redirect(InvoicePaths.show(invoice), flash: flash, context: context)
        } catch {
            try ErrorText(texts).place(error, into: &state)
            return try await renderNew(state, request: request, context: context, status: .unprocessableContent)
        }
    }

    /// GET /invoices/:ref (number, or id of a draft)
    @Sendable func show(request: Request, context: AppRequestContext) async throws -> Response {
        try await renderShow(try context.reference(), forms: Forms(), request: request, context: context)
    }

    /// POST /invoices/:ref/lines
    @Sendable func addLine(request: Request, context: AppRequestContext) async throws -> Response {
        let reference = try context.reference()
        let texts = Texts(context.language)
        var reader = FormReader(context.form, texts: texts)
        let line = reader.line()
        var forms = Forms()
        forms.line = reader.state
        if !reader.hasErrors, let line {
            do {
                let invoice = try await services.kontor.addInvoiceLine(reference, line: line)
                return services.redirect(InvoicePaths.show(invoice) + "#h-lines", flash: texts["flash_line_added"],
                                         context: context)
            } catch {
                try ErrorText(texts).place(error, into: &forms.line, fields: LineFields.errorFields)
            }
        }
        return try await renderShow(reference, forms: forms, request: request, context: context, status: .unprocessableContent)
    }

    /// POST /invoices/:ref/terms: service period and payment term of a draft.
    @Sendable func terms(request: Request, context: AppRequestContext) async throws -> Response {
        let reference = try context.reference()
        let texts = Texts(context.language)
        var reader = FormReader(context.form, texts: texts)
        let from = reader.day("serviceFrom")
        let to = reader.day("serviceTo")
        let term = reader.int("paymentTerm", range: PaymentTerm.allowedDays, unit: .days)
        if to != nil, from == nil { reader.fail("serviceFrom", texts["err_required"]) }
        var forms = Forms()
        forms.terms = reader.state
        if !reader.hasErrors {
            do {
                if let from { _ = try await services.kontor.setServicePeriod(reference, from: from, to: to) }
                if let term { _ = try await services.kontor.setPaymentTerm(reference, days: term) }
                return services.redirect("/invoices/\(reference)", flash: texts["flash_terms_saved"], context: context)
            } catch {
                try ErrorText(texts).place(error, into: &forms.terms, fields: [
                    .servicePeriod: "serviceTo", .paymentTerm: "paymentTerm",
                ])
            }
        }
        return try await renderShow(reference, forms: forms, request: request, context: context, status: .unprocessableContent)
    }

    /// POST /invoices/:ref/issue, from the confirmation page (GET /invoices/:ref/issue) with the number it showed:
    /// without it, or when that number is no longer the next one, the confirmation is shown (again) first.
    @Sendable func issue(request: Request, context: AppRequestContext) async throws -> Response {
        let reference = try context.reference()
        let texts = Texts(context.language)
        guard let confirmed = context.form["number"] else {
            return .seeOther("/invoices/\(reference)/issue")
        }
        do {
            let invoice = try await services.kontor.issueInvoice(
                reference, on: services.today(), expecting: confirmed)
            return services.redirect(
                InvoicePaths.show(invoice),
                flash: texts.format("flash_invoice_issued", invoice.number ?? "", texts.money(invoice.totals.gross),
                                    texts.day(invoice.dueDate)), context: context)
        } catch WorkflowError.issueNumberChanged(_, let next) {
            return try await DraftController.renderIssue(
                reference: reference, error: texts.format("issue_number_changed", next), services: services,
                request: request, context: context, status: .conflict)
        } catch {
            var forms = Forms()
            try ErrorText(texts).place(error, into: &forms.issue)
            return try await renderShow(reference, forms: forms, request: request, context: context, status: .unprocessableContent)
        }
    }

    /// POST /invoices/:ref/cancel: issues the cancellation invoice.
    @Sendable func cancel(request: Request, context: AppRequestContext) async throws -> Response {
        let reference = try context.reference()
        let cancellation = try await services.kontor.cancelInvoice(reference, on: services.today())
        return services.redirect(
            InvoicePaths.show(cancellation),
            flash: Texts(context.language).format("flash_invoice_cancelled", cancellation.number ?? ""), context: context)
    }

    /// POST /invoices/:ref/payments
    @Sendable func pay(request: Request, context: AppRequestContext) async throws -> Response {
        let reference = try context.reference()
        let texts = Texts(context.language)
        var forms = Forms()
        switch try await PaymentForm.record(reference: reference, form: context.form, services: services, texts: texts) {
        case let .recorded(message, path): return services.redirect(path, flash: message, context: context)
        case let .invalid(state): forms.payment = state
        }
        return try await renderShow(reference, forms: forms, request: request, context: context, status: .unprocessableContent)
    }

    /// GET /invoices/:ref/pdf
    @Sendable func pdf(request: Request, context: AppRequestContext) async throws -> Response {
        .download(try await services.kontor.invoicePDF(try context.reference()), contentType: "application/pdf")
    }

    /// GET /invoices/:ref/xml
    @Sendable func xml(request: Request, context: AppRequestContext) async throws -> Response {
        .download(try await services.kontor.invoiceXML(try context.reference()), contentType: "application/xml")
    }

    // MARK: - Rendering

    /// The states of the forms on the invoice page.
    struct Forms: Sendable, Encodable {
        var line = FormState(values: LineFields.defaults)
        var terms = FormState()
        var issue = FormState()
        var payment = FormState()
    }

    private func renderNew(
        _ state: FormState, request: Request, context: AppRequestContext, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let texts = Texts(context.language)
        let customers = try await services.kontor.customerChoices(
            selected: state.values["customer"].flatMap(CustomerChoice.id(in:)))
        let jobs = try await services.kontor.jobsToInvoice(
            deliveredSince: services.today().adding(days: -InvoiceNewPage.jobDays))
        let make = FieldFactory(state: state, texts: texts)
        let page = InvoiceNewPage(
            hasFormError: state.general != nil, formError: state.generalText, hasJobs: !jobs.isEmpty,
            jobFields: [
                make.select("job", "f_job", options: jobs.map { ("\($0.job.id)", "\($0.customerName): \($0.job.title)") },
                            blank: texts["choose"], wide: true),
                make.checkbox("noDiscount", "f_no_discount"),
            ],
            noCustomers: customers.total == 0,
            customerFields: [
                make.customer("customer", "f_customer", choices: customers, blank: texts["choose"],
                            wide: true),
            ])
        return try services.page("invoices/new", area: .invoices, title: texts["invoice_new"], page, request: request,
                                 context: context, status: status)
    }

    private func renderShow(
        _ reference: String, forms: Forms, request: Request, context: AppRequestContext, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let texts = Texts(context.language)
        let invoice = try await services.kontor.invoice(reference)
        let customer = try await services.kontor.customerDetail(id: invoice.customerId).customer
        let payments = invoice.isIssued ? try await services.kontor.payments(invoice: reference) : []
        let holds = try await services.kontor.dunningHolds(activeOn: services.today())
            .filter { $0.customerId == invoice.customerId && ($0.invoiceId == nil || $0.invoiceId == invoice.id) }
        var page = InvoicePage(invoice, customer: customer, payments: payments, forms: forms, today: services.today(),
                               texts: texts)
        page.holds = holds.map { texts.format("hold_active", texts.day($0.until), $0.reason) }
        page.hasHolds = !holds.isEmpty
        return try services.page("invoices/show", area: .invoices, title: page.heading, page, request: request,
                                 context: context, status: status)
    }
}
