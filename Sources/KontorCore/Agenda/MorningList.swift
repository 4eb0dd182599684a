/// What needs doing today: inquiries waiting for an answer, jobs due soon, invoices due soon or overdue.
public struct MorningList: Sendable, Hashable, Codable {
    /// An inquiry that waits for an answer.
    public struct WaitingInquiry: Sendable, Hashable, Codable {
        public var inquiry: Inquiry
        public var customerName: String
        public var daysWaiting: Int
        public var decidedBuyer: Bool
    }

    /// A job whose deadline is within the horizon (or already passed).
    public struct DueJob: Sendable, Hashable, Codable {
        public var job: Job
        public var customerName: String
        public var daysLeft: Int
    }

    /// An open invoice that is due soon or overdue.
    public struct OpenInvoice: Sendable, Hashable, Codable {
        public var number: String
        public var invoiceId: Int64
        public var customerId: Int64
        public var customerName: String
        public var dueDate: Day
        public var openAmount: Money
        public var daysOverdue: Int

        /// Creates an entry; `daysOverdue` is filled in by the list for its day.
        public init(
            number: String, invoiceId: Int64, customerId: Int64, customerName: String, dueDate: Day,
            openAmount: Money, daysOverdue: Int = 0
        ) {
            self.number = number
            self.invoiceId = invoiceId
            self.customerId = customerId
            self.customerName = customerName
            self.dueDate = dueDate
            self.openAmount = openAmount
            self.daysOverdue = daysOverdue
        }
    }

    public var today: Day
    public var inquiries: [WaitingInquiry]
    public var jobs: [DueJob]
    public var invoicesDueSoon: [OpenInvoice]
    public var invoicesOverdue: [OpenInvoice]

    /// How far ahead jobs and invoices are shown.
    public static let jobHorizonDays = 7
    public static let invoiceHorizonDays = 7

    /// Builds the list from open items; the caller has already narrowed them down to what may matter.
    public init(
        today: Day, inquiries: [(Inquiry, String)], jobs: [(Job, String)], invoices: [OpenInvoice]
    ) {
        self.today = today
        self.inquiries = inquiries
            .filter { $0.0.isWaitingForAnswer }
            .sorted { Inquiry.workOrder($0.0, $1.0) }
            .map { WaitingInquiry(inquiry: $0.0, customerName: $0.1, daysWaiting: max(0, $0.0.receivedOn.days(until: today)),
                                  decidedBuyer: $0.0.isDecidedBuyer) }
        let horizon = today.adding(days: MorningList.jobHorizonDays)
        self.jobs = jobs
            .filter { $0.0.isOpen && ($0.0.deadline.map { $0 <= horizon } ?? false) }
            .sorted { ($0.0.deadline!, $0.0.id) < ($1.0.deadline!, $1.0.id) }
            .map { DueJob(job: $0.0, customerName: $0.1, daysLeft: today.days(until: $0.0.deadline!)) }
        let invoiceHorizon = today.adding(days: MorningList.invoiceHorizonDays)
        let open = invoices.filter { $0.openAmount.cents > 0 }
        invoicesOverdue = open.filter { $0.dueDate < today }
            .map { var item = $0; item.daysOverdue = $0.dueDate.days(until: today); return item }
            .sorted { ($0.dueDate, $0.number) < ($1.dueDate, $1.number) }
        invoicesDueSoon = open.filter { $0.dueDate >= today && $0.dueDate <= invoiceHorizon }
            .sorted { ($0.dueDate, $0.number) < ($1.dueDate, $1.number) }
    }

    /// Whether there is nothing to do.
    public var isEmpty: Bool { inquiries.isEmpty && jobs.isEmpty && invoicesDueSoon.isEmpty && invoicesOverdue.isEmpty }
}
