import Foundation
import Testing

/// Separate processes on one database file must never share or skip an invoice number.
@Suite(.serialized)
struct ConcurrencyTests {
    @Test func fiftyConcurrentIssuesGiveFiftyDistinctGaplessNumbers() async throws {
        try await Self.fiftyProcessesIssueAtOnce(try CLIRunner())
    }

    /// Fifty drafts issued by fifty `kontor` processes at the same time get exactly 2026-0001 … 2026-0050, on the
    /// book `cli` names (a SQLite file, or a PostgreSQL book in `PostgresCLITests`).
    static func fiftyProcessesIssueAtOnce(_ cli: CLIRunner) async throws {
        // Given 50 drafts
        try await cli.setUpBusiness()
        var drafts: [String] = []
        for _ in 0..<50 { drafts.append(try await cli.draft(price: "10")) }
        // When 50 processes issue them at the same time
        let runs = drafts.map { cli.start(["invoice", "issue", $0, "--json"]) }
        var numbers: [String] = []
        for run in runs {
            let result = try await run.value
            #expect(result.status == 0, "\(result.stderr)")
            numbers.append(try #require(try result.object()["number"] as? String))
        }
        // Then the numbers are exactly 2026-0001 … 2026-0050
        let expected = (1...50).map { String(format: "2026-%04d", $0) }
        #expect(numbers.sorted() == expected)
        #expect(Set(numbers).count == 50)
        let listed = try await cli.json(["invoice", "list", "--status", "issued"]).array().compactMap { $0["number"] as? String }
        #expect(listed.sorted() == expected)
    }
}
