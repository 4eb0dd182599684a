import Foundation
import Hummingbird
import KontorApp
import KontorCore

/// Received mail: an upload of several `.eml` or mbox files at once, and the one click that takes over a mail's
/// suggestion (a promise to pay, an objection). Nothing from a mail is rendered as HTML: the reader reduces HTML
/// to text and the templates escape everything.
struct MailImportController: Sendable {
    let services: AppServices

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self)
            .get("import", use: self.form)
            .post("import", use: self.upload)
            .post("imported/:id/accept", use: self.accept)
    }

    /// GET /mail/import
    @Sendable func form(request: Request, context: AppRequestContext) async throws -> Response {
        try render(MailImportPage(error: nil, result: nil), context: context, request: request)
    }

    /// POST /mail/import: every file of the field `mail`; an mbox is split into its messages.
    @Sendable func upload(request: Request, context: AppRequestContext) async throws -> Response {
        let texts = Texts(context.language)
        let files = context.files.filter { $0.fieldName == "mail" && !$0.data.isEmpty }
        guard !files.isEmpty else {
            return try render(
                MailImportPage(error: texts["err_mail_files"], result: nil), context: context, request: request,
                status: .unprocessableContent)
        }
        let messages = Kontor.mailFiles(
            uploaded: files.map { MailFile(source: $0.fileName, bytes: [UInt8]($0.data)) })
        let report = try await services.kontor.importMail(messages, now: Date())
        return try render(
            MailImportPage(error: nil, result: MailImportResultView(report, texts: texts)), context: context,
            request: request)
    }

    /// POST /mail/imported/:id/accept: `as` is `promise` (with the day `until`, which the writer may correct) or
    /// `objection`; back to the customer's page.
    @Sendable func accept(request: Request, context: AppRequestContext) async throws -> Response {
        let texts = Texts(context.language)
        let id = try context.id()
        let choice: SuggestionChoice
        var message: String
        switch context.form["as"] {
        case "promise":
            guard let text = context.form["until"], let day = Day(text) else {
                return services.redirect(
                    "/customers", flash: texts["err_mail_promise_day"], kind: .warning, context: context)
            }
            choice = .promise(until: day)
            message = texts.format("flash_mail_promise", texts.day(day))
        case "objection":
            choice = .objection
            message = texts["flash_mail_objection"]
        default:
            throw HTTPError(.badRequest)
        }
        do {
            let note = try await services.kontor.acceptSuggestion(importedMailId: id, as: choice)
            return services.redirect("/customers/\(note.customerId)", flash: message, context: context)
        } catch let error as AppError {
            message = ErrorText(texts).message(error) ?? texts["error_server_text"]
            return services.redirect("/customers", flash: message, kind: .warning, context: context)
        }
    }

    private func render(
        _ page: MailImportPage, context: AppRequestContext, request: Request, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        try services.page(
            "mail/import", area: .inquiries, title: Texts(context.language)["mail_import_title"], page,
            request: request, context: context, status: status)
    }
}

/// The upload form and, after an upload, what became of each message.
struct MailImportPage: Sendable, Encodable {
    let error: String?
    let result: MailImportResultView?
}

/// The result list of one upload.
struct MailImportResultView: Sendable, Encodable {
    struct Row: Sendable, Encodable {
        let source: String
        let from: String
        let subject: String
        let became: String
        let link: String?
        let refused: Bool
    }

    let summary: String
    let rows: [Row]

    init(_ report: MailImportReport, texts: Texts) {
        summary = texts.format(
            "mail_import_summary", "\(report.inquiries)", "\(report.notes)", "\(report.duplicates)",
            "\(report.refused)")
        rows = report.items.map { item in
            let became: String
            let link: String?
            switch item.outcome {
            case let .inquiry(inquiryId, _, _):
                became = texts.format("mail_became_inquiry", "\(inquiryId)")
                link = "/inquiries/\(inquiryId)/proposal"
            case let .note(_, customerId, _, _, _):
                became = texts["mail_became_note"]
                link = "/customers/\(customerId)"
            case .duplicate:
                became = texts["mail_became_duplicate"]
                link = nil
            case .refused(let reason):
                became = texts.format("mail_became_refused", reason.word(texts.language))
                link = nil
            }
            var refused = false
            if case .refused = item.outcome { refused = true }
            return Row(
                source: item.source, from: item.from, subject: item.subject, became: became, link: link,
                refused: refused)
        }
    }
}

/// An imported mail's suggestion on the customer's page: the one-click buttons.
struct MailSuggestionView: Sendable, Encodable {
    let id: Int64
    let subject: String
    let received: String
    let isPromise: Bool
    let until: String?
    let promiseLabel: String?
    let objectionLabel: String

    init?(_ mail: ImportedMail, texts: Texts) {
        guard let suggestion = mail.openSuggestion else { return nil }
        id = mail.id
        subject = mail.subject
        received = texts.day(Day(mail.receivedAt))
        objectionLabel = texts["mail_accept_objection"]
        switch suggestion {
        case .promise(let day):
            isPromise = true
            until = day.description
            promiseLabel = texts.format("mail_accept_promise", texts.day(day))
        case .objection:
            isPromise = false
            until = nil
            promiseLabel = nil
        }
    }
}
