import Foundation
import Testing

@Suite("Test PNG writer")
struct PNGWriterTests {
    @Test("CRC-32 and Adler-32 known values")
    func checksums() {
        #expect(PNGWriter.crc32(Array("IEND".utf8)) == 0xAE42_6082)
        #expect(PNGWriter.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(PNGWriter.adler32(Array("Wikipedia".utf8)) == 0x11E6_0398)
    }

    @Test("stored deflate blocks split at 65535 bytes")
    func storedBlocks() {
        let data = [UInt8](repeating: 7, count: 70_000)
        let stream = PNGWriter.zlibStored(data)
        // Header, two block headers of five bytes, the data, the Adler-32 trailer.
        #expect(stream.count == 2 + 5 + 5 + 70_000 + 4)
        #expect(Array(stream[0..<7]) == [0x78, 0x01, 0x00, 0xFF, 0xFF, 0x00, 0x00])
        #expect(Array(stream[65_542..<65_547]) == [0x01, 0x71, 0x11, 0x8E, 0xEE])
    }

    @Test("an image starts with the PNG signature and a 13-byte IHDR")
    func layout() {
        let png = [UInt8](PNGWriter.grayscale(width: 3, height: 2, pixels: [0, 255, 0, 255, 0, 255]))
        #expect(Array(png[0..<8]) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(Array(png[8..<16]) == [0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
        #expect(Array(png[16..<24]) == [0, 0, 0, 3, 0, 0, 0, 2])
        #expect(Array(png.suffix(12)) == [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82])
    }
}
