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
        let lang = global.language
        print("Today, \(today.formatted(lang))")
        if list.isEmpty { return print("Nothing urgent. A good day to write.") }
        if !list.inquiries.isEmpty {
            print("\nInquiries waiting for an answer:")
            for item in list.inquiries {
                print("  #\(item.inquiry.id) \(item.customerName): \(item.inquiry.subject) – \(item.inquiry.channel.rawValue)"
                    + (item.decidedBuyer ? ", decided buyer" : "") + ", waiting \(item.daysWaiting) d")
            }
        }
        if !list.jobs.isEmpty {
            print("\nJobs due in the next \(MorningList.jobHorizonDays) days:")
            for item in list.jobs {
                let when = item.daysLeft < 0 ? "\(-item.daysLeft) d late" : item.daysLeft == 0 ? "today" : "in \(item.daysLeft) d"
                print("  #\(item.job.id) \(item.customerName): \(item.job.title) – \(item.job.deadline!.formatted(lang)) (\(when))")
            }
        }
        if !list.invoicesOverdue.isEmpty {
            print("\nOverdue invoices:")
            for item in list.invoicesOverdue {
                print("  \(item.number) \(item.customerName): \(item.openAmount.formatted(lang)) open, "
                    + "\(item.daysOverdue) d overdue (due \(item.dueDate.formatted(lang)))")
            }
        }
        if !list.invoicesDueSoon.isEmpty {
            print("\nInvoices due soon:")
            for item in list.invoicesDueSoon {
                print("  \(item.number) \(item.customerName): \(item.openAmount.formatted(lang)) due \(item.dueDate.formatted(lang))")
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
