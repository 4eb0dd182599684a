import Foundation
import Testing

/// `kontor mail import` and `kontor mail accept` end to end with the built binary.
@Suite struct MailImportCLITests {
    static let inquiry = """
        Message-ID: <cli-1@gartenwelt.test>\r
        Date: Tue, 10 Nov 2026 09:15:00 +0100\r
        From: =?UTF-8?Q?S=C3=B6nke_Br=C3=BCgge?= <soenke@gartenwelt.test>\r
        Subject: =?UTF-8?Q?Anfrage_f=C3=BCr_Blogartikel?=\r
        Content-Type: text/plain; charset=ISO-8859-1\r
        Content-Transfer-Encoding: quoted-printable\r
        \r
        Wir br=E4uchten 12 Artikel.\r
        """

    static func reply(_ id: Int) -> String {
        """
        From soenke@gartenwelt.test Wed Nov 11 10:00:00 2026\r
        Message-ID: <cli-reply-\(id)@gartenwelt.test>\r
        Date: Wed, 11 Nov 2026 10:00:00 +0100\r
        From: soenke@gartenwelt.test\r
        Subject: Nachtrag \(id)\r
        \r
        Die Rechnung zahlen wir am 20. Dezember.\r
        \r

        """
    }

    @Test func importsFilesAndMboxOnceAndTakesOverAPromise() async throws {
        let cli = try CLIRunner()
        try await cli.setUpBusiness()
        let eml = cli.directory.appendingPathComponent("anfrage.eml")
        try Data(Self.inquiry.utf8).write(to: eml)
        let mbox = cli.directory.appendingPathComponent("inbox.mbox")
        try Data((Self.reply(1) + "From x Wed Nov 11 10:00:00 2026\r\n\r\nno header\r\n\r\n" + Self.reply(2)).utf8)
            .write(to: mbox)
        // A path that does not exist changes nothing
        let before = try await cli.snapshot()
        let missing = try await cli.run(["mail", "import", eml.path, "/nonexistent/inbox"])
        #expect(missing.status == 1 && missing.stderr.contains("/nonexistent/inbox"))
        #expect(try await cli.snapshot() == before)
        // One file and an mbox with a broken message: the others are imported, the broken one is named, exit 1
        let first = try await cli.run(["mail", "import", eml.path, mbox.path])
        #expect(first.status == 1)
        #expect(first.stdout.contains("anfrage.eml: inquiry"))
        #expect(first.stdout.contains("inbox.mbox #2: refused: not a mail (no header)"))
        #expect(first.stdout.contains("Imported 1 as inquiries, 2 as notes; 0 imported before, 1 refused."))
        let inquiries = try await cli.json(["inquiry", "list", "--all"]).stdout
        #expect(inquiries.contains("Anfrage für Blogartikel"))
        // Again: nothing new
        let again = try await cli.json(["mail", "import", eml.path]).array()
        #expect(again.first?["became"] as? String == "duplicate")
        // The promise offered for the first reply is taken over
        let items = try await cli.run(["mail", "import", mbox.path, "--json"]).stdout
        #expect(items.contains("duplicate"))
        let accepted = try await cli.json(["mail", "accept", "2", "--promise", "2026-12-21"]).object()
        #expect(accepted["kind"] as? String == "promise")
        #expect(try await cli.run(["mail", "accept", "2", "--objection"]).status != 0)
    }
}
