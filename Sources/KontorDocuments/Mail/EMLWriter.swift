public import Foundation
import KontorCore

/// Writes an e-mail as an RFC 5322 / MIME message (UTF-8 text, PDF attachments) that any mail program opens
/// as a draft ready to send (`X-Unsent: 1`).
public enum EMLWriter {
    /// A mailbox: display name and address.
    public struct Address: Sendable {
        public let name: String
        public let email: String
        public init(name: String, email: String) {
            self.name = name
            self.email = email
        }
    }

    /// A file attached to the message.
    public struct Attachment: Sendable {
        public let fileName: String
        public let mimeType: String
        public let data: Data
        public init(fileName: String, mimeType: String, data: Data) {
            self.fileName = fileName
            self.mimeType = mimeType
            self.data = data
        }
    }

    /// The complete message with CRLF line ends: a draft for the user's mail program, or (`messageId` given,
    /// `draft` false) the message Kontor submits itself.
    public static func message(
        from: Address?, to: Address?, subject: String, text: String, attachments: [Attachment], date: Date,
        messageId: String? = nil, draft: Bool = true
    ) -> String {
        // A boundary derived from the content: the same message is written the same way every time.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in (subject + text).utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let boundary = "kontor-" + String(hash, radix: 36)
        var lines: [String] = []
        if let from { lines.append("From: \(mailbox(from))") }
        if let to { lines.append("To: \(mailbox(to))") }
        lines.append("Subject: \(encodedWord(oneLine(subject)))")
        lines.append("Date: \(rfc5322Date(date))")
        if let messageId { lines.append("Message-ID: <\(messageId)>") }
        lines.append("MIME-Version: 1.0")
        if draft { lines.append("X-Unsent: 1") }
        lines.append("Content-Type: multipart/mixed; boundary=\"\(boundary)\"")
        lines.append("")
        lines.append("--\(boundary)")
        lines.append("Content-Type: text/plain; charset=UTF-8")
        lines.append("Content-Transfer-Encoding: base64")
        lines.append("")
        lines.append(contentsOf: base64Lines(Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)))
        for attachment in attachments {
            lines.append("--\(boundary)")
            lines.append("Content-Type: \(attachment.mimeType); name=\"\(asciiFallback(attachment.fileName))\"")
            lines.append("Content-Disposition: attachment; filename=\"\(asciiFallback(attachment.fileName))\"; "
                + "filename*=UTF-8''\(percentEncoded(attachment.fileName))")
            lines.append("Content-Transfer-Encoding: base64")
            lines.append("")
            lines.append(contentsOf: base64Lines(attachment.data))
        }
        lines.append("--\(boundary)--")
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// `Name <address>`. The book refuses line breaks in names and addresses (`SingleLineText`, `EmailAddress`);
    /// a value that got in anyway (an old book, a file edited by hand) loses its control characters and mailbox
    /// delimiters here, so that it can never start a header of its own (`Bcc:`).
    static func mailbox(_ address: Address) -> String {
        let email = String(address.email.unicodeScalars.filter {
            SingleLineText.isSingleLine(String($0)) && !"<>\"".unicodeScalars.contains($0)
        }.map(Character.init))
        return "\(encodedWord(oneLine(address.name))) <\(email)>"
    }

    /// `text` with every control character replaced by a space.
    static func oneLine(_ text: String) -> String {
        String(text.unicodeScalars.map { SingleLineText.isSingleLine(String($0)) ? Character($0) : " " })
    }

    /// RFC 2047 encoded words for non-ASCII header text, in chunks that keep each word under 76 characters.
    static func encodedWord(_ text: String) -> String {
        guard !text.allSatisfy({ $0.isASCII && $0 != "\r" && $0 != "\n" }) else { return text }
        var words: [String] = []
        var chunk = ""
        for character in text {
            if (chunk + String(character)).utf8.count > 45 {
                words.append(chunk)
                chunk = ""
            }
            chunk.append(character)
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?UTF-8?B?\(Data($0.utf8).base64EncodedString())?=" }.joined(separator: "\r\n ")
    }

    static func base64Lines(_ data: Data) -> [String] {
        let encoded = data.base64EncodedString()
        return stride(from: 0, to: encoded.count, by: 76).map { start in
            let from = encoded.index(encoded.startIndex, offsetBy: start)
            let to = encoded.index(from, offsetBy: min(76, encoded.count - start))
            return String(encoded[from..<to])
        }
    }

    static func asciiFallback(_ name: String) -> String {
        String(name.map { $0.isASCII && $0 != "\"" ? $0 : "_" })
    }

    static func percentEncoded(_ name: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return name.addingPercentEncoding(withAllowedCharacters: allowed) ?? asciiFallback(name)
    }

    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Europe/Berlin")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }
}
