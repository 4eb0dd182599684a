import Foundation
import KontorQR
import Testing
import KontorTestTools

/// Module-for-module agreement with segno, an independent encoder, across versions, levels and masks.
@Suite("Agreement with segno")
struct SegnoComparisonTests {
    static let epcPayload = "BCD\n002\n1\nSCT\n\nErika Mustermann\nDE89370400440532013000\nEUR1190.00\n\n\nRE-2026-0042"

    /// A payload whose smallest fitting version at `errorCorrection` is exactly `version`.
    static func payload(filling version: Int, errorCorrection: QRErrorCorrection,
                        using generator: inout SeededGenerator) -> [UInt8] {
        let lower = QRCode.byteCapacity(version: version - 1, errorCorrection: errorCorrection) + 1
        let upper = QRCode.byteCapacity(version: version, errorCorrection: errorCorrection)
        return generator.bytes(count: Int.random(in: max(lower, 1)...upper, using: &generator))
    }

    /// Encodes every case with both encoders and compares version, mask and all modules.
    private func compareWithSegno(_ cases: [SegnoCase], sourceLocation: SourceLocation = #_sourceLocation) throws {
        try #require(ExternalTools.hasSegno, Comment(rawValue: ExternalTools.segnoHint))
        let symbols = try SegnoReference.encode(cases.map(\.request))
        try #require(symbols.count == cases.count, "segno answered \(symbols.count) of \(cases.count) requests")
        for (testCase, symbol) in zip(cases, symbols) {
            let ours = try QRCode.encode(testCase.bytes, errorCorrection: testCase.errorCorrection,
                                         minimumVersion: testCase.version ?? 1, mask: testCase.mask)
            let label = "\(testCase.bytes.count) bytes, \(symbol.version)-\(symbol.error)"
            #expect(ours.version == symbol.version, "version, \(label)", sourceLocation: sourceLocation)
            #expect(ours.mask == symbol.mask, "mask, \(label)", sourceLocation: sourceLocation)
            #expect(symbol.error == SegnoReference.letter(for: testCase.errorCorrection),
                    sourceLocation: sourceLocation)
            let mismatch = Self.firstMismatch(SegnoReference.rows(of: ours), symbol.rows)
            #expect(mismatch == nil, "modules differ at \(mismatch ?? ""), \(label) mask \(symbol.mask)",
                    sourceLocation: sourceLocation)
        }
    }

    private static func firstMismatch(_ ours: [String], _ theirs: [String]) -> String? {
        guard ours.count == theirs.count else { return "size \(ours.count) vs \(theirs.count)" }
        for (row, (left, right)) in zip(ours, theirs).enumerated() where left != right {
            let column = zip(left, right).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? -1
            let total = zip(ours, theirs).reduce(0) { sum, pair in
                sum + zip(pair.0, pair.1).filter { $0 != $1 }.count
            }
            return "row \(row) column \(column) (\(total) modules in all)"
        }
        return nil
    }

    @Test("EPC GiroCode example: version 5-M, same mask, same modules")
    func epcExample() throws {
        let bytes = Array(Self.epcPayload.utf8)
        #expect(bytes.count == 80)
        let code = try QRCode.encode(Self.epcPayload)
        #expect(code.version == 5)
        #expect(code.errorCorrection == .medium)
        #expect(code.size == 37)
        var cases = [SegnoCase(bytes: bytes, errorCorrection: .medium)]
        cases += (0..<8).map { SegnoCase(bytes: bytes, errorCorrection: .medium, version: 5, mask: $0) }
        try compareWithSegno(cases)
    }

    @Test("all eight forced masks at versions 1 to 40", arguments: [1, 2, 5, 7, 10, 14, 20, 27, 32, 40])
    func forcedMasks(version: Int) throws {
        var generator = SeededGenerator(seed: UInt64(version) * 7919)
        let bytes = Self.payload(filling: version, errorCorrection: .medium, using: &generator)
        let cases = (0..<8).map { SegnoCase(bytes: bytes, errorCorrection: .medium, version: version, mask: $0) }
        try compareWithSegno(cases)
    }

    @Test("automatic version and mask choice for every version at level M")
    func automaticChoicePerVersion() throws {
        var generator = SeededGenerator(seed: 40)
        let cases = (1...40).map { version in
            SegnoCase(bytes: Self.payload(filling: version, errorCorrection: .medium, using: &generator),
                      errorCorrection: .medium)
        }
        try compareWithSegno(cases)
    }

    @Test("automatic choice for EPC-sized random payloads at level M")
    func automaticChoiceForPayloadSizes() throws {
        var generator = SeededGenerator(seed: 2026)
        let cases = (0..<120).map { _ in
            SegnoCase(bytes: generator.bytes(count: Int.random(in: 1...400, using: &generator)),
                      errorCorrection: .medium)
        }
        try compareWithSegno(cases)
    }

    @Test("automatic choice at levels L, Q and H", arguments: [QRErrorCorrection.low, .quartile, .high])
    func otherLevels(errorCorrection: QRErrorCorrection) throws {
        var generator = SeededGenerator(seed: 17)
        var cases = [1, 3, 6, 9, 13, 19, 26, 35].map { version in
            SegnoCase(bytes: Self.payload(filling: version, errorCorrection: errorCorrection, using: &generator),
                      errorCorrection: errorCorrection)
        }
        cases.append(SegnoCase(bytes: Array(Self.epcPayload.utf8), errorCorrection: errorCorrection))
        try compareWithSegno(cases)
    }

    @Test("a requested minimum version is honoured like segno's fixed version")
    func minimumVersion() throws {
        let bytes = Array("Kontor".utf8)
        let code = try QRCode.encode(bytes, minimumVersion: 8)
        #expect(code.version == 8)
        try compareWithSegno([SegnoCase(bytes: bytes, errorCorrection: .medium, version: 8)])
    }
}

/// One comparison: payload, level and optionally a fixed version and mask.
struct SegnoCase {
    let bytes: [UInt8]
    let errorCorrection: QRErrorCorrection
    var version: Int?
    var mask: Int?

    var request: SegnoReference.Request {
        SegnoReference.Request(bytes: bytes, errorCorrection: errorCorrection, version: version, mask: mask)
    }
}
