import Foundation
import Testing

/// End to end through the built binary: the way from first inquiry to regular customer.
struct LifecycleTests {
    @Test func fromInquiryToRegularCustomer() async throws {
        var cli = try CLIRunner()
        try await cli.setUpBusiness()

        // An e-mail from an unknown sender creates a prospect; a caller comes first in the list.
        let mail = try await cli.json(["inquiry", "add", "--name", "Café Süßholz", "--email", "hallo@suessholz.de",
                                       "--channel", "email", "--subject", "Speisekarte und Website", "--size", "1500",
                                       "--unit", "word", "--received", "2026-02-20"]).object()
        _ = try await cli.json(["inquiry", "add", "--customer", "1", "--channel", "phone", "--subject", "Pressetext"])
        let customers = try await cli.json(["customer", "list", "--status", "prospect", "--search", "Süß"]).array()
        #expect(customers.map { $0["name"] as? String } == ["Café Süßholz"])
        let prospectId = try #require(customers.first?["id"] as? Int)
        #expect("\(prospectId)" == "\(mail["customerId"]!)")
        let inquiries = try await cli.json(["inquiry", "list"]).array()
        #expect(inquiries.map { $0["channel"] as? String } == ["phone", "email"])
        #expect(inquiries.last?["daysWaiting"] as? Int == 10)

        // Quote → accept → job.
        try await cli.ok(["customer", "edit", "\(prospectId)", "--street", "Marktplatz 5", "--postal-code", "69117",
                          "--city", "Heidelberg", "--state", "BW"])
        let quote = try await cli.json(["quote", "add", "--inquiry", "\(mail["id"]!)", "--title", "Texte Speisekarte",
                                        "--payment-term", "10", "--revisions", "1"]).object()
        let quoteId = "\(quote["id"]!)"
        try await cli.ok(["quote", "add-line", quoteId, "--description", "Texte Speisekarte", "--quantity", "1500",
                          "--unit", "word", "--price", "0,12"])
        try await cli.ok(["quote", "add-line", quoteId, "--description", "Nutzungsrechte Print", "--price", "200",
                          "--vat", "7"])
        let shown = try await cli.json(["quote", "show", quoteId]).object()
        #expect(shown["net"] as? String == "380.00" && shown["gross"] as? String == "428.20")
        cli.today = "2026-03-01"
        let job = try await cli.json(["quote", "accept", quoteId, "--deadline", "2026-03-10", "--effort", "6"]).object()
        let jobId = "\(job["id"]!)"
        #expect(try await cli.json(["inquiry", "show", "\(mail["id"]!)"]).object()["status"] as? String == "won")
        try await cli.ok(["job", "start", jobId])
        try await cli.ok(["job", "deliver", jobId])
        try await cli.ok(["job", "revise", jobId, "--note", "Bitte kürzer", "--kind", "critique"])
        try await cli.ok(["job", "deliver", jobId])
        let revised = try await cli.json(["job", "revise", jobId, "--note", "Noch eine Runde"]).object()
        #expect((revised["revisions"] as? [Any])?.count == 2)
        try await cli.ok(["job", "deliver", jobId])
        try await cli.ok(["job", "accept", jobId])

        // Draft from the job, issue: number, dates, totals.
        cli.today = "2026-03-02"
        let draft = try await cli.json(["invoice", "draft", "--job", jobId]).object()
        #expect(draft["status"] as? String == "draft" && draft["number"] == nil)
        let invoice = try await cli.json(["invoice", "issue", "\(draft["id"]!)"]).object()
        #expect(invoice["number"] as? String == "2026-0001")
        #expect(invoice["status"] as? String == "issued")
        #expect(invoice["customerId"] as? Int == prospectId)
        #expect(invoice["issueDate"] as? String == "2026-03-02")
        #expect(invoice["dueDate"] as? String == "2026-03-12")  // the quote's 10 days
        #expect(invoice["serviceFrom"] as? String == "2026-03-01")  // delivered
        #expect(invoice["net"] as? String == "380.00")
        #expect(invoice["vat"] as? String == "48.20")
        #expect(invoice["gross"] as? String == "428.20")
        #expect(invoice["openAmount"] as? String == "428.20")
        let status = try await cli.json(["customer", "show", "\(prospectId)"]).object()["status"] as? String
        #expect(status == "new")

        // Partial, then full payment: regular customer.
        let partial = try await cli.json(["payment", "add", "2026-0001", "--amount", "200,00", "--date", "2026-03-05"])
            .object()
        #expect(partial["invoiceStatus"] as? String == "partially-paid" && partial["openAmount"] as? String == "228.20")
        let full = try await cli.json(["payment", "add", "2026-0001", "--amount", "228.20"]).object()
        #expect(full["invoiceStatus"] as? String == "paid" && full["customerBecameRegular"] as? Bool == true)
        let regulars = try await cli.json(["customer", "list", "--status", "regular"]).array()
        #expect(regulars.map { $0["id"] as? Int } == [prospectId])
        #expect(try await cli.json(["invoice", "list", "--status", "paid"]).array().count == 1)

        // The timeline tells the whole story in date order.
        let timeline = try await cli.json(["customer", "timeline", "\(prospectId)"]).array()
        let kinds = timeline.map { $0["kind"] as? String ?? "" }
        for kind in ["inquiry", "quote", "job", "revision", "job-accepted", "invoice", "payment"] {
            #expect(kinds.contains(kind), "timeline lacks \(kind)")
        }
        let days = timeline.compactMap { $0["day"] as? String }
        #expect(days == days.sorted())
        try await cli.ok(["note", "\(prospectId)", "Zahlt zuverlässig, gerne wieder."])
        let text = try await cli.ok(["customer", "timeline", "\(prospectId)"]).stdout
        #expect(text.contains("Zahlt zuverlässig") && text.contains("Invoice 2026-0001 issued"))
    }

    @Test func cancellationAndFiltersAsOfADay() async throws {
        var cli = try CLIRunner()
        try await cli.setUpBusiness()
        for _ in 0..<3 { try await cli.ok(["invoice", "issue", try await cli.draft()]) }
        let cancel = try await cli.json(["invoice", "cancel", "2026-0002"]).object()
        #expect(cancel["number"] as? String == "2026-0004" && cancel["kind"] as? String == "cancellation")
        #expect(cancel["gross"] as? String == "-1190.00" && cancel["cancelsNumber"] as? String == "2026-0002")
        #expect(try await cli.json(["invoice", "list", "--status", "cancelled"]).array().map { $0["number"] as? String }
                == ["2026-0002"])
        // Due 2026-03-16: not overdue on the 16th, overdue on the 17th (also via $KONTOR_TODAY).
        #expect(try await cli.json(["invoice", "list", "--overdue", "--today", "2026-03-16"]).array().isEmpty)
        let overdue = try await cli.json(["invoice", "list", "--overdue", "--today", "2026-03-17"]).array()
        #expect(overdue.map { $0["number"] as? String } == ["2026-0003", "2026-0001"])
        #expect(overdue.first?["daysOverdue"] as? Int == 1)
        cli.today = "2026-04-01"
        let morning = try await cli.json(["today"]).object()
        #expect((morning["invoicesOverdue"] as? [[String: Any]])?.count == 2)
        let text = try await cli.ok(["today"]).stdout
        #expect(text.contains("2026-0001") && text.contains("€1,190.00") && text.contains("16 d overdue"))
    }

    @Test func loyaltyDiscountIsItsOwnLineAfterThreePaidInvoices() async throws {
        let cli = try CLIRunner()
        try await cli.setUpBusiness()
        for index in 1...3 {
            try await cli.ok(["invoice", "issue", try await cli.draft()])
            try await cli.ok(["payment", "add", "2026-000\(index)", "--amount", "1.190,00"])
        }
        let invoice = try await cli.json(["invoice", "issue", try await cli.draft()]).object()
        let lines = try #require(invoice["lines"] as? [[String: Any]])
        #expect(lines.count == 2 && lines[1]["isDiscount"] as? Bool == true && lines[1]["net"] as? String == "-30.00")
        #expect(invoice["loyaltyPercent"] as? Int == 3 && invoice["gross"] as? String == "1154.30")
        let unDiscounted = try await cli.json(["invoice", "draft", "--customer", "1", "--no-discount"]).object()
        #expect(unDiscounted["loyaltyPercent"] as? Int == 0)
        try await cli.ok(["profile", "set", "--loyalty", "1:7"])
        #expect(try await cli.json(["invoice", "draft", "--customer", "1"]).object()["loyaltyPercent"] as? Int == 7)
    }

    @Test func demoFillsAnEmptyBookOnce() async throws {
        var cli = try CLIRunner()
        cli.today = "2026-11-26"
        let summary = try await cli.json(["demo"]).object()
        #expect((summary["customers"] as? Int ?? 0) >= 20 && (summary["invoices"] as? Int ?? 0) >= 20)
        let morning = try await cli.json(["today"]).object()
        #expect((morning["inquiries"] as? [Any])?.isEmpty == false)
        #expect((morning["invoicesOverdue"] as? [Any])?.isEmpty == false)
        #expect((morning["jobs"] as? [Any])?.isEmpty == false)
        #expect(try await cli.json(["customer", "list", "--status", "regular"]).array().count >= 5)
        let again = try await cli.run(["demo"])
        #expect(again.status != 0 && again.stderr.contains("only fills an empty one"))
    }

    @Test func defaultDatabaseLivesInTheUserDataFolder() async throws {
        let cli = try CLIRunner()
        let home = cli.directory.appendingPathComponent("home").path
        let environment = ["HOME": home, "XDG_DATA_HOME": "\(home)/.local/share"]
        let result = try await cli.run(["init", "--name", "Lena"], environment: environment, useDatabase: false)
        try #require(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: "\(home)/.local/share/kontor/kontor.sqlite"))
        let viaEnv = try await cli.run(["profile", "show", "--json"], environment: ["KONTOR_DB": cli.database], useDatabase: false)
        #expect(viaEnv.status != 0 && viaEnv.stderr.contains("kontor init"))
    }
}
