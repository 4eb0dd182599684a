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
            let list = try await services.kontor.morningList(today: today)
            let drafts = try await services.kontor.reminders(status: .draft).count
            return TodayPage(list, drafts: drafts, texts: texts)
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

    struct InvoiceItem: Sendable, Encodable {
        let number: String
        let path: String
        let paymentPath: String
        let customerName: String
        let openText: String
        let dueText: String
        let daysText: String
    }

    let dateText: String
    let waitingCount: Int
    let jobCount: Int
    let overdueTotal: String
    let hasOverdue: Bool
    let draftCount: Int
    let isEmpty: Bool
    let hasInquiries: Bool
    let inquiries: [InquiryItem]
    let hasJobs: Bool
    let jobs: [JobItem]
    let hasOverdueInvoices: Bool
    let overdue: [InvoiceItem]
    let hasDueSoon: Bool
    let dueSoon: [InvoiceItem]
    /// "Show all n" under a section that shows only the most urgent items; nil when all are shown.
    let moreInquiries: String?
    let moreJobs: String?
    let moreOverdue: String?
    let moreDueSoon: String?

    /// How many items a section shows; the rest is one click away on its list page. A morning list is read
    /// top to bottom, and a team's book can have hundreds of open items.
    static let sectionLimit = 12

    init(_ list: MorningList, drafts: Int, texts: Texts) {
        dateText = texts.longDay(list.today)
        waitingCount = list.inquiries.count
        jobCount = list.jobs.count
        let overdueSum = list.invoicesOverdue.map(\.openAmount).sum()
        overdueTotal = texts.money(overdueSum)
        hasOverdue = overdueSum.cents > 0
        draftCount = drafts
        isEmpty = list.isEmpty
        let limit = TodayPage.sectionLimit
        func more(_ count: Int) -> String? { count > limit ? texts.format("today_show_all", "\(count)") : nil }
        moreInquiries = more(list.inquiries.count)
        moreJobs = more(list.jobs.count)
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
        overdue = list.invoicesOverdue.prefix(limit).map { TodayPage.invoice($0, texts: texts) }
        hasOverdueInvoices = !overdue.isEmpty
        dueSoon = list.invoicesDueSoon.prefix(limit).map { TodayPage.invoice($0, texts: texts) }
        hasDueSoon = !dueSoon.isEmpty
    }

    private static func invoice(_ item: MorningList.OpenInvoice, texts: Texts) -> InvoiceItem {
        InvoiceItem(
            number: item.number, path: "/invoices/\(item.number)", paymentPath: "/invoices/\(item.number)#payment",
            customerName: item.customerName, openText: texts.money(item.openAmount), dueText: texts.day(item.dueDate),
            daysText: texts.overdue(item.daysOverdue))
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
