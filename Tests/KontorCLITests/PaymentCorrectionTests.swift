import Foundation
import KontorApp
import KontorCore
import Testing

/// Issue 12 through the built binary: German amounts read right, payments reversible and never deleted,
/// overpayments only when confirmed, credit applied or refunded, and a Mahnung's interest and lump sum as
/// receivables that a payment of the whole claim closes.
struct PaymentCorrectionTests {
    /// The defect seen: `--price 1.500` stored 1,50 € while `payment add --amount 1.500` refused it.
    @Test func aGermanThousandIsOneThousandEverywhere() async throws {
        let cli = try CLIRunner()
        try await cli.setUpBusiness()
        let quote = try await cli.json(["quote", "add", "--customer", "1", "--title", "Pauschale"]).object()
        let shown = try await cli.json(["quote", "add-line", "\(quote["id"]!)", "--description", "Pauschale", "--price", "1.500"])
            .object()
        #expect(shown["net"] as? String == "1500.00")
        let id = try await cli.draft(price: "1.500")
        try await cli.ok(["invoice", "issue", id])
        let paid = try await cli.json(["payment", "add", "2026-0001", "--amount", "1.785,00"]).object()
        #expect(paid["invoiceStatus"] as? String == "paid")

        let before = try await cli.snapshot()
        let refused = try await cli.run(["payment", "add", "2026-0001", "--amount", "1.5.0"])
        #expect(refused.status == 1 && refused.stderr.contains("1.500,00"), "\(refused.stderr)")
        #expect(try await cli.snapshot() == before)
    }

    @Test func overpaymentOnlyWhenConfirmedAndTheCreditCanBeAppliedOrRefunded() async throws {
        let cli = try CLIRunner()
        try await cli.setUpBusiness()
        for price in ["1000,00", "500,00"] { try await cli.ok(["invoice", "issue", try await cli.draft(price: price)]) }
        try await cli.ok(["payment", "add", "2026-0001", "--amount", "1.190,00"])

        // The defect seen: a second payment on a paid invoice became a silent, permanent credit.
        let before = try await cli.snapshot()
        let refused = try await cli.run(["payment", "add", "2026-0001", "--amount", "1.234,56"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("--confirm-overpayment"), "\(refused.stderr)")
        #expect(try await cli.snapshot() == before)
        let tooMuch = try await cli.run(["payment", "add", "2026-0002", "--amount", "600"])
        #expect(tooMuch.status == 1 && tooMuch.stderr.contains("595.00 open"), "\(tooMuch.stderr)")

        let noCredit = try await cli.run(["payment", "apply-credit", "1", "2026-0002"])
        #expect(noCredit.status == 1 && noCredit.stderr.contains("credit"), "\(noCredit.stderr)")
        #expect(try await cli.snapshot() == before)

        try await cli.ok(["payment", "add", "2026-0001", "--amount", "1.234,56", "--confirm-overpayment"])
        let credit = try await cli.json(["payment", "credit", "1"]).object()
        #expect(credit["total"] as? String == "1234.56")
        #expect(try await cli.ok(["customer", "show", "1"]).stdout.contains("credit: €1,234.56"))

        // Apply what fits to the open invoice, refund the rest: no credit is left, nothing was deleted.
        let applied = try await cli.json(["payment", "apply-credit", "1", "2026-0002"]).object()
        #expect(applied["payment"].flatMap { ($0 as? [String: Any])?["amount"] as? String } == "595.00")
        let invoice = try await cli.json(["invoice", "show", "2026-0002"]).object()
        #expect(invoice["status"] as? String == "paid")
        #expect(try await cli.json(["payment", "credit", "1"]).object()["total"] as? String == "639.56")
        try await cli.ok(["payment", "refund", "1", "--note", "Überweisung zurück"])
        #expect(try await cli.json(["payment", "credit", "1"]).object()["total"] as? String == "0.00")
        let kinds = try await cli.json(["payment", "list"]).array().map { $0["kind"] as? String ?? "" }
        #expect(kinds == ["received", "received", "credit-out", "credit-in", "refund"])
        let refundTooMuch = try await cli.run(["payment", "refund", "1", "--amount", "1"])
        #expect(refundTooMuch.status == 1)
    }

    @Test func aReversalTakesAPaymentBackWithATrace() async throws {
        var cli = try CLIRunner()
        try await cli.setUpBusiness()
        try await cli.ok(["invoice", "issue", try await cli.draft()])
        let paid = try await cli.json(["payment", "add", "2026-0001", "--amount", "1190"]).object()
        #expect(paid["customerBecameRegular"] as? Bool == true)
        let paymentId = "\(paid["id"]!)"

        // Refusals change nothing: no reason, an unknown payment.
        let before = try await cli.snapshot()
        #expect(try await cli.run(["payment", "reverse", paymentId, "--reason", " "]).status == 1)
        #expect(try await cli.run(["payment", "reverse", "99", "--reason", "x"]).status == 1)
        #expect(try await cli.snapshot() == before)

        cli.today = "2026-03-09"
        let reversed = try await cli.json(["payment", "reverse", paymentId, "--reason", "Rücklastschrift"]).object()
        #expect(reversed["invoiceStatus"] as? String == "issued" && reversed["openAmount"] as? String == "1190.00")
        #expect(reversed["customerStatus"] as? String == "new" && reversed["kind"] as? String == "reversal")
        let payments = try await cli.json(["payment", "list"]).array()
        #expect(payments.map { $0["amount"] as? String } == ["1190.00", "-1190.00"])
        #expect(payments.last?["kind"] as? String == "reversal")
        #expect(try await cli.json(["invoice", "show", "2026-0001"]).object()["openAmount"] as? String == "1190.00")
        #expect(try await cli.json(["customer", "show", "1"]).object()["status"] as? String == "new")

        // Once only; a counter-entry cannot itself be reversed.
        let twice = try await cli.run(["payment", "reverse", paymentId, "--reason", "nochmal"])
        #expect(twice.status == 1 && twice.stderr.contains("already reversed"), "\(twice.stderr)")
        let ofReversal = try await cli.run(["payment", "reverse", "\(payments.last!["id"]!)", "--reason", "x"])
        #expect(ofReversal.status == 1)

        let timeline = try await cli.ok(["customer", "timeline", "1"]).stdout
        #expect(timeline.contains("reversed") && timeline.contains("Rücklastschrift"), "\(timeline)")
        #expect(timeline.contains("Became a regular customer") && timeline.contains("New customer again"), "\(timeline)")
    }

    @Test func aCustomerWarnedWithAMahnungDoesNotBecomeRegularByPaying() async throws {
        var cli = try CLIRunner()
        cli.today = "2026-01-05"
        try await cli.setUpBusiness()
        try await cli.ok(["invoice", "issue", try await cli.draft()])
        try await walkReminders(&cli, from: "2026-01-06", until: "notice-1")
        let paid = try await cli.json(["payment", "add", "2026-0001", "--amount", "1190"]).object()
        #expect(paid["invoiceStatus"] as? String == "paid")
        #expect(paid["customerBecameRegular"] as? Bool == false)
        #expect(try await cli.json(["customer", "show", "1"]).object()["status"] as? String != "regular")
    }

    /// The scripted case of issue 12: a 2. Mahnung to a business customer claims principal, default interest
    /// and the 40 € lump sum; the bank statement pays exactly that; the import closes everything.
    @Test func aStatementPayingTheWholeClaimOfASecondNoticeClosesTheCase() async throws {
        var cli = try CLIRunner()
        cli.today = "2026-01-05"
        try await cli.setUpBusiness()
        try await cli.ok(["invoice", "issue", try await cli.draft()])
        let letter = try await walkReminders(&cli, from: "2026-01-06", until: "notice-2")
        let claimed = ["openAmount", "interest", "lumpSum", "costs"].map { cents(letter[$0]) }
        #expect(claimed[0] == 119_000 && claimed[1] > 0 && claimed[2] == 4000, "\(letter)")
        let total = claimed.reduce(0, +)

        let receivables = try await cli.json(["report", "receivables"]).object()
        #expect(cents(receivables["totalClaims"]) == total - 119_000)

        let statement = cli.directory.appendingPathComponent("umsaetze.csv")
        let german = String(format: "%d,%02d", total / 100, total % 100)
        try """
            Buchungstag;Betrag;Name;Verwendungszweck
            \(cli.today.split(separator: "-").reversed().joined(separator: "."));\(german);Agentur Blickfang GmbH;\
            RE 2026-0001 Hauptforderung Zinsen Pauschale
            """.write(to: statement, atomically: true, encoding: .utf8)
        let imported = try await cli.json([
            "import", statement.path, "--map", "date=Buchungstag,amount=Betrag,name=Name,text=Verwendungszweck",
        ]).object()
        #expect((imported["applied"] as? [Any])?.count == 1, "\(imported)")

        let invoice = try await cli.json(["invoice", "show", "2026-0001"]).object()
        #expect(invoice["status"] as? String == "paid" && invoice["openAmount"] as? String == "0.00")
        let payment = try #require(try await cli.json(["payment", "list"]).array().first)
        #expect(cents(payment["toCosts"]) == claimed[2] + claimed[3])
        #expect(cents(payment["toInterest"]) == claimed[1])
        #expect(try await cli.json(["payment", "credit", "1"]).object()["total"] as? String == "0.00")
        let after = try await cli.json(["report", "receivables"]).object()
        #expect(after["totalOpen"] as? String == "0.00" && after["totalClaims"] as? String == "0.00", "\(after)")
    }

    @Test func reversingAnImportedPaymentSendsItsBankEntryBackToReview() async throws {
        let cli = try CLIRunner()
        try await cli.setUpBusiness()
        try await cli.ok(["invoice", "issue", try await cli.draft()])
        let statement = cli.directory.appendingPathComponent("umsaetze.csv")
        try """
            Buchungstag;Betrag;Name;Verwendungszweck
            02.03.2026;1.190,00;Agentur Blickfang GmbH;RE 2026-0001
            """.write(to: statement, atomically: true, encoding: .utf8)
        try await cli.ok(["import", statement.path, "--map", "date=Buchungstag,amount=Betrag,name=Name,text=Verwendungszweck"])
        let payment = try #require(try await cli.json(["payment", "list"]).array().first)
        #expect(try await cli.json(["import", "review"]).array().isEmpty)
        let reversed = try await cli.json(["payment", "reverse", "\(payment["id"]!)", "--reason", "falsch zugeordnet"]).object()
        #expect(reversed["bankEntryReturned"] != nil)
        let queue = try await cli.json(["import", "review"]).array()
        #expect(queue.count == 1, "\(queue)")
        #expect(try await cli.json(["invoice", "show", "2026-0001"]).object()["status"] as? String == "issued")
    }

    /// Runs `remind` day by day, approving every draft, until a draft of `step` appears; returns it (approved), as
    /// `remind show --json` prints it. The days run in this process (what `remind` and `remind approve` call),
    /// not as two processes a day.
    @discardableResult
    private func walkReminders(_ cli: inout CLIRunner, from start: String, until step: String) async throws
        -> [String: Any]
    {
        var day = start
        let book = try cli.book()
        for _ in 0..<120 {
            cli.today = day
            let today = try #require(Day(day))
            for letter in try await book.runReminders(today: today).created {
                _ = try await book.approveReminder(id: letter.id, on: today)
                if letter.step.rawValue == step {
                    return try await cli.json(["remind", "show", "\(letter.id)"]).object()
                }
            }
            day = Self.next(day)
        }
        Issue.record("no \(step) within 120 days")
        return [:]
    }

    private static func next(_ day: String) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: formatter.date(from: day)!.addingTimeInterval(86_400))
    }

    private func cents(_ value: Any?) -> Int {
        let text = value as? String ?? "x"
        let parts = text.split(separator: ".")
        guard parts.count == 2, let euros = Int(parts[0]), let rest = Int(parts[1]) else { return -1 }
        return euros * 100 + rest
    }
}
