import Foundation
import KontorQR
import Testing
import KontorTestTools

/// Encodes, renders to PNG and decodes with zbar, a widely used independent reader.
@Suite("Round trip through zbarimg")
struct RoundTripTests {
    /// Text that scanners handle without guessing games: printable ASCII, line breaks (EPC
    /// payloads are line-based) and some German UTF-8.
    static func textPayload(byteCount: Int, using generator: inout SeededGenerator) -> [UInt8] {
        let extras = ["\n", "ä", "ö", "ü", "ß", "Ä", "€", "é"]
        var bytes = [UInt8]()
        while bytes.count < byteCount {
            var piece = [UInt8(Int.random(in: 0x20...0x7E, using: &generator))]
            if Int.random(in: 0..<8, using: &generator) == 0 {
                piece = Array(extras[Int.random(in: 0..<extras.count, using: &generator)].utf8)
            }
            if bytes.count + piece.count > byteCount {
                piece = [UInt8(Int.random(in: 0x41...0x5A, using: &generator))]
            }
            bytes += piece
        }
        return bytes
    }

    @Test("200 random text payloads of 1 to 300 bytes decode to the same bytes")
    func randomPayloads() throws {
        try #require(ExternalTools.hasZbar, Comment(rawValue: ExternalTools.zbarHint))
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("kontorqr-roundtrip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        var generator = SeededGenerator(seed: 0x4B6F_6E74_6F72)
        let levels: [QRErrorCorrection] = [.medium, .low, .medium, .quartile, .medium, .high]
        var failures = 0
        for index in 0..<200 {
            let payload = Self.textPayload(byteCount: Int.random(in: 1...300, using: &generator), using: &generator)
            // Every other symbol forces a mask so that all eight get decoded, not just the favourites.
            let mask = index.isMultiple(of: 2) ? nil : (index / 2) % 8
            let code = try QRCode.encode(payload, errorCorrection: levels[index % levels.count], mask: mask)
            let file = directory.appendingPathComponent("symbol-\(index).png")
            try SymbolRenderer.png(code).write(to: file)
            // -Sbinary hands back the raw bytes without character set conversion or newline.
            let result = try Subprocess.run("zbarimg", ["--raw", "-q", "-Sbinary", file.path])
            let decoded = [UInt8](result.stdout)
            if decoded != payload {
                failures += 1
            }
            #expect(result.status == 0, "zbarimg exit status \(result.status) for payload \(index)")
            #expect(decoded == payload,
                    "payload \(index), \(payload.count) bytes, version \(code.version), mask \(code.mask)")
            if failures > 5 {
                Issue.record("stopping after \(failures) failed round trips")
                return
            }
        }
    }

    @Test("the EPC example round-trips, newlines included")
    func epcExample() throws {
        try #require(ExternalTools.hasZbar, Comment(rawValue: ExternalTools.zbarHint))
        let code = try QRCode.encode(SegnoComparisonTests.epcPayload)
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("kontorqr-epc-\(UUID().uuidString).png")
        try SymbolRenderer.png(code).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try Subprocess.run("zbarimg", ["--raw", "-q", "-Sbinary", file.path])
        #expect(result.status == 0)
        #expect(result.text == SegnoComparisonTests.epcPayload)
    }
}
