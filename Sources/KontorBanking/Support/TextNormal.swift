/// Text clean-up shared by the parsers.
enum TextNormal {
    /// Trims and collapses runs of white space (also tabs, NBSP and line breaks) to one space.
    static func collapse(_ text: String) -> String {
        // Fast path: ASCII-clean text with single inner spaces is returned as it is. The bytes are read through a
        // pointer (no copy for native strings): this runs several times for every entry of a large statement.
        var bytes = text
        let clean = bytes.withUTF8 { utf8 -> Bool in
            var previous: UInt8 = 32
            for byte in utf8 {
                if byte < 32 || byte == 0xC2 || (byte == 32 && previous == 32) { return false }
                previous = byte
            }
            return previous != 32
        }
        if clean { return text }
        if text.isEmpty { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "\u{00A0}" {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.unicodeScalars.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Trims spaces, tabs, line breaks and NBSP at both ends (without Foundation, for the hot XML path).
    static func trim(_ text: String) -> String {
        let scalars = text.unicodeScalars
        func isSpace(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\n" || s == "\r" || s == "\t" || s == "\u{00A0}" }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return text }
        return String(scalars[first...last])
    }

    /// `collapse(text)`, or nil when that is empty.
    static func nonEmpty(_ text: String?) -> String? {
        guard let text else { return nil }
        let value = collapse(text)
        return value.isEmpty ? nil : value
    }

    /// Whether `text.uppercased() == word` for a `word` in ASCII capitals (`NONREF`, `NOTPROVIDED`). ASCII text is
    /// compared on its bytes: `uppercased()` made a new string for every entry's reference.
    static func uppercasedEquals(_ text: String, _ word: StaticString) -> Bool {
        var text = text
        let ascii = text.withUTF8 { utf8 -> Bool? in
            // Through a pointer: iterating `String.UTF8View` costs an index step per byte.
            guard !utf8.contains(where: { $0 >= 0x80 }) else { return nil }
            guard utf8.count == word.utf8CodeUnitCount else { return false }
            return word.withUTF8Buffer { wanted in
                zip(utf8, wanted).allSatisfy { byte, capital in
                    byte == capital || ((97...122).contains(byte) && byte - 32 == capital)
                }
            }
        }
        return ascii ?? (text.uppercased() == word.description)
    }

    /// Upper case without spaces; an account already written so (capitals and digits) is returned as it is.
    static func compactAccount(_ account: String) -> String {
        var account = account
        let plain = account.withUTF8 { $0.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) } }
        return plain ? account : account.uppercased().filter { $0 != " " }
    }

    /// Whether `text` looks like an IBAN (2 letters, 2 digits, then letters/digits; 15–34 characters).
    /// Spaces do not count; anything but ASCII capitals, digits and spaces means no.
    static func looksLikeIBAN(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { utf8 -> Bool in
            var count = 0
            var head: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
            for byte in utf8 where byte != 32 {
                guard (65...90).contains(byte) || (48...57).contains(byte) else { return false }
                switch count {
                case 0: head.0 = byte
                case 1: head.1 = byte
                case 2: head.2 = byte
                case 3: head.3 = byte
                default: break
                }
                count += 1
            }
            guard (15...34).contains(count) else { return false }
            func isLetter(_ c: UInt8) -> Bool { (65...90).contains(c) }
            func isDigit(_ c: UInt8) -> Bool { (48...57).contains(c) }
            return isLetter(head.0) && isLetter(head.1) && isDigit(head.2) && isDigit(head.3)
        }
    }
}
