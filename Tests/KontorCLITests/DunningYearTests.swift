import Foundation
import KontorApp
import KontorCore
import Testing

/// A scripted half-year, walked day by day: every draft appears exactly on its day.
///
/// The book is set up, and the events happen, through the binary; the 147 days of `remind` and `remind approve`
/// run in this process on the same database file (the use cases those commands call), because a process per day
/// made this the slowest test while adding nothing the other CLI tests do not already cover.
struct DunningYearTests {
    struct Expected: Hashable, CustomStringConvertible {
        let day: String
        let invoice: String
        let step: String
        var description: String { "\(day) \(invoice) \(step)" }
    }

    @Test func walkingDayByDayProducesExactlyTheExpectedDrafts() async throws {
        var cli = try CLIRunner()
        cli.today = "2026-01-05"
        try await cli.setUpBusiness()  // customer 1: business in Köln (NW)
        try await cli.ok(["customer", "add", "--name", "Familie Neumann", "--kind", "consumer",
                          "--street", "Am Anger 15", "--postal-code", "99084", "--city", "Erfurt", "--state", "TH"])
        try await cli.ok(["customer", "add", "--name", "Weingut Kessler", "--street", "Weinstraße 77",
                          "--postal-code", "55116", "--city", "Mainz", "--state", "RP"])
        // Six invoices of 1.190,00 €, all due Monday 2026-01-19.
        for customer in ["1", "3", "1", "2", "1", "3"] {
            let draft = try await cli.json(["invoice", "draft", "--customer", customer]).object()
            try await cli.ok(["invoice", "add-line", "\(draft["id"]!)", "--description", "Texte", "--price", "1000"])
            try await cli.ok(["invoice", "issue", "\(draft["id"]!)"])
        }
        // 0001: never pays.  0002: pays on time, so Weingut Kessler becomes a regular customer and 0006 is
        // dunned with more patience.  0003: promises after the inquiry.  0004 (consumer): objects after the
        // inquiry, settles on 2026-03-02.  0005: put on hold until 2026-02-28.
        var events: [String: [[String]]] = [
            "2026-01-16": [["payment", "add", "2026-0002", "--amount", "1190"]],
            "2026-01-27": [["note", "1", "Zahlt am 13.2.", "--promise", "2026-02-13", "--invoice", "2026-0003"]],
            "2026-01-28": [["note", "2", "Text gefällt nicht", "--objection", "--invoice", "2026-0004"]],
            "2026-03-02": [["note", "2", "Geklärt, Text angepasst", "--resolved", "--invoice", "2026-0004"]],
        ]
        events["2026-01-10", default: []].append(
            ["remind", "hold", "1", "--invoice", "2026-0005", "--until", "2026-02-28", "--reason", "Projektpause"])

        var seen: [Expected] = []
        var day = "2026-01-05"
        let book = try cli.book()
        while day <= "2026-05-31" {
            cli.today = day
            for command in events[day] ?? [] { try await cli.ok(command) }
            let today = try #require(Day(day))
            // What `kontor remind` and `kontor remind approve ID` do on that day.
            for letter in try await book.runReminders(today: today).created {
                seen.append(Expected(day: day, invoice: letter.invoiceNumber, step: letter.step.rawValue))
                _ = try await book.approveReminder(id: letter.id, on: today)
            }
            // Running twice on the same day creates nothing twice.
            #expect(try await book.runReminders(today: today).created.isEmpty, "\(day)")
            day = next(day)
        }
        let expected = [
            // 0001: due Mon 19.01. → +7 → +14 → +10+14 → +7+14
            Expected(day: "2026-01-26", invoice: "2026-0001", step: "inquiry"),
            Expected(day: "2026-01-26", invoice: "2026-0003", step: "inquiry"),
            Expected(day: "2026-01-26", invoice: "2026-0004", step: "inquiry"),
            // 0006: a regular customer who never needed a Mahnung waits half as long again (11 and 21 days);
            // once warned, the pace is normal again.
            Expected(day: "2026-01-30", invoice: "2026-0006", step: "inquiry"),
            Expected(day: "2026-02-09", invoice: "2026-0001", step: "notice-1"),
            // 0003: the promise for 13.02. and three days' grace move the first Mahnung to 17.02.
            Expected(day: "2026-02-17", invoice: "2026-0003", step: "notice-1"),
            // 0005: on hold until 28.02., then the inquiry.
            Expected(day: "2026-02-20", invoice: "2026-0006", step: "notice-1"),
            Expected(day: "2026-03-01", invoice: "2026-0005", step: "inquiry"),
            Expected(day: "2026-03-05", invoice: "2026-0001", step: "notice-2"),
            Expected(day: "2026-03-13", invoice: "2026-0003", step: "notice-2"),
            Expected(day: "2026-03-15", invoice: "2026-0005", step: "notice-1"),
            // 0004: objection settled on 02.03.: the ladder waits again 14 days (issue 13 item 9; it used to come
            // the same day), then the first Mahnung; the next steps keep their distances (+10+14, +7+14).
            Expected(day: "2026-03-16", invoice: "2026-0004", step: "notice-1"),
            Expected(day: "2026-03-16", invoice: "2026-0006", step: "notice-2"),
            Expected(day: "2026-03-26", invoice: "2026-0001", step: "handover"),
            Expected(day: "2026-04-03", invoice: "2026-0003", step: "handover"),
            Expected(day: "2026-04-06", invoice: "2026-0006", step: "handover"),
            Expected(day: "2026-04-08", invoice: "2026-0005", step: "notice-2"),
            Expected(day: "2026-04-09", invoice: "2026-0004", step: "notice-2"),
            Expected(day: "2026-04-29", invoice: "2026-0005", step: "handover"),
            Expected(day: "2026-04-30", invoice: "2026-0004", step: "handover"),
        ]
        #expect(seen == expected)

        // The second Mahnung for 0001 states interest from the day after the inquiry (payment request,
        // § 286 Abs. 1 BGB): 1190 × 10.27 % × 38/365 = 12.72 € and the 40 € lump sum.
        let notices = try await cli.json(["remind", "list", "--status", "sent"]).array()
        let second = try #require(notices.first { $0["invoiceNumber"] as? String == "2026-0001" && $0["step"] as? String == "notice-2" })
        #expect(second["interest"] as? String == "12.72" && second["lumpSum"] as? String == "40.00")
        #expect(second["claimTotal"] as? String == "1242.72")
        let text = try await cli.ok(["remind", "show", "\(second["id"]!)"]).stdout
        #expect(text.contains("seit dem 27.01.2026 in Zahlungsverzug") && text.contains("12,72 €") && text.contains("Mahnverfahren"))
        // The consumer gets 5 points and no lump sum; the first Mahnung after an objection does not claim
        // that the work was never objected to.
        let consumer = try #require(notices.first { $0["invoiceNumber"] as? String == "2026-0004" && $0["step"] as? String == "notice-2" })
        #expect(consumer["lumpSum"] as? String == "0.00")
        let firstToConsumer = try #require(notices.first { $0["invoiceNumber"] as? String == "2026-0004" && $0["step"] as? String == "notice-1" })
        #expect(!(firstToConsumer["body"] as? String ?? "").contains("nicht beanstandet"))
        // It says that the dispute was settled, and does not pretend nothing happened since the inquiry.
        #expect((firstToConsumer["body"] as? String ?? "").contains("am 02.03.2026 geklärt"))
        #expect(!(firstToConsumer["body"] as? String ?? "").contains("noch keine Zahlung"))
        let firstTo0001 = try #require(notices.first { $0["invoiceNumber"] as? String == "2026-0001" && $0["step"] as? String == "notice-1" })
        #expect((firstTo0001["body"] as? String ?? "").contains("nicht beanstandet"))
        // The timeline is the evidence.
        let timeline = try await cli.ok(["customer", "timeline", "2"]).stdout
        #expect(timeline.contains("Objection (invoice 2026-0004)") && timeline.contains("Objection settled (invoice 2026-0004)"))
        #expect(timeline.contains("First reminder sent (invoice 2026-0004)"))
    }

    @Test func emlAndLetterAreReadyToSend() async throws {
        var cli = try CLIRunner()
        cli.today = "2026-01-05"
        try await cli.setUpBusiness()
        try await cli.ok(["invoice", "issue", try await cli.draft()])
        cli.today = "2026-01-26"
        let created = try await cli.json(["remind"]).object()["created"] as? [[String: Any]] ?? []
        let id = "\(try #require(created.first?["id"]))"
        try await cli.ok(["remind", "eml", id])
        let eml = try String(contentsOf: cli.directory.appendingPathComponent("Nachfrage-2026-0001.eml"), encoding: .utf8)
        #expect(eml.contains("X-Unsent: 1") && eml.contains("To: Agentur Blickfang GmbH <jana@blickfang.de>"))
        #expect(eml.contains("filename=\"Nachfrage-2026-0001.pdf\"") && eml.contains("filename=\"Rechnung-2026-0001.pdf\""))
        #expect(eml.contains("Content-Type: multipart/mixed; boundary="))
        try await cli.ok(["remind", "pdf", id])
        #expect(FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent("Nachfrage-2026-0001.pdf").path))
        try await cli.ok(["remind", "skip", id])
        let again = try await cli.run(["remind", "approve", id])
        #expect(again.status != 0 && again.stderr.contains("already skipped"))
        // A skipped step comes back a week later.
        cli.today = "2026-02-01"
        #expect((try await cli.json(["remind"]).object()["created"] as? [Any])?.isEmpty == true)
        cli.today = "2026-02-02"
        #expect((try await cli.json(["remind"]).object()["created"] as? [[String: Any]])?.first?["step"] as? String == "inquiry")
    }

    @Test func templatesCanBeEditedAndPreviewed() async throws {
        var cli = try CLIRunner()
        cli.today = "2026-01-05"
        try await cli.setUpBusiness()
        try await cli.ok(["invoice", "issue", try await cli.draft()])
        let file = cli.directory.appendingPathComponent("t.txt")
        try "Hallo, Rechnung {{invoiceNumber}} über {{openAmount}} ist offen.".write(to: file, atomically: true, encoding: .utf8)
        try await cli.ok(["remind", "template", "edit", "inquiry", "--file", file.path])
        #expect(try await cli.ok(["remind", "template", "show", "inquiry"]).stdout.contains("Hallo, Rechnung {{invoiceNumber}}"))
        try "Kaputt {{#offen}} ohne Ende".write(to: file, atomically: true, encoding: .utf8)
        let broken = try await cli.run(["remind", "template", "edit", "inquiry", "--file", file.path])
        #expect(broken.status != 0 && broken.stderr.contains("syntax error"))
        cli.today = "2026-01-26"
        let created = try await cli.json(["remind"]).object()["created"] as? [[String: Any]] ?? []
        #expect(created.first?["body"] as? String == "Hallo, Rechnung 2026-0001 über 1.190,00 € ist offen.")
    }

    func next(_ day: String) -> String {
        var components = DateComponents()
        let parts = day.split(separator: "-").map { Int($0)! }
        (components.year, components.month, components.day) = (parts[0], parts[1], parts[2] + 1)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let date = calendar.date(from: components)!
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }
}
