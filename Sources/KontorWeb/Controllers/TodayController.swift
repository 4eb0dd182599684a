import Hummingbird
import KontorApp
import KontorCore

/// Heute: the morning list, each item one click from its action.
struct TodayController: Sendable {
    let services: AppServices

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self)
            .get(use: self.show)
    }

    /// GET /
    @Sendable func show(request: Request, context: AppRequestContext) async throws -> Response {
        let today = services.today()
        let texts = Texts(context.language)
        return try await services.cachedPage("today", area: .today, title: texts["nav_today"], request: request,
                                             context: context) {
            TodayPage(try await services.kontor.morningList(today: today), texts: texts)
        }
    }
}

/// The view model of Heute.
struct TodayPage: Sendable, Encodable {
    struct InquiryItem: Sendable, Encodable {
        let customerName: String
        let customerPath: String
        let subject: String
        let channelLabel: String
        let channelTone: String
        let waitingText: String
        let late: Bool
        let decided: Bool
        let answerPath: String
        let quotePath: String
    }

    struct JobItem: Sendable, Encodable {
        let title: String
        let path: String
        let customerName: String
        let statusLabel: String
        let statusTone: String
        let deadlineText: String
        let whenText: String
        let late: Bool
        let hasAction: Bool
        let actionPath: String
        let actionLabel: String
    }

    struct DraftItem: Sendable, Encodable {
        let invoiceNumber: String
        let invoicePath: String
        let customerName: String
        let stepLabel: String
        let stepTone: String
        let claimText: String
        let preparedText: String
        let path: String
    }

    struct StepDueItem: Sendable, Encodable {
        let invoiceNumber: String
        let path: String
        let customerName: String
        let stepLabel: String
        let stepTone: String
        let sinceText: String
        let openText: String
    }

    struct BankItem: Sendable, Encodable {
        let dateText: String
        let amountText: String
        let counterparty: String
        let text: String
        let suggestion: String?
    }

    struct InvoiceItem: Sendable, Encodable {
        let number: String
        let path: String
        let paymentPath: String
        let customerName: String
        let openText: String
        let dueText: String
        let daysText: String
        /// "zahlbar bis …" when § 193 BGB moved the due date.
        let payableText: String?
    }

    let dateText: String
    let waitingCount: Int
    let jobCount: Int
    let overdueTotal: String
    let hasOverdue: Bool
    let draftCount: Int
    let isEmpty: Bool
    let hasMailProblems: Bool
    let mailProblems: [MailProblemItem]
    let hasInquiries: Bool
    let inquiries: [InquiryItem]
    let hasJobs: Bool
    let jobs: [JobItem]
    let hasDrafts: Bool
    let drafts: [DraftItem]
    let hasStepsDue: Bool
    let stepsDue: [StepDueItem]
    let hasBankEntries: Bool
    let bankEntries: [BankItem]
    let hasOverdueInvoices: Bool
    let overdue: [InvoiceItem]
    let hasDueSoon: Bool
    let dueSoon: [InvoiceItem]
    /// "Show all n" under a section that shows only the most urgent items; nil when all are shown.
    let moreInquiries: String?
    let moreJobs: String?
    let moreDrafts: String?
    let moreStepsDue: String?
    let moreBankEntries: String?
    let moreOverdue: String?
    let moreDueSoon: String?

    /// How many items a section shows; the rest is one click away on its list page. A morning list is read
    /// top to bottom, and a team's book can have hundreds of open items.
    static let sectionLimit = 12

    init(_ list: MorningList, texts: Texts) {
        dateText = texts.longDay(list.today)
        waitingCount = list.inquiries.count
        jobCount = list.jobs.count
        let overdueSum = list.invoicesOverdue.map(\.openAmount).sum()
        overdueTotal = texts.money(overdueSum)
        hasOverdue = overdueSum.cents > 0
        draftCount = list.reminderDrafts.count
        isEmpty = list.isEmpty
        let limit = TodayPage.sectionLimit
        func more(_ count: Int) -> String? { count > limit ? texts.format("today_show_all", "\(count)") : nil }
        mailProblems = list.mailProblems.prefix(limit).map { item in
            MailProblemItem(
                subject: item.subject, recipient: item.recipient, reason: item.reason.word(texts.language),
                statusLabel: item.status.word(texts.language), path: "/mail#mail-\(item.mailId)")
        }
        hasMailProblems = !mailProblems.isEmpty
        moreInquiries = more(list.inquiriesTotal)
        moreJobs = more(list.jobs.count)
        moreDrafts = more(list.reminderDraftsTotal)
        moreStepsDue = more(list.dunningStepsDue.count)
        moreBankEntries = more(list.bankEntriesToReviewTotal)
        moreOverdue = more(list.invoicesOverdue.count)
        moreDueSoon = more(list.invoicesDueSoon.count)
        inquiries = list.inquiries.prefix(limit).map { item in
            InquiryItem(
                customerName: item.customerName, customerPath: "/customers/\(item.inquiry.customerId)",
                subject: item.inquiry.subject, channelLabel: texts.channel(item.inquiry.channel),
                channelTone: Tone.channel(item.inquiry.channel), waitingText: texts.waiting(item.daysWaiting),
                late: item.daysWaiting >= 2, decided: item.decidedBuyer,
                answerPath: "/inquiries/\(item.inquiry.id)/answer", quotePath: "/quotes/new?inquiry=\(item.inquiry.id)")
        }
        hasInquiries = !inquiries.isEmpty
        jobs = list.jobs.prefix(limit).map { item in
            let job = item.job
            let action = JobActions.next(for: job.status)
            return JobItem(
                title: job.title, path: "/jobs/\(job.id)", customerName: item.customerName,
                statusLabel: texts.jobStatus(job.status), statusTone: Tone.job(job.status),
                deadlineText: texts.day(job.deadline), whenText: texts.daysLeft(item.daysLeft), late: item.daysLeft < 0,
                hasAction: action != nil, actionPath: action.map { "/jobs/\(job.id)/\($0.verb)" } ?? "",
                actionLabel: action.map { texts[$0.labelKey] } ?? "")
        }
        hasJobs = !jobs.isEmpty
        drafts = list.reminderDrafts.prefix(limit).map { item in
            DraftItem(
                invoiceNumber: item.invoiceNumber, invoicePath: "/invoices/\(item.invoiceNumber)",
                customerName: item.customerName, stepLabel: texts.step(item.step), stepTone: Tone.step(item.step),
                claimText: texts.money(item.claimTotal), preparedText: texts.day(item.createdOn),
                path: "/dunning/\(item.letterId)")
        }
        hasDrafts = !drafts.isEmpty
        stepsDue = list.dunningStepsDue.prefix(limit).map { item in
            StepDueItem(
                invoiceNumber: item.invoiceNumber, path: "/invoices/\(item.invoiceNumber)",
                customerName: item.customerName, stepLabel: texts.step(item.step), stepTone: Tone.step(item.step),
                sinceText: texts.format("today_step_due_since", texts.day(item.dueOn)),
                openText: texts.money(item.openAmount))
        }
        hasStepsDue = !stepsDue.isEmpty
        bankEntries = list.bankEntriesToReview.prefix(limit).map { item in
            BankItem(
                dateText: texts.day(item.bookingDate), amountText: texts.money(item.amount),
                counterparty: item.counterpartyName ?? "–", text: item.text,
                suggestion: item.suggestedInvoices.isEmpty ? nil : item.suggestedInvoices.joined(separator: ", "))
        }
        hasBankEntries = !bankEntries.isEmpty
        overdue = list.invoicesOverdue.prefix(limit).map { TodayPage.invoice($0, texts: texts) }
        hasOverdueInvoices = !overdue.isEmpty
        dueSoon = list.invoicesDueSoon.prefix(limit).map { TodayPage.invoice($0, texts: texts) }
        hasDueSoon = !dueSoon.isEmpty
    }

    private static func invoice(_ item: MorningList.OpenInvoice, texts: Texts) -> InvoiceItem {
        InvoiceItem(
            number: item.number, path: "/invoices/\(item.number)", paymentPath: "/invoices/\(item.number)#payment",
            customerName: item.customerName, openText: texts.money(item.openAmount), dueText: texts.day(item.dueDate),
            daysText: texts.overdue(item.daysOverdue),
            payableText: item.lastDayToPay == item.dueDate
                ? nil : texts.format("today_payable_until", texts.day(item.lastDayToPay)))
    }
}

/// The next step of a job as a button: start, deliver, accept.
enum JobActions {
    struct Action: Sendable, Encodable {
        let verb: String
        let labelKey: String
        let target: JobStatus
    }

    static let start = Action(verb: "start", labelKey: "job_start", target: .inProgress)
    static let deliver = Action(verb: "deliver", labelKey: "job_deliver", target: .delivered)
    static let deliverAgain = Action(verb: "deliver", labelKey: "job_deliver_again", target: .delivered)
    static let accept = Action(verb: "accept", labelKey: "job_accept", target: .accepted)

    /// The most likely next step.
    static func next(for status: JobStatus) -> Action? {
        all(for: status).first
    }

    /// Every step the status allows.
    static func all(for status: JobStatus) -> [Action] {
        switch status {
        case .planned: [start, deliver]
        case .inProgress: [deliver]
        case .delivered: [accept]
        case .revising: [deliverAgain]
        case .accepted: []
        }
    }
}

/// A mail on Heute that did not go out, with the reason and the way to the outbox.
struct MailProblemItem: Sendable, Encodable {
    let subject: String
    let recipient: String
    let reason: String
    let statusLabel: String
    let path: String
}
