public import KontorCore
import KontorBanking

/// A page of the customer list with each shown customer's open principal.
public struct CustomerListModel: Sendable {
    public var customers: ListPage<Customer>
    /// Open principal of the customers on the page (absent: nothing open).
    public var open: [Int64: Money]
}

/// A payment as the payment list shows it.
public struct PaymentListItem: Sendable {
    public var payment: Payment
    public var invoiceNumber: String?
    public var customerName: String?
}

/// An open invoice one can book a payment on, as forms offer it.
public struct OpenInvoiceChoice: Sendable, Hashable {
    public var invoiceId: Int64
    public var number: String
    public var customerName: String
    public var openAmount: Money
}

/// What the payments page shows: a page of payments, a page of the review queue with suggestions, and the open
/// invoices a payment can be booked on.
public struct PaymentsOverview: Sendable {
    public var payments: ListPage<PaymentListItem>
    public var paymentSum: Money
    public var review: ListPage<ReviewItem>
    /// Open invoices, the longest due first; at most the limit asked for.
    public var openInvoices: [OpenInvoiceChoice]
    /// All open invoices (the choices may be fewer).
    public var openInvoiceCount: Int
}

/// The inquiry board: for each status a page of its inquiries (all open and answered ones, the latest closed).
public struct InquiryBoard: Sendable {
    public var columns: [InquiryStatus: ListPage<InquiryListItem>]
}

/// A quote as the quote list shows it.
public struct QuoteListItem: Sendable {
    public var quote: Quote
    public var customerName: String
}

/// What the jobs page shows: the jobs due in one week, and the open jobs or a page of all jobs.
public struct JobBoard: Sendable {
    public var dueInWeek: [Job]
    public var listed: ListPage<Job>
    public var customerNames: [Int64: String]
}

/// What the dunning page shows: a page of drafts, the latest decided letters and the active holds.
public struct DunningOverview: Sendable {
    public var drafts: ListPage<DunningLetter>
    public var history: [DunningLetter]
    public var holds: [DunningHold]
    public var customerNames: [Int64: String]
    public var invoiceNumbers: [Int64: String]
    /// The customers the hold form offers: those with money open.
    /// The customers with money open (the hold form's choice), the first `CustomerChoices.limit` by name.
    public var owingCustomers: CustomerChoices
}

extension Kontor {
    /// One page of customers by name, with a status filter and a search in name, e-mail, contact and city.
    public func customerList(status: CustomerStatus?, search: String?, window: ListWindow) async throws
        -> CustomerListModel
    {
        try await store.read { book in
            let customers = try book.customerList(status: status, search: search, window: window)
            return CustomerListModel(
                customers: customers, open: try book.openPrincipal(customerIds: Set(customers.items.map(\.id))))
        }
    }

    /// The payments page's read model; suggestions are ranked only for the review entries shown.
    public func paymentsOverview(payments: ListWindow, review: ListWindow, openLimit: Int) async throws
        -> PaymentsOverview
    {
        try await store.read { book in
            let page = try book.paymentList(window: payments)
            let numbers = try book.invoiceNumbers(ids: Set(page.items.map(\.invoiceId)))
            let names = try book.customerNames(ids: Set(page.items.map(\.customerId)))
            let entries = try book.bankEntryList(status: .review, window: review)
            let candidates = try Kontor.openCandidates(book)
            let payerNames = entries.items.isEmpty
                ? [:] : try book.customerPayerNames(customerIds: Set(candidates.map(\.customerId)))
            let ranked = entries.map { entry in
                ReviewItem(
                    entry: entry,
                    suggestedInvoices: ReviewSuggester.rank(
                        amount: entry.amount, payerName: entry.counterpartyName, payerIBAN: entry.counterpartyIBAN,
                        invoices: candidates, payerNames: payerNames
                    ).map(\.number))
            }
            let open = candidates.sorted { ($0.dueDate, $0.invoiceId) < ($1.dueDate, $1.invoiceId) }
            return PaymentsOverview(
                payments: page.map {
                    PaymentListItem(
                        payment: $0, invoiceNumber: numbers[$0.invoiceId], customerName: names[$0.customerId])
                },
                paymentSum: try book.paymentSum(), review: ranked,
                openInvoices: open.prefix(openLimit).map {
                    OpenInvoiceChoice(
                        invoiceId: $0.invoiceId, number: $0.number, customerName: $0.customerName,
                        openAmount: $0.openAmount)
                },
                openInvoiceCount: open.count)
        }
    }

    /// The inquiry board: one window of the open, answered and quoted inquiries each (the work in progress, in
    /// work order), the latest `closedLimit` won and lost ones, and how many there are of each.
    public func inquiryBoard(window: ListWindow, closedLimit: Int) async throws -> InquiryBoard {
        try await store.read { book in
            var columns: [InquiryStatus: ListPage<Inquiry>] = [:]
            for status in [InquiryStatus.open, .answered, .quoted] {
                columns[status] = try book.inquiryList(status: status, window: window)
            }
            for status in [InquiryStatus.won, .lost] {
                columns[status] = try book.inquiryList(status: status, window: ListWindow(size: closedLimit))
            }
            let names = try book.customerNames(ids: Set(columns.values.flatMap { $0.items.map(\.customerId) }))
            return InquiryBoard(columns: columns.mapValues { page in
                page.map { InquiryListItem(inquiry: $0, customerName: names[$0.customerId] ?? "?") }
            })
        }
    }

    /// One page of quotes, newest first.
    public func quoteList(window: ListWindow) async throws -> ListPage<QuoteListItem> {
        try await store.read { book in
            let quotes = try book.quoteList(window: window)
            let names = try book.customerNames(ids: Set(quotes.items.map(\.customerId)))
            return quotes.map { QuoteListItem(quote: $0, customerName: names[$0.customerId] ?? "–") }
        }
    }

    /// The jobs due from `first` to `last`, and the open jobs (`all` false) or one page of every job.
    public func jobBoard(dueFrom first: Day, through last: Day, all: Bool, window: ListWindow) async throws -> JobBoard {
        try await store.read { book in
            let due = try book.jobs(deadlineFrom: first, through: last)
            let listed: ListPage<Job>
            if all {
                listed = try book.jobList(window: window)
            } else {
                let open = try book.jobs(openOnly: true, customerId: nil, deadlineOnOrBefore: nil)
                listed = ListPage(items: open, total: open.count, window: ListWindow(size: max(open.count, 1)))
            }
            let names = try book.customerNames(ids: Set((due + listed.items).map(\.customerId)))
            return JobBoard(dueInWeek: due, listed: listed, customerNames: names)
        }
    }

    /// The dunning page's read model: one page of drafts (oldest first), the latest `historyLimit` decided
    /// letters, the holds active on `day`.
    public func dunningOverview(drafts window: ListWindow, historyLimit: Int, activeOn day: Day) async throws
        -> DunningOverview
    {
        try await store.read { book in
            let drafts = try book.dunningLetterList(status: .draft, window: window)
            let history = try book.latestDecidedLetters(limit: historyLimit)
            let holds = try book.dunningHolds(endingOnOrAfter: day)
            let customerIds = Set(drafts.items.map(\.customerId) + history.map(\.customerId) + holds.map(\.customerId))
            return DunningOverview(
                drafts: drafts, history: history, holds: holds, customerNames: try book.customerNames(ids: customerIds),
                invoiceNumbers: try book.invoiceNumbers(ids: Set(holds.compactMap(\.invoiceId))),
                owingCustomers: CustomerChoices(owing: try book.customersOwing()))
        }
    }

    /// What a form's customer choice offers (ids and names, no full records): every customer of a small book, the
    /// newest `CustomerChoices.limit` of a large one (plus `selected`), to be typed into by number or name.
    public func customerChoices(selected: Int64? = nil) async throws -> CustomerChoices {
        try await store.read { book in
            let read = try book.customerChoices(limit: CustomerChoices.limit, including: selected)
            return CustomerChoices(total: read.total, choices: read.choices.map { CustomerChoice(id: $0.id, name: $0.name) })
        }
    }

    /// The customers a typed name means: the ones called exactly that (case-insensitive), or else those whose
    /// name contains it; at most `limit`, by name.
    public func customersNamed(_ text: String, limit: Int = 6) async throws -> [CustomerChoice] {
        try await store.read { book in
            try book.customersNamed(text, limit: limit).map { CustomerChoice(id: $0.id, name: $0.name) }
        }
    }

    /// The delivered or accepted jobs that have no invoice yet and were delivered on `first` or later (older ones
    /// are invoiced from their own page), with their customers' names.
    public func jobsToInvoice(deliveredSince first: Day) async throws -> [(job: Job, customerName: String)] {
        try await store.read { book in
            let jobs = try book.jobsToInvoice(deliveredSince: first)
            let names = try book.customerNames(ids: Set(jobs.map(\.customerId)))
            return jobs.map { ($0, names[$0.customerId] ?? "–") }
        }
    }
}

/// A customer as a form's choice shows it.
public struct CustomerChoice: Sendable, Hashable {
    public var id: Int64
    public var name: String

    public init(id: Int64, name: String) {
        self.id = id
        self.name = name
    }

    /// How a typed choice shows it and reads it back: "Müller GmbH (17)".
    public var label: String { "\(name) (\(id))" }

    /// The customer id a typed choice names: a bare number ("17") or a label ending in one ("Müller GmbH (17)");
    /// nil for anything else (a name, to be looked up).
    public static func id(in text: String) -> Int64? { parse(text)?.id }

    /// The name part of a typed label ("Müller GmbH" of "Müller GmbH (17)"); nil for a bare number or a name.
    public static func name(in text: String) -> String? { parse(text)?.name }

    private static func parse(_ text: String) -> (id: Int64, name: String?)? {
        var trimmed = Substring(text)
        while trimmed.first?.isWhitespace == true { trimmed.removeFirst() }
        while trimmed.last?.isWhitespace == true { trimmed.removeLast() }
        if let id = Int64(trimmed) { return id > 0 ? (id, nil) : nil }
        guard trimmed.hasSuffix(")"), let open = trimmed.lastIndex(of: "(") else { return nil }
        let digits = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
        guard let id = Int64(digits), id > 0 else { return nil }
        var name = trimmed[..<open]
        while name.last?.isWhitespace == true { name.removeLast() }
        return (id, String(name))
    }
}

/// The customers a form offers: all of a small book (a select), or the newest of a large one (a field to type a
/// number or name into, with these as suggestions).
public struct CustomerChoices: Sendable, Hashable {
    /// How many a form lists at most: a select of 30,000 names is 1.4 MB of HTML and unusable anyway.
    public static let limit = 200

    /// How many customers the book has.
    public var total: Int
    /// The customers offered, by name.
    public var choices: [CustomerChoice]

    public init(total: Int, choices: [CustomerChoice]) {
        self.total = total
        self.choices = choices
    }

    /// The first `limit` of the customers owing money, by name, of all of them.
    init(owing: [(id: Int64, name: String)]) {
        self.init(total: owing.count, choices: owing.prefix(Self.limit).map { CustomerChoice(id: $0.id, name: $0.name) })
    }

    /// Whether every customer is offered (then a plain select serves).
    public var isComplete: Bool { choices.count >= total }
}
