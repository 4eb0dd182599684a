import ArgumentParser
import Foundation
import KontorApp
import KontorCore

/// `kontor report …`: figures for the writer.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Reports.", subcommands: [Receivables.self, Inquiries.self])

    struct Inquiries: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "inquiries",
            abstract: "Conversion per channel: time to answer, quote rate, win rate, average order value.")
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let report = try await global.kontor().inquiryConversion()
            if global.json { return try Output.json(report) }
            if report.channels.isEmpty { return print(global.say("No inquiries yet.", "Noch keine Anfragen.")) }
            let lang = global.language
            Output.table(
                lang == .de
                    ? ["Kanal", "Anfragen", "Tage bis Antwort", "Angebot", "Gewonnen", "Ø Auftrag"]
                    : ["Channel", "Inquiries", "Days to answer", "Quoted", "Won", "Avg. order"],
                report.channels.map {
                    [$0.channel.word(lang), "\($0.inquiries)", $0.averageDaysToAnswer.map { String(format: "%.1f", $0) } ?? "",
                     "\($0.quoteRate) %", "\($0.winRate) %", $0.averageOrderValue?.formatted(lang) ?? ""]
                }, rightAligned: [1, 2, 3, 4, 5])
        }
    }

    struct Receivables: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "receivables",
            abstract: "Who owes what for how long: aging buckets, per customer, DSO.")
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let report = try await global.kontor().receivablesReport(today: try global.day())
            if global.json { return try Output.json(report) }
            let lang = global.language
            let say = global.say
            let (asOf, open, claims) = (report.asOf.formatted(lang), report.totalOpen.formatted(lang),
                                        report.totalClaims.formatted(lang))
            print(say("Receivables as of \(asOf): \(open) open", "Forderungen am \(asOf): \(open) offen")
                + (report.totalClaims.cents > 0
                    ? say(" plus \(claims) interest and costs claimed by reminders",
                          " zuzüglich \(claims) in Mahnungen geforderte Zinsen und Kosten") : "")
                + (report.dso.map { say(", DSO \($0) days", ", DSO \($0) Tage") } ?? ""))
            Output.table(
                lang == .de ? ["Tage über Termin", "Rechnungen", "Betrag"] : ["Days past due", "Invoices", "Amount"],
                report.buckets.map {
                    [ReceivablesReport.bucketWord($0.label, lang), "\($0.invoices)", $0.amount.formatted(lang)]
                }, rightAligned: [1, 2])
            print("")
            Output.table(
                lang == .de
                    ? ["Kunde", "Offen", "Überfällig", "Rechnungen", "Ø Tage zu spät"]
                    : ["Customer", "Open", "Overdue", "Invoices", "Avg. days late"],
                report.customers.map {
                    [$0.name, $0.openAmount.formatted(lang), $0.overdueAmount.formatted(lang), "\($0.openInvoices)",
                     $0.averageDaysLate.map(String.init) ?? ""]
                }, rightAligned: [1, 2, 3, 4])
        }
    }
}
