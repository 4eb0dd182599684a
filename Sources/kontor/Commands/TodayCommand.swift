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
        print(global.say("Today, ", "Heute, ") + today.formatted(global.language))
        if list.isEmpty {
            return print(global.say("Nothing urgent. A good day to write.", "Nichts Dringendes. Ein guter Tag zum Schreiben."))
        }
        // The sections in the list's own order, the same as Heute in the browser.
        for section in list.sections {
            let lines = lines(of: section, in: list)
            guard !lines.isEmpty else { continue }
            print("\n" + heading(section) + ":")
            for line in lines { print("  " + line) }
        }
    }

    private func heading(_ section: MorningList.Section) -> String {
        let say = global.say
        return switch section {
        case .mailProblems:
            say("Mails not sent ('kontor mail show ID', then 'kontor mail retry ID')",
                "Nicht gesendete E-Mails („kontor mail show ID“, dann „kontor mail retry ID“)")
        case .inquiries: say("Inquiries waiting for an answer", "Anfragen, die auf Antwort warten")
        case .jobs:
            say("Jobs due in the next \(MorningList.jobHorizonDays) days",
                "Aufträge mit Termin in den nächsten \(MorningList.jobHorizonDays) Tagen")
        case .reminderDrafts:
            say("Reminder drafts to approve ('kontor remind approve ID' or 'skip ID')",
                "Mahnentwürfe zum Freigeben („kontor remind approve ID“ oder „skip ID“)")
        case .dunningStepsDue:
            say("Dunning steps due ('kontor remind run' drafts them)",
                "Fällige Mahnschritte („kontor remind run“ entwirft sie)")
        case .bankEntriesToReview:
            say("Bank entries to review ('kontor import review')", "Kontobewegungen zu prüfen („kontor import review“)")
        case .invoicesOverdue: say("Overdue invoices", "Überfällige Rechnungen")
        case .invoicesDueSoon: say("Invoices due soon", "Bald fällige Rechnungen")
        }
    }

    /// The line under a section that names only its first items.
    private func more(_ count: Int) -> [String] {
        count > 0 ? [global.say("… and \(count) more", "… und \(count) weitere")] : []
    }

    /// "3 d" / "3 Tage"; `dative` after "seit" and "in": "3 Tagen".
    private func days(_ count: Int, dative: Bool = false) -> String {
        global.say("\(count) d", count == 1 ? "1 Tag" : "\(count) Tage" + (dative ? "n" : ""))
    }

    private func lines(of section: MorningList.Section, in list: MorningList) -> [String] {
        let lang = global.language
        let say = global.say
        switch section {
        case .mailProblems:
            return list.mailProblems.map {
                "#\($0.mailId) \($0.subject) " + say("to", "an") + " \($0.recipient) – \($0.status.word(lang)): \($0.reason.word(lang))"
            }
        case .inquiries:
            return list.inquiries.map { item in
                "#\(item.inquiry.id) \(item.customerName): \(item.inquiry.subject) – \(item.inquiry.channel.word(lang))"
                    + (item.decidedBuyer ? say(", decided buyer", ", kaufentschlossen") : "")
                    + say(", waiting ", ", wartet seit ") + days(item.daysWaiting, dative: true)
            } + more(list.inquiriesTotal - list.inquiries.count)
        case .jobs:
            return list.jobs.map { item in
                let when = item.daysLeft < 0
                    ? say("\(-item.daysLeft) d late", "\(days(-item.daysLeft)) über Termin")
                    : item.daysLeft == 0 ? say("today", "heute") : say("in \(item.daysLeft) d", "in \(days(item.daysLeft, dative: true))")
                return "#\(item.job.id) \(item.customerName): \(item.job.title) – "
                    + "\(item.job.deadline!.formatted(lang)) (\(when))"
            }
        case .reminderDrafts:
            return list.reminderDrafts.map { item in
                "#\(item.letterId) \(item.invoiceNumber) \(item.customerName): \(item.step.label(lang)), "
                    + "\(item.claimTotal.formatted(lang)), " + say("drafted ", "entworfen am ") + item.createdOn.formatted(lang)
            } + more(list.reminderDraftsTotal - list.reminderDrafts.count)
        case .dunningStepsDue:
            return list.dunningStepsDue.map { item in
                "\(item.invoiceNumber) \(item.customerName): \(item.step.label(lang)) "
                    + say("due since \(item.dueOn.formatted(lang)), \(item.openAmount.formatted(lang)) open",
                          "fällig seit \(item.dueOn.formatted(lang)), \(item.openAmount.formatted(lang)) offen")
            }
        case .bankEntriesToReview:
            return list.bankEntriesToReview.map { item in
                "#\(item.entryId) \(item.bookingDate.formatted(lang)) \(item.amount.formatted(lang)) "
                    + say("from ", "von ") + "\(item.counterpartyName ?? "?"): \(item.text)"
                    + (item.suggestedInvoices.isEmpty
                        ? "" : say(" (perhaps ", " (vielleicht ") + item.suggestedInvoices.joined(separator: ", ") + ")")
            } + more(list.bankEntriesToReviewTotal - list.bankEntriesToReview.count)
        case .invoicesOverdue:
            return list.invoicesOverdue.map { item in
                let payable = item.lastDayToPay != item.dueDate
                    ? say(", payable until ", ", zahlbar bis ") + item.lastDayToPay.formatted(lang) : ""
                return "\(item.number) \(item.customerName): "
                    + say("\(item.openAmount.formatted(lang)) open, \(item.daysOverdue) d overdue (due ",
                          "\(item.openAmount.formatted(lang)) offen, \(days(item.daysOverdue)) überfällig (fällig ")
                    + item.dueDate.formatted(lang) + payable + ")"
            }
        case .invoicesDueSoon:
            return list.invoicesDueSoon.map { item in
                "\(item.number) \(item.customerName): \(item.openAmount.formatted(lang)) "
                    + say("due ", "fällig ") + item.dueDate.formatted(lang)
                    + (item.lastDayToPay != item.dueDate
                        ? say(" (payable until ", " (zahlbar bis ") + item.lastDayToPay.formatted(lang) + ")" : "")
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
        print(global.say(
            "Filled \(global.bookName) with a sample business: \(summary.customers) customers, "
                + "\(summary.inquiries) inquiries, \(summary.invoices) invoices, \(summary.payments) payments.",
            "\(global.bookName) enthält jetzt ein Beispielgeschäft: \(summary.customers) Kunden, "
                + "\(summary.inquiries) Anfragen, \(summary.invoices) Rechnungen, \(summary.payments) Zahlungen."))
        print(global.say("Start with 'kontor today'.", "Beginnen Sie mit „kontor today“."))
    }
}
