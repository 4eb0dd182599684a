import ArgumentParser
import KontorApp
import KontorCore

struct TodayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "today", abstract: "The morning list: what needs doing today.")
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let today = try global.day()
        let list = try await global.kontor().morningList(today: today)
        if global.json { return try Output.json(list) }
        print("Today, \(today.formatted(global.language))")
        if list.isEmpty { return print("Nothing urgent. A good day to write.") }
        // The sections in the list's own order, the same as Heute in the browser.
        for section in list.sections {
            let lines = lines(of: section, in: list)
            guard !lines.isEmpty else { continue }
            print("\n" + heading(section) + ":")
            for line in lines { print("  " + line) }
        }
    }

    private func heading(_ section: MorningList.Section) -> String {
        switch section {
        case .mailProblems: "Mails not sent ('kontor mail show ID', then 'kontor mail retry ID')"
        case .inquiries: "Inquiries waiting for an answer"
        case .jobs: "Jobs due in the next \(MorningList.jobHorizonDays) days"
        case .reminderDrafts: "Reminder drafts to approve ('kontor remind approve ID' or 'skip ID')"
        case .dunningStepsDue: "Dunning steps due ('kontor remind run' drafts them)"
        case .bankEntriesToReview: "Bank entries to review ('kontor import review')"
        case .invoicesOverdue: "Overdue invoices"
        case .invoicesDueSoon: "Invoices due soon"
        }
    }

    /// The line under a section that names only its first items.
    private func more(_ count: Int) -> [String] { count > 0 ? ["… and \(count) more"] : [] }

    private func lines(of section: MorningList.Section, in list: MorningList) -> [String] {
        let lang = global.language
        switch section {
        case .mailProblems:
            return list.mailProblems.map { "#\($0.mailId) \($0.subject) to \($0.recipient) – \($0.status): \($0.reason)" }
        case .inquiries:
            return list.inquiries.map { item in
                "#\(item.inquiry.id) \(item.customerName): \(item.inquiry.subject) – \(item.inquiry.channel.rawValue)"
                    + (item.decidedBuyer ? ", decided buyer" : "") + ", waiting \(item.daysWaiting) d"
            } + more(list.inquiriesTotal - list.inquiries.count)
        case .jobs:
            return list.jobs.map { item in
                let when = item.daysLeft < 0 ? "\(-item.daysLeft) d late" : item.daysLeft == 0 ? "today" : "in \(item.daysLeft) d"
                return "#\(item.job.id) \(item.customerName): \(item.job.title) – "
                    + "\(item.job.deadline!.formatted(lang)) (\(when))"
            }
        case .reminderDrafts:
            return list.reminderDrafts.map { item in
                "#\(item.letterId) \(item.invoiceNumber) \(item.customerName): \(item.step.label(.en)), "
                    + "\(item.claimTotal.formatted(lang)), drafted \(item.createdOn.formatted(lang))"
            } + more(list.reminderDraftsTotal - list.reminderDrafts.count)
        case .dunningStepsDue:
            return list.dunningStepsDue.map { item in
                "\(item.invoiceNumber) \(item.customerName): \(item.step.label(.en)) due since "
                    + "\(item.dueOn.formatted(lang)), \(item.openAmount.formatted(lang)) open"
            }
        case .bankEntriesToReview:
            return list.bankEntriesToReview.map { item in
                "#\(item.entryId) \(item.bookingDate.formatted(lang)) \(item.amount.formatted(lang)) "
                    + "from \(item.counterpartyName ?? "?"): \(item.text)"
                    + (item.suggestedInvoices.isEmpty
                        ? "" : " (perhaps \(item.suggestedInvoices.joined(separator: ", ")))")
            } + more(list.bankEntriesToReviewTotal - list.bankEntriesToReview.count)
        case .invoicesOverdue:
            return list.invoicesOverdue.map { item in
                "\(item.number) \(item.customerName): \(item.openAmount.formatted(lang)) open, "
                    + "\(item.daysOverdue) d overdue (due \(item.dueDate.formatted(lang))"
                    + (item.lastDayToPay != item.dueDate
                        ? ", payable until \(item.lastDayToPay.formatted(lang))" : "") + ")"
            }
        case .invoicesDueSoon:
            return list.invoicesDueSoon.map { item in
                "\(item.number) \(item.customerName): \(item.openAmount.formatted(lang)) "
                    + "due \(item.dueDate.formatted(lang))"
                    + (item.lastDayToPay != item.dueDate ? " (payable until \(item.lastDayToPay.formatted(lang)))" : "")
            }
        }
    }
}

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Fill an empty database with a believable sample business.")
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let summary = try await global.kontor().fillDemoBook(today: try global.day())
        if global.json { return try Output.json(summary) }
        print("Filled \(global.databasePath) with a sample business: \(summary.customers) customers, "
            + "\(summary.inquiries) inquiries, \(summary.invoices) invoices, \(summary.payments) payments.")
        print("Start with 'kontor today'.")
    }
}
