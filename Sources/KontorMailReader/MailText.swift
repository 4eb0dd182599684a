import Foundation

/// The text encodings of mail: charsets, quoted-printable, base64, RFC 2047 encoded words and RFC 2231 parameters.
/// Unknown charsets fall back to UTF-8 with replacement characters rather than failing: a reader must show what
/// it can.
enum MailText {
    /// Bytes in a charset named by a message.
    static func decode(_ bytes: some Collection<UInt8>, charset: String) -> String {
        let data = Data(bytes)
        switch charset.lowercased().trimmingSpaces {
        case "iso-8859-1", "latin1", "iso8859-1", "l1", "windows-1252", "cp1252":
            // As browsers do (WHATWG): mail labelled Latin-1 is written by Windows programs, "–" is 0x96.
            return String(data: data, encoding: .windowsCP1252) ?? String(data: data, encoding: .isoLatin1) ?? ""
        case "iso-8859-15", "latin-9":
            // Latin-1 with the euro sign at 0xA4 (and a few letters Kontor's customers rarely need).
            return String(bytes.map { $0 == 0xA4 ? "€" : Character(Unicode.Scalar($0)) })
        case "us-ascii", "ascii":
            return String(decoding: data, as: UTF8.self)
        default:
            // UTF-8 and anything unknown: valid UTF-8 reads as such, a Latin-1 byte is more likely than garbage.
            if let text = String(data: data, encoding: .utf8) { return text }
            return String(data: data, encoding: .windowsCP1252) ?? String(decoding: data, as: UTF8.self)
        }
    }

    /// Header bytes: 8-bit bytes are UTF-8 when valid (RFC 6532), else Windows-1252.
    static func decodeHeaderBytes(_ bytes: [UInt8]) -> String {
        decode(bytes, charset: "utf-8")
    }

    /// Quoted-printable (RFC 2045 § 6.7): `=XX` bytes and soft line breaks.
    static func quotedPrintable(_ bytes: [UInt8], underscoreIsSpace: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "="), index + 1 < bytes.count {
                if bytes[index + 1] == 13, index + 2 < bytes.count, bytes[index + 2] == 10 {
                    index += 3
                    continue
                }
                if bytes[index + 1] == 10 {
                    index += 2
                    continue
                }
                if index + 2 < bytes.count, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                    out.append(high << 4 | low)
                    index += 3
                    continue
                }
            }
            out.append(underscoreIsSpace && byte == UInt8(ascii: "_") ? 0x20 : byte)
            index += 1
        }
        return out
    }

    static func base64(_ bytes: [UInt8]) -> [UInt8] {
        Array(Data(base64Encoded: Data(bytes), options: .ignoreUnknownCharacters) ?? Data())
    }

    /// A header value with RFC 2047 encoded words (`=?utf-8?Q?Gr=C3=BC=C3=9Fe?=`) decoded; whitespace between two
    /// encoded words disappears, as the RFC says.
    static func decodeEncodedWords(_ text: String) -> String {
        guard text.contains("=?") else { return text }
        var result = ""
        var pendingSpace = ""
        var lastWasEncoded = false
        var rest = Substring(text)
        while !rest.isEmpty {
            if rest.hasPrefix("=?"), let (decoded, after) = encodedWord(rest) {
                if !lastWasEncoded { result += pendingSpace }
                result += decoded
                pendingSpace = ""
                lastWasEncoded = true
                rest = after
            } else if rest.first == " " || rest.first == "\t" {
                pendingSpace.append(rest.removeFirst())
            } else {
                result += pendingSpace
                pendingSpace = ""
                result.append(rest.removeFirst())
                lastWasEncoded = false
            }
        }
        return result + pendingSpace
    }

    private static func encodedWord(_ text: Substring) -> (String, Substring)? {
        let parts = text.dropFirst(2).split(separator: "?", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, parts[3].hasPrefix("="), parts[1].count == 1 else { return nil }
        let charset = parts[0].split(separator: "*").first.map(String.init) ?? "utf-8"
        let payload = Array(parts[2].utf8)
        let bytes: [UInt8]
        switch parts[1].uppercased() {
        case "B": bytes = base64(payload)
        case "Q": bytes = quotedPrintable(payload, underscoreIsSpace: true)
        default: return nil
        }
        return (decode(bytes, charset: charset), parts[3].dropFirst())
    }

    /// `utf-8'de'Rechnung%20M%C3%A4rz.pdf` → charset and the rest.
    static func splitRFC2231Charset(_ text: Substring) -> (charset: String, rest: Substring) {
        let pieces = text.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        guard pieces.count == 3 else { return ("us-ascii", text) }
        return (pieces[0].isEmpty ? "us-ascii" : String(pieces[0]), pieces[2])
    }

    static func percentDecoded(_ text: Substring) -> [UInt8] {
        var out: [UInt8] = []
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
                let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
            {
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return out
    }

    static func decodeRFC2231(_ text: String) -> String {
        let split = splitRFC2231Charset(Substring(text))
        return decode(percentDecoded(split.rest), charset: split.charset)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
