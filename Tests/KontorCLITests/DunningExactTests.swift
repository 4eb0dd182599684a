import Foundation
import Testing

/// Issue 13 items 5, 6, 7, 8 and 10, reproduced from the CLI: 1.190,00 € issued Mon 2026-01-05, due Mon 2026-01-19
/// (Köln), inquiry sent 2026-01-26 (default from 27.01., § 286 Abs. 1 BGB), 1. Mahnung 2026-02-09, 2. Mahnung
/// 2026-03-05, hand-over 2026-03-26. Base rate 1,27 % (LAW.md 3.3).
struct DunningExactTests {
    /// Walks the ladder to `last`, approving every draft on its day (e-mail unless `post` names the day).
    func walk(_ cli: inout CLIRunner, through last: String, events: [String: [[String]]] = [:],
              post: Set<String> = []) async throws -> [[String: Any]] {
        var approved: [[String: Any]] = []
        for day in ["2026-01-26", "2026-02-09", "2026-02-20", "2026-03-05", "2026-03-10", "2026-03-26"] where day <= last {
            cli.today = day
            for command in events[day] ?? [] { try await cli.ok(command) }
            for letter in try await cli.json(["remind"]).object()["created"] as? [[String: Any]] ?? [] {
                let by = post.contains(day) ? ["--by", "post"] : []
                approved.append(try await cli.json(["remind", "approve", "\(letter["id"]!)"] + by).object())
            }
        }
        return approved
    }

    /// § 288 Abs. 1, 5 BGB from the invoice's snapshot (item 8); § 288 Abs. 5 Satz 3 BGB and LAW.md 3.5 for the
    /// costs (item 5); § 286 Abs. 1 BGB for the inquiry's pay-by date (item 10).
    @Test func aConsumerInvoiceStaysAConsumerClaimAfterTheCustomerBecameABusiness() async throws {
        var cli = try CLIRunner()
        cli.today = "2026-01-05"
        try await cli.setUpBusiness()
        try await cli.ok(["profile", "set", "--dunning", "costs=1.50"])
        try await cli.ok(["customer", "add", "--name", "Jonas Krume", "--kind", "consumer", "--street", "Am Anger 15",
                          "--postal-code", "50667", "--city", "Köln", "--state", "NW", "--email", "jonas@krume.de"])
        let draft = try await cli.json(["invoice", "draft", "--customer", "2"]).object()
        try await cli.ok(["invoice", "add-line", "\(draft["id"]!)", "--description", "Texte", "--price", "1000"])
        try await cli.ok(["invoice", "issue", "\(draft["id"]!)"])
        let letters = try await walk(&cli, through: "2026-03-05", events: [
            "2026-02-20": [["customer", "edit", "2", "--kind", "business"]],
        ], post: ["2026-03-05"])
        // The inquiry asks for payment by a concrete day: 26.01. + 7 = Mon 02.02.2026.
        let inquiry = try #require(letters.first { $0["step"] as? String == "inquiry" })
        #expect((inquiry["body"] as? String ?? "").contains("bis zum 02.02.2026 auf das unten genannte Konto"))
        let second = try #require(letters.first { $0["step"] as? String == "notice-2" })
        // 38 days (27.01.–05.03.) × 1.190,00 × 6,27 % / 365 = 7,7679 → 7,77 € (not 12,72 € at 9 points), no 40 €;
        // the letter went by post, so the 1,50 € postage is claimed: 1.190,00 + 7,77 + 1,50 = 1.199,27 €.
        #expect(second["interest"] as? String == "7.77" && second["lumpSum"] as? String == "0.00")
        #expect(second["costs"] as? String == "1.50" && second["claimTotal"] as? String == "1199.27")
        let body = second["body"] as? String ?? ""
        #expect(body.contains("5 Prozentpunkte über dem Basiszinssatz") && !body.contains("Verzugspauschale"))
    }

    /// A business pays the 40 € and no postage beside it (§ 288 Abs. 5 Satz 3 BGB), whatever the way (item 5);
    /// a partial payment after the 1. Mahnung is stated with its § 367 allocation (item 6); after the next
    /// payment the hand-over splits the interest at it (item 7).
    @Test func partialPaymentsAreStatedAllocatedAndSplitInTheHandOver() async throws {
        var cli = try CLIRunner()
        cli.today = "2026-01-05"
        try await cli.setUpBusiness()
        try await cli.ok(["profile", "set", "--dunning", "costs=1.50"])
        try await cli.ok(["invoice", "issue", try await cli.draft()])
        let letters = try await walk(&cli, through: "2026-03-26", events: [
            "2026-02-20": [["payment", "add", "2026-0001", "--amount", "500"]],
            "2026-03-10": [["payment", "add", "2026-0001", "--amount", "500"]],
        ], post: ["2026-03-05"])
        let second = try #require(letters.first { $0["step"] as? String == "notice-2" })
        let body = second["body"] as? String ?? ""
        #expect(!body.contains("keine Zahlung eingegangen"))
        #expect(body.contains("Am 20.02.2026 sind 500,00 € eingegangen"))
        #expect(body.contains("vollständig auf die Rechnung angerechnet"))
        // 1.190,00 × 10,27 % × 25 d / 365 = 8,37075 (27.01.–20.02.) + 690,00 × 10,27 % × 13 d / 365 = 2,52389
        // (21.02.–05.03.) = 10,89464 → 10,89 €; by post, but the 1,50 € are set off against the 40 €.
        #expect(second["openAmount"] as? String == "690.00" && second["interest"] as? String == "10.89")
        #expect(second["lumpSum"] as? String == "40.00" && second["costs"] as? String == "0.00")
        #expect(second["claimTotal"] as? String == "740.89")
        // One builder: the preview of that day says word for word what the letter said (issue 13 item 8).
        cli.today = "2026-03-05"
        let preview = try await cli.json(["remind", "template", "preview", "notice-2", "--invoice", "2026-0001"])
            .object()
        #expect(preview["body"] as? String == body)
        cli.today = "2026-03-26"
        // 500,00 € on 10.03.: § 367 BGB books 40,00 lump sum, 10,89 interest, 449,11 principal → 240,89 € open.
        // Hand-over on 26.03.: 8,37075 + 690,00 × 10,27 % × 18 d / 365 = 3,49461 (21.02.–10.03.) + 240,89 × 10,27 %
        // × 16 d / 365 = 1,08447 (11.03.–26.03.) = 12,94983 → 12,95 − 10,89 paid = 2,06 €; total 242,95 €.
        let handover = try #require(letters.first { $0["step"] as? String == "handover" })
        #expect(handover["openAmount"] as? String == "240.89" && handover["interest"] as? String == "2.06")
        #expect(handover["lumpSum"] as? String == "0.00" && handover["claimTotal"] as? String == "242.95")
        try await cli.ok(["remind", "pdf", "\(handover["id"]!)"])
        #expect(FileManager.default.fileExists(
            atPath: cli.directory.appendingPathComponent("Dossier-Mahnantrag-2026-0001.pdf").path))
    }

    /// LAW.md 3.4: no statute fixes the day count or whether the payment day counts, so both are settings
    /// (issue 13 item 15), with the practice guide's act/365-366 and "payment day counts" as defaults.
    @Test func dayCountAndPaymentDayAreSetFromTheCLI() async throws {
        var cli = try CLIRunner()
        cli.today = "2026-01-05"
        try await cli.setUpBusiness()
        #expect(try await cli.ok(["profile", "show"]).stdout.contains("interest days act/365-366, payment day counted"))
        try await cli.ok(["profile", "set", "--dunning", "day-count=30E/360,settled=21"])
        #expect(try await cli.ok(["profile", "show"]).stdout.contains("after a settled objection 21 d; interest days 30E/360"))
        let wrong = try await cli.run(["profile", "set", "--dunning", "day-count=365"])
        #expect(wrong.status != 0 && wrong.stderr.contains("act/365-366"))
        try await cli.ok(["invoice", "issue", try await cli.draft()])
        let letters = try await walk(&cli, through: "2026-03-05")
        // 30E/360 from 27.01. to 05.03.: (3·30 + 5) − (1·30 + 26) = 39 days; 1.190,00 × 10,27 % × 39 / 360
        // = 13,2398 → 13,24 € (act/365: 12,72 €).
        let second = try #require(letters.first { $0["step"] as? String == "notice-2" })
        #expect(second["interest"] as? String == "13.24")
    }
}
