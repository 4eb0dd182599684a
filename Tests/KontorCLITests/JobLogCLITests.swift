import Foundation
import Testing

/// `kontor job log`: work done is recorded, the agenda plans only what is left, and a job on track is no longer
/// reported at risk.
struct JobLogCLITests {
    @Test func loggedWorkLeavesTheRestToPlanAndClearsTheWarning() async throws {
        var cli = try CLIRunner()
        cli.today = "2026-03-02"
        try await cli.setUpBusiness()
        // A 10-hour job due today cannot be written in today's 6 hours: at risk.
        try await cli.ok(["job", "add", "--customer", "1", "--title", "Whitepaper", "--effort", "10",
                          "--deadline", "2026-03-02"])
        let before = try await cli.json(["agenda"]).object()
        #expect((before["atRisk"] as? [Int]) == [1])
        // When 4,5 hours and 1200 words are logged
        let logged = try await cli.json(["job", "log", "1", "--hours", "4,5", "--words", "1200"]).object()
        #expect(logged["loggedWords"] as? Int == 1200)
        #expect("\(logged["remainingHours"] ?? "")" == "5.5")
        // Then the agenda plans the remaining 5,5 hours and the deadline holds
        let after = try await cli.json(["agenda"]).object()
        #expect((after["atRisk"] as? [Int]) == [])
        let planned = try #require(after["days"] as? [[String: Any]]).map { "\($0["hours"] ?? "")" }
        #expect(planned == ["5.5"])
        // And the text output says the same in German
        let text = try await cli.ok(["job", "log", "1", "--hours", "1", "--lang", "de"]).stdout
        #expect(text.contains("5,5 h gearbeitet") && text.contains("Noch 4,5 h im Plan"))
    }

    @Test func badEntriesAreRefusedAndChangeNothing() async throws {
        var cli = try CLIRunner()
        cli.today = "2026-03-02"
        try await cli.setUpBusiness()
        try await cli.ok(["job", "add", "--customer", "1", "--title", "Whitepaper", "--effort", "10"])
        let future = try await cli.run(["job", "log", "1", "--hours", "2", "--on", "2026-03-09"])
        #expect(future.status != 0 && future.stderr.contains("future"))
        let tooMany = try await cli.run(["job", "log", "1", "--hours", "25"])
        #expect(tooMany.status != 0 && tooMany.stderr.contains("24"))
        let missing = try await cli.run(["job", "log", "7", "--hours", "2"])
        #expect(missing.status != 0)
        let progress = try await cli.json(["job", "log", "1", "--hours", "1"]).object()
        #expect((progress["entries"] as? [Any])?.count == 1)
    }
}
