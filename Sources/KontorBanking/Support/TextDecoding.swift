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
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(scalar): scalars.append(scalar)
            case .emptyInput: return String(scalars)
            case .error: return nil
            }
        }
    }

    /// Windows-1252: Latin-1 plus the printable characters in 0x80–0x9F.
    static func windows1252(_ bytes: Data.SubSequence) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            if (0x80...0x9F).contains(byte), let special = cp1252High[Int(byte - 0x80)] {
                scalars.append(special)
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }

    private static let cp1252High: [Unicode.Scalar?] = [
        "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
        nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
    ]

    /// Splits text into lines at LF, CRLF or CR (line *n* of the file is element *n − 1*).
    static func lines(_ text: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                if !previousWasCR { lines.append(String(current)) }
                current = String.UnicodeScalarView()
                previousWasCR = false
            } else if scalar == "\r" {
                lines.append(String(current))
                current = String.UnicodeScalarView()
                previousWasCR = true
            } else {
                current.append(scalar)
                previousWasCR = false
            }
        }
        if !current.isEmpty { lines.append(String(current)) }
        return lines
    }
}
