import Foundation
import Testing

/// CR/LF can never reach a mail header through the CLI, and invoice numbers stay safe in file names.
struct HeaderInjectionCLITests {
    static let injected = "x@y.de>\r\nBcc: attacker@evil.example"

    @Test func customerAndProfileRefuseLineBreaksInMailHeaderValues() async throws {
        let cli = try CLIRunner()
        try await cli.setUpBusiness()
        let before = try await cli.snapshot()
        for arguments in [
            ["customer", "add", "--name", "Eve GmbH", "--email", HeaderInjectionCLITests.injected],
            ["customer", "add", "--name", "Eve GmbH\r\nBcc: attacker@evil.example", "--email", "eve@evil.example"],
            ["customer", "edit", "1", "--email", HeaderInjectionCLITests.injected],
            ["profile", "set", "--email", "post@lena-schreiber.de\nReply-To: attacker@evil.example"],
        ] {
            let result = try await cli.run(arguments)
            #expect(result.status != 0, "\(arguments) was accepted")
            let explained = result.stderr.contains("single line") || result.stderr.contains("may not contain")
            #expect(explained, "\(result.stderr)")
        }
        #expect(try await cli.snapshot() == before)
        // The reminder e-mail has no header the customer's data added.
        try await cli.ok(["invoice", "issue", try await cli.draft()])
        var later = cli
        later.today = "2026-03-23"
        let created = try await later.json(["remind"]).object()["created"] as? [[String: Any]] ?? []
        let id = "\(try #require(created.first?["id"]))"
        try await later.ok(["remind", "eml", id])
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: cli.directory.path)
            .first { $0.hasSuffix(".eml") })
        let eml = try String(contentsOf: cli.directory.appendingPathComponent(file), encoding: .utf8)
        #expect(!eml.lowercased().contains("\nbcc:") && !eml.lowercased().contains("\nreply-to:"))
    }

    @Test func invoiceNumberFormatsAreSafeInFileNames() async throws {
        let cli = try CLIRunner()
        try await cli.setUpBusiness()
        for format in ["RE/{YYYY}/{NNNN}", "{YYYY}..{NNNN}", "../{NNNN}", ".{NNNN}", "RE\r\n{NNNN}", "RE {NNNN}"] {
            let result = try await cli.run(["profile", "set", "--number-format", format])
            #expect(result.status != 0, "\(format) was accepted")
            #expect(result.stderr.contains("number format"), "\(result.stderr)")
        }
        try await cli.ok(["profile", "set", "--number-format", "RE-{YYYY}_{NNNN}.v1"])
        let issued = try await cli.json(["invoice", "issue", try await cli.draft()]).object()
        #expect(issued["number"] as? String == "RE-2026_0001.v1")
        try await cli.ok(["invoice", "pdf", "RE-2026_0001.v1"])
    }
}
