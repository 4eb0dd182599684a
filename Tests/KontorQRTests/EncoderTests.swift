@testable import KontorQR
import Testing

@Suite("Encoder behaviour and public API")
struct EncoderTests {
    /// Byte-mode capacities of ISO/IEC 18004, Table 7, versions 1 to 40.
    static let capacities: [QRErrorCorrection: [Int]] = [
        .low: [17, 32, 53, 78, 106, 134, 154, 192, 230, 271, 321, 367, 425, 458, 520, 586, 644, 718, 792, 858,
               929, 1003, 1091, 1171, 1273, 1367, 1465, 1528, 1628, 1732, 1840, 1952, 2068, 2188, 2303, 2431,
               2563, 2699, 2809, 2953],
        .medium: [14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560, 624, 666,
                  711, 779, 857, 911, 997, 1059, 1125, 1190, 1264, 1370, 1452, 1538, 1628, 1722, 1809, 1911,
                  1989, 2099, 2213, 2331],
        .quartile: [11, 20, 32, 46, 60, 74, 86, 108, 130, 151, 177, 203, 241, 258, 292, 322, 364, 394, 442, 482,
                    509, 565, 611, 661, 715, 751, 805, 868, 908, 982, 1030, 1112, 1168, 1228, 1283, 1351, 1423,
                    1499, 1579, 1663],
        .high: [7, 14, 24, 34, 44, 58, 64, 84, 98, 119, 137, 155, 177, 194, 220, 250, 280, 310, 338, 382, 403,
                439, 461, 511, 535, 593, 625, 658, 698, 742, 790, 842, 898, 958, 983, 1051, 1093, 1139, 1219,
                1273],
    ]

    @Test("byte capacities match the standard's table", arguments: QRErrorCorrection.allCases)
    func capacities(errorCorrection: QRErrorCorrection) throws {
        let expected = try #require(Self.capacities[errorCorrection])
        #expect((1...40).map { QRCode.byteCapacity(version: $0, errorCorrection: errorCorrection) } == expected)
        #expect(QRCode.byteCapacity(version: 0, errorCorrection: errorCorrection) == 0)
        #expect(QRCode.byteCapacity(version: 41, errorCorrection: errorCorrection) == 0)
    }

    @Test("the smallest fitting version is chosen, right at every capacity boundary")
    func versionBoundaries() throws {
        for version in [1, 2, 5, 9, 10, 13, 26, 27, 39] {
            let capacity = QRCode.byteCapacity(version: version, errorCorrection: .medium)
            #expect(try QRCode.encode([UInt8](repeating: 0x61, count: capacity)).version == version)
            #expect(try QRCode.encode([UInt8](repeating: 0x61, count: capacity + 1)).version == version + 1)
        }
    }

    @Test("the largest 40-M payload fits, one more byte is rejected")
    func capacityLimit() throws {
        let largest = [UInt8](repeating: 0x5A, count: 2331)
        let code = try QRCode.encode(largest)
        #expect(code.version == 40)
        #expect(code.size == 177)
        #expect(throws: QREncodingError.dataTooLong(byteCount: 2332, maximumByteCount: 2331)) {
            try QRCode.encode(largest + [0x5A])
        }
        #expect(throws: QREncodingError.dataTooLong(byteCount: 2954, maximumByteCount: 2953)) {
            try QRCode.encode([UInt8](repeating: 1, count: 2954), errorCorrection: .low)
        }
        #expect(throws: QREncodingError.dataTooLong(byteCount: 2332, maximumByteCount: 2331)) {
            try QRCode.encode([UInt8](repeating: 1, count: 2332), minimumVersion: 40)
        }
    }

    @Test("invalid arguments throw")
    func invalidArguments() {
        #expect(throws: QREncodingError.invalidVersion(0)) { try QRCode.encode("x", minimumVersion: 0) }
        #expect(throws: QREncodingError.invalidVersion(41)) { try QRCode.encode("x", minimumVersion: 41) }
        #expect(throws: QREncodingError.invalidMask(8)) { try QRCode.encode("x", mask: 8) }
        #expect(throws: QREncodingError.invalidMask(-1)) { try QRCode.encode("x", mask: -1) }
    }

    @Test("requested version, level and mask are reported back")
    func reportedProperties() throws {
        for mask in 0..<8 {
            let code = try QRCode.encode([1, 2, 3], errorCorrection: .high, minimumVersion: 3, mask: mask)
            #expect(code.version == 3)
            #expect(code.errorCorrection == .high)
            #expect(code.mask == mask)
            #expect(code.size == 29)
        }
        let empty = try QRCode.encode([UInt8]())
        #expect(empty.version == 1)
        #expect(empty.size == 21)
    }

    @Test("string, byte and initializer entry points agree")
    func entryPoints() throws {
        let text = "Grüße aus dem Kontor – 42 €"
        let fromString = try QRCode.encode(text)
        #expect(fromString == (try QRCode.encode(Array(text.utf8))))
        #expect(fromString == (try QRCode(text)))
        #expect(fromString == (try QRCode(Array(text.utf8))))
        #expect(try QRCode(text, errorCorrection: .low, minimumVersion: 4, mask: 2)
            == QRCode.encode(text, errorCorrection: .low, minimumVersion: 4, mask: 2))
        #expect(fromString != (try QRCode.encode(text + "!")))
    }

    @Test("modules and isDark agree; outside the symbol is light")
    func moduleAccess() throws {
        let code = try QRCode.encode(SegnoComparisonTests.epcPayload)
        let modules = code.modules
        #expect(modules.count == code.size)
        #expect(modules.allSatisfy { $0.count == code.size })
        for row in 0..<code.size {
            for column in 0..<code.size {
                #expect(modules[row][column] == code.isDark(row: row, column: column))
            }
        }
        for outside in [(-1, 0), (0, -1), (code.size, 0), (0, code.size), (-4, -4)] {
            #expect(!code.isDark(row: outside.0, column: outside.1))
        }
        let darkCount = modules.joined().filter { $0 }.count
        #expect(darkCount > code.size * code.size / 3 && darkCount < code.size * code.size * 2 / 3)
    }

    @Test("finder, separator, timing and alignment patterns", arguments: [1, 2, 7, 14, 32, 40])
    func functionPatterns(version: Int) throws {
        let code = try QRCode.encode("patterns", minimumVersion: version)
        let size = code.size
        #expect(size == 4 * version + 17)
        for (top, left) in [(0, 0), (0, size - 7), (size - 7, 0)] {
            for row in -1...7 {
                for column in -1...7 {
                    let ring = max(abs(row - 3), abs(column - 3))
                    let inside = top + row >= 0 && top + row < size && left + column >= 0 && left + column < size
                    guard inside else { continue }
                    #expect(code.isDark(row: top + row, column: left + column) == (ring != 2 && ring != 4),
                            "finder at \(top),\(left) offset \(row),\(column)")
                }
            }
        }
        for index in 8..<(size - 8) {
            #expect(code.isDark(row: 6, column: index) == index.isMultiple(of: 2))
            #expect(code.isDark(row: index, column: 6) == index.isMultiple(of: 2))
        }
        let positions = VersionTable.alignmentPositions(version: version)
        #expect(positions.count == (version == 1 ? 0 : version / 7 + 2))
        for row in positions {
            for column in positions where !(row == 6 && column == 6) && !(row == 6 && column == size - 7)
                && !(row == size - 7 && column == 6) {
                #expect(code.isDark(row: row, column: column))
                #expect(!code.isDark(row: row - 1, column: column))
                #expect(code.isDark(row: row + 2, column: column - 2))
            }
        }
    }

    @Test("Annex E alignment pattern positions for a few versions")
    func alignmentPositions() {
        #expect(VersionTable.alignmentPositions(version: 1) == [])
        #expect(VersionTable.alignmentPositions(version: 2) == [6, 18])
        #expect(VersionTable.alignmentPositions(version: 7) == [6, 22, 38])
        #expect(VersionTable.alignmentPositions(version: 32) == [6, 34, 60, 86, 112, 138])
        #expect(VersionTable.alignmentPositions(version: 36) == [6, 24, 50, 76, 102, 128, 154])
        #expect(VersionTable.alignmentPositions(version: 40) == [6, 30, 58, 86, 114, 142, 170])
    }

    @Test("codeword counts add up to the data modules of every version")
    func moduleBudget() {
        for version in 1...40 {
            let patterns = FunctionPatterns<Line192>(version: version)
            let reserved = patterns.reservedRows.reduce(0) { $0 + $1.nonzeroBitCount }
            let size = VersionTable.size(of: version)
            #expect(size * size - reserved == VersionTable.rawDataModules(version: version), "version \(version)")
        }
        #expect(VersionTable.totalCodewords(version: 1) == 26)
        #expect(VersionTable.totalCodewords(version: 40) == 3706)
    }
}
