import Foundation
import Hummingbird
import KontorApp
import KontorCore
import KontorDocuments

/// Postausgang: the preview of each mail before it is queued, the outbox with what was sent and what failed,
/// retrying, and the mail server settings with a test mail.
struct MailController: Sendable {
    let services: AppServices

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self)
            .get(use: self.outbox)
            .post(":id/retry", use: self.retry)
            .get("settings", use: self.settings)
            .post("settings", use: self.saveSettings)
            .post("test", use: self.test)
            .get("templates/:kind/:lang", use: self.editTemplate)
            .post("templates/:kind/:lang", use: self.saveTemplate)
            .get("compose/:kind/:ref", use: self.compose)
            .post("compose/:kind/:ref", use: self.send)
    }

    /// GET /mail/compose/:kind/:ref: recipient, subject, text and attachments, changeable before sending.
    @Sendable func compose(request: Request, context: AppRequestContext) async throws -> Response {
        let record = try Self.record(context)
        let draft = try await services.kontor.mailDraft(record, today: services.today())
        return try await render(draft, form: FormState(values: ["subject": draft.subject, "text": draft.text]),
                                request: request, context: context)
    }

    /// POST /mail/compose/:kind/:ref: into the outbox (a reminder draft is approved as sent by e-mail), and the
    /// sender is woken.
    @Sendable func send(request: Request, context: AppRequestContext) async throws -> Response {
        let texts = Texts(context.language)
        let record = try Self.record(context)
        var reader = FormReader(context.form, texts: texts)
        let subject = reader.text("subject", required: true)
        let text = context.form["text"] ?? ""
        var state = reader.state
        if !reader.hasErrors {
            do {
                let queued = try await services.kontor.sendMail(
                    record, today: services.today(), now: Date(), subject: subject, text: text)
                services.mailSender?.nudge()
                return services.redirect(
                    Self.recordPath(record), flash: texts.format("flash_mail_queued", queued.recipients.first ?? ""),
                    context: context)
            } catch {
                try ErrorText(texts).place(error, into: &state, fields: [.subject: "subject", .mailText: "text"])
            }
        }
        let draft = try await services.kontor.mailDraft(record, today: services.today())
        return try await render(draft, form: state, request: request, context: context, status: .unprocessableContent)
    }

    /// GET /mail: the outbox, newest first.
    @Sendable func outbox(request: Request, context: AppRequestContext) async throws -> Response {
        let texts = Texts(context.language)
        let messages = try await services.kontor.outbox(limit: 200)
        let page = OutboxPage(
            rows: messages.map { OutboxPage.Row($0, texts: texts) },
            configured: try await services.kontor.mailSettings() != nil)
        return try services.page("mail/outbox", area: .settings, title: texts["mail_outbox"], page, request: request,
                                 context: context)
    }

    /// POST /mail/:id/retry: a failed or unknown mail goes back into the queue, as the user decided.
    @Sendable func retry(request: Request, context: AppRequestContext) async throws -> Response {
        let texts = Texts(context.language)
        let message = try await services.kontor.retryMail(id: try context.id(), now: Date())
        services.mailSender?.nudge()
        return services.redirect("/mail", flash: texts.format("flash_mail_queued", message.recipients.first ?? ""),
                                 context: context)
    }

    /// GET /mail/settings
    @Sendable func settings(request: Request, context: AppRequestContext) async throws -> Response {
        let current = try await services.kontor.mailSettings()
        var values: [String: String] = ["security": "starttls"]
        if let current {
            values = [
                "host": current.host, "port": "\(current.port)", "security": current.security.rawValue,
                "user": current.username ?? "", "fromName": current.senderName, "from": current.senderAddress,
                "bcc": current.bcc ?? "", "passwordFile": current.passwordFile ?? "",
            ]
        } else if let profile = try? await services.kontor.profile() {
            values["fromName"] = profile.name
            values["from"] = profile.email ?? ""
        }
        return try await renderSettings(FormState(values: values), configured: current != nil, request: request,
                                        context: context)
    }

    /// POST /mail/settings
    @Sendable func saveSettings(request: Request, context: AppRequestContext) async throws -> Response {
        let texts = Texts(context.language)
        var reader = FormReader(context.form, texts: texts)
        let host = reader.text("host", required: true)
        let port = reader.int("port", range: 1...65535)
        let security = reader.choice("security", MailSettings.Security.self) ?? .starttls
        let user = reader.text("user"), fromName = reader.text("fromName") ?? "", from = reader.text("from", required: true)
        let bcc = reader.text("bcc"), passwordFile = reader.text("passwordFile")
        var state = reader.state
        if !reader.hasErrors, let host, let from {
            do {
                let pem = try await services.kontor.mailSettings()?.trustedCertificatePEM
                let settings = try MailSettings(
                    host: host, port: port, security: security, username: user, senderName: fromName,
                    senderAddress: from, bcc: bcc, trustedCertificatePEM: pem, passwordFile: passwordFile)
                try await services.kontor.saveMailSettings(settings)
                return services.redirect("/mail/settings", flash: texts["flash_mail_settings_saved"], context: context)
            } catch {
                try ErrorText(texts).place(error, into: &state, fields: [
                    .mailServer: "host", .port: "port", .security: "security", .user: "user",
                    .senderName: "fromName", .email: "from",
                ])
            }
        }
        return try await renderSettings(state, configured: try await services.kontor.mailSettings() != nil,
                                        request: request, context: context, status: .unprocessableContent)
    }

    /// POST /mail/test: a short mail to the address given, through the outbox like every other.
    @Sendable func test(request: Request, context: AppRequestContext) async throws -> Response {
        let texts = Texts(context.language)
        let recipient = context.form["to"]?.trimmingCharacters(in: .whitespaces) ?? ""
        do {
            let queued = try await services.kontor.queueTestMail(to: recipient, language: context.language, now: Date())
            services.mailSender?.nudge()
            return services.redirect("/mail", flash: texts.format("flash_mail_queued", queued.recipients.first ?? ""),
                                     context: context)
        } catch {
            let message = ErrorText(texts).message(error) ?? texts["error_server_text"]
            return services.redirect("/mail/settings", flash: message, kind: .warning, context: context)
        }
    }

    /// GET /mail/templates/:kind/:lang: the wording of the quote, invoice or cancellation mail.
    @Sendable func editTemplate(request: Request, context: AppRequestContext) async throws -> Response {
        let (kind, language) = try Self.templateChoice(context)
        let subject = try await services.kontor.recordMailTemplate(kind, language: language, part: .subject)
        let body = try await services.kontor.recordMailTemplate(kind, language: language, part: .body)
        return try renderTemplate(kind, language, FormState(values: ["subject": subject.text, "body": body.text]),
                                  request: request, context: context)
    }

    /// POST /mail/templates/:kind/:lang
    @Sendable func saveTemplate(request: Request, context: AppRequestContext) async throws -> Response {
        let (kind, language) = try Self.templateChoice(context)
        let texts = Texts(context.language)
        var reader = FormReader(context.form, texts: texts)
        let subject = reader.text("subject", required: true)
        _ = reader.text("body", required: true)
        let body = context.form.raw("body").replacingOccurrences(of: "\r\n", with: "\n")
        var state = reader.state
        if !reader.hasErrors, let subject {
            do {
                try await services.kontor.saveRecordMailTemplate(subject, kind: kind, language: language, part: .subject)
                try await services.kontor.saveRecordMailTemplate(body, kind: kind, language: language, part: .body)
                return services.redirect("/settings#templates", flash: texts["flash_template_saved"], context: context)
            } catch {
                try ErrorText(texts).place(error, into: &state, fields: [.subject: "subject", .template: "body"])
            }
        }
        return try renderTemplate(kind, language, state, request: request, context: context,
                                  status: .unprocessableContent)
    }

    private func renderTemplate(
        _ kind: RecordMail.Kind, _ language: Language, _ state: FormState, request: Request,
        context: AppRequestContext, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let texts = Texts(context.language)
        let make = FieldFactory(state: state, texts: texts)
        let page = TemplatePage(
            heading: texts.format("template_heading", texts["mail_kind_\(kind.rawValue)"], texts["lang_\(language.rawValue)"]),
            action: "/mail/templates/\(kind.rawValue)/\(language.rawValue)",
            hasFormError: state.general != nil, formError: state.generalText,
            fields: [
                make.text("subject", "f_template_subject", required: true, wide: true),
                make.textarea("body", "f_template_body", rows: 12, required: true,
                              hint: texts["h_mail_template_\(kind.rawValue)"]),
            ],
            previewFields: [], canPreview: false, hasPreview: false, previewSubject: "", previewParagraphs: [])
        return try services.page("settings/template", area: .settings, title: page.heading, page, request: request,
                                 context: context, status: status)
    }

    private static func templateChoice(_ context: AppRequestContext) throws -> (RecordMail.Kind, Language) {
        guard let kind = context.parameters.get("kind").flatMap(RecordMail.Kind.init(rawValue:)),
            let language = context.parameters.get("lang").flatMap(Language.init(rawValue:))
        else { throw WebError.notFound }
        return (kind, language)
    }

    private func render(
        _ draft: MailDraft, form: FormState, request: Request, context: AppRequestContext,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let texts = Texts(context.language)
        let page = MailComposePage(draft, form: form, texts: texts)
        return try services.page("mail/compose", area: Self.area(draft.record), title: page.title, page,
                                 request: request, context: context, status: status)
    }

    private func renderSettings(
        _ form: FormState, configured: Bool, request: Request, context: AppRequestContext,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let texts = Texts(context.language)
        let page = MailSettingsPage(form: form, configured: configured, texts: texts)
        return try services.page("mail/settings", area: .settings, title: texts["mail_settings"], page,
                                 request: request, context: context, status: status)
    }

    static func record(_ context: AppRequestContext) throws -> MailRecord {
        switch context.parameters.get("kind") {
        case "quote": .quote(id: try context.id("ref"))
        case "invoice": .invoice(number: try context.reference())
        case "reminder": .reminder(id: try context.id("ref"))
        case "inquiry-reply": .inquiryReply(id: try context.id("ref"))
        default: throw WebError.notFound
        }
    }

    /// Where the user comes from and returns to after sending.
    static func recordPath(_ record: MailRecord) -> String {
        switch record {
        case let .quote(id): "/quotes/\(id)"
        case let .invoice(number): "/invoices/\(number.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? number)"
        case .reminder: "/dunning"
        case let .inquiryReply(id): "/inquiries/\(id)/proposal"
        }
    }

    /// The compose form's path for a record.
    static func composePath(_ record: MailRecord) -> String {
        switch record {
        case let .quote(id): "/mail/compose/quote/\(id)"
        case let .invoice(number):
            "/mail/compose/invoice/\(number.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? number)"
        case let .reminder(id): "/mail/compose/reminder/\(id)"
        case let .inquiryReply(id): "/mail/compose/inquiry-reply/\(id)"
        }
    }

    private static func area(_ record: MailRecord) -> Area {
        switch record {
        case .quote: .quotes
        case .invoice: .invoices
        case .reminder: .dunning
        case .inquiryReply: .inquiries
        }
    }
}
