import Foundation
import Testing

/// Everything before issue is a draft: quotes, invoice drafts, jobs and inquiries can be corrected through the
/// built binary, and every refusal exits with 1, says what to do, and leaves the book exactly as it was.
struct DraftEditTests {
    /// Runs a command that must be refused: exit code 1, the message on stderr, and an unchanged book.
    func refused(_ cli: CLIRunner, _ arguments: [String], says message: String) async throws {
        let before = try await cli.snapshot()
        let result = try await cli.run(arguments)
        #expect(result.status == 1, "kontor \(arguments.joined(separator: " ")) should fail: \(result.stdout)")
        #expect(result.stderr.contains(message), "stderr was: \(result.stderr)")
        #expect(try await cli.snapshot() == before, "kontor \(arguments.joined(separator: " ")) changed the book")
    }

    func lines(_ object: [String: Any]) -> [[String: Any]] { object["lines"] as? [[String: Any]] ?? [] }

    @Test func quoteFieldsAndLinesCanBeCorrected() async throws {
        let cli = try CLIRunner()
        try await cli.setUpBusiness()
        try await cli.ok(["quote", "add", "--customer", "1", "--title", "Website", "--payment-term", "14"])
        try await cli.ok(["quote", "add-line", "1", "--description", "Startseite", "--price", "300"])
        try await cli.ok(["quote", "add-line", "1", "--description", "Blogtexte", "--quantity", "2000",
                          "--unit", "word", "--price", "0,12"])

        // The wrong price of line 2 is fixed; nothing else of the line changes.
        var quote = try await cli.json(["quote", "edit-line", "1", "2", "--price", "0,13"]).object()
        #expect(lines(quote).map { $0["description"] as? String } == ["Startseite", "Blogtexte"])
        #expect(lines(quote)[1]["quantity"] as? String == "2000" && lines(quote)[1]["unit"] as? String == "word")
        #expect(quote["net"] as? String == "560.00")
        quote = try await cli.json(["quote", "edit-line", "1", "1", "--description", "Startseite und Über uns",
                                    "--vat", "7"]).object()
        #expect(lines(quote)[0]["vatRate"] as? Int == 7 && lines(quote)[0]["unitPrice"] as? String == "300.00")

        // Reorder, then remove.
        quote = try await cli.json(["quote", "move-line", "1", "2", "--to", "1"]).object()
        #expect(lines(quote).map { $0["description"] as? String } == ["Blogtexte", "Startseite und Über uns"])
        quote = try await cli.json(["quote", "remove-line", "1", "1"]).object()
        #expect(lines(quote).map { $0["description"] as? String } == ["Startseite und Über uns"])

        // Fields: only what is given changes.
        quote = try await cli.json(["quote", "edit", "1", "--title", "Website-Texte", "--valid-until", "2026-04-30",
                                    "--revisions", "3"]).object()
        #expect(quote["title"] as? String == "Website-Texte" && quote["validUntil"] as? String == "2026-04-30")
        #expect(quote["paymentTermDays"] as? Int == 14 && quote["includedRevisions"] as? Int == 3)
        let plain = try await cli.ok(["quote", "edit", "1", "--payment-term", "21"]).stdout
        #expect(plain.contains("Payment term 21 days"))
        // A quote that answers no inquiry may go to another customer.
        try await cli.ok(["customer", "add", "--name", "Verlag Süd"])
        #expect(try await cli.json(["quote", "edit", "1", "--customer", "2"]).object()["customerId"] as? Int == 2)

        // Refusals, each leaving everything as it was.
        try await refused(cli, ["quote", "edit", "1", "--valid-until", "2026-03-01"],
                          says: "before the quote's date 2026-03-02")
        try await refused(cli, ["quote", "edit", "1", "--payment-term", "121"], says: "use 0 to 120 days")
        try await refused(cli, ["quote", "edit", "1"], says: "The change is missing. Give it with --title")
        try await refused(cli, ["quote", "edit", "1", "--title", " "], says: "quote title is missing")
        try await refused(cli, ["quote", "edit", "1", "--customer", "9"], says: "no customer '9'")
        try await refused(cli, ["quote", "edit-line", "1", "2", "--price", "1"],
                          says: "there is no line 2; use 1 as")
        try await refused(cli, ["quote", "edit-line", "1", "1"], says: "Give it with --description")
        try await refused(cli, ["quote", "edit-line", "1", "1", "--price", "zwölf"], says: "Unit price: 'zwölf' is not a valid number")
        try await refused(cli, ["quote", "move-line", "1", "1", "--to", "3"], says: "there is no line 3")
        try await refused(cli, ["quote", "remove-line", "7", "1"], says: "no quote '7'")

        // Once accepted, the quote is the agreement: no edits, no delete.
        try await cli.ok(["quote", "accept", "1"])
        try await refused(cli, ["quote", "edit-line", "1", "1", "--price", "280"], says: "already accepted")
        try await refused(cli, ["quote", "edit", "1", "--title", "Neu"], says: "already accepted")
        try await refused(cli, ["quote", "delete", "1"], says: "agreement behind its job")
    }

    @Test func deletingAQuoteGivesItsInquiryBackItsAnsweredState() async throws {
        let cli = try CLIRunner()
        try await cli.setUpBusiness()
        try await cli.ok(["inquiry", "add", "--customer", "1", "--channel", "email", "--subject", "Flyer"])
        try await cli.ok(["quote", "add", "--inquiry", "1", "--title", "Flyer A"])
        try await cli.ok(["quote", "add", "--inquiry", "1", "--title", "Flyer B"])
        #expect(try await cli.json(["inquiry", "show", "1"]).object()["status"] as? String == "quoted")
        try await cli.ok(["customer", "add", "--name", "Verlag Süd"])
        try await refused(cli, ["quote", "edit", "1", "--customer", "2"], says: "Quote 1 was made from inquiry 1 of its customer, so it stays with that customer")

        // Another quote still answers it: the inquiry stays quoted.
        let first = try await cli.json(["quote", "delete", "1"]).object()
        #expect(first["deleted"] as? String == "quote" && first["inquiryReopened"] == nil)
        #expect(try await cli.json(["inquiry", "show", "1"]).object()["status"] as? String == "quoted")
        #expect(try await cli.run(["quote", "show", "1"]).status == 1)

        // The last one goes: the inquiry was answered (by the quote), but no offer stands any more.
        let last = try await cli.ok(["quote", "delete", "2"]).stdout
        #expect(last.contains("Deleted quote 2. Inquiry 1 is answered again"))
        let inquiry = try await cli.json(["inquiry", "show", "1"]).object()
        #expect(inquiry["status"] as? String == "answered" && inquiry["answeredOn"] as? String == "2026-03-02")
        #expect(try await cli.json(["quote", "list"]).array().isEmpty)

        // A declined quote may go; one with an invoice draft only after the draft.
        try await cli.ok(["quote", "add", "--customer", "1", "--title", "Abgelehnt"])
        try await cli.ok(["quote", "decline", "3"])
        try await cli.ok(["quote", "delete", "3"])
        try await cli.ok(["quote", "add", "--customer", "1", "--title", "Mit Entwurf"])
        try await cli.ok(["quote", "add-line", "4", "--description", "Text", "--price", "100"])
        try await cli.ok(["invoice", "draft", "--quote", "4"])
        try await refused(cli, ["quote", "delete", "4"], says: "delete that draft first. Use 'kontor invoice delete 1'")
        try await cli.ok(["invoice", "delete", "1"])
        try await cli.ok(["quote", "delete", "4"])
        try await refused(cli, ["quote", "delete", "4"], says: "no quote '4'")
    }

    @Test func draftsCanBeCorrectedAndDeletedWithoutAGap() async throws {
        let cli = try CLIRunner()
        try await cli.setUpBusiness()
        try await cli.ok(["customer", "add", "--name", "Verlag Süd", "--street", "Isartorplatz 1",
                          "--postal-code", "80331", "--city", "München"])
        let id = try await cli.draft(price: "1000,00")
        try await cli.ok(["invoice", "add-line", id, "--description", "Korrektorat", "--quantity", "2",
                          "--unit", "hour", "--price", "60"])

        var draft = try await cli.json(["invoice", "edit-line", id, "2", "--quantity", "3"]).object()
        #expect(draft["net"] as? String == "1180.00")
        draft = try await cli.json(["invoice", "move-line", id, "2", "--to", "1"]).object()
        #expect(lines(draft).map { $0["description"] as? String } == ["Korrektorat", "Fachartikel"])
        draft = try await cli.json(["invoice", "remove-line", id, "1"]).object()
        #expect(lines(draft).map { $0["description"] as? String } == ["Fachartikel"])
        draft = try await cli.json(["invoice", "edit", id, "--payment-term", "30", "--service-from", "2026-02-01",
                                    "--service-to", "2026-02-20", "--customer", "2"]).object()
        #expect(draft["paymentTermDays"] as? Int == 30 && draft["customerId"] as? Int == 2)
        #expect(draft["serviceFrom"] as? String == "2026-02-01" && draft["serviceTo"] as? String == "2026-02-20")

        try await refused(cli, ["invoice", "edit", id, "--payment-term", "200"], says: "use 0 to 120 days")
        try await refused(cli, ["invoice", "edit", id, "--service-to", "2026-01-01"], says: "it ends before it starts")
        try await refused(cli, ["invoice", "edit", id], says: "Give it with --customer")
        try await refused(cli, ["invoice", "edit-line", id, "4", "--price", "1"], says: "there is no line 4")
        try await refused(cli, ["invoice", "edit-line", id, "1", "--quantity=-1"], says: "must not be negative")

        // A second draft is deleted: it never had a number, so the first issued invoice is 2026-0001.
        let spare = try await cli.draft(price: "50")
        let deleted = try await cli.json(["invoice", "delete", spare]).object()
        #expect(deleted["deleted"] as? String == "invoice draft")
        try await refused(cli, ["invoice", "show", spare], says: "no invoice '\(spare)'")
        let issued = try await cli.json(["invoice", "issue", id]).object()
        #expect(issued["number"] as? String == "2026-0001")

        // Issued means frozen: every change names the cancellation instead.
        for arguments in [
            ["invoice", "edit", "2026-0001", "--payment-term", "7"],
            ["invoice", "edit-line", "2026-0001", "1", "--price", "900"],
            ["invoice", "remove-line", "2026-0001", "1"],
            ["invoice", "move-line", "2026-0001", "1", "--to", "1"],
            ["invoice", "delete", "2026-0001"],
            ["invoice", "delete", id],
        ] {
            try await refused(cli, arguments, says: "kontor invoice cancel 2026-0001")
        }
    }

    @Test func draftFromAJobKeepsItsCustomer() async throws {
        let cli = try CLIRunner()
        try await cli.setUpBusiness()
        try await cli.ok(["customer", "add", "--name", "Zweitkunde"])
        try await cli.ok(["job", "add", "--customer", "1", "--title", "Newsletter"])
        try await cli.ok(["invoice", "draft", "--job", "1"])
        try await refused(cli, ["invoice", "edit", "1", "--customer", "2"], says: "was made from job 1 of its customer")
    }

    @Test func jobEditRecordsAMovedDeadlineInTheTimeline() async throws {
        var cli = try CLIRunner()
        try await cli.setUpBusiness()
        try await cli.ok(["job", "add", "--customer", "1", "--title", "Broschüre", "--deadline", "2026-03-10"])
        cli.today = "2026-03-04"
        var job = try await cli.json(["job", "edit", "1", "--deadline", "2026-03-17", "--effort", "6,5"]).object()
        #expect(job["deadline"] as? String == "2026-03-17" && job["effortHours"] as? String == "6.5")
        job = try await cli.json(["job", "edit", "1", "--title", "Imagebroschüre"]).object()
        #expect(job["title"] as? String == "Imagebroschüre" && job["deadline"] as? String == "2026-03-17")
        // The same deadline again is no change and leaves no trace.
        try await cli.ok(["job", "edit", "1", "--deadline", "2026-03-17"])

        let timeline = try await cli.json(["customer", "timeline", "1"]).array()
        let moves = timeline.filter { $0["kind"] as? String == "deadline-changed" }
        #expect(moves.count == 1)
        #expect(moves.first?["day"] as? String == "2026-03-04")
        #expect(moves.first?["title"] as? String == "Deadline moved from 10 Mar 2026 to 17 Mar 2026")
        #expect(moves.first?["reference"] as? String == "job 1")
        let facts = moves.first?["facts"] as? [String: Any]
        #expect(facts?["previousDay"] as? String == "2026-03-10" && facts?["day"] as? String == "2026-03-17")

        // A job without a deadline gets one: "set", without a previous day.
        try await cli.ok(["job", "add", "--customer", "1", "--title", "Pressetext"])
        try await cli.ok(["job", "edit", "2", "--deadline", "2026-03-20"])
        let titles = try await cli.json(["customer", "timeline", "1"]).array().compactMap { $0["title"] as? String }
        #expect(titles.contains("Deadline set to 20 Mar 2026"))

        try await refused(cli, ["job", "edit", "1"], says: "Give it with --title, --deadline or --effort")
        try await refused(cli, ["job", "edit", "1", "--effort", "0"], says: "greater than zero")
        try await refused(cli, ["job", "edit", "1", "--deadline", "17.03."], says: "YYYY-MM-DD")
        try await refused(cli, ["job", "edit", "1", "--title", ""], says: "job title is missing")
        try await refused(cli, ["job", "edit", "9", "--title", "x"], says: "no job '9'")
        try await cli.ok(["job", "deliver", "1"])
        try await cli.ok(["job", "accept", "1"])
        try await refused(cli, ["job", "edit", "1", "--deadline", "2026-04-01"], says: "can no longer be changed")
    }

    @Test func inquiryEditChangesOnlyWhatIsGiven() async throws {
        let cli = try CLIRunner()
        try await cli.setUpBusiness()
        try await cli.ok(["inquiry", "add", "--customer", "1", "--channel", "email", "--subject", "Flyer",
                          "--note", "per Mail"])
        var inquiry = try await cli.json(["inquiry", "edit", "1", "--subject", "Flyer und Plakat", "--size", "2",
                                          "--unit", "page", "--channel", "phone", "--deadline", "2026-03-20"]).object()
        #expect(inquiry["subject"] as? String == "Flyer und Plakat" && inquiry["channel"] as? String == "phone")
        #expect((inquiry["size"] as? [String: Any])?["unit"] as? String == "page")
        #expect(inquiry["wishedDeadline"] as? String == "2026-03-20" && inquiry["note"] as? String == "per Mail")
        inquiry = try await cli.json(["inquiry", "edit", "1", "--size", "3"]).object()
        #expect((inquiry["size"] as? [String: Any])?["quantity"] as? String == "3")
        #expect((inquiry["size"] as? [String: Any])?["unit"] as? String == "page")
        inquiry = try await cli.json(["inquiry", "edit", "1", "--note", ""]).object()
        #expect(inquiry["note"] == nil)

        try await refused(cli, ["inquiry", "edit", "1"], says: "Give it with --subject")
        try await refused(cli, ["inquiry", "edit", "1", "--channel", "pigeon"], says: "email, phone")
        try await refused(cli, ["inquiry", "edit", "1", "--subject", " "], says: "subject is missing")
        try await cli.ok(["inquiry", "add", "--customer", "1", "--channel", "email", "--subject", "Ohne Umfang"])
        try await refused(cli, ["inquiry", "edit", "2", "--unit", "page"], says: "The size is missing. Give it with --size")
        try await cli.ok(["inquiry", "win", "1"])
        try await refused(cli, ["inquiry", "edit", "1", "--subject", "Neu"], says: "cannot be changed any more")
    }
}
