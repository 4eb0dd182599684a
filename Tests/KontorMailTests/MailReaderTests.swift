import Foundation
import KontorMailReader
import Testing

/// Real-world shapes of received mail, written as fixtures by hand: multipart/alternative with quoted-printable,
/// Windows-1252 in base64, an attachment with an RFC 2231 file name, HTML only, a reply chain, and hostile sizes.
@Suite struct MailReaderTests {
    func fixture(_ name: String) throws -> ReceivedMail {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "eml", subdirectory: "Fixtures"))
        return try MailReader().read([UInt8](Data(contentsOf: url)))
    }

    @Test func multipartAlternativePrefersThePlainTextAndDecodesEverything() throws {
        let mail = try fixture("alternative-qp")
        #expect(mail.subject == "Anfrage: Texte für die Speisekarte")
        #expect(mail.from == MailAddress(name: "Ines Wolff – Café Süßholz", address: "ines.wolff@suessholz.test"))
        #expect(mail.to == [MailAddress(name: "Lena Schreiber", address: "lena@schreiber.test")])
        #expect(mail.messageID == "a1b2c3@mail.suessholz.test")
        #expect(mail.text.contains("wir bräuchten rund 1.500 Wörter für unsere neue Speisekarte, gern bis Mitte Januar."))
        #expect(mail.text.hasSuffix("Viele Grüße\nInes Wolff"))
        #expect(!mail.text.contains("HTML-Fassung"))
        #expect(mail.attachments.isEmpty)
        // 09:41:07 in +0100 is 08:41:07 UTC.
        #expect(mail.date == Date(timeIntervalSince1970: 1_796_287_267))
    }

    @Test func windows1252InBase64AndAReplyChain() throws {
        let mail = try fixture("latin1-base64")
        #expect(mail.subject == "Ihre Rechnung 2026-0007 – Zahlung")
        #expect(mail.from == MailAddress(name: "Jürgen Müller", address: "juergen@mueller.test"))
        #expect(mail.text.contains("bis zum 15.12. – nein: bis Freitag.\nMit freundlichen Grüßen\nJürgen Müller"))
        #expect(mail.inReplyTo == ["kontor.invoice.7.1701@schreiber.test"])
        #expect(mail.answeredMessageIDs == ["kontor.invoice.7.1701@schreiber.test", "kontor.quote.3.99@schreiber.test"])
    }

    @Test func attachmentWithContinuedEncodedFileName() throws {
        let mail = try fixture("attachment")
        #expect(mail.text == "Anbei das Briefing.")
        #expect(mail.from == MailAddress(name: "Wolff, Ines", address: "ines@agentur.test"))
        let attachment = try #require(mail.attachments.first)
        #expect(attachment.fileName == "Briefing März.pdf")
        #expect(attachment.mediaType == "application/pdf")
        #expect(attachment.bytes.starts(with: Array("%PDF-1.4".utf8)))
        // A two-digit year and no seconds: 1 Dec 2026 08:00 +0200.
        #expect(mail.date == Date(timeIntervalSince1970: 1_796_104_800))
    }

    @Test func htmlOnlyBecomesTextWithoutScriptsOrMarkup() throws {
        let mail = try fixture("html-only")
        #expect(mail.text == "Preis: 12€ & mehr\n\nZeile\u{200B}zwei <b>\n\nEnde")  // paragraphs keep an empty line
        #expect(!mail.text.contains("alert") && !mail.text.contains("color"))
    }

    @Test func eightBitLatin1Body() throws {
        let mail = try fixture("latin1-body")
        #expect(mail.text == "Grüße aus Köln\n")
    }

    @Test func deeplyNestedMultipartIsRefusedNotRecursedInto() throws {
        var message = "From: a@b.test\r\nContent-Type: multipart/mixed; boundary=\"b0\"\r\n\r\n"
        for depth in 1...200 { message += "--b\(depth - 1)\r\nContent-Type: multipart/mixed; boundary=\"b\(depth)\"\r\n\r\n" }
        #expect(throws: MailReadError.nestedTooDeeply(limit: 16)) { try MailReader().read(Array(message.utf8)) }
    }

    @Test func tooManyPartsAndTooLargeAreRefused() throws {
        var message = "From: a@b.test\r\nContent-Type: multipart/mixed; boundary=\"x\"\r\n\r\n"
        for _ in 0..<600 { message += "--x\r\nContent-Type: text/plain\r\n\r\nhi\r\n" }
        #expect(throws: MailReadError.tooManyParts(limit: 500)) { try MailReader().read(Array(message.utf8)) }
        var small = MailReader()
        small.maximumSize = 10
        #expect(throws: MailReadError.tooLarge(limit: 10)) { try small.read(Array(message.utf8)) }
        #expect(throws: MailReadError.notAMail) { try MailReader().read(Array("\r\njust text".utf8)) }
    }

    @Test func mboxSplitsAtFromLinesAndUnescapesThem() throws {
        var mbox = ""
        for number in 1...1000 {
            mbox += "From sender@test Thu Dec  3 10:00:00 2026\n"
            mbox += "From: Kunde \(number) <k\(number)@test>\nSubject: Nr. \(number)\nMessage-ID: <\(number)@test>\n\n"
            mbox += "Zeile eins\n>From the start\n>>From two\n\n"
        }
        let messages = try Mailbox.mbox(Array(mbox.utf8), source: "box")
        #expect(messages.count == 1000)
        let last = try MailReader().read(messages[999].bytes)
        #expect(last.subject == "Nr. 1000")
        #expect(last.text == "Zeile eins\nFrom the start\n>From two\n")
        #expect(messages[999].source == "box #1000")
        #expect(throws: MailReadError.notAnMbox) { try Mailbox.mbox(Array("Subject: x\n".utf8), source: "x") }
    }

    @Test func maildirReadsCurAndNew() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("maildir-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (sub, name) in [("cur", "1.mail:2,S"), ("new", "2.mail"), ("tmp", "3.mail")] {
            let directory = folder.appendingPathComponent(sub)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data("From: a@b.test\nSubject: \(name)\n\nText\n".utf8).write(to: directory.appendingPathComponent(name))
        }
        let messages = try Mailbox.messages(at: folder.path)
        let subjects = try messages.map { try MailReader().read($0.bytes).subject }
        #expect(subjects == ["1.mail:2,S", "2.mail"])  // tmp/ holds messages still being written
    }
}
