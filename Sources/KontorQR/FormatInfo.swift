/// Format and version information: BCH-protected metadata that tells a reader how to
/// decode the rest of the symbol (ISO/IEC 18004, 7.9 and 7.10).
enum FormatInfo {
    /// Generator of the (15, 5) BCH code: x^10 + x^8 + x^5 + x^4 + x^2 + x + 1.
    static let formatGenerator = 0x537
    /// XORed onto the format bits so that they are never all zero (7.9.1).
    static let formatXorMask = 0x5412
    /// Generator of the (18, 6) BCH code: x^12 + x^11 + x^10 + x^9 + x^8 + x^5 + x^2 + 1.
    static let versionGenerator = 0x1F25

    /// The 15 format bits for a level and mask, bit 14 first in reading order.
    static func formatBits(errorCorrection: QRErrorCorrection, mask: Int) -> Int {
        let data = errorCorrection.formatBits << 3 | mask
        return (data << 10 | bchRemainder(data, degree: 10, generator: formatGenerator)) ^ formatXorMask
    }

    /// The 18 version information bits (only drawn for versions 7 and above).
    static func versionBits(version: Int) -> Int {
        version << 12 | bchRemainder(version, degree: 12, generator: versionGenerator)
    }

    /// Remainder of data · x^degree divided by `generator`, by long division over GF(2).
    private static func bchRemainder(_ data: Int, degree: Int, generator: Int) -> Int {
        var remainder = data << degree
        for bit in stride(from: bitWidth(of: remainder) - 1, through: degree, by: -1)
        where remainder >> bit & 1 != 0 {
            remainder ^= generator << (bit - degree)
        }
        return remainder
    }

    private static func bitWidth(of value: Int) -> Int {
        Int.bitWidth - value.leadingZeroBitCount
    }

    /// Writes format information (both copies), the always-dark module and, from version 7,
    /// version information into a row-major module buffer.
    static func draw(into modules: inout [Bool], size: Int, version: Int,
                     errorCorrection: QRErrorCorrection, mask: Int) {
        let format = formatBits(errorCorrection: errorCorrection, mask: mask)
        func set(_ row: Int, _ column: Int, _ bit: Int, of value: Int) {
            modules[row * size + column] = value >> bit & 1 != 0
        }
        // First copy around the top-left finder: down column 8, then left along row 8,
        // stepping over the timing pattern in row/column 6.
        for bit in 0...5 {
            set(bit, 8, bit, of: format)
        }
        set(7, 8, 6, of: format)
        set(8, 8, 7, of: format)
        set(8, 7, 8, of: format)
        for bit in 9..<15 {
            set(8, 14 - bit, bit, of: format)
        }
        // Second copy: row 8 under the top-right finder, column 8 beside the bottom-left one.
        for bit in 0..<8 {
            set(8, size - 1 - bit, bit, of: format)
        }
        for bit in 8..<15 {
            set(size - 15 + bit, 8, bit, of: format)
        }
        modules[(size - 8) * size + 8] = true

        guard version >= 7 else { return }
        let versionInfo = versionBits(version: version)
        for bit in 0..<18 {
            let near = bit / 3
            let far = size - 11 + bit % 3
            set(near, far, bit, of: versionInfo)
            set(far, near, bit, of: versionInfo)
        }
    }
}
