/// The header block of a message or of one MIME part: unfolded fields in their order, looked up without regard to
/// case (RFC 5322 § 2.2).
public struct MailHeaders: Sendable, Equatable {
    public struct Field: Sendable, Equatable {
        public let name: String
        /// The raw value, unfolded, still with encoded words.
        public let value: String
    }

    public let fields: [Field]

    /// Reads the lines before the first empty line. Lines that are not fields (no colon) are ignored, as mail
    /// readers do; a field longer than `maximumFieldLength` is refused.
    init(_ lines: ArraySlice<[UInt8]>, maximumFieldLength: Int) throws(MailReadError) {
        var fields: [Field] = []
        var name: String?
        var value: [UInt8] = []
        func finish() {
            if let name { fields.append(Field(name: name, value: MailText.decodeHeaderBytes(value))) }
        }
        for line in lines {
            if let first = line.first, first == 0x20 || first == 0x09 {
                value += line
            } else {
                finish()
                name = nil
                value = []
                guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > 0 else { continue }
                name = String(decoding: line[..<colon], as: UTF8.self).trimmingSpaces
                value = Array(line[(colon + 1)...])
            }
            if value.count > maximumFieldLength { throw .fieldTooLong(name ?? "") }
        }
        finish()
        self.fields = fields
    }

    /// The first field of that name, trimmed.
    public subscript(_ name: String) -> String? {
        let wanted = name.lowercased()
        return fields.first { $0.name.lowercased() == wanted }?.value.trimmingSpaces
    }
}

/// A header value like `text/plain; charset="utf-8"` or `attachment; filename*=UTF-8''Rechnung%20M%C3%A4rz.pdf`:
/// the main value, lower-cased, and its parameters (RFC 2045 § 5.1, RFC 2231 for encoded and continued ones).
struct MailHeaderValue {
    let value: String
    let parameters: [String: String]

    init(_ raw: String) {
        var parts: [String] = []
        var current = ""
        var quoted = false
        for character in raw {
            if character == "\"" { quoted.toggle() }
            if character == ";" && !quoted {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        value = (parts.first ?? "").trimmingSpaces.lowercased()
        var plain: [String: String] = [:]
        var continued: [String: [(Int, String, Bool)]] = [:]
        for part in parts.dropFirst() {
            guard let equals = part.firstIndex(of: "=") else { continue }
            var key = part[..<equals].trimmingSpaces.lowercased()
            var text = part[part.index(after: equals)...].trimmingSpaces
            if text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 { text = String(text.dropFirst().dropLast()) }
            let encoded = key.hasSuffix("*")
            if encoded { key.removeLast() }
            if let star = key.lastIndex(of: "*"), let index = Int(key[key.index(after: star)...]) {
                continued[String(key[..<star]), default: []].append((index, text, encoded))
            } else {
                plain[key] = encoded ? MailText.decodeRFC2231(text) : text
            }
        }
        for (key, pieces) in continued {
            // Segments are joined as bytes: a multi-byte character may be split between two of them.
            var charset = "us-ascii"
            var bytes: [UInt8] = []
            for (offset, piece) in pieces.sorted(by: { $0.0 < $1.0 }).enumerated() {
                guard piece.2 else {
                    bytes += Array(piece.1.utf8)
                    continue
                }
                var text = Substring(piece.1)
                if offset == 0 {
                    let split = MailText.splitRFC2231Charset(text)
                    charset = split.charset
                    text = split.rest
                }
                bytes += MailText.percentDecoded(text)
            }
            plain[key] = MailText.decode(bytes, charset: charset)
        }
        parameters = plain
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
