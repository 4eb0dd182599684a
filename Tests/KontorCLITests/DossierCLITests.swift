import Foundation
import Testing
import KontorTestTools

/// The hand-over dossier is an internal document: addressed to the writer, with the claim table, the timeline
/// without private notes unless chosen, and the invoice and every letter sent embedded as PDF files.
struct DossierCLITests {
    /// Runs a Poppler tool on a file (CI installs poppler-utils; a missing tool fails the test).
    static func poppler(_ tool: String, _ arguments: [String]) throws -> String {
        try PDFTools.run(tool, arguments).text
    }

    /// A book whose invoice 2026-0001 (due 19.01.) went through every step up to the hand-over on 26.03.
    static func handedOver() async throws -> (CLIRunner, handover: String) {
        var cli = try CLIRunner()
        cli.today = "2026-01-05"
        try await cli.setUpBusiness()
        try await cli.ok(["invoice", "issue", try await cli.draft()])
        try await cli.ok(["note", "1", "Privat: Geschäftsführer meidet Anrufe", "--invoice", "2026-0001"])
        var handover: String?
        for day in ["2026-01-26", "2026-02-09", "2026-03-05", "2026-03-26"] {
            cli.today = day
            let created = try await cli.json(["remind"]).object()["created"] as? [[String: Any]] ?? []
            for letter in created {
                if letter["step"] as? String == "handover" { handover = "\(letter["id"]!)" }
                try await cli.ok(["remind", "approve", "\(letter["id"]!)"])
            }
        }
        return (cli, try #require(handover, "no hand-over step by 26.03."))
    }

    @Test func theDossierIsInternalAndCarriesItsEvidence() async throws {
        let (cli, id) = try await Self.handedOver()
        let path = cli.directory.appendingPathComponent("dossier.pdf").path
        try await cli.ok(["remind", "pdf", id, "--output", path])
        // The evidence is attached: the invoice and the three letters sent before the hand-over
        let list = try Self.poppler("pdfdetach", ["-list", path])
        #expect(list.contains("4 embedded files"), "\(list)")
        #expect(list.contains("2026-0001.pdf"))
        #expect(list.contains("Nachfrage-2026-0001.pdf") && list.contains("1-Mahnung-2026-0001.pdf")
            && list.contains("2-Mahnung-2026-0001.pdf"))
        // The cover page is addressed to the writer and says it is internal; the claim table is there
        let text = try Self.poppler("pdftotext", ["-layout", path, "-"])
        #expect(text.contains("Übergabe-Dossier (intern)"))
        #expect(text.contains("nicht an den Schuldner senden"))
        #expect(text.contains("Hauptforderung") && text.contains("Forderung gesamt"))
        #expect(text.contains("Anlagen"))
        // The private note stays out unless chosen
        #expect(!text.contains("meidet Anrufe"))
        let withNotes = cli.directory.appendingPathComponent("dossier-notes.pdf").path
        try await cli.ok(["remind", "pdf", id, "--with-notes", "--output", withNotes])
        #expect(try Self.poppler("pdftotext", [withNotes, "-"]).contains("meidet Anrufe"))
    }

    @Test func handingOverIsRecordedAsHandedOverNotSent() async throws {
        let (cli, id) = try await Self.handedOver()
        let path = cli.directory.appendingPathComponent("again.pdf").path
        try await cli.ok(["remind", "pdf", id, "--output", path])
        // The dossier's own timeline (as printed) words the approved hand-over as handed over
        let text = try Self.poppler("pdftotext", ["-raw", path, "-"])
        #expect(text.contains("Mahnverfahren übergeben"))
        #expect(!text.contains("Mahnverfahren versendet"))
        #expect(text.contains("1. Mahnung versendet") || text.contains("Mahnung versendet"))
    }
}
