/// Big-endian reads from a byte array, as used by the TrueType and PNG formats.
///
/// Every read is bounds-checked and throws instead of trapping, because font and image files come
/// from outside the program and may be truncated or malicious.
struct ByteReader {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    func u8(_ offset: Int) throws -> UInt8 {
        guard offset >= 0, offset < bytes.count else { throw PDFError.invalidFont("read past end at \(offset)") }
        return bytes[offset]
    }

    func u16(_ offset: Int) throws -> UInt16 {
        guard offset >= 0, offset + 2 <= bytes.count else { throw PDFError.invalidFont("read past end at \(offset)") }
        return UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
    }

    func i16(_ offset: Int) throws -> Int16 {
        Int16(bitPattern: try u16(offset))
    }

    func u32(_ offset: Int) throws -> UInt32 {
        guard offset >= 0, offset + 4 <= bytes.count else { throw PDFError.invalidFont("read past end at \(offset)") }
        return UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16
            | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
    }

    /// A 16.16 fixed-point number (e.g. `post.italicAngle`).
    func fixed(_ offset: Int) throws -> Double {
        Double(Int32(bitPattern: try u32(offset))) / 65536
    }
}

/// Big-endian appends used when writing font tables and ICC profiles.
extension Array where Element == UInt8 {
    mutating func appendU16(_ value: UInt16) {
        append(UInt8(value >> 8))
        append(UInt8(value & 0xFF))
    }

    mutating func appendU32(_ value: UInt32) {
        append(UInt8(value >> 24))
        append(UInt8((value >> 16) & 0xFF))
        append(UInt8((value >> 8) & 0xFF))
        append(UInt8(value & 0xFF))
    }

    mutating func setU16(_ value: UInt16, at offset: Int) {
        self[offset] = UInt8(value >> 8)
        self[offset + 1] = UInt8(value & 0xFF)
    }

    mutating func setU32(_ value: UInt32, at offset: Int) {
        self[offset] = UInt8(value >> 24)
        self[offset + 1] = UInt8((value >> 16) & 0xFF)
        self[offset + 2] = UInt8((value >> 8) & 0xFF)
        self[offset + 3] = UInt8(value & 0xFF)
    }
}
