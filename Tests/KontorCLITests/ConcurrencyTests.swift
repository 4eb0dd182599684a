import Foundation
import Testing

/// Separate processes on one database file must never share or skip an invoice number.
@Suite(.serialized)
struct ConcurrencyTests {
    @Test func fiftyConcurrentIssuesGiveFiftyDistinctGaplessNumbers() throws {
        // Given 50 drafts
        let cli = try CLIRunner()
        try cli.setUpBusiness()
        var drafts: [String] = []
        for _ in 0..<50 { drafts.append(try cli.draft(price: "10")) }
        // When 50 processes issue them at the same time
        var processes: [(Process, Pipe, Pipe)] = []
        for id in drafts {
            let process = cli.makeProcess(["invoice", "issue", id, "--json"])
            let out = Pipe()
            let err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            processes.append((process, out, err))
        }
        var numbers: [String] = []
        for (process, out, err) in processes {
            let data = out.fileHandleForReading.readDataToEndOfFile()
            let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(errors)")
            let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            numbers.append(try #require(object?["number"] as? String))
        }
        // Then the numbers are exactly 2026-0001 … 2026-0050
        let expected = (1...50).map { String(format: "2026-%04d", $0) }
        #expect(numbers.sorted() == expected)
        #expect(Set(numbers).count == 50)
        let listed = try cli.json(["invoice", "list", "--status", "issued"]).array().compactMap { $0["number"] as? String }
        #expect(listed.sorted() == expected)
    }
}
