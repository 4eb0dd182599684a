import Foundation
import KontorTestTools
import Testing
@testable import KontorPDF

struct DeflateTests {
    private static func sampleInputs() -> [[UInt8]] {
        var generator = SystemRandomNumberGenerator()
        let random = (0..<20_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let text = Array(String(repeating: "Rechnung Nr. 2025-001 über 1.234,56 € – danke! ", count: 500).utf8)
        let zeros = [UInt8](repeating: 0, count: 100_000)
        let mixed = (0..<70_000).map { UInt8(truncatingIfNeeded: ($0 * 7) ^ ($0 >> 5)) }
        return [[], [42], [1, 2], Array("abcabcabcabc".utf8), random, text, zeros, mixed]
    }

    @Test func roundTripsThroughTheLibraryInflater() throws {
        for input in Self.sampleInputs() {
            let compressed = Deflate.zlib(input)
            #expect(try Inflater.inflate(zlib: compressed) == input)
        }
    }

    @Test func outputIsReadableByZlib() throws {
        // zlib-flate (from qpdf) is an independent zlib decoder.
        for input in Self.sampleInputs() {
            let output = try PDFTools.run("zlib-flate", ["-uncompress"], stdin: Data(Deflate.zlib(input)))
            #expect([UInt8](output.stdout) == input)
        }
    }

    @Test func inflatesZlibOutputWithDynamicHuffmanCodes() throws {
        // Given data compressed by real zlib (which uses dynamic Huffman blocks for text)
        let input = Array(String(repeating: "Übertrag 12.345,67 € Seite 2 von 9\n", count: 300).utf8)
        let compressed = try PDFTools.run("zlib-flate", ["-compress"], stdin: Data(input)).stdout
        // Then the inflater restores it
        #expect(try Inflater.inflate(zlib: [UInt8](compressed)) == input)
    }

    @Test func storedRangesRoundTripInsideCompressedBlocks() throws {
        // Given inputs with a part to store as it is: in the middle, at either end, all of it, and over 64 KB
        let mixed = Self.sampleInputs()[7]
        let cases: [([UInt8], Range<Int>)] = [
            (mixed, 1_000..<9_000), (mixed, 0..<500), (mixed, 69_000..<70_000), (mixed, 0..<70_000),
            (Array(mixed.prefix(10)), 3..<4), (mixed + mixed, 2_000..<139_000),
        ]
        for (input, stored) in cases {
            let compressed = Deflate.zlib(input, stored: stored)
            // Then both decoders restore it exactly, and the stored bytes appear verbatim in the stream
            #expect(try Inflater.inflate(zlib: compressed) == input, "\(stored)")
            let output = try PDFTools.run("zlib-flate", ["-uncompress"], stdin: Data(compressed))
            #expect([UInt8](output.stdout) == input, "\(stored)")
            let sample = Array(input[stored].prefix(64))
            #expect(compressed.firstRange(of: sample) != nil, "\(stored) not stored")
        }
    }

    @Test func compressesRepetitiveData() {
        let zeros = [UInt8](repeating: 0, count: 100_000)
        #expect(Deflate.zlib(zeros).count < 1_000)
    }

    @Test func adler32MatchesKnownValue() {
        #expect(Deflate.adler32(Array("Wikipedia".utf8)) == 0x11E6_0398)
    }

    @Test func rejectsCorruptStreams() {
        #expect(throws: PDFError.self) { try Inflater.inflate(zlib: [0x78, 0x9C, 0xFF, 0xFF]) }
        #expect(throws: PDFError.self) { try Inflater.inflate(zlib: [0x12, 0x34]) }
    }
}
