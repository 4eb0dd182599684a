import Foundation
import Testing

/// `kontor invoice pdf` and `kontor quote pdf` write real PDFs under their default names.
struct DocumentCommandTests {
    @Test func writesInvoiceAndQuotePDFsWithDefaultNames() async throws {
        let cli = try CLIRunner()
        try await cli.setUpBusiness()
        try await cli.ok(["invoice", "issue", try await cli.draft()])
        let written = try await cli.json(["invoice", "pdf", "2026-0001"]).object()
        let invoicePath = cli.directory.appendingPathComponent("Rechnung-2026-0001.pdf").path
        #expect(written["file"] as? String == invoicePath)
        let pdf = try Data(contentsOf: URL(fileURLWithPath: invoicePath))
        #expect(pdf.starts(with: Data("%PDF-1.7".utf8)) && pdf.count > 5_000)

        try await cli.ok(["customer", "edit", "1", "--language", "en"])
        try await cli.ok(["invoice", "issue", try await cli.draft()])
        try await cli.ok(["invoice", "pdf", "2026-0002"])
        #expect(FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent("Invoice-2026-0002.pdf").path))

        try await cli.ok(["quote", "add", "--customer", "1", "--title", "Website"])
        try await cli.ok(["quote", "add-line", "1", "--description", "Texte", "--price", "800"])
        let custom = cli.directory.appendingPathComponent("angebot.pdf").path
        try await cli.ok(["quote", "pdf", "1", "-o", custom])
        #expect(FileManager.default.fileExists(atPath: custom))
        try await cli.ok(["quote", "pdf", "1"])
        #expect(FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent("Quote-1.pdf").path))

        let missing = try await cli.run(["invoice", "pdf", "2026-0099"])
        #expect(missing.status != 0 && missing.stderr.contains("no invoice"))
        let unwritable = try await cli.run(["invoice", "pdf", "2026-0001", "-o", "/nonexistent/folder/x.pdf"])
        #expect(unwritable.status != 0 && unwritable.stderr.contains("Cannot write"))
    }
}
