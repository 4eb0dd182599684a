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
        try await ConcurrencyTests.fiftyProcessesIssueAtOnce(try runner(server))
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
