import Foundation
import Hummingbird
import KontorApp
import KontorCore

/// Mahnwesen: run the check, preview and approve or skip drafts, download the e-mail or the letter.
struct DunningController: Sendable {
    let services: AppServices

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self)
            .get(use: self.list)
            .post("run", use: self.run)
            .post("holds", use: self.hold)
            .get(":id", use: self.show)
            .post(":id/approve", use: self.approve)
            .post(":id/skip", use: self.skip)
            .get(":id/eml", use: self.eml)
            .get(":id/pdf", use: self.pdf)
    }

    /// GET /dunning
    @Sendable func list(request: Request, context: AppRequestContext) async throws -> Response {
        try await render(hold: FormState(), request: request, context: context, cacheable: true)
    }

    /// POST /dunning/holds: no dunning for a customer, or one of its invoices, until a day (with the reason).
    @Sendable func hold(request: Request, context: AppRequestContext) async throws -> Response {
        let texts = Texts(context.language)
        var reader = FormReader(context.form, texts: texts)
        let customer = try await services.customerId(&reader, required: true)
        let invoice = reader.text("invoice")
        let until = reader.day("until", required: true)
        let reason = reader.text("reason", required: true)
        var state = reader.state
        if !reader.hasErrors, let customer, let until, let reason {
            do {
                let hold = try await services.kontor.holdDunning(
                    customerId: customer, invoice: invoice, until: until, reason: reason, on: services.today())
                let message = invoice.map { texts.format("flash_hold_invoice", $0, texts.day(hold.until)) }
                    ?? texts.format("flash_hold_customer", texts.day(hold.until))
                return services.redirect(services.returnPath(context.form, fallback: "/dunning#holds"), flash: message,
                                         context: context)
            } catch let error as AppError {
                // A mistyped invoice number is the form's problem, not a missing page.
                guard case .notFound(.invoice, _) = error else {
                    try ErrorText(texts).place(error, into: &state, fields: [.invoice: "invoice"])
                    return try await render(hold: state, request: request, context: context, status: .unprocessableContent)
                }
                state.errors["invoice"] = ErrorText(texts).message(error)
            } catch {
                try ErrorText(texts).place(
                    error, into: &state, fields: [.pauseEnd: "until", .invoice: "invoice", .reason: "reason"])
            }
        }
        return try await render(hold: state, request: request, context: context, status: .unprocessableContent)
    }

    private func render(
        hold: FormState, request: Request, context: AppRequestContext, status: HTTPResponse.Status = .ok,
        cacheable: Bool = false
    ) async throws -> Response {
        let texts = Texts(context.language)
        return try await services.page(
            "dunning/index", area: .dunning, title: texts["nav_dunning"], request: request, context: context,
            status: status, cacheable: cacheable
        ) {
            let overview = try await services.kontor.dunningOverview(
                drafts: ListWindow(page: request.query("page").flatMap(Int.init) ?? 1, size: DunningPage.pageSize),
                historyLimit: DunningPage.historyLimit, activeOn: services.today())
            let page = DunningPage(overview, holdForm: HoldForm(hold, customers: overview.owingCustomers, texts: texts),
                                   texts: texts)
            return page
        }
    }

    /// POST /dunning/run: prepares due steps as drafts (never sends).
    @Sendable func run(request: Request, context: AppRequestContext) async throws -> Response {
        let texts = Texts(context.language)
        let result = try await services.kontor.runReminders(today: services.today())
        var message = switch result.created.count {
        case 0: texts["dunning_run_none"]
        case 1: texts["dunning_run_one"]
        default: texts.format("dunning_run_some", "\(result.created.count)")
        }
        if !result.problems.isEmpty {
            message += " " + texts["dunning_problems"] + " " + result.problems.map { $0.message(texts.language, for: .web) }.joined(separator: "; ")
        }
        return services.redirect("/dunning", flash: message, kind: result.problems.isEmpty ? .success : .warning,
                                 context: context)
    }

    /// GET /dunning/:id
    @Sendable func show(request: Request, context: AppRequestContext) async throws -> Response {
        let texts = Texts(context.language)
        let letter = try await services.kontor.reminder(id: try context.id())
        let names = try await services.kontor.customerNames(ids: [letter.customerId])
        let page = LetterPage(letter, customerName: names[letter.customerId] ?? "–", texts: texts)
        return try services.page("dunning/show", area: .dunning, title: page.stepLabel, page, request: request,
                                 context: context)
    }

    /// POST /dunning/:id/approve: recorded as sent today.
    @Sendable func approve(request: Request, context: AppRequestContext) async throws -> Response {
        let texts = Texts(context.language)
        // Only a letter by post may claim postage and printing (issue 13 item 5); blank keeps the draft's way.
        let delivery = context.form.fields["delivery"]?.first.flatMap(LetterDelivery.init(rawValue:))
        let letter = try await services.kontor.approveReminder(
            id: try context.id(), on: services.today(), delivery: delivery).letter
        let done = letter.step == .handover ? "flash_handover_recorded" : "flash_reminder_approved"
        return services.redirect("/dunning", flash: texts.format(done, texts.step(letter.step),
                                                                letter.invoiceNumber), context: context)
    }

    /// POST /dunning/:id/skip
    @Sendable func skip(request: Request, context: AppRequestContext) async throws -> Response {
        let texts = Texts(context.language)
        let letter = try await services.kontor.skipReminder(id: try context.id(), on: services.today())
        return services.redirect("/dunning", flash: texts.format("flash_reminder_skipped", texts.step(letter.step),
                                                                letter.invoiceNumber), context: context)
    }

    /// GET /dunning/:id/eml
    @Sendable func eml(request: Request, context: AppRequestContext) async throws -> Response {
        .download(try await services.kontor.reminderEML(id: try context.id(), now: Date()), contentType: "message/rfc822")
    }

    /// GET /dunning/:id/pdf
    @Sendable func pdf(request: Request, context: AppRequestContext) async throws -> Response {
        .download(try await services.kontor.reminderPDF(id: try context.id()), contentType: "application/pdf")
    }

}

/// The dunning page: drafts with their text, then the history.
struct DunningPage: Sendable, Encodable {
    struct Draft: Sendable, Encodable {
        let id: Int64
        let stepLabel: String
        let stepTone: String
        let invoiceNumber: String
        let invoicePath: String
        let customerName: String
        let customerPath: String
        let createdText: String
        let deadlineText: String?
        let claimText: String
        let subject: String
        let paragraphs: [String]
        let canEmail: Bool
    }

    struct HistoryRow: Sendable, Encodable {
        let id: Int64
        let dateText: String
        let invoiceNumber: String
        let customerName: String
        let stepLabel: String
        let statusLabel: String
        let statusTone: String
        let openText: String
    }

    let draftCount: Int
    let drafts: [Draft]
    let hasProblems: Bool
    let problems: [String]
    let hasHistory: Bool
    let history: [HistoryRow]
    let hasHolds: Bool
    let holds: [HoldRow]
    let holdForm: HoldForm

    struct HoldRow: Sendable, Encodable {
        let customerName: String
        let customerPath: String
        let invoiceNumber: String?
        let untilText: String
        let reason: String
    }

    let pager: PagerView?

    static let pageSize = 25
    static let historyLimit = 40

    init(_ overview: DunningOverview, holdForm: HoldForm, texts: Texts) {
        let names = overview.customerNames
        let invoiceNumbers = overview.invoiceNumbers
        let holds = overview.holds
        self.holds = holds.map { hold in
            HoldRow(
                customerName: names[hold.customerId] ?? "–", customerPath: "/customers/\(hold.customerId)",
                invoiceNumber: hold.invoiceId.flatMap { invoiceNumbers[$0] }, untilText: texts.day(hold.until),
                reason: hold.reason)
        }
        hasHolds = !holds.isEmpty
        self.holdForm = holdForm
        let drafts = overview.drafts.items
        draftCount = overview.drafts.total
        pager = PagerView(overview.drafts, path: "/dunning", texts: texts)
        self.drafts = drafts.map { letter in
            Draft(
                id: letter.id, stepLabel: texts.step(letter.step), stepTone: Tone.step(letter.step),
                invoiceNumber: letter.invoiceNumber, invoicePath: "/invoices/\(letter.invoiceNumber)",
                customerName: names[letter.customerId] ?? "–", customerPath: "/customers/\(letter.customerId)",
                createdText: texts.day(letter.createdOn), deadlineText: letter.deadline.map(texts.day),
                claimText: texts.money(letter.claimTotal), subject: letter.subject, paragraphs: letter.paragraphs,
                canEmail: letter.step != .handover)
        }
        hasProblems = false
        problems = []
        history = overview.history.map { letter in
            HistoryRow(
                id: letter.id, dateText: texts.day(letter.sentOn ?? letter.skippedOn ?? letter.createdOn),
                invoiceNumber: letter.invoiceNumber, customerName: names[letter.customerId] ?? "–",
                stepLabel: texts.step(letter.step), statusLabel: texts.letterStatus(letter.status, step: letter.step),
                statusTone: Tone.letter(letter.status), openText: texts.money(letter.openAmount))
        }
        hasHistory = !history.isEmpty
    }
}

/// One prepared letter.
struct LetterPage: Sendable, Encodable {
    let id: Int64
    let stepLabel: String
    let invoiceNumber: String
    let statusLabel: String
    let statusTone: String
    let customerName: String
    let customerPath: String
    let dateText: String
    let subject: String
    let paragraphs: [String]
    let facts: [Fact]
    let canEmail: Bool

    init(_ letter: DunningLetter, customerName: String, texts: Texts) {
        id = letter.id
        stepLabel = texts.step(letter.step)
        invoiceNumber = letter.invoiceNumber
        statusLabel = texts.letterStatus(letter.status, step: letter.step)
        statusTone = Tone.letter(letter.status)
        self.customerName = customerName
        customerPath = "/customers/\(letter.customerId)"
        dateText = texts.day(letter.sentOn ?? letter.skippedOn ?? letter.createdOn)
        subject = letter.subject
        paragraphs = letter.paragraphs
        var facts = [Fact(term: texts["letter_open"], detail: texts.money(letter.openAmount))]
        if letter.interest.cents > 0 { facts.append(Fact(term: texts["letter_interest"], detail: texts.money(letter.interest))) }
        if letter.lumpSum.cents > 0 { facts.append(Fact(term: texts["letter_lump"], detail: texts.money(letter.lumpSum))) }
        if letter.costs.cents > 0 { facts.append(Fact(term: texts["letter_costs"], detail: texts.money(letter.costs))) }
        facts.append(Fact(term: texts["letter_claim"], detail: texts.money(letter.claimTotal)))
        if let deadline = letter.deadline { facts.append(Fact(term: texts["letter_deadline"], detail: texts.day(deadline))) }
        if let approver = letter.approvedBy { facts.append(Fact(term: texts["letter_approved_by"], detail: approver)) }
        self.facts = facts
        canEmail = letter.step != .handover
    }
}

/// The form that pauses dunning (on the dunning page, and compact on an invoice).
struct HoldForm: Sendable, Encodable {
    let hasFormError: Bool
    let formError: String
    let fields: [FieldView]

    /// `customers`: those with money open, the only ones whose dunning can be paused.
    init(_ state: FormState, customers: CustomerChoices, texts: Texts) {
        let make = FieldFactory(state: state, texts: texts, idPrefix: "hold-")
        fields = [
            make.customer("customer", "f_customer", choices: customers, required: true, blank: texts["choose"]),
            make.text("invoice", "f_hold_invoice", hint: texts["h_hold_invoice"]),
            make.date("until", "f_hold_until", required: true),
            make.text("reason", "f_hold_reason", required: true, wide: true, placeholder: texts["p_hold_reason"]),
        ]
        hasFormError = state.general != nil
        formError = state.generalText
    }
}
