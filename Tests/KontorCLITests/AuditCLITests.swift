import Foundation
import Testing

/// `kontor audit verify` and `kontor audit log` as a user runs them.
struct AuditCLITests {
    @Test func anIssuedAndPaidInvoiceVerifiesAndShowsItsHistory() async throws {
        // Given an issued invoice with a payment and its PDF saved
        let cli = try CLIRunner()
        try await cli.setUpBusiness()
        try await cli.ok(["invoice", "issue", try await cli.draft()])
        try await cli.ok(["payment", "add", "2026-0001", "--amount", "100,00"])
        try await cli.ok(["invoice", "pdf", "2026-0001"])
        // When the journal is verified, Then it is intact and says how long it is
        let verified = try await cli.ok(["audit", "verify", "--lang", "de"])
        #expect(verified.stdout.hasPrefix("Journal intakt:"))
        let json = try await cli.json(["audit", "verify"]).object()
        #expect(json["intact"] as? Bool == true && (json["entries"] as? Int ?? 0) > 10)
        // And the invoice's history names who wrote it, its lines, the payment and the PDF that left
        let log = try await cli.ok(["audit", "log", "--record", "invoice:2026-0001"]).stdout
        let user = ProcessInfo.processInfo.environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? NSUserName()
        #expect(log.contains("os:\(user)"))
        for part in ["invoiceLine:", "invoiceBalance:", "payment:", "auditDocument:", "paidCents: 0 → 10000"] {
            #expect(log.contains(part), "\(part) in \(log)")
        }
    }

    @Test func aRecordInAnUnknownFormIsRefused() async throws {
        let cli = try CLIRunner()
        try await cli.setUpBusiness()
        let result = try await cli.run(["audit", "log", "--record", "2026-0001"])
        #expect(result.status == 1 && result.stderr.contains("expected TABLE:KEY"))
    }
}
