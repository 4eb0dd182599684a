/// Low-level PDF token writing on byte buffers.
///
/// PDF is a byte format: offsets in the cross-reference table count bytes, and Swift `String`
/// treats "\r\n" as one character, so everything is written as `[UInt8]` directly. Number
/// formatting avoids `String(format:)`, which dominated serialisation time in measurements.
extension Array where Element == UInt8 {
    @inline(__always)
    mutating func append(ascii text: StaticString) {
        text.withUTF8Buffer { append(contentsOf: $0) }
    }

    @inline(__always)
    mutating func append(_ text: String) {
        append(contentsOf: text.utf8)
    }

    /// Appends an integer in decimal.
    mutating func appendInteger(_ value: Int) {
        if value < 0 {
            append(UInt8(ascii: "-"))
            appendInteger(-value)
            return
        }
        if value < 10 {
            append(UInt8(48 + value))
            return
        }
        var divisor = 10
        while divisor <= value / 10 { divisor *= 10 }
        var remaining = value
        while divisor > 0 {
            append(UInt8(48 + remaining / divisor))
            remaining %= divisor
            divisor /= 10
        }
    }

    /// Appends a real number with at most `decimals` fractional digits and no trailing zeros
    /// (PDF readers reject exponent notation, which `description` may produce).
    mutating func appendNumber(_ value: Double, decimals: Int = 3) {
        guard value.isFinite else {
            append(UInt8(ascii: "0"))
            return
        }
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * Double(scale)).rounded()
        guard scaled < 9e15 else {
            appendInteger(value < 0 ? -Int(9e15 / Double(scale)) : Int(9e15 / Double(scale)))
            return
        }
        let total = Int(scaled)
        if total == 0 {
            append(UInt8(ascii: "0"))
            return
        }
        if value < 0 { append(UInt8(ascii: "-")) }
        appendInteger(total / scale)
        var fraction = total % scale
        guard fraction != 0 else { return }
        append(UInt8(ascii: "."))
        var divisor = scale / 10
        while fraction != 0 {
            append(UInt8(48 + fraction / divisor))
            fraction %= divisor
            divisor /= 10
        }
    }

    /// Appends a 16-bit value as four uppercase hex digits.
    @inline(__always)
    mutating func appendHex16(_ value: UInt16) {
        appendHexByte(UInt8(value >> 8))
        appendHexByte(UInt8(value & 0xFF))
    }

    @inline(__always)
    mutating func appendHexByte(_ value: UInt8) {
        let digits: StaticString = "0123456789ABCDEF"
        digits.withUTF8Buffer { table in
            append(table[Int(value >> 4)])
            append(table[Int(value & 0x0F)])
        }
    }

    /// Appends a PDF name (`/Name`), escaping bytes outside the regular printable set as `#xx`.
    mutating func appendName(_ name: String) {
        append(UInt8(ascii: "/"))
        for byte in name.utf8 {
            let isRegular = byte > 0x20 && byte < 0x7F && !"()<>[]{}/%#".utf8.contains(byte)
            if isRegular {
                append(byte)
            } else {
                append(UInt8(ascii: "#"))
                appendHexByte(byte)
            }
        }
    }

    /// Appends a PDF text string: a literal string when plain ASCII suffices, otherwise
    /// UTF-16BE with a byte order mark as a hex string (the encoding PDF defines for text).
    mutating func appendTextString(_ text: String) {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            append(UInt8(ascii: "("))
            for byte in text.utf8 {
                if byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") || byte == UInt8(ascii: "\\") {
                    append(UInt8(ascii: "\\"))
                }
                append(byte)
            }
            append(UInt8(ascii: ")"))
        } else {
            append(ascii: "<FEFF")
            for unit in text.utf16 { appendHex16(unit) }
            append(UInt8(ascii: ">"))
        }
    }

    /// Appends arbitrary bytes as a hex string `<...>`.
    mutating func appendHexString(_ bytes: [UInt8]) {
        append(UInt8(ascii: "<"))
        for byte in bytes { appendHexByte(byte) }
        append(UInt8(ascii: ">"))
    }
}
