import Foundation
import Hummingbird
import KontorApp
import KontorCore

/// Everything before issue is a draft: editing, reordering and removing lines of open quotes and invoice drafts,
/// their fields, deleting them after a confirmation step, issuing after a confirmation that shows the number, and
/// the edit forms of jobs and inquiries. Its routes sit under the areas' own paths.
struct DraftController: Sendable {
    let services: AppServices

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self)
            .get("/quotes/:id/edit", use: self.editQuoteForm)
            .post("/quotes/:id/edit", use: self.editQuote)
            .get("/quotes/:id/lines/:pos/edit", use: self.editQuoteLineForm)
            .post("/quotes/:id/lines/:pos/edit", use: self.editQuoteLine)
            .post("/quotes/:id/lines/:pos/move", use: self.moveQuoteLine)
            .post("/quotes/:id/lines/:pos/remove", use: self.removeQuoteLine)
            .get("/quotes/:id/delete", use: self.confirmDeleteQuote)
            .post("/quotes/:id/delete", use: self.deleteQuote)
            .get("/invoices/:ref/edit", use: self.editDraftForm)
            .post("/invoices/:ref/edit", use: self.editDraft)
            .get("/invoices/:ref/lines/:pos/edit", use: self.editDraftLineForm)
            .post("/invoices/:ref/lines/:pos/edit", use: self.editDraftLine)
            .post("/invoices/:ref/lines/:pos/move", use: self.moveDraftLine)
            .post("/invoices/:ref/lines/:pos/remove", use: self.removeDraftLine)
            .get("/invoices/:ref/delete", use: self.confirmDeleteDraft)
            .post("/invoices/:ref/delete", use: self.deleteDraft)
            .get("/invoices/:ref/issue", use: self.confirmIssue)
            .get("/jobs/:id/edit", use: self.editJobForm)
            .post("/jobs/:id/edit", use: self.editJob)
            .get("/inquiries/:id/edit", use: self.editInquiryForm)
            .post("/inquiries/:id/edit", use: self.editInquiry)
    }

    // MARK: - Quotes

    /// GET /quotes/:id/edit
    @Sendable func editQuoteForm(request: Request, context: AppRequestContext) async throws -> Response {
        let quote = try await services.kontor.quote(id: try context.id())
        let values = [
            "title": quote.title, "customer": "\(quote.customerId)", "validUntil": quote.validUntil.description,
            "paymentTerm": "\(quote.paymentTermDays)", "revisions": "\(quote.includedRevisions)",
            "deliveryDate": quote.deliveryDate?.description ?? "",
            "firstPartDate": quote.firstPartDate?.description ?? "",
        ]
        return try await renderQuoteForm(quote, FormState(values: values), request: request, context: context)
    }

    /// POST /quotes/:id/edit
    @Sendable func editQuote(request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.id()
        let texts = Texts(context.language)
        let quote = try await services.kontor.quote(id: id)
        var reader = FormReader(context.form, texts: texts)
        let title = reader.text("title", required: true)
        let customerId = try await services.customerId(&reader)
        let validUntil = reader.day("validUntil", required: true)
        let term = reader.int("paymentTerm", required: true, range: PaymentTerm.allowedDays, unit: .days)
        let revisions = reader.int("revisions", required: true, range: 0...20)
        let delivery = reader.day("deliveryDate")
        let firstPart = reader.day("firstPartDate")
        var state = reader.state
        if !reader.hasErrors {
            do {
                _ = try await services.kontor.editQuote(id: id, QuoteEdit(
                    title: title, customerId: customerId, validUntil: validUntil, paymentTermDays: term,
                    includedRevisions: revisions, deliveryDate: delivery, firstPartDate: firstPart))
                return services.redirect("/quotes/\(id)", flash: texts["flash_quote_saved"], context: context)
            } catch {
                try ErrorText(texts).place(error, into: &state, fields: [
                    .quoteTitle: "title", .validityDate: "validUntil", .paymentTerm: "paymentTerm",
                    .numberOfRevisions: "revisions", .customer: "customer",
                    .deliveryDate: "deliveryDate", .firstPartDate: "firstPartDate",
                ])
            }
        }
        return try await renderQuoteForm(
            quote, state, request: request, context: context, status: .unprocessableContent)
    }

    /// GET /quotes/:id/lines/:pos/edit
    @Sendable func editQuoteLineForm(request: Request, context: AppRequestContext) async throws -> Response {
        let quote = try await services.kontor.quote(id: try context.id())
        let position = try position(context)
        guard quote.status == .open, quote.lines.indices.contains(position - 1) else { throw WebError.notFound }
        let state = FormState(values: TypedLine.values(quote.lines[position - 1], context.language))
        return try renderLineForm(
            base: "/quotes/\(quote.id)", parent: (path: "/quotes/\(quote.id)", label: quote.title), position: position,
            state, request: request, context: context)
    }

    /// POST /quotes/:id/lines/:pos/edit
    @Sendable func editQuoteLine(request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.id()
        let quote = try await services.kontor.quote(id: id)
        guard quote.status == .open else { throw WorkflowError.quoteDecided(id: id, status: quote.status) }
        return try await changeLine(
            base: "/quotes/\(id)", parent: (path: "/quotes/\(id)", label: quote.title), request: request,
            context: context
        ) { position, change in
            _ = try await services.kontor.editQuoteLine(quoteId: id, position: position, change)
        }
    }

    /// POST /quotes/:id/lines/:pos/move (field `to`)
    @Sendable func moveQuoteLine(request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.id()
        let position = try position(context)
        let target = try target(context)
        _ = try await services.kontor.moveQuoteLine(quoteId: id, position: position, to: target)
        return services.redirect("/quotes/\(id)#h-lines", flash: Texts(context.language)["flash_line_moved"],
                                 context: context)
    }

    /// POST /quotes/:id/lines/:pos/remove
    @Sendable func removeQuoteLine(request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.id()
        _ = try await services.kontor.removeQuoteLine(quoteId: id, position: try position(context))
        return services.redirect("/quotes/\(id)#h-lines", flash: Texts(context.language)["flash_line_removed"],
                                 context: context)
    }

    /// GET /quotes/:id/delete: "wirklich löschen?"
    @Sendable func confirmDeleteQuote(request: Request, context: AppRequestContext) async throws -> Response {
        let quote = try await services.kontor.quote(id: try context.id())
        return try renderConfirmQuote(quote, error: nil, request: request, context: context)
    }

    /// POST /quotes/:id/delete
    @Sendable func deleteQuote(request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.id()
        let texts = Texts(context.language)
        do {
            let result = try await services.kontor.deleteQuote(id: id)
            let flash = result.reopenedInquiry == nil
                ? texts.format("flash_quote_deleted", result.quote.title)
                : texts.format("flash_quote_deleted_inquiry", result.quote.title)
            return services.redirect("/quotes", flash: flash, context: context)
        } catch let error as WorkflowError {
            let quote = try await services.kontor.quote(id: id)
            return try renderConfirmQuote(quote, error: ErrorText(texts).message(error), request: request,
                                          context: context, status: .conflict)
        }
    }

    // MARK: - Invoice drafts

    /// GET /invoices/:ref/edit
    @Sendable func editDraftForm(request: Request, context: AppRequestContext) async throws -> Response {
        let draft = try await requireDraft(try context.reference())
        let values = [
            "customer": "\(draft.customerId)", "serviceFrom": draft.serviceFrom?.description ?? "",
            "serviceTo": draft.serviceTo?.description ?? "", "paymentTerm": "\(draft.paymentTermDays)",
        ]
        return try await renderDraftForm(draft, FormState(values: values), request: request, context: context)
    }

    /// POST /invoices/:ref/edit
    @Sendable func editDraft(request: Request, context: AppRequestContext) async throws -> Response {
        let draft = try await requireDraft(try context.reference())
        let texts = Texts(context.language)
        var reader = FormReader(context.form, texts: texts)
        let customerId = try await services.customerId(&reader)
        let from = reader.day("serviceFrom")
        let to = reader.day("serviceTo")
        let term = reader.int("paymentTerm", required: true, range: PaymentTerm.allowedDays, unit: .days)
        if to != nil, from == nil { reader.fail("serviceFrom", texts["err_required"]) }
        var state = reader.state
        if !reader.hasErrors {
            do {
                _ = try await services.kontor.editDraft("\(draft.id)", DraftEdit(
                    customerId: customerId, serviceFrom: from, serviceTo: to, paymentTermDays: term))
                return services.redirect("/invoices/\(draft.id)", flash: texts["flash_draft_saved"], context: context)
            } catch {
                try ErrorText(texts).place(error, into: &state, fields: [
                    .servicePeriod: "serviceTo", .serviceDate: "serviceFrom", .paymentTerm: "paymentTerm",
                    .customer: "customer",
                ])
            }
        }
        return try await renderDraftForm(
            draft, state, request: request, context: context, status: .unprocessableContent)
    }

    /// GET /invoices/:ref/lines/:pos/edit
    @Sendable func editDraftLineForm(request: Request, context: AppRequestContext) async throws -> Response {
        let draft = try await requireDraft(try context.reference())
        let position = try position(context)
        guard draft.lines.indices.contains(position - 1) else { throw WebError.notFound }
        let texts = Texts(context.language)
        let state = FormState(values: TypedLine.values(draft.lines[position - 1], context.language))
        return try renderLineForm(
            base: "/invoices/\(draft.id)",
            parent: (path: "/invoices/\(draft.id)", label: texts.format("invoice_draft_title", "\(draft.id)")),
            position: position, state, request: request, context: context)
    }

    /// POST /invoices/:ref/lines/:pos/edit
    @Sendable func editDraftLine(request: Request, context: AppRequestContext) async throws -> Response {
        let reference = try context.reference()
        let texts = Texts(context.language)
        let invoice = try await requireDraft(reference)
        return try await changeLine(
            base: "/invoices/\(reference)",
            parent: (path: InvoicePaths.show(invoice), label: texts.format("invoice_draft_title", "\(invoice.id)")),
            request: request, context: context
        ) { position, change in
            _ = try await services.kontor.editInvoiceLine(reference, position: position, change)
        }
    }

    /// POST /invoices/:ref/lines/:pos/move (field `to`)
    @Sendable func moveDraftLine(request: Request, context: AppRequestContext) async throws -> Response {
        let reference = try context.reference()
        let position = try position(context)
        let draft = try await services.kontor.moveInvoiceLine(reference, position: position, to: try target(context))
        return services.redirect("/invoices/\(draft.id)#h-lines", flash: Texts(context.language)["flash_line_moved"],
                                 context: context)
    }

    /// POST /invoices/:ref/lines/:pos/remove
    @Sendable func removeDraftLine(request: Request, context: AppRequestContext) async throws -> Response {
        let draft = try await services.kontor.removeInvoiceLine(
            try context.reference(), position: try position(context))
        return services.redirect("/invoices/\(draft.id)#h-lines", flash: Texts(context.language)["flash_line_removed"],
                                 context: context)
    }

    /// GET /invoices/:ref/delete: "wirklich löschen?"
    @Sendable func confirmDeleteDraft(request: Request, context: AppRequestContext) async throws -> Response {
        let draft = try await requireDraft(try context.reference())
        return try renderConfirmDraft(draft, error: nil, request: request, context: context)
    }

    /// POST /invoices/:ref/delete
    @Sendable func deleteDraft(request: Request, context: AppRequestContext) async throws -> Response {
        let draft = try await services.kontor.deleteDraft(try context.reference())
        let texts = Texts(context.language)
        return services.redirect("/invoices?filter=drafts", flash: texts.format("flash_draft_deleted", "\(draft.id)"),
                                 context: context)
    }

    /// GET /invoices/:ref/issue: the number the invoice will get, its totals, and that issuing is final.
    @Sendable func confirmIssue(request: Request, context: AppRequestContext) async throws -> Response {
        try await DraftController.renderIssue(
            reference: try context.reference(), error: nil, services: services, request: request, context: context)
    }

    /// The confirmation page; a draft that cannot be issued goes back to its page with the reason.
    static func renderIssue(
        reference: String, error: String?, services: AppServices, request: Request, context: AppRequestContext,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let texts = Texts(context.language)
        let draft = try await services.kontor.invoice(reference)
        guard !draft.isIssued else { return .seeOther(InvoicePaths.show(draft)) }
        let preview: Invoice
        do {
            preview = try await services.kontor.issuePreview(reference, on: services.today())
        } catch let failure as WorkflowError {
            let message = ErrorText(texts).message(failure) ?? texts["error_server_text"]
            return services.redirect("/invoices/\(draft.id)", flash: message, kind: .warning, context: context)
        }
        let customer = try await services.kontor.customerDetail(id: draft.customerId).customer
        let page = IssueConfirmPage(
            preview: preview, draftPath: "/invoices/\(draft.id)", customerName: customer.name, error: error,
            texts: texts)
        return try services.page("invoices/issue", area: .invoices, title: page.heading, page, request: request,
                                 context: context, status: status)
    }

    // MARK: - Jobs and inquiries

    /// GET /jobs/:id/edit
    @Sendable func editJobForm(request: Request, context: AppRequestContext) async throws -> Response {
        let job = try await services.kontor.job(id: try context.id())
        let typed = job.effortHours.map { context.language == .de
            ? $0.description.replacingOccurrences(of: ".", with: ",") : $0.description }
        let values = ["title": job.title, "deadline": job.deadline?.description ?? "", "effort": typed ?? ""]
        return try renderJobForm(job, FormState(values: values), request: request, context: context)
    }

    /// POST /jobs/:id/edit
    @Sendable func editJob(request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.id()
        let texts = Texts(context.language)
        let job = try await services.kontor.job(id: id)
        var reader = FormReader(context.form, texts: texts)
        let title = reader.text("title", required: true)
        let deadline = reader.day("deadline")
        let effort = reader.quantity("effort")
        var state = reader.state
        if !reader.hasErrors {
            do {
                _ = try await services.kontor.editJob(
                    id: id, JobEdit(title: title, deadline: deadline, effortHours: effort), on: services.today())
                return services.redirect("/jobs/\(id)", flash: texts["flash_job_saved"], context: context)
            } catch {
                try ErrorText(texts).place(error, into: &state, fields: [
                    .jobTitle: "title", .deadline: "deadline", .effort: "effort",
                ])
            }
        }
        return try renderJobForm(job, state, request: request, context: context, status: .unprocessableContent)
    }

    /// GET /inquiries/:id/edit
    @Sendable func editInquiryForm(request: Request, context: AppRequestContext) async throws -> Response {
        let inquiry = try await services.kontor.inquiry(id: try context.id()).inquiry
        var values = [
            "subject": inquiry.subject, "channel": inquiry.channel.rawValue,
            "deadline": inquiry.wishedDeadline?.description ?? "", "note": inquiry.note ?? "",
            "unit": inquiry.size?.unit.rawValue ?? BillingUnit.word.rawValue,
        ].merging(InquiryContactFields.values(of: inquiry)) { $1 }
        if let size = inquiry.size {
            values["size"] = context.language == .de
                ? size.quantity.description.replacingOccurrences(of: ".", with: ",") : size.quantity.description
        }
        return try renderInquiryForm(inquiry, FormState(values: values), request: request, context: context)
    }

    /// POST /inquiries/:id/edit
    @Sendable func editInquiry(request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.id()
        let texts = Texts(context.language)
        let inquiry = try await services.kontor.inquiry(id: id).inquiry
        var reader = FormReader(context.form, texts: texts)
        let subject = reader.text("subject", required: true)
        let channel = reader.choice("channel", InquiryChannel.self, required: true)
        let size = reader.quantity("size")
        let unit = reader.choice("unit", BillingUnit.self)
        let deadline = reader.day("deadline")
        let contact = InquiryContactFields.read(&reader)
        // An emptied text area removes the note; the use case reads "" that way.
        let note = context.form.raw("note")
        var state = reader.state
        if !reader.hasErrors {
            do {
                _ = try await services.kontor.editInquiry(id: id, InquiryEdit(
                    subject: subject, channel: channel, sizeQuantity: size, sizeUnit: size == nil ? nil : unit,
                    wishedDeadline: deadline, note: note, contact: contact))
                return services.redirect(
                    "/inquiries#inquiry-\(id)", flash: texts["flash_inquiry_saved"], context: context)
            } catch {
                try ErrorText(texts).place(error, into: &state, fields: [.subject: "subject", .size: "size"])
            }
        }
        return try renderInquiryForm(inquiry, state, request: request, context: context, status: .unprocessableContent)
    }

    // MARK: - Helpers

    /// An invoice by reference that must still be a draft; an issued one is a conflict with the cancellation path.
    private func requireDraft(_ reference: String) async throws -> Invoice {
        let invoice = try await services.kontor.invoice(reference)
        if let number = invoice.number { throw WorkflowError.invoiceIssued(number: number) }
        return invoice
    }

    /// The 1-based position of a line in the address.
    private func position(_ context: AppRequestContext) throws -> Int { Int(try context.id("pos")) }

    /// The position a line moves to, from the field `to`.
    private func target(_ context: AppRequestContext) throws -> Int {
        guard let text = context.form["to"], let value = Int(text) else { throw WebError.badRequest }
        return value
    }

    /// Reads the line form and applies it with `apply`; the form comes back with messages when that fails.
    private func changeLine(
        base: String, parent: (path: String, label: String), request: Request, context: AppRequestContext,
        apply: (Int, LineChange) async throws -> Void
    ) async throws -> Response {
        let position = try position(context)
        let texts = Texts(context.language)
        var reader = FormReader(context.form, texts: texts)
        let line = reader.line()
        var state = reader.state
        if !reader.hasErrors, let line {
            do {
                try await apply(position, LineChange(
                    description: line.description, quantity: line.quantity, unit: line.unit,
                    unitPrice: line.unitPrice, vatRate: line.vatRate))
                return services.redirect(parent.path + "#h-lines", flash: texts["flash_line_saved"], context: context)
            } catch {
                try ErrorText(texts).place(error, into: &state, fields: LineFields.errorFields)
            }
        }
        return try renderLineForm(base: base, parent: parent, position: position, state, request: request,
                                  context: context, status: .unprocessableContent)
    }

    private func renderLineForm(
        base: String, parent: (path: String, label: String), position: Int, _ state: FormState, request: Request,
        context: AppRequestContext, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let texts = Texts(context.language)
        let page = EditFormPage(
            breadcrumb: parent, heading: texts.format("line_edit_title", "\(position)"),
            action: "\(base)/lines/\(position)/edit", fields: LineFields.make(state, texts: texts), state: state,
            submitLabel: texts["save"], cancelPath: parent.path + "#h-lines")
        return try services.page("drafts/form", area: base.hasPrefix("/quotes") ? .quotes : .invoices,
                                 title: page.heading, page, request: request, context: context, status: status)
    }

    private func renderQuoteForm(
        _ quote: Quote, _ state: FormState, request: Request, context: AppRequestContext,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let texts = Texts(context.language)
        guard quote.status == .open else { throw WorkflowError.quoteDecided(id: quote.id, status: quote.status) }
        let make = FieldFactory(state: state, texts: texts)
        var fields = [make.text("title", "f_title", required: true, wide: true)]
        // A quote that answers an inquiry belongs to the inquiry's customer.
        if quote.inquiryId == nil {
            let customers = try await services.kontor.customerChoices(
                selected: state.values["customer"].flatMap(CustomerChoice.id(in:)))
            fields.append(make.customer("customer", "f_customer", choices: customers,
                                      required: true))
        }
        fields += [
            make.date("validUntil", "f_valid_until", required: true),
            make.number("paymentTerm", "f_payment_term", required: true),
            make.number("revisions", "f_revisions", required: true),
            make.date("deliveryDate", "quote_delivery"),
            make.date("firstPartDate", "quote_first_part"),
        ]
        let page = EditFormPage(
            breadcrumb: (path: "/quotes/\(quote.id)", label: quote.title), heading: texts["quote_edit"],
            action: "/quotes/\(quote.id)/edit", fields: fields, state: state, submitLabel: texts["save"],
            cancelPath: "/quotes/\(quote.id)")
        return try services.page("drafts/form", area: .quotes, title: page.heading, page, request: request,
                                 context: context, status: status)
    }

    private func renderDraftForm(
        _ draft: Invoice, _ state: FormState, request: Request, context: AppRequestContext,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let texts = Texts(context.language)
        let make = FieldFactory(state: state, texts: texts)
        var fields: [FieldView] = []
        // A draft made from a job or quote belongs to that customer.
        if draft.jobId == nil && draft.quoteId == nil {
            let customers = try await services.kontor.customerChoices(
                selected: state.values["customer"].flatMap(CustomerChoice.id(in:)))
            fields.append(make.customer("customer", "f_customer", choices: customers,
                                      required: true))
        }
        fields += [
            make.date("serviceFrom", "f_service_from"), make.date("serviceTo", "f_service_to"),
            make.number("paymentTerm", "f_payment_term", required: true),
        ]
        let title = texts.format("invoice_draft_title", "\(draft.id)")
        let page = EditFormPage(
            breadcrumb: (path: "/invoices/\(draft.id)", label: title), heading: texts["draft_edit"],
            action: "/invoices/\(draft.id)/edit", fields: fields, state: state, submitLabel: texts["save"],
            cancelPath: "/invoices/\(draft.id)")
        return try services.page("drafts/form", area: .invoices, title: page.heading, page, request: request,
                                 context: context, status: status)
    }

    private func renderJobForm(
        _ job: Job, _ state: FormState, request: Request, context: AppRequestContext, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let texts = Texts(context.language)
        guard job.isEditable else { throw WorkflowError.jobClosed(id: job.id) }
        let make = FieldFactory(state: state, texts: texts)
        let page = EditFormPage(
            breadcrumb: (path: "/jobs/\(job.id)", label: job.title), heading: texts["job_edit"],
            intro: texts["job_edit_intro"], action: "/jobs/\(job.id)/edit",
            fields: [
                make.text("title", "f_title", required: true, wide: true), make.date("deadline", "f_deadline"),
                make.amount("effort", "f_effort"),
            ],
            state: state, submitLabel: texts["save"], cancelPath: "/jobs/\(job.id)")
        return try services.page("drafts/form", area: .jobs, title: page.heading, page, request: request,
                                 context: context, status: status)
    }

    private func renderInquiryForm(
        _ inquiry: Inquiry, _ state: FormState, request: Request, context: AppRequestContext,
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let texts = Texts(context.language)
        guard inquiry.isEditable else { throw WorkflowError.inquiryClosed(id: inquiry.id, status: inquiry.status) }
        let make = FieldFactory(state: state, texts: texts)
        let page = EditFormPage(
            breadcrumb: (path: "/inquiries", label: texts["nav_inquiries"]), heading: texts["inquiry_edit"],
            action: "/inquiries/\(inquiry.id)/edit",
            fields: [
                make.text("subject", "f_subject", required: true, wide: true),
                make.select("channel", "f_channel",
                            options: InquiryChannel.allCases.map { ($0.rawValue, texts.channel($0)) }, required: true),
                make.amount("size", "f_size"),
                make.select("unit", "f_size_unit",
                            options: BillingUnit.allCases.filter { $0 != .flat }.map { ($0.rawValue, texts.unit($0)) }),
                make.date("deadline", "f_wished_deadline"),
            ] + InquiryContactFields.fields(make, texts: texts) + [
                make.textarea("note", "f_note", rows: 3),
            ],
            state: state, submitLabel: texts["save"], cancelPath: "/inquiries#inquiry-\(inquiry.id)")
        return try services.page("drafts/form", area: .inquiries, title: page.heading, page, request: request,
                                 context: context, status: status)
    }

    private func renderConfirmQuote(
        _ quote: Quote, error: String?, request: Request, context: AppRequestContext, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let texts = Texts(context.language)
        let page = ConfirmDeletePage(
            breadcrumbPath: "/quotes/\(quote.id)", breadcrumbLabel: quote.title,
            heading: texts.format("quote_delete_title", quote.title), text: texts["quote_delete_text"],
            action: "/quotes/\(quote.id)/delete", confirmLabel: texts["delete_confirm"],
            cancelPath: "/quotes/\(quote.id)", hasError: error != nil, error: error ?? "")
        return try services.page("drafts/confirm", area: .quotes, title: page.heading, page, request: request,
                                 context: context, status: status)
    }

    private func renderConfirmDraft(
        _ draft: Invoice, error: String?, request: Request, context: AppRequestContext
    ) throws -> Response {
        let texts = Texts(context.language)
        let title = texts.format("invoice_draft_title", "\(draft.id)")
        let page = ConfirmDeletePage(
            breadcrumbPath: "/invoices/\(draft.id)", breadcrumbLabel: title,
            heading: texts.format("draft_delete_title", title), text: texts["draft_delete_text"],
            action: "/invoices/\(draft.id)/delete", confirmLabel: texts["delete_confirm"],
            cancelPath: "/invoices/\(draft.id)", hasError: error != nil, error: error ?? "")
        return try services.page("drafts/confirm", area: .invoices, title: page.heading, page, request: request,
                                 context: context)
    }
}
