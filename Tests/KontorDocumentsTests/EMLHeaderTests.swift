import Foundation
import KontorDocuments
import Testing

/// Even a value that got into the book before the rule (or by editing the file) cannot add a mail header.
struct EMLHeaderTests {
    @Test func lineBreaksInStoredValuesNeverStartAHeader() {
        let eml = EMLWriter.message(
            from: .init(name: "Schreibbüro\r\nReply-To: attacker@evil.example", email: "post@kontor.example\r\nX: y"),
            to: .init(name: "Eve\nBcc: attacker@evil.example", email: "x@y.de>\r\nBcc: attacker@evil.example"),
            subject: "Zahlungserinnerung\r\nBcc: attacker@evil.example", text: "Hallo", attachments: [],
            date: Date(timeIntervalSince1970: 1_772_000_000))
        let headers = eml.components(separatedBy: "\r\n\r\n")[0].components(separatedBy: "\r\n")
        for line in headers {
            let name = line.split(separator: ":", maxSplits: 1).first.map(String.init)?.lowercased() ?? ""
            #expect(!["bcc", "reply-to", "x"].contains(name), "injected header: \(line)")
            #expect(!line.contains("\r") && !line.contains("\n"))
        }
        #expect(headers.filter { $0.hasPrefix("To: ") }.count == 1)
    }
}
