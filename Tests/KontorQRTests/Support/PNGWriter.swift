import Foundation

/// A minimal PNG encoder for 8-bit grayscale images: no compression (zlib stored blocks),
/// which is all the round-trip test needs and keeps the test target free of dependencies.
enum PNGWriter {
    private static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    /// Largest payload of one stored deflate block.
    private static let maximumStoredBlock = 65_535

    /// `pixels` holds `height` rows of `width` bytes, 0 black to 255 white.
    static func grayscale(width: Int, height: Int, pixels: [UInt8]) -> Data {
        precondition(pixels.count == width * height, "pixel count does not match the image size")
        var header = [UInt8]()
        header += bigEndian(UInt32(width))
        header += bigEndian(UInt32(height))
        header += [8, 0, 0, 0, 0]  // bit depth 8, grayscale, deflate, adaptive filters, no interlace

        // Every scanline starts with its filter type; 0 means the bytes are stored as they are.
        var scanlines = [UInt8]()
        scanlines.reserveCapacity((width + 1) * height)
        for row in 0..<height {
            scanlines.append(0)
            scanlines += pixels[(row * width)..<((row + 1) * width)]
        }

        var png = signature
        png += chunk("IHDR", header)
        png += chunk("IDAT", zlibStored(scanlines))
        png += chunk("IEND", [])
        return Data(png)
    }

    /// A zlib stream of uncompressed deflate blocks (RFC 1950 and RFC 1951, section 3.2.4).
    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var stream: [UInt8] = [0x78, 0x01]  // deflate, 32 KiB window, no dictionary, check bits
        var offset = 0
        repeat {
            let length = min(maximumStoredBlock, data.count - offset)
            let isFinal = offset + length == data.count
            stream.append(isFinal ? 1 : 0)  // BFINAL, BTYPE 00 (stored), padded to the byte
            stream += littleEndian(UInt16(length))
            stream += littleEndian(~UInt16(length))
            stream += data[offset..<(offset + length)]
            offset += length
        } while offset < data.count
        stream += bigEndian(adler32(data))
        return stream
    }

    static func adler32(_ data: [UInt8]) -> UInt32 {
        var sumA: UInt32 = 1
        var sumB: UInt32 = 0
        for byte in data {
            sumA = (sumA + UInt32(byte)) % 65_521
            sumB = (sumB + sumA) % 65_521
        }
        return sumB << 16 | sumA
    }

    private static let crcTable: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 {
            value = value & 1 != 0 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1
        }
        return value
    }

    /// CRC-32 as used by PNG (ISO 3309 polynomial, reflected).
    static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        return crc ^ 0xFFFF_FFFF
    }

    private static func chunk(_ type: String, _ body: [UInt8]) -> [UInt8] {
        let typeBytes = Array(type.utf8)
        return bigEndian(UInt32(body.count)) + typeBytes + body + bigEndian(crc32(typeBytes + body))
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    private static func littleEndian(_ value: UInt16) -> [UInt8] {
        [UInt8(value & 0xFF), UInt8(value >> 8)]
    }
}
