import Foundation
import Testing

/// Issue 12 through the built binary: `kontor today` lists every section Heute shows, overdue counts from the
/// § 193 BGB last day to pay, jobs take their effort from the quote, revision rounds hold several notes and the
/// extra ones reach the invoice draft.
struct DailyUseCLITests {
    /// A statement with one credit nobody can match (it waits for review).
    static func unmatchedStatement(in cli: CLIRunner) async throws -> String {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
            <GrpHdr><MsgId>MSG-1</MsgId><CreDtTm>2026-03-02T08:00:00</CreDtTm></GrpHdr>
            <Stmt><Id>STMT-1</Id><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>
            <Ntry><Amt Ccy="EUR">47.11</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
            <BookgDt><Dt>2026-03-02</Dt></BookgDt><ValDt><Dt>2026-03-02</Dt></ValDt><AcctSvcrRef>B</AcctSvcrRef>
            <NtryDtls><TxDtls><RltdPties><Dbtr><Pty><Nm>Finanzamt Köln</Nm></Pty></Dbtr></RltdPties>
            <RmtInf><Ustrd>Erstattung</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
            </Stmt></BkToCstmrStmt></Document>
            """
        let path = cli.directory.appendingPathComponent("auszug.xml").path
        try xml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A book with something in every section of the morning list on 2026-03-02.
    static func busyBook() async throws -> CLIRunner {
        var cli = try CLIRunner()
        try await cli.setUpBusiness()
        try await cli.ok(["inquiry", "add", "--customer", "1", "--channel", "phone", "--subject", "Pressetext Messe"])
        try await cli.ok(["job", "add", "--customer", "1", "--title", "Broschüre Herbst", "--deadline", "2026-03-05"])
        // 2026-0001 is due 2026-01-19; on 2026-02-02 the reminder run drafts its friendly inquiry.
        cli.today = "2026-01-05"
        try await cli.ok(["invoice", "issue", try await cli.draft()])
        cli.today = "2026-02-02"
        try await cli.ok(["remind"])
        // 2026-0002 is due 2026-02-16: its inquiry is due from 2026-02-23 but not drafted yet.
        try await cli.ok(["invoice", "issue", try await cli.draft(price: "300,00")])
        // 2026-0003 is due 2026-03-06: due soon.
        cli.today = "2026-02-20"
        try await cli.ok(["invoice", "issue", try await cli.draft(price: "200,00")])
        cli.today = "2026-03-02"
        try await cli.ok(["import", try await unmatchedStatement(in: cli)])
        return cli
    }

    @Test func todayListsEverySectionInHeutesOrder() async throws {
        let cli = try await Self.busyBook()
        let list = try await cli.json(["today"]).object()
        #expect(list["sections"] as? [String] == [
            "mailProblems", "inquiries", "jobs", "reminderDrafts", "dunningStepsDue", "bankEntriesToReview", "invoicesOverdue",
            "invoicesDueSoon",
        ])
        func items(_ key: String) -> [[String: Any]] { list[key] as? [[String: Any]] ?? [] }
        #expect(items("inquiries").compactMap { ($0["inquiry"] as? [String: Any])?["subject"] as? String }
            == ["Pressetext Messe"])
        #expect(items("jobs").compactMap { ($0["job"] as? [String: Any])?["title"] as? String } == ["Broschüre Herbst"])
        #expect(items("reminderDrafts").map { $0["invoiceNumber"] as? String } == ["2026-0001"])
        #expect(items("reminderDrafts").map { $0["step"] as? String } == ["inquiry"])
        #expect(items("dunningStepsDue").map { $0["invoiceNumber"] as? String } == ["2026-0002"])
        #expect(items("dunningStepsDue").map { $0["dueOn"] as? String } == ["2026-02-23"])
        #expect(items("bankEntriesToReview").map { $0["counterpartyName"] as? String } == ["Finanzamt Köln"])
        #expect(items("invoicesOverdue").map { $0["number"] as? String } == ["2026-0001", "2026-0002"])
        #expect(items("invoicesDueSoon").map { $0["number"] as? String } == ["2026-0003"])

        // The text names the same items under headings in the same order.
        let text = try await cli.ok(["today"]).stdout
        let headings = [
            "Inquiries waiting", "Jobs due", "Reminder drafts", "Dunning steps due", "Bank entries to review",
            "Overdue invoices", "Invoices due soon",
        ]
        let positions = try headings.map { heading in
            try #require(text.range(of: heading), "no '\(heading)' in:\n\(text)").lowerBound
        }
        #expect(positions == positions.sorted())
        for item in ["Pressetext Messe", "Broschüre Herbst", "2026-0001", "2026-0002", "2026-0003", "Finanzamt Köln"] {
            #expect(text.contains(item))
        }

        // Approving the draft and running the reminders empties both dunning sections.
        let draftId = try #require(items("reminderDrafts").first?["letterId"] as? Int)
        try await cli.ok(["remind", "approve", "\(draftId)"])
        try await cli.ok(["remind"])
        let after = try await cli.json(["today"]).object()
        #expect((after["reminderDrafts"] as? [Any])?.count == 1)
        #expect((after["dunningStepsDue"] as? [Any])?.isEmpty == true)
    }

    @Test func anInvoiceDueOnGoodFridayIsNotOverdueOnEasterMonday() async throws {
        var cli = try CLIRunner()
        try await cli.setUpBusiness()
        cli.today = "2026-03-20"
        try await cli.ok(["invoice", "issue", try await cli.draft()])
        #expect(try await cli.json(["invoice", "show", "2026-0001"]).object()["dueDate"] as? String == "2026-04-03")

        cli.today = "2026-04-06"
        let monday = try await cli.json(["today"]).object()
        #expect((monday["invoicesOverdue"] as? [Any])?.isEmpty == true)
        let soon = try #require((monday["invoicesDueSoon"] as? [[String: Any]])?.first)
        #expect(soon["lastDayToPay"] as? String == "2026-04-07")
        #expect(try await cli.json(["invoice", "list", "--overdue"]).array().isEmpty)
        #expect(try await cli.json(["invoice", "show", "2026-0001"]).object()["overdue"] as? Bool == false)
        #expect(try await cli.ok(["today"]).stdout.contains("payable until"))

        cli.today = "2026-04-07"
        #expect(try await cli.json(["invoice", "list", "--overdue"]).array().isEmpty)

        cli.today = "2026-04-08"
        let wednesday = try await cli.json(["today"]).object()
        let overdue = try #require((wednesday["invoicesOverdue"] as? [[String: Any]])?.first)
        #expect(overdue["daysOverdue"] as? Int == 1)
        #expect(try await cli.json(["invoice", "list", "--overdue"]).array().count == 1)
        #expect(try await cli.json(["invoice", "show", "2026-0001"]).object()["daysOverdue"] as? Int == 1)
    }

    @Test func aJobTakesItsEffortFromTheQuote() async throws {
        let cli = try CLIRunner()
        try await cli.setUpBusiness()
        // 2,000 words at the default pace of 400 per hour: 5 hours.
        let words = try await cli.json(["quote", "add", "--customer", "1", "--title", "Ratgeber"]).object()
        try await cli.ok(["quote", "add-line", "\(words["id"]!)", "--description", "Ratgeber", "--quantity", "2000",
                          "--unit", "word", "--price", "0,12"])
        let fromWords = try await cli.json(["quote", "accept", "\(words["id"]!)"]).object()
        #expect(fromWords["effortHours"] as? String == "5")

        // A flat quote answering an inquiry of 12 pages: the inquiry's size at 1.5 pages per hour.
        let inquiry = try await cli.json(["inquiry", "add", "--customer", "1", "--channel", "email",
                                          "--subject", "Broschüre", "--size", "12", "--unit", "page"]).object()
        let flat = try await cli.json(["quote", "add", "--inquiry", "\(inquiry["id"]!)", "--title", "Broschüre"])
            .object()
        try await cli.ok(["quote", "add-line", "\(flat["id"]!)", "--description", "Broschüre", "--price", "900"])
        #expect(try await cli.json(["quote", "accept", "\(flat["id"]!)"]).object()["effortHours"] as? String == "8")

        // Hours billed win, and --effort still overrides.
        let hours = try await cli.json(["quote", "add", "--customer", "1", "--title", "Workshop"]).object()
        try await cli.ok(["quote", "add-line", "\(hours["id"]!)", "--description", "Workshop", "--quantity", "3",
                          "--unit", "hour", "--price", "85"])
        #expect(try await cli.json(["quote", "accept", "\(hours["id"]!)"]).object()["effortHours"] as? String == "3")
        let told = try await cli.json(["quote", "add", "--customer", "1", "--title", "Interview"]).object()
        try await cli.ok(["quote", "add-line", "\(told["id"]!)", "--description", "Interview", "--price", "400"])
        #expect(try await cli.json(["quote", "accept", "\(told["id"]!)", "--effort", "2,5"]).object()["effortHours"]
            as? String == "2.5")
    }

    @Test func aRoundHoldsSeveralNotesAndExtraRoundsReachTheDraft() async throws {
        let cli = try CLIRunner()
        try await cli.setUpBusiness()
        let job = try await cli.json(["job", "add", "--customer", "1", "--title", "Imagetext", "--revisions", "1"])
            .object()
        let id = "\(job["id"]!)"
        try await cli.ok(["job", "deliver", id])
        let round = try await cli.json(["job", "revise", id, "--critique", "Zu förmlich", "--change", "Kürzer",
                                        "--change", "Neuer Titel"]).object()
        let rounds = try #require(round["revisions"] as? [[String: Any]])
        #expect(rounds.count == 1)
        let notes = try #require(rounds[0]["notes"] as? [[String: Any]])
        #expect(notes.map { $0["kind"] as? String } == ["critique", "change", "change"])
        #expect(notes.map { $0["text"] as? String } == ["Zu förmlich", "Kürzer", "Neuer Titel"])
        try await cli.ok(["job", "deliver", id])
        // The older form still works.
        try await cli.ok(["job", "revise", id, "--kind", "critique", "--note", "Noch zu lang"])
        try await cli.ok(["job", "deliver", id])
        try await cli.ok(["job", "revise", id, "--change", "Bild tauschen"])
        try await cli.ok(["job", "deliver", id])
        let shown = try await cli.ok(["job", "show", id]).stdout
        #expect(shown.contains("Revision rounds: 3 of 1 included, 2 billable"))
        #expect(shown.contains("Critique: Zu förmlich") && shown.contains("Change request: Neuer Titel"))
        #expect(try await cli.run(["job", "revise", id]).status != 0)

        // Without a revision price the line comes at 0 and the message asks for one.
        let asked = try await cli.ok(["invoice", "draft", "--job", id]).stdout
        #expect(asked.contains("Added 2 revision rounds beyond the included ones at €0.00"))
        #expect(asked.contains("revision=…"))
        try await cli.ok(["profile", "set", "--rates", "revision=60"])
        #expect(try await cli.ok(["profile", "show"]).stdout.contains("per extra revision round"))
        let priced = try await cli.json(["invoice", "draft", "--job", id]).object()
        let lines = try #require(priced["lines"] as? [[String: Any]])
        #expect(lines.count == 1)
        #expect(lines.first?["quantity"] as? String == "2" && lines.first?["net"] as? String == "120.00")
        #expect(try await cli.ok(["invoice", "draft", "--job", id]).stdout.contains("at €60.00 each"))
    }

    @Test func anEmptyDraftDoesNotClaimADiscount() async throws {
        let cli = try CLIRunner()
        try await cli.setUpBusiness()
        // Three paid invoices earn the 3 % loyalty discount.
        for _ in 1...3 {
            let issued = try await cli.json(["invoice", "issue", try await cli.draft(price: "100,00")]).object()
            try await cli.ok(["payment", "add", try #require(issued["number"] as? String), "--amount", "119,00"])
        }
        let empty = try await cli.ok(["invoice", "draft", "--customer", "1"]).stdout
        #expect(empty.contains("Created invoice draft") && !empty.contains("discount"))
        let job = try await cli.json(["job", "add", "--customer", "1", "--title", "Text"]).object()
        let fromJob = try await cli.ok(["invoice", "draft", "--job", "\(job["id"]!)"]).stdout
        #expect(!fromJob.contains("discount"))
        let quote = try await cli.json(["quote", "add", "--customer", "1", "--title", "Artikel"]).object()
        try await cli.ok(["quote", "add-line", "\(quote["id"]!)", "--description", "Artikel", "--price", "500"])
        let withLines = try await cli.ok(["invoice", "draft", "--quote", "\(quote["id"]!)"]).stdout
        #expect(withLines.contains("with 3 % loyalty discount"))
    }
}
