/// Text rules on UTF-8 bytes for the statement parsers, written to agree with the same rules on `String`
/// (Foundation's `.whitespaces`, character boundaries) so that a byte parser reads what a character parser reads.
enum ByteText {
    /// `range` without the white space (tab and Unicode category Zs, as Foundation's `.whitespaces`) at both ends.
    static func trimmingWhitespace(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end {
            let byte = bytes[start]
            if byte == 0x20 || byte == 0x09 {
                start += 1
            } else if byte >= 0x80, let (scalar, length) = scalar(bytes, at: start, end: end), isSpace(scalar) {
                start += length
            } else {
                break
            }
        }
        while end > start {
            let byte = bytes[end - 1]
            if byte == 0x20 || byte == 0x09 {
                end -= 1
            } else if byte >= 0x80 {
                var head = end - 1
                while head > start, bytes[head] & 0xC0 == 0x80 { head -= 1 }
                guard let (scalar, length) = scalar(bytes, at: head, end: end), head + length == end, isSpace(scalar)
                else { break }
                end = head
            } else {
                break
            }
        }
        return start..<end
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator
    }

    /// The scalar that starts at `index` and its length in bytes, if the bytes there are valid UTF-8.
    static func scalar(_ bytes: [UInt8], at index: Int, end: Int) -> (Unicode.Scalar, Int)? {
        var iterator = bytes[index..<end].makeIterator()
        var decoder = UTF8()
        guard case let .scalarValue(scalar) = decoder.decode(&iterator) else { return nil }
        return (scalar, UTF8.width(scalar))
    }

    /// Whether the character that the byte at `index` belongs to ends with that byte: nothing follows, or what
    /// follows does not attach to it (a combining mark, a joiner or a variation selector would).
    static func endsCharacter(_ bytes: [UInt8], _ index: Int) -> Bool {
        let next = index + 1
        guard next < bytes.count, bytes[next] >= 0x80 else { return true }
        guard let (scalar, _) = scalar(bytes, at: next, end: bytes.count) else { return true }
        return !joinsPrevious(scalar)
    }

    /// Whether `scalar` belongs to the character before it (Unicode's Extend, SpacingMark and ZWJ).
    static func joinsPrevious(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return properties.isGraphemeExtend || scalar.value == 0x200D
        }
    }

    /// Whether the scalar that ends right before `index` takes the next character into its own (Unicode's
    /// Prepend: a few Arabic, Syriac and Brahmic signs).
    static func prependsNext(_ bytes: [UInt8], before index: Int, from start: Int) -> Bool {
        guard index > start, bytes[index - 1] >= 0x80 else { return false }
        var head = index - 1
        while head > start, bytes[head] & 0xC0 == 0x80 { head -= 1 }
        guard let (scalar, _) = scalar(bytes, at: head, end: index) else { return false }
        return (0x600...0x8FF).contains(scalar.value) || scalar.value >= 0x1_1000
    }

    /// The first index in `range` where `pattern` (ASCII) starts and its last byte ends a character.
    static func firstIndex(of pattern: [UInt8], in bytes: [UInt8], _ range: Range<Int>) -> Int? {
        guard range.count >= pattern.count else { return nil }
        var index = range.lowerBound
        while index + pattern.count <= range.upperBound {
            if bytes[index] == pattern[0], bytes[index..<index + pattern.count].elementsEqual(pattern),
                endsCharacter(bytes, index + pattern.count - 1)
            {
                return index
            }
            index += 1
        }
        return nil
    }
}
