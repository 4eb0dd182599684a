import Foundation
import KontorTestTools
import Testing

/// The `kontor` binary on a PostgreSQL book (`$KONTOR_DATABASE_URL`), with a real server on 127.0.0.1 that the
/// test starts for itself: separate processes share one book as an agency's would.
@Suite(.serialized)
struct PostgresCLITests {
    /// A CLI runner on a new database of `server`.
    func runner(_ server: TestPostgresServer) throws -> CLIRunner {
        var cli = try CLIRunner()
        let database = try server.createDatabase()
        cli.postgresURL = "postgres://\(TestPostgresServer.user)@127.0.0.1:\(server.port)/\(database)"
        return cli
    }

    @Test func fiftyProcessesIssuingAtOnceGetFiftyDistinctGaplessNumbers() async throws {
        let server = try await TestPostgresServer.start()
        defer { server.stop() }
        // Each process takes one connection of the server's 60: all fifty run at the same time.
        let cli = try runner(server)
        try await ConcurrencyTests.fiftyProcessesIssueAtOnce(cli)
        // Fifty writes sealing at once leave one chain: a collision is run again, never chained twice.
        let verified = try await cli.run(["audit", "verify"])
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
    }

    @Test func theAuditCommandsVerifyAndListAPostgreSQLBooksJournal() async throws {
        // Given an issued invoice with a payment and its PDF saved, on a PostgreSQL book
        let server = try await SharedPostgres.server()
        let cli = try runner(server)
        try await cli.setUpBusiness()
        try await cli.ok(["invoice", "issue", try await cli.draft()])
        try await cli.ok(["payment", "add", "2026-0001", "--amount", "100,00"])
        try await cli.ok(["invoice", "pdf", "2026-0001"])
        // When the journal is verified, Then it is intact and says how long it is, as on a SQLite book
        let verified = try await cli.ok(["audit", "verify", "--lang", "de"])
        #expect(verified.stdout.hasPrefix("Journal intakt:"), "\(verified.stdout)")
        let json = try await cli.json(["audit", "verify"]).object()
        #expect(json["intact"] as? Bool == true && (json["entries"] as? Int ?? 0) > 10, "\(json)")
        // And the invoice's history names who wrote it, its lines, the payment and the PDF that left
        let log = try await cli.ok(["audit", "log", "--record", "invoice:2026-0001"]).stdout
        let user = ProcessInfo.processInfo.environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? NSUserName()
        #expect(log.contains("os:\(user)"), "\(log)")
        for part in ["invoiceLine:", "invoiceBalance:", "payment:", "auditDocument:", "paidCents: 0 → 10000"] {
            #expect(log.contains(part), "\(part) in \(log)")
        }
        // When someone rewrites an entry with the triggers off, Then verify finds the break and fails
        let database = try #require(cli.postgresURL?.split(separator: "/").last.map(String.init))
        let forged = try server.psql(database, #"""
            SET session_replication_role = replica;
            UPDATE "auditJournal" SET "after" = replace("after", '10000', '1000') WHERE "tableName" = 'payment'
            """#)
        #expect(forged.status == 0, "\(forged.errorText)")
        let broken = try await cli.run(["audit", "verify"])
        #expect(broken.status == 1)
        #expect(broken.stdout.hasPrefix("Journal broken: the chain breaks at entry #"), "\(broken.stdout)")
        let unreachable = try await cli.run(
            ["today"], environment: ["KONTOR_DATABASE_URL": "postgres://kontor@127.0.0.1:1/book"])
        #expect(unreachable.status == 1)
        #expect(unreachable.stderr.contains("cannot be opened as a Kontor book"), "\(unreachable.stderr)")
    }
}
