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
        cli.postgresURL = "postgres://\(TestPostgresServer.user)@127.0.0.1:\(server.port)/\(try server.createDatabase())"
        return cli
    }

    @Test func fiftyProcessesIssuingAtOnceGetFiftyDistinctGaplessNumbers() async throws {
        let server = try await TestPostgresServer.start()
        defer { server.stop() }
        let cli = try runner(server)
        try await cli.setUpBusiness()
        var drafts: [String] = []
        for _ in 0..<50 { drafts.append(try await cli.draft(price: "10")) }
        // Each process takes one connection of the server's 60: all fifty run at the same time.
        let runs = drafts.map { cli.start(["invoice", "issue", $0, "--json"]) }
        var numbers: [String] = []
        for run in runs {
            let result = try await run.value
            #expect(result.status == 0, "\(result.stderr)")
            numbers.append(try #require(try result.object()["number"] as? String))
        }
        let expected = (1...50).map { String(format: "2026-%04d", $0) }
        #expect(numbers.sorted() == expected)
        let listed = try await cli.json(["invoice", "list", "--status", "issued"]).array()
            .compactMap { $0["number"] as? String }
        #expect(listed.sorted() == expected)
    }

    @Test func theAuditCommandsNeedTheSQLiteFile() async throws {
        let server = try await TestPostgresServer.start()
        defer { server.stop() }
        let cli = try runner(server)
        let result = try await cli.run(["audit", "verify"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("a PostgreSQL book does not keep one yet"), "\(result.stderr)")
        let unreachable = try await cli.run(
            ["today"], environment: ["KONTOR_DATABASE_URL": "postgres://kontor@127.0.0.1:1/book"])
        #expect(unreachable.status == 1)
        #expect(unreachable.stderr.contains("cannot be opened as a Kontor book"), "\(unreachable.stderr)")
    }
}
