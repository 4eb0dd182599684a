import Foundation

/// The text encoding of an MT940 or CSV file.
public enum TextEncodingChoice: String, Sendable, Hashable, Codable {
    /// UTF-8 (with or without BOM) when the bytes are valid UTF-8, else Windows-1252.
    case auto
    case utf8
    case windows1252
}

enum TextDecoding {
    /// Decodes `data`, dropping a UTF-8 BOM.
    static func decode(_ data: Data, as encoding: TextEncodingChoice) -> String {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        switch encoding {
        case .windows1252:
            return windows1252(bytes)
        case .utf8:
            return String(decoding: bytes, as: UTF8.self)
        case .auto:
            return validUTF8(bytes) ?? windows1252(bytes)
        }
    }

    /// The text when `bytes` are valid UTF-8, else nil.
    static func validUTF8(_ bytes: Data.SubSequence) -> String? {
        // The standard library validates whole blocks at once; decoding scalar by scalar cost ~10 ns a byte.
        String(validating: bytes, as: UTF8.self)
    }

    /// Windows-1252: Latin-1 plus the printable characters in 0x80–0x9F.
    static func windows1252(_ bytes: Data.SubSequence) -> String {
        guard bytes.contains(where: { $0 >= 0x80 }) else { return String(decoding: bytes, as: UTF8.self) }
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count + bytes.count / 4)
        for byte in bytes {
            if byte < 0x80 {
                utf8.append(byte)
            } else if byte <= 0x9F, let special = cp1252High[Int(byte - 0x80)] {
                UTF8.encode(special) { utf8.append($0) }
            } else {
                UTF8.encode(Unicode.Scalar(byte)) { utf8.append($0) }
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    private static let cp1252High: [Unicode.Scalar?] = [
        "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
        nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
    ]

    /// Splits text into lines at LF, CRLF or CR (line *n* of the file is element *n − 1*).
    static func lines(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return lineRanges(bytes).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    /// The byte ranges of the lines of UTF-8 `bytes`, split as `lines(_:)` splits (a last empty line is no line).
    static func lineRanges(_ bytes: [UInt8]) -> [Range<Int>] { Array(LineRanges(bytes)) }

    /// The byte ranges of the lines one after another, for a reader that needs no array of them (an MT940 file of
    /// 10,000 entries has 50,000 lines).
    struct LineRanges: Sequence, IteratorProtocol {
        private let bytes: [UInt8]
        private var index = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        mutating func next() -> Range<Int>? {
            guard index < bytes.count else { return nil }
            let start = index
            // Through a pointer: a bounds check on every byte of a 2 MB file showed in the profile.
            let end = bytes.withUnsafeBufferPointer { buffer in
                var end = start
                while end < buffer.count, buffer[end] != 0x0A, buffer[end] != 0x0D { end += 1 }
                return end
            }
            guard end < bytes.count else {
                index = end
                return start..<end
            }
            index = end + 1
            if bytes[end] == 0x0D, index < bytes.count, bytes[index] == 0x0A { index += 1 }
            return start..<end
        }
    }
}
