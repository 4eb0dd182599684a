import Hummingbird
import KontorApp
import KontorCore

/// Angebote: list, create (also from an inquiry), lines, accept or decline, PDF.
struct QuoteController: Sendable {
    let services: AppServices

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self)
            .get(use: self.list)
            .get("new", use: self.new)
            .post(use: self.create)
            .get(":id", use: self.show)
            .post(":id/lines", use: self.addLine)
            .post(":id/accept", use: self.accept)
            .post(":id/decline", use: self.decline)
            .get(":id/pdf", use: self.pdf)
    }

    /// GET /quotes
    @Sendable func list(request: Request, context: AppRequestContext) async throws -> Response {
        let texts = Texts(context.language)
        return try await services.cachedPage("quotes/index", area: .quotes, title: texts["nav_quotes"], request: request,
                                             context: context) {
            let window = ListWindow(page: request.query("page").flatMap(Int.init) ?? 1, size: QuoteListPage.pageSize)
            let page = QuoteListPage(try await services.kontor.quoteList(window: window), texts: texts)
            return page
        }
    }

    /// GET /quotes/new?inquiry=…|customer=…
    @Sendable func new(request: Request, context: AppRequestContext) async throws -> Response {
        var values = ["revisions": "2"]
        values["customer"] = request.query("customer")
        var inquiry: InquiryListItem?
        if let text = request.query("inquiry") {
            guard let id = Int64(text) else { throw WebError.notFound }
            inquiry = try await services.kontor.inquiry(id: id)
            values["customer"] = "\(inquiry!.inquiry.customerId)"
            values["title"] = inquiry!.inquiry.subject
        }
        if let profile = try? await services.kontor.profile() { values["paymentTerm"] = "\(profile.paymentTermDays)" }
        values["validUntil"] = services.today().adding(days: 30).description
        return try await renderNew(FormState(values: values), inquiry: inquiry, request: request, context: context)
    }

    /// POST /quotes
    @Sendable func create(request: Request, context: AppRequestContext) async throws -> Response {
        let texts = Texts(context.language)
        var reader = FormReader(context.form, texts: texts)
        let customerId = try await services.customerId(&reader, required: true)
        let inquiryId = reader.id("inquiry")
        let title = reader.text("title", required: true)
        let validUntil = reader.day("validUntil")
        let term = reader.int("paymentTerm", range: PaymentTerm.allowedDays, unit: .days)
        let revisions = reader.int("revisions", range: 0...20) ?? 2
        var state = reader.state
        if !reader.hasErrors, let customerId, let title {
            do {
                let quote = try await services.kontor.addQuote(
                    customerId: customerId, inquiryId: inquiryId, title: title, on: services.today(),
                    validUntil: validUntil, paymentTermDays: term, includedRevisions: revisions)
                return services.redirect("/quotes/\(quote.id)", flash: texts["flash_quote_added"], context: context)
            } catch {
                try ErrorText(texts).place(error, into: &state, fields: [
                    .quoteTitle: "title", .paymentTerm: "paymentTerm", .numberOfRevisions: "revisions",
                ])
            }
        }
        let inquiry = try await inquiryId.asyncMap { try await services.kontor.inquiry(id: $0) }
        return try await renderNew(state, inquiry: inquiry, request: request, context: context, status: .unprocessableContent)
    }

    /// GET /quotes/:id
    @Sendable func show(request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.id()
        var accept = FormState()
        // The promised delivery date is the job's deadline unless changed.
        let promised = try await services.kontor.quote(id: id).deliveryDate
        accept.values["deadline"] = (promised ?? services.today().adding(days: 14)).description
        return try await renderShow(id, line: FormState(values: LineFields.defaults), accept: accept,
                                    request: request, context: context)
    }

    /// POST /quotes/:id/lines
    @Sendable func addLine(request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.id()
        let texts = Texts(context.language)
        var reader = FormReader(context.form, texts: texts)
        let line = reader.line()
        var state = reader.state
        if !reader.hasErrors, let line {
            do {
                _ = try await services.kontor.addQuoteLine(quoteId: id, line: line)
                return services.redirect("/quotes/\(id)#h-lines", flash: texts["flash_line_added"], context: context)
            } catch {
                try ErrorText(texts).place(error, into: &state, fields: LineFields.errorFields)
            }
        }
        return try await renderShow(id, line: state, accept: FormState(), request: request, context: context,
                                    status: .unprocessableContent)
    }

    /// POST /quotes/:id/accept: creates the job.
    @Sendable func accept(request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.id()
        let texts = Texts(context.language)
        var reader = FormReader(context.form, texts: texts)
        let deadline = reader.day("deadline")
        let effort = reader.quantity("effort")
        var state = reader.state
        if !reader.hasErrors {
            do {
                let result = try await services.kontor.acceptQuote(
                    id: id, on: services.today(), deadline: deadline, effortHours: effort)
                return services.redirect("/jobs/\(result.job.id)", flash: texts.format("flash_quote_accepted", "\(result.job.id)"),
                                         context: context)
            } catch {
                try ErrorText(texts).place(error, into: &state, fields: [.deadline: "deadline", .quantity: "effort"])
            }
        }
        return try await renderShow(id, line: FormState(values: LineFields.defaults), accept: state, request: request,
                                    context: context, status: .unprocessableContent)
    }

    /// POST /quotes/:id/decline
    @Sendable func decline(request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.id()
        _ = try await services.kontor.declineQuote(id: id, on: services.today())
        return services.redirect("/quotes/\(id)", flash: Texts(context.language)["flash_quote_declined"], context: context)
    }

    /// GET /quotes/:id/pdf
    @Sendable func pdf(request: Request, context: AppRequestContext) async throws -> Response {
        .download(try await services.kontor.quotePDF(id: try context.id()), contentType: "application/pdf")
    }

    // MARK: - Rendering

    private func renderNew(
        _ state: FormState, inquiry: InquiryListItem?, request: Request, context: AppRequestContext,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let texts = Texts(context.language)
        let customers = try await services.kontor.customerChoices(
            selected: state.values["customer"].flatMap(CustomerChoice.id(in:)))
        let make = FieldFactory(state: state, texts: texts)
        let page = QuoteNewPage(
            inquiryText: inquiry.map { "\($0.customerName): \($0.inquiry.subject)" },
            inquiryId: inquiry.map { "\($0.inquiry.id)" }, noCustomers: customers.total == 0,
            hasFormError: state.general != nil, formError: state.generalText,
            fields: [
                make.customer("customer", "f_customer", choices: customers, required: true,
                            blank: texts["choose"]),
                make.text("title", "f_title", required: true, wide: true),
                make.date("validUntil", "f_valid_until"),
                make.number("paymentTerm", "f_payment_term"),
                make.number("revisions", "f_revisions"),
            ])
        return try services.page("quotes/new", area: .quotes, title: texts["quote_new"], page, request: request,
                                 context: context, status: status)
    }

    private func renderShow(
        _ id: Int64, line: FormState, accept: FormState, request: Request, context: AppRequestContext,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let texts = Texts(context.language)
        let quote = try await services.kontor.quote(id: id)
        let customer = try await services.kontor.customerDetail(id: quote.customerId).customer
        let job = quote.status == .accepted
            ? try await services.kontor.jobs(all: true, customerId: quote.customerId).first { $0.quoteId == quote.id } : nil
        let page = QuotePage(quote, customer: customer, job: job, line: line, accept: accept, texts: texts)
        return try services.page("quotes/show", area: .quotes, title: quote.title, page, request: request,
                                 context: context, status: status)
    }
}

extension Optional {
    /// `map` with an async transform.
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}

/// The list of quotes.
struct QuoteListPage: Sendable, Encodable {
    struct Row: Sendable, Encodable {
        let id: Int64
        let path: String
        let title: String
        let customerName: String
        let customerPath: String
        let dateText: String
        let validText: String
        let statusLabel: String
        let statusTone: String
        let netText: String
    }

    let isEmpty: Bool
    let rows: [Row]
    let pager: PagerView?

    static let pageSize = 50

    init(_ list: ListPage<QuoteListItem>, texts: Texts) {
        isEmpty = list.items.isEmpty
        pager = PagerView(list, path: "/quotes", texts: texts)
        rows = list.items.map { item in
            let quote = item.quote
            return Row(
                id: quote.id, path: "/quotes/\(quote.id)", title: quote.title, customerName: item.customerName,
                customerPath: "/customers/\(quote.customerId)", dateText: texts.day(quote.createdOn),
                validText: texts.day(quote.validUntil), statusLabel: texts.quoteStatus(quote.status),
                statusTone: Tone.quote(quote.status), netText: texts.money(quote.net))
        }
    }
}

/// The form for a new quote.
struct QuoteNewPage: Sendable, Encodable {
    let inquiryText: String?
    let inquiryId: String?
    let noCustomers: Bool
    let hasFormError: Bool
    let formError: String
    let fields: [FieldView]
}

/// One quote with its lines and the forms to add lines and record the decision.
struct QuotePage: Sendable, Encodable {
    let id: Int64
    let title: String
    let customerName: String
    let customerPath: String
    let dateText: String
    let validText: String
    let statusLabel: String
    let statusTone: String
    let jobPath: String?
    let isOpen: Bool
    /// Declined quotes may be deleted too; accepted ones are the agreement behind their job.
    let canDelete: Bool
    let termsText: String
    /// "Lieferung bis 23.03.2026 · Erster Teil bis 10.03.2026", when the quote promises a date.
    let deliveryText: String?
    let hasLines: Bool
    let linesEditable: Bool
    let lines: [LineRow]
    let totals: TotalsView
    let lineFields: [FieldView]
    let hasLineError: Bool
    let lineError: String
    let acceptFields: [FieldView]
    let hasAcceptError: Bool
    let acceptError: String

    init(_ quote: Quote, customer: Customer, job: Job?, line: FormState, accept: FormState, texts: Texts) {
        id = quote.id
        title = quote.title
        customerName = customer.name
        customerPath = "/customers/\(customer.id)"
        dateText = texts.day(quote.createdOn)
        validText = texts.day(quote.validUntil)
        statusLabel = texts.quoteStatus(quote.status)
        statusTone = Tone.quote(quote.status)
        jobPath = job.map { "/jobs/\($0.id)" }
        isOpen = quote.status == .open
        canDelete = quote.status != .accepted
        termsText = texts.format("quote_terms", "\(quote.paymentTermDays)", "\(quote.includedRevisions)")
        deliveryText = quote.deliveryDate.map {
            "\(texts["quote_delivery"]) \(texts.day($0))"
                + (quote.firstPartDate.map { " · \(texts["quote_first_part"]) \(texts.day($0))" } ?? "")
        }
        hasLines = !quote.lines.isEmpty
        linesEditable = isOpen
        lines = LineActions.rows(
            quote.effectiveLines, typedCount: quote.lines.count, basePath: isOpen ? "/quotes/\(quote.id)" : nil,
            texts: texts)
        // The loyalty discount is a line of its own, as on the PDF.
        totals = TotalsView(InvoiceTotals(lines: quote.effectiveLines, treatment: .standard), treatment: .standard,
                            texts: texts)
        lineFields = LineFields.make(line, texts: texts)
        hasLineError = line.general != nil
        lineError = line.generalText
        let make = FieldFactory(state: accept, texts: texts, idPrefix: "accept-")
        acceptFields = [make.date("deadline", "f_deadline"), make.amount("effort", "f_effort")]
        hasAcceptError = accept.general != nil
        acceptError = accept.generalText
    }
}
