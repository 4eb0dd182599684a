@testable import KontorQR
import Testing

@Suite("Format and version information")
struct FormatInfoTests {
    /// ISO/IEC 18004, Table C.1 (masked), checked against segno's `calc_format_info`.
    static let formatTable: [QRErrorCorrection: [String]] = [
        .low: ["111011111000100", "111001011110011", "111110110101010", "111100010011101",
               "110011000101111", "110001100011000", "110110001000001", "110100101110110"],
        .medium: ["101010000010010", "101000100100101", "101111001111100", "101101101001011",
                  "100010111111001", "100000011001110", "100111110010111", "100101010100000"],
        .quartile: ["011010101011111", "011000001101000", "011111100110001", "011101000000110",
                    "010010010110100", "010000110000011", "010111011011010", "010101111101101"],
        .high: ["001011010001001", "001001110111110", "001110011100111", "001100111010000",
                "000011101100010", "000001001010101", "000110100001100", "000100000111011"],
    ]

    /// ISO/IEC 18004, Table D.1, versions 7 to 40.
    static let versionTable: [Int] = [
        0x07C94, 0x085BC, 0x09A99, 0x0A4D3, 0x0BBF6, 0x0C762, 0x0D847, 0x0E60D, 0x0F928, 0x10B78,
        0x1145D, 0x12A17, 0x13532, 0x149A6, 0x15683, 0x168C9, 0x177EC, 0x18EC4, 0x191E1, 0x1AFAB,
        0x1B08E, 0x1CC1A, 0x1D33F, 0x1ED75, 0x1F250, 0x209D5, 0x216F0, 0x228BA, 0x2379F, 0x24B0B,
        0x2542E, 0x26A64, 0x27541, 0x28C69,
    ]

    @Test("format bits for all 32 level/mask combinations", arguments: QRErrorCorrection.allCases)
    func formatBits(errorCorrection: QRErrorCorrection) throws {
        let expected = try #require(Self.formatTable[errorCorrection])
        for mask in 0..<8 {
            let bits = FormatInfo.formatBits(errorCorrection: errorCorrection, mask: mask)
            #expect(String(bits, radix: 2).leftPadded(to: 15) == expected[mask], "mask \(mask)")
        }
    }

    @Test("format codewords are 15-bit BCH codewords at distance 7 or more")
    func formatDistance() {
        let all = QRErrorCorrection.allCases.flatMap { level in
            (0..<8).map { FormatInfo.formatBits(errorCorrection: level, mask: $0) }
        }
        #expect(Set(all).count == 32)
        for (index, first) in all.enumerated() {
            #expect(first >> 15 == 0)
            for second in all[(index + 1)...] {
                #expect((first ^ second).nonzeroBitCount >= 7)
            }
        }
    }

    @Test("version information bits for versions 7 to 40")
    func versionBits() {
        for (offset, expected) in Self.versionTable.enumerated() {
            #expect(FormatInfo.versionBits(version: 7 + offset) == expected, "version \(7 + offset)")
        }
    }

    @Test("both format copies and the dark module in the finished symbol", arguments: QRErrorCorrection.allCases)
    func formatPlacement(errorCorrection: QRErrorCorrection) throws {
        for mask in 0..<8 {
            let code = try QRCode.encode("format \(mask)", errorCorrection: errorCorrection, mask: mask)
            let size = code.size
            // Bits 14 … 0 in reading order, around the top-left finder.
            let first: [(Int, Int)] = [(8, 0), (8, 1), (8, 2), (8, 3), (8, 4), (8, 5), (8, 7), (8, 8), (7, 8),
                                       (5, 8), (4, 8), (3, 8), (2, 8), (1, 8), (0, 8)]
            // Bits 14 … 0: up column 8 at the bottom-left, then right along row 8 at the top-right.
            let second: [(Int, Int)] = (0..<7).map { (size - 1 - $0, 8) } + (0..<8).map { (8, size - 8 + $0) }
            let expected = try #require(Self.formatTable[errorCorrection])[mask]
            #expect(Self.read(code, first) == expected, "first copy, mask \(mask)")
            #expect(Self.read(code, second) == expected, "second copy, mask \(mask)")
            #expect(code.isDark(row: size - 8, column: 8))
        }
    }

    @Test("version information blocks from version 7 on", arguments: [7, 8, 21, 40])
    func versionPlacement(version: Int) throws {
        let code = try QRCode.encode("v", minimumVersion: version)
        let size = code.size
        var topRight = 0
        var bottomLeft = 0
        for bit in 0..<18 {
            if code.isDark(row: bit / 3, column: size - 11 + bit % 3) { topRight |= 1 << bit }
            if code.isDark(row: size - 11 + bit % 3, column: bit / 3) { bottomLeft |= 1 << bit }
        }
        #expect(topRight == Self.versionTable[version - 7])
        #expect(bottomLeft == Self.versionTable[version - 7])
    }

    private static func read(_ code: QRCode, _ positions: [(Int, Int)]) -> String {
        String(positions.map { code.isDark(row: $0.0, column: $0.1) ? "1" : "0" })
    }
}

extension String {
    func leftPadded(to length: Int) -> String {
        String(repeating: "0", count: max(0, length - count)) + self
    }
}
