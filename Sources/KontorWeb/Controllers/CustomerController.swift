import Foundation
import Hummingbird
import KontorApp
import KontorCore

/// Kunden: search and filter, detail with timeline and totals, add and edit, notes.
struct CustomerController: Sendable {
    let services: AppServices

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self)
            .get(use: self.list)
            .get("new", use: self.new)
            .get("export.vcf", use: self.exportVCards)
            .post("import", use: self.importVCards)
            .post(use: self.create)
            .get(":id", use: self.show)
            .get(":id/edit", use: self.edit)
            .post(":id", use: self.update)
            .post(":id/notes", use: self.addNote)
            .post(":id/credit/apply", use: self.applyCredit)
            .post(":id/credit/refund", use: self.refundCredit)
    }

    /// GET /customers?q=…&status=…
    @Sendable func list(request: Request, context: AppRequestContext) async throws -> Response {
        try await renderList(request: request, context: context)
    }

    /// GET /customers/export.vcf: every customer as a vCard, for the address book or the phone.
    @Sendable func exportVCards(request: Request, context: AppRequestContext) async throws -> Response {
        .download(try await services.kontor.exportVCards(), contentType: "text/vcard; charset=utf-8")
    }

    /// POST /customers/import: contacts from a .vcf file become prospects; known ones are left alone.
    @Sendable func importVCards(request: Request, context: AppRequestContext) async throws -> Response {
        let texts = Texts(context.language)
        var state = FormState()
        guard let file = context.files.first(where: { $0.fieldName == "vcards" }), !file.data.isEmpty else {
            state.errors["vcards"] = texts["err_file"]
            return try await renderList(importState: state, request: request, context: context, status: .unprocessableContent)
        }
        do {
            let result = try await services.kontor.importVCards(
                data: file.data, fileName: file.fileName, today: services.today())
            return services.redirect("/customers", flash: texts.format(
                "flash_vcards_imported", "\(result.created.count)", "\(result.unchanged)"), context: context)
        } catch {
            guard let message = ErrorText(texts).message(error) else { throw error }
            state.errors["vcards"] = message
            return try await renderList(importState: state, request: request, context: context, status: .unprocessableContent)
        }
    }

    private func renderList(
        importState: FormState = FormState(), request: Request, context: AppRequestContext,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let texts = Texts(context.language)
        return try await services.page(
            "customers/index", area: .customers, title: texts["nav_customers"], request: request, context: context,
            status: status, cacheable: !importState.hasErrors
        ) {
            let query = request.query("q")
            let customerStatus = request.query("status").flatMap(CustomerStatus.init(rawValue:))
            let window = ListWindow(page: request.query("page").flatMap(Int.init) ?? 1, size: CustomerListPage.pageSize)
            let model = try await services.kontor.customerList(status: customerStatus, search: query, window: window)
            let page = CustomerListPage(model, query: query, status: customerStatus, importState: importState, texts: texts)
            return page
        }
    }

    /// GET /customers/new
    @Sendable func new(request: Request, context: AppRequestContext) async throws -> Response {
        let state = FormState(values: ["kind": "business", "language": "de", "status": "prospect", "country": "DE"])
        return try renderForm(state, customer: nil, request: request, context: context)
    }

    /// POST /customers
    @Sendable func create(request: Request, context: AppRequestContext) async throws -> Response {
        let texts = Texts(context.language)
        var reader = FormReader(context.form, texts: texts)
        let fields = CustomerFields(&reader)
        var state = reader.state
        if !reader.hasErrors {
            var customer = Customer(name: "", createdOn: services.today())
            fields.apply(to: &customer)
            do {
                let saved = try await services.kontor.addCustomer(customer)
                return services.redirect("/customers/\(saved.id)", flash: texts.format("flash_customer_added", saved.name),
                                         context: context)
            } catch {
                try ErrorText(texts).place(error, into: &state, fields: CustomerFields.errorFields)
            }
        }
        return try renderForm(state, customer: nil, request: request, context: context, status: .unprocessableContent)
    }

    /// GET /customers/:id
    @Sendable func show(request: Request, context: AppRequestContext) async throws -> Response {
        try await renderShow(id: try context.id(), noteState: FormState(), request: request, context: context)
    }

    /// GET /customers/:id/edit
    @Sendable func edit(request: Request, context: AppRequestContext) async throws -> Response {
        let customer = try await services.kontor.customerDetail(id: try context.id()).customer
        return try renderForm(FormState(values: CustomerFields.values(of: customer)), customer: customer,
                              request: request, context: context)
    }

    /// POST /customers/:id
    @Sendable func update(request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.id()
        let texts = Texts(context.language)
        let existing = try await services.kontor.customerDetail(id: id).customer
        var reader = FormReader(context.form, texts: texts)
        let fields = CustomerFields(&reader)
        var state = reader.state
        if !reader.hasErrors {
            do {
                let saved = try await services.kontor.editCustomer(id: id, on: services.today()) { fields.apply(to: &$0) }
                return services.redirect("/customers/\(id)", flash: texts.format("flash_customer_saved", saved.name),
                                         context: context)
            } catch {
                try ErrorText(texts).place(error, into: &state, fields: CustomerFields.errorFields)
            }
        }
        return try renderForm(state, customer: existing, request: request, context: context, status: .unprocessableContent)
    }

    /// POST /customers/:id/notes: a note, a promise to pay, an objection or its settling.
    @Sendable func addNote(request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.id()
        let texts = Texts(context.language)
        var reader = FormReader(context.form, texts: texts)
        let text = reader.text("text", required: true)
        let kind = reader.choice("kind", NoteKind.self) ?? .note
        let promised = reader.day("promisedFor")
        let invoice = reader.text("invoice")
        if kind == .promise, promised == nil, reader.state.errors["promisedFor"] == nil {
            reader.fail("promisedFor", texts["err_required"])
        }
        var state = reader.state
        if !reader.hasErrors, let text {
            do {
                _ = try await services.kontor.addNote(
                    customerId: id, text: text, on: services.today(), kind: kind, invoice: invoice, promisedFor: promised)
                return services.redirect("/customers/\(id)", flash: texts["flash_note_added"], context: context)
            } catch {
                try ErrorText(texts).place(error, into: &state, fields: [
                    .noteText: "text", .promisedDate: "promisedFor", .invoice: "invoice",
                ])
            }
        }
        return try await renderShow(id: id, noteState: state, request: request, context: context, status: .unprocessableContent)
    }

    /// POST /customers/:id/credit/apply: the customer's credit pays one of its open invoices.
    @Sendable func applyCredit(request: Request, context: AppRequestContext) async throws -> Response {
        let texts = Texts(context.language)
        let id = try context.id()
        guard let invoice = context.form["invoice"], !invoice.isEmpty else {
            return services.redirect("/customers/\(id)#credit", flash: texts["err_choose_invoice"], kind: .warning,
                                     context: context)
        }
        do {
            let receipt = try await services.kontor.applyCredit(customerId: id, to: invoice, on: services.today())
            return services.redirect(
                "/customers/\(id)#credit",
                flash: texts.format("flash_credit_applied", texts.money(receipt.payment.amount), invoice), context: context)
        } catch let error where !(error is AppError) {
            // An unknown customer or invoice stays a 404 page; what the credit cannot do comes back as a notice.
            guard let message = ErrorText(texts).message(error) else { throw error }
            return services.redirect("/customers/\(id)#credit", flash: message, kind: .warning, context: context)
        }
    }

    /// POST /customers/:id/credit/refund: the whole credit was paid back.
    @Sendable func refundCredit(request: Request, context: AppRequestContext) async throws -> Response {
        let texts = Texts(context.language)
        let id = try context.id()
        do {
            let entries = try await services.kontor.refundCredit(
                customerId: id, on: services.today(), note: context.form["note"].flatMap { $0.isEmpty ? nil : $0 })
            let total = entries.map(\.amount).sum()
            return services.redirect(
                "/customers/\(id)#credit", flash: texts.format("flash_credit_refunded", texts.money(-total)),
                context: context)
        } catch let error where !(error is AppError) {
            // An unknown customer or invoice stays a 404 page; what the credit cannot do comes back as a notice.
            guard let message = ErrorText(texts).message(error) else { throw error }
            return services.redirect("/customers/\(id)#credit", flash: message, kind: .warning, context: context)
        }
    }

    // MARK: - Rendering

    private func renderForm(
        _ state: FormState, customer: Customer?, request: Request, context: AppRequestContext,
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let texts = Texts(context.language)
        let page = CustomerFormPage(state: state, texts: texts, customer: customer)
        return try services.page("customers/form", area: .customers, title: page.heading, page, request: request,
                                 context: context, status: status)
    }

    private func renderShow(
        id: Int64, noteState: FormState, request: Request, context: AppRequestContext, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let texts = Texts(context.language)
        let detail = try await services.kontor.customerDetail(id: id)
        let timeline = try await services.kontor.timeline(customerId: id)
        var page = CustomerPage(detail, timeline: timeline, noteState: noteState, today: services.today(), texts: texts)
        page.mailSuggestions = try await services.kontor.importedMails(customerId: id, limit: 50)
            .compactMap { MailSuggestionView($0, texts: texts) }
        page.hasMailSuggestions = !page.mailSuggestions.isEmpty
        return try services.page("customers/show", area: .customers, title: detail.customer.name, page,
                                 request: request, context: context, status: status)
    }
}
