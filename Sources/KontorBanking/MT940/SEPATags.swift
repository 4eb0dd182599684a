import Foundation

/// The SEPA keywords German banks put into the purpose text: `EREF+`, `MREF+`, `CRED+`, `SVWZ+` ….
///
/// Read from the UTF-8 bytes: every keyword ends in `+`, so one pass over the bytes finds them all in text order
/// (a search per keyword through Foundation cost more than the rest of an MT940 entry together).
struct SEPATags {
    static let keys = ["EREF", "KREF", "MREF", "CRED", "DEBT", "SVWZ", "ABWA", "ABWE", "IBAN", "BIC", "COAM", "OAMT", "PURP"]

    private let text: String
    /// The keywords in text order; nil when the character search decided, and `searched` holds its values.
    private let marks: [Mark]?
    private let searched: [String: String]

    init(_ text: String) {
        var bytes = text
        let marks = bytes.withUTF8 { Self.marks(in: $0) }
        self.text = text
        self.marks = marks
        searched = marks == nil ? Self.search(text) : [:]
    }

    /// The first non-empty value of `key` (white space collapsed). Values are made only when asked for: a parser
    /// wants three of the thirteen keywords.
    func value(_ key: String) -> String? {
        guard let wanted = Self.keys.firstIndex(of: key) else { return nil }
        return value(key: wanted)
    }

    /// `value` of the keyword `keys[wanted]`.
    private func value(key wanted: Int) -> String? {
        guard let marks else { return searched[Self.keys[wanted]] }
        guard !marks.isEmpty else { return nil }
        var text = text
        return text.withUTF8 { bytes -> String? in
            for (index, mark) in marks.enumerated() where mark.key == wanted {
                let end = index + 1 < marks.count ? marks[index + 1].start : bytes.count
                guard mark.valueStart <= end else { continue }
                let slice = UnsafeBufferPointer(rebasing: bytes[mark.valueStart..<end])
                let value = TextNormal.collapse(String(decoding: slice, as: UTF8.self))
                if !value.isEmpty { return value }
            }
            return nil
        }
    }

    /// Every keyword with a value.
    var values: [String: String] {
        var values: [String: String] = [:]
        for key in Self.keys { values[key] = value(key) }
        return values
    }

    /// A keyword found at byte offset `start`; its value starts at `valueStart` (after the `+`).
    struct Mark {
        var key: Int
        var start: Int
        var valueStart: Int
    }

    /// The keywords in `bytes` in text order, or nil when a `+` is followed by a combining mark: there the text's
    /// characters and its bytes disagree about where the keyword ends, and the character search decides.
    static func marks(in bytes: UnsafeBufferPointer<UInt8>) -> [Mark]? {
        var marks: [Mark] = []
        var index = 3
        while index < bytes.count {
            // `+` is 0x2B; the keys are 3 or 4 upper-case ASCII letters right before it.
            if bytes[index] == 0x2B, let key = key(before: index, in: bytes) {
                if index + 1 < bytes.count, bytes[index + 1] >= 0x80, startsWithMark(bytes, at: index + 1) {
                    return nil
                }
                marks.append(Mark(key: key, start: index - keys[key].utf8.count, valueStart: index + 1))
            }
            index += 1
        }
        return marks
    }

    /// The index in `keys` of the keyword that ends right before the `+` at `plus`.
    private static func key(before plus: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        func letter(_ offset: Int) -> UInt8 { plus - offset >= 0 ? bytes[plus - offset] : 0 }
        let (a, b, c, d) = (letter(4), letter(3), letter(2), letter(1))
        guard (65...90).contains(c), (65...90).contains(d) else { return nil }
        switch (a, b, c, d) {
        case (0x45, 0x52, 0x45, 0x46): return 0  // EREF
        case (0x4B, 0x52, 0x45, 0x46): return 1  // KREF
        case (0x4D, 0x52, 0x45, 0x46): return 2  // MREF
        case (0x43, 0x52, 0x45, 0x44): return 3  // CRED
        case (0x44, 0x45, 0x42, 0x54): return 4  // DEBT
        case (0x53, 0x56, 0x57, 0x5A): return 5  // SVWZ
        case (0x41, 0x42, 0x57, 0x41): return 6  // ABWA
        case (0x41, 0x42, 0x57, 0x45): return 7  // ABWE
        case (0x49, 0x42, 0x41, 0x4E): return 8  // IBAN
        case (0x43, 0x4F, 0x41, 0x4D): return 10  // COAM
        case (0x4F, 0x41, 0x4D, 0x54): return 11  // OAMT
        case (0x50, 0x55, 0x52, 0x50): return 12  // PURP
        case (_, 0x42, 0x49, 0x43): return 9  // BIC
        default: return nil
        }
    }

    /// Whether the scalar starting at `index` joins the character before it (a combining mark, a joiner).
    static func startsWithMark(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        var iterator = bytes[index...].makeIterator()
        var decoder = UTF8()
        guard case let .scalarValue(scalar) = decoder.decode(&iterator) else { return false }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return properties.isGraphemeExtend || scalar.value == 0x200D
        }
    }

    /// The search by characters, for text where a keyword is followed by a combining mark.
    static func search(_ text: String) -> [String: String] {
        var values: [String: String] = [:]
        var marks: [(range: Range<String.Index>, key: String)] = []
        for key in Self.keys {
            var searchStart = text.startIndex
            while let range = text.range(of: key + "+", range: searchStart..<text.endIndex) {
                marks.append((range, key))
                searchStart = range.upperBound
            }
        }
        marks.sort { $0.range.lowerBound < $1.range.lowerBound }
        for (index, mark) in marks.enumerated() {
            let end = index + 1 < marks.count ? marks[index + 1].range.lowerBound : text.endIndex
            guard mark.range.upperBound <= end else { continue }
            let value = TextNormal.collapse(String(text[mark.range.upperBound..<end]))
            if values[mark.key] == nil, !value.isEmpty { values[mark.key] = value }
        }
        return values
    }

    /// `EREF+` unless it is the placeholder `NOTPROVIDED`.
    var endToEndId: String? {
        value(key: 0).flatMap { TextNormal.uppercasedEquals($0, "NOTPROVIDED") ? nil : $0 }  // EREF
    }
    var mandateId: String? { value(key: 2) }  // MREF
    var creditorId: String? { value(key: 3) }  // CRED
}
