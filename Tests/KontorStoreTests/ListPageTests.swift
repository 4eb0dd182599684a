import Foundation
import KontorApp
import KontorCore
import KontorStore
import Testing

/// The pages of long lists and the reports added up in SQL read less than the whole book, and must say the same
/// as the whole book read row by row: each test compares them on the demo book.
struct ListPageTests {
    let today = Day("2026-11-26")!

    func demoBook() async throws -> (Kontor, GRDBBookStore) {
        let store = GRDBBookStore(try AppDatabase.inMemory())
        let kontor = Kontor(store: store)
        _ = try await kontor.fillDemoBook(today: today)
        return (kontor, store)
    }

    @Test func receivablesFromTheOwingCustomersAgreeWithEveryInvoice() async throws {
        let (kontor, store) = try await demoBook()
        // Given a letter's charges and a payment, so that claims and history count too
        _ = try await kontor.runReminders(today: today)
        let everything = try await store.read { try $0.receivableItems(owingOnly: false) }
        let owing = try await store.read { try $0.receivableItems(owingOnly: true) }
        try #require(owing.count < everything.count)
        // When the report is built from the owing customers' invoices and the year's revenue added up in SQL
        let report = try await kontor.receivablesReport(today: today)
        // Then it is the report built from every invoice
        #expect(report == ReceivablesReport(items: everything, asOf: today))
        #expect(report.dso != nil && !report.customers.isEmpty)
    }

    @Test func revenueByMonthAddedUpInSQLAgreesWithTheInvoices() async throws {
        let (kontor, store) = try await demoBook()
        // A cancelled invoice leaves its month (and its cancellation is no revenue either)
        let issued = try await kontor.invoices(InvoiceQuery()).filter { $0.isIssued && $0.kind == .invoice }
        let cancelled = try #require(issued.first { $0.issueDate! >= today.adding(months: -11) })
        _ = try await kontor.cancelInvoice(cancelled.number!, on: today)
        let everything = try await store.read { try $0.receivableItems(owingOnly: false) }
        #expect(everything.contains { $0.cancelled })
        let months = try await kontor.revenueByMonth(today: today, months: 24)
        #expect(months.count == 24)
        for month in months {
            let next = month.month.adding(months: 1)
            let mine = everything.filter { !$0.cancelled && $0.issueDate >= month.month && $0.issueDate < next }
            #expect(month.gross == mine.map(\.gross).sum(), "\(month.month)")
            #expect(month.invoices == mine.count, "\(month.month)")
        }
        #expect(months.contains { $0.invoices > 0 })
    }

    @Test func theReportsPageReadTogetherSaysWhatEachReportSays() async throws {
        let (kontor, _) = try await demoBook()
        for day in [today, today.adding(days: -200), Day("2026-03-01")!] {
            let overview = try await kontor.reportsOverview(today: day)
            #expect(overview.receivables == (try await kontor.receivablesReport(today: day)))
            #expect(overview.months == (try await kontor.revenueByMonth(today: day)))
            #expect(overview.channels == (try await kontor.inquiriesByChannel(receivedSince: day.adding(days: -365))))
            #expect(overview.conversion == (try await kontor.inquiryConversion(receivedSince: day.adding(days: -365))))
            #expect(overview.months.count == 12 && overview.months.last?.month.components.month == day.components.month)
        }
        // Something to compare: the demo book has revenue and inquiries in the year before `today`
        let overview = try await kontor.reportsOverview(today: today)
        #expect(overview.months.contains { $0.invoices > 0 } && overview.channels.contains { $0.total > 0 })
    }

    @Test func inquiryFiguresAddedUpInSQLAgreeWithTheInquiries() async throws {
        let (kontor, store) = try await demoBook()
        let (inquiries, quotes) = try await store.read {
            (try $0.inquiries(statuses: nil, customerId: nil), try $0.quotes(customerId: nil))
        }
        try #require(!inquiries.isEmpty)
        #expect(try await kontor.inquiryConversion() == InquiryConversion(inquiries: inquiries, quotes: quotes))
        let channels = try await kontor.inquiriesByChannel()
        for tally in channels {
            let mine = inquiries.filter { $0.channel == tally.channel }
            #expect(tally.total == mine.count)
            #expect(tally.won == mine.filter { $0.status == .won }.count)
            #expect(tally.lost == mine.filter { $0.status == .lost }.count)
            #expect(tally.pending == tally.total - tally.won - tally.lost)
        }
        // The web page counts the last twelve months only
        let since = today.adding(days: -30)
        let recent = inquiries.filter { $0.receivedOn >= since }
        try #require(recent.count < inquiries.count)
        #expect(try await kontor.inquiriesByChannel(receivedSince: since).map(\.total).reduce(0, +) == recent.count)
        #expect(try await kontor.inquiryConversion(receivedSince: since)
            == InquiryConversion(inquiries: recent, quotes: quotes))
    }

    @Test func customerPagesTogetherAreTheWholeList() async throws {
        let (kontor, _) = try await demoBook()
        let all = try await kontor.customers()
        try #require(all.count > 3)
        var paged: [Customer] = []
        var page = 1
        while true {
            let model = try await kontor.customerList(status: nil, search: nil, window: ListWindow(page: page, size: 3))
            #expect(model.customers.total == all.count)
            paged += model.customers.items
            // The open principal of the page's customers is the receivables report's.
            let report = try await kontor.receivablesReport(today: today)
            for customer in model.customers.items {
                let line = report.customers.first { $0.customerId == customer.id }
                #expect(model.open[customer.id] == line.flatMap { $0.openAmount.cents > 0 ? $0.openAmount : nil })
            }
            if page >= model.customers.pageCount { break }
            page += 1
        }
        #expect(paged.map(\.id) == all.map(\.id))
        // A search and a status filter are counted in the query too
        let first = try #require(all.first)
        let found = try await kontor.customerList(status: nil, search: first.name, window: ListWindow(size: 10))
        #expect(found.customers.items.contains(first) && found.customers.total == found.customers.items.count)
        let regular = try await kontor.customerList(status: .regular, search: nil, window: ListWindow(size: 100))
        #expect(regular.customers.total == all.filter { $0.status == .regular }.count)
        // A page beyond the end is empty, not an error
        let beyond = try await kontor.customerList(status: nil, search: nil, window: ListWindow(page: 99, size: 10))
        #expect(beyond.customers.items.isEmpty && beyond.customers.total == all.count)
    }

    @Test func paymentsOverviewShowsOnePageTheSumOfAllAndTheReviewQueue() async throws {
        let (kontor, _) = try await demoBook()
        let statement = BankImportTests.camt([("R-1", Money(cents: 4_711), "Finanzamt Köln", "Erstattung")])
        _ = try await kontor.importStatement(data: statement, fileName: "a.xml", dryRun: false, today: today)
        let all = try await kontor.payments()
        try #require(all.count > 2)
        let overview = try await kontor.paymentsOverview(
            payments: ListWindow(size: 2), review: ListWindow(size: 5), openLimit: 1)
        let newest = all.sorted { ($0.receivedOn, $0.id) > ($1.receivedOn, $1.id) }.prefix(2)
        #expect(overview.payments.items.map(\.payment.id) == newest.map(\.id))
        #expect(overview.payments.total == all.count && overview.paymentSum == all.map(\.amount).sum())
        #expect(overview.payments.items.allSatisfy { $0.invoiceNumber != nil && $0.customerName != nil })
        #expect(overview.review.total == 1 && overview.review.items.first?.entry.counterpartyName == "Finanzamt Köln")
        let open = try await kontor.invoices(InvoiceQuery(openOnly: true)).filter { $0.kind == .invoice }
        #expect(overview.openInvoiceCount == open.count && overview.openInvoices.count == min(1, open.count))
    }

    @Test func inquiryBoardReadsTheLatestClosedAndCountsThemAll() async throws {
        let (kontor, store) = try await demoBook()
        let inquiries = try await store.read { try $0.inquiries(statuses: nil, customerId: nil) }
        let board = try await kontor.inquiryBoard(window: ListWindow(size: 100), closedLimit: 1)
        for status in InquiryStatus.allCases {
            let mine = inquiries.filter { $0.status == status }
            let column = try #require(board.columns[status])
            #expect(column.total == mine.count, "\(status)")
            if status == .won || status == .lost {
                #expect(column.items.count == min(1, mine.count))
                let latest = mine.map { $0.closedOn ?? $0.receivedOn }.max()
                #expect(column.items.first.map { $0.inquiry.closedOn ?? $0.inquiry.receivedOn } == latest)
            } else {
                #expect(column.items.map(\.inquiry.id) == mine.sorted(by: Inquiry.workOrder).map(\.id))
            }
        }
    }

    @Test func jobsToInvoiceAreTheDoneJobsWithoutAnInvoice() async throws {
        let (kontor, _) = try await demoBook()
        let jobs = try await kontor.jobs(all: true)
        let invoiced = Set(try await kontor.invoices(InvoiceQuery()).filter { !$0.isCancelled }.compactMap(\.jobId))
        let expected = jobs.filter { ($0.status == .delivered || $0.status == .accepted) && !invoiced.contains($0.id) }
        #expect(Set(try await kontor.jobsToInvoice(deliveredSince: Day("2000-01-01")!).map(\.job.id))
            == Set(expected.map(\.id)))
        let recent = expected.filter { ($0.deliveredOn ?? today) >= today.adding(days: -30) }
        #expect(Set(try await kontor.jobsToInvoice(deliveredSince: today.adding(days: -30)).map(\.job.id))
            == Set(recent.map(\.id)))
        // The job board pages through every job in deadline order
        let board = try await kontor.jobBoard(
            dueFrom: today, through: today.adding(days: 6), all: true, window: ListWindow(size: 2))
        #expect(board.listed.total == jobs.count && board.listed.items.count == min(2, jobs.count))
        #expect(board.dueInWeek.allSatisfy { ($0.deadline ?? today) >= today && $0.deadline! <= today.adding(days: 6) })
    }

    @Test func dunningOverviewPagesTheDraftsAndNamesTheirCustomers() async throws {
        let (kontor, _) = try await demoBook()
        let drafts = try await kontor.runReminders(today: today).created
        try #require(!drafts.isEmpty)
        let overview = try await kontor.dunningOverview(drafts: ListWindow(size: 1), historyLimit: 5, activeOn: today)
        #expect(overview.drafts.total == drafts.count && overview.drafts.items.count == 1)
        #expect(overview.drafts.items.allSatisfy { overview.customerNames[$0.customerId] != nil })
        let owing = try await kontor.receivablesReport(today: today).customers.filter { $0.openAmount.cents > 0 }
        #expect(Set(overview.owingCustomers.choices.map(\.id)) == Set(owing.map(\.customerId)))
        #expect(overview.owingCustomers.total == owing.count && overview.owingCustomers.isComplete)
    }

    @Test func morningListNamesTheFirstInquiriesAndCountsThemAll() async throws {
        let (kontor, store) = try await demoBook()
        let customer = try #require(try await kontor.customers().first)
        let before = try await kontor.morningList(today: today).inquiriesTotal
        // Given more inquiries waiting than the list names, phone ones among them
        try await store.write { book in
            for index in 0..<MorningList.itemsShown + 5 {
                _ = try book.insert(inquiry: Inquiry(
                    customerId: customer.id, channel: index % 7 == 0 ? .phone : .email,
                    receivedOn: Day("2026-11-01")!.adding(days: index % 20), subject: "Anfrage \(index)"))
            }
        }
        let list = try await kontor.morningList(today: today)
        // Then it names the first ones in work order and counts every one
        #expect(list.inquiries.count == MorningList.itemsShown)
        #expect(list.inquiriesTotal == before + MorningList.itemsShown + 5)
        let all = try await store.read { try $0.inquiries(statuses: [.open], customerId: nil) }
        #expect(list.inquiries.map(\.inquiry.id)
            == all.sorted(by: Inquiry.workOrder).prefix(MorningList.itemsShown).map(\.id))
    }
}

/// The morning list decides the dunning steps due from letter marks and customer statuses only; the reminder run
/// reads whole letters and customers. Both must name the same steps.
struct MorningListDunningTests {
    @Test func theStepsDueOnTheMorningListAreTheDraftsTheReminderRunMakes() async throws {
        // Given the demo book on several days: before and after its letters, with drafts skipped and sent
        for offset in [0, 20, 45, 90] {
            let today = Day("2026-11-26")!.adding(days: offset)
            let store = GRDBBookStore(try AppDatabase.inMemory())
            let kontor = Kontor(store: store)
            _ = try await kontor.fillDemoBook(today: Day("2026-11-26")!)
            // Only invoices without a waiting draft are "due" on the morning list; the run makes no second draft
            let waiting = try await store.read { try $0.invoiceIdsWithDraftLetters() }
            // When the morning list is read and then the reminder run drafts what is due
            let due = try await kontor.morningList(today: today).dunningStepsDue
            let run = try await kontor.runReminders(today: today)
            // Then both name the same invoices and steps
            let drafted = run.created.filter { !waiting.contains($0.invoiceId) }
                .map { "\($0.invoiceNumber) \($0.step.rawValue)" }.sorted()
            #expect(due.map { "\($0.invoiceNumber) \($0.step.rawValue)" }.sorted() == drafted, "day +\(offset)")
            #expect(offset < 20 || !drafted.isEmpty, "day +\(offset): something is due")
        }
    }
}
