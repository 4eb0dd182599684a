/// What needs doing today, in the order it is read (Heute in the browser, `kontor today` on the command line):
/// inquiries waiting for an answer, jobs due soon, reminder drafts to approve, dunning steps due, bank entries to
/// review, overdue invoices and invoices due soon. Web and CLI only render it.
public struct MorningList: Sendable, Hashable, Codable {
    /// The sections in the order both front ends show them.
    public enum Section: String, Sendable, Hashable, Codable, CaseIterable {
        case mailProblems
        case inquiries
        case jobs
        case reminderDrafts
        case dunningStepsDue
        case bankEntriesToReview
        case invoicesOverdue
        case invoicesDueSoon
    }

    /// A mail that did not go out (failed) or may not have arrived (unknown): the user decides what next.
    public struct MailProblem: Sendable, Hashable, Codable {
        public var mailId: Int64
        public var subject: String
        public var recipient: String
        public var status: OutboxMessage.Status
        public var reason: MailFailure

        /// Creates an entry.
        public init(mailId: Int64, subject: String, recipient: String, status: OutboxMessage.Status, reason: MailFailure) {
            self.mailId = mailId
            self.subject = subject
            self.recipient = recipient
            self.status = status
            self.reason = reason
        }
    }

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

    /// A prepared dunning letter that waits for the user to approve (send) or skip it.
    public struct ReminderDraft: Sendable, Hashable, Codable {
        public var letterId: Int64
        public var invoiceNumber: String
        public var customerId: Int64
        public var customerName: String
        public var step: DunningStep
        public var createdOn: Day
        /// What the letter claims in all (open amount, interest, lump sum, costs).
        public var claimTotal: Money

        /// Creates an entry from a draft letter.
        public init(_ letter: DunningLetter, customerName: String) {
            letterId = letter.id
            invoiceNumber = letter.invoiceNumber
            customerId = letter.customerId
            self.customerName = customerName
            step = letter.step
            createdOn = letter.createdOn
            claimTotal = letter.claimTotal
        }
    }

    /// A dunning step that is due but not prepared yet (the reminder run would draft it).
    public struct DunningStepDue: Sendable, Hashable, Codable {
        public var invoiceId: Int64
        public var invoiceNumber: String
        public var customerId: Int64
        public var customerName: String
        public var step: DunningStep
        /// The day the step became due.
        public var dueOn: Day
        public var openAmount: Money

        /// Creates an entry.
        public init(
            invoiceId: Int64, invoiceNumber: String, customerId: Int64, customerName: String, step: DunningStep,
            dueOn: Day, openAmount: Money
        ) {
            self.invoiceId = invoiceId
            self.invoiceNumber = invoiceNumber
            self.customerId = customerId
            self.customerName = customerName
            self.step = step
            self.dueOn = dueOn
            self.openAmount = openAmount
        }
    }

    /// An imported bank booking the matcher was not sure about.
    public struct BankEntryToReview: Sendable, Hashable, Codable {
        public var entryId: Int64
        public var bookingDate: Day
        public var amount: Money
        public var counterpartyName: String?
        public var text: String
        /// Numbers of the invoices the matcher suggested, if any.
        public var suggestedInvoices: [String]

        /// Creates an entry from a booking and the numbers of its suggested invoices.
        public init(_ entry: BankEntry, suggestedInvoices: [String]) {
            entryId = entry.id
            bookingDate = entry.bookingDate
            amount = entry.amount
            counterpartyName = entry.counterpartyName
            text = entry.text
            self.suggestedInvoices = suggestedInvoices
        }
    }

    /// An open invoice that is due soon or overdue.
    public struct OpenInvoice: Sendable, Hashable, Codable {
        public var number: String
        public var invoiceId: Int64
        public var customerId: Int64
        public var customerName: String
        public var dueDate: Day
        public var openAmount: Money
        /// The debtor's state, for the § 193 BGB shift.
        public var state: GermanState?
        /// The due date moved past weekends and holidays (`PaymentDeadline`); filled in by the list.
        public var lastDayToPay: Day
        /// Days since `lastDayToPay`; filled in by the list for its day.
        public var daysOverdue: Int

        /// Creates an entry; `lastDayToPay` and `daysOverdue` are filled in by the list for its day.
        public init(
            number: String, invoiceId: Int64, customerId: Int64, customerName: String, dueDate: Day,
            openAmount: Money, state: GermanState? = nil
        ) {
            self.number = number
            self.invoiceId = invoiceId
            self.customerId = customerId
            self.customerName = customerName
            self.dueDate = dueDate
            self.openAmount = openAmount
            self.state = state
            lastDayToPay = dueDate
            daysOverdue = 0
        }

        /// When this invoice's payment is late.
        public var deadline: PaymentDeadline { PaymentDeadline(dueDate: dueDate, state: state) }
    }

    public var today: Day
    public var mailProblems: [MailProblem] = []
    /// The first inquiries waiting for an answer (in work order); `inquiriesTotal` counts all of them.
    public var inquiries: [WaitingInquiry]
    public var inquiriesTotal: Int
    public var jobs: [DueJob]
    /// The oldest reminder drafts; `reminderDraftsTotal` counts all of them.
    public var reminderDrafts: [ReminderDraft]
    public var reminderDraftsTotal: Int
    public var dunningStepsDue: [DunningStepDue]
    /// The first bank entries waiting for review (oldest first); `bankEntriesToReviewTotal` counts all of them.
    public var bankEntriesToReview: [BankEntryToReview]
    public var bankEntriesToReviewTotal: Int
    public var invoicesOverdue: [OpenInvoice]
    public var invoicesDueSoon: [OpenInvoice]
    /// The section names in reading order, so that JSON readers (whose keys come sorted) know it too.
    public var sections: [Section] = Section.allCases

    /// How far ahead jobs and invoices are shown.
    public static let jobHorizonDays = 7
    public static let invoiceHorizonDays = 7
    /// How many waiting inquiries, reminder drafts and bank entries to review the list names (it counts them all).
    public static let itemsShown = 50

    /// Builds the list from open items; the caller has already narrowed them down to what may matter.
    public init(
        today: Day, inquiries: [(Inquiry, String)], inquiriesTotal: Int? = nil, jobs: [(Job, String)],
        reminderDrafts: [ReminderDraft] = [], reminderDraftsTotal: Int? = nil, dunningStepsDue: [DunningStepDue] = [], bankEntriesToReview: [BankEntryToReview] = [],
        bankEntriesToReviewTotal: Int? = nil, invoices: [OpenInvoice]
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
        self.inquiriesTotal = max(inquiriesTotal ?? 0, self.inquiries.count)
        self.reminderDrafts = reminderDrafts.sorted { ($0.createdOn, $0.letterId) < ($1.createdOn, $1.letterId) }
        self.reminderDraftsTotal = max(reminderDraftsTotal ?? 0, self.reminderDrafts.count)
        self.dunningStepsDue = dunningStepsDue
            .sorted { ($0.dueOn, $0.invoiceNumber) < ($1.dueOn, $1.invoiceNumber) }
        self.bankEntriesToReview = bankEntriesToReview
            .sorted { ($0.bookingDate, $0.entryId) < ($1.bookingDate, $1.entryId) }
        self.bankEntriesToReviewTotal = max(bankEntriesToReviewTotal ?? 0, bankEntriesToReview.count)
        let invoiceHorizon = today.adding(days: MorningList.invoiceHorizonDays)
        let open = invoices.filter { $0.openAmount.cents > 0 }.map { item in
            var item = item
            item.lastDayToPay = item.deadline.lastDayToPay
            item.daysOverdue = item.deadline.daysOverdue(on: today)
            return item
        }
        // Overdue counts from the last day to pay (§ 193 BGB); "due soon" still goes by the printed due date,
        // which is what the customer reads.
        invoicesOverdue = open.filter { $0.deadline.isOverdue(on: today) }
            .sorted { ($0.dueDate, $0.number) < ($1.dueDate, $1.number) }
        invoicesDueSoon = open.filter { !$0.deadline.isOverdue(on: today) && $0.dueDate <= invoiceHorizon }
            .sorted { ($0.dueDate, $0.number) < ($1.dueDate, $1.number) }
    }

    /// Whether there is nothing to do.
    public var isEmpty: Bool {
        mailProblems.isEmpty && inquiries.isEmpty && jobs.isEmpty && reminderDrafts.isEmpty && dunningStepsDue.isEmpty
            && bankEntriesToReview.isEmpty && invoicesDueSoon.isEmpty && invoicesOverdue.isEmpty
    }
}
