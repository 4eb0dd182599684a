/// Writes numbered indirect objects into one byte buffer and records their byte offsets for the
/// cross-reference table.
struct PDFObjectWriter {
    private(set) var bytes: [UInt8] = []
    /// Byte offset of each object; index = object number, index 0 is the free-list head.
    private var offsets: [Int] = [0]
    let compress: Bool

    init(compress: Bool, capacity: Int) {
        self.compress = compress
        bytes.reserveCapacity(capacity)
        // Header, then a comment with bytes ≥ 128 so that transfer programs treat the file as binary
        // (required by PDF/A).
        bytes.append(ascii: "%PDF-1.7\n%")
        bytes.append(contentsOf: [0xE2, 0xE3, 0xCF, 0xD3])
        bytes.append(UInt8(ascii: "\n"))
    }

    /// Reserves an object number, so that objects can refer to each other before being written.
    mutating func allocate() -> Int {
        offsets.append(-1)
        return offsets.count - 1
    }

    /// Writes `number 0 obj … endobj` around a body written by `body` (a dictionary or array).
    mutating func object(_ number: Int, _ body: (inout [UInt8]) -> Void) {
        begin(number)
        body(&bytes)
        bytes.append(ascii: "\nendobj\n")
    }

    /// Writes a stream object.
    /// - Parameters:
    ///   - number: The object number.
    ///   - data: The stream data (already encoded if `filter` is given).
    ///   - compressible: Whether the writer may Flate-compress `data` (when compression is on).
    ///   - filter: Entries describing existing encoding (e.g. `/Filter /DCTDecode`), written verbatim.
    ///   - stored: A range of `data` to leave uncompressed inside the Flate stream (see `Deflate.zlib`).
    ///   - dictionary: Further dictionary entries, written between `<<` and `>>`.
    mutating func stream(
        _ number: Int, data: [UInt8], compressible: Bool = true, filter: String? = nil, stored: Range<Int>? = nil,
        dictionary: (inout [UInt8]) -> Void = { _ in }
    ) {
        let compressed = compress && compressible && filter == nil
        let payload = compressed ? Deflate.zlib(data, stored: stored) : data
        begin(number)
        bytes.append(ascii: "<<")
        dictionary(&bytes)
        if compressed { bytes.append(ascii: " /Filter /FlateDecode") }
        if let filter {
            bytes.append(UInt8(ascii: " "))
            bytes.append(filter)
        }
        bytes.append(ascii: " /Length ")
        bytes.appendInteger(payload.count)
        bytes.append(ascii: " >>\nstream\n")
        bytes.append(contentsOf: payload)
        bytes.append(ascii: "\nendstream\nendobj\n")
    }

    private mutating func begin(_ number: Int) {
        offsets[number] = bytes.count
        bytes.appendInteger(number)
        bytes.append(ascii: " 0 obj\n")
    }

    /// Appends the cross-reference table and trailer and returns the finished file.
    mutating func finish(root: Int, info: Int) -> [UInt8] {
        let identifier = Self.fileIdentifier(bytes)
        let xrefOffset = bytes.count
        bytes.append(ascii: "xref\n0 ")
        bytes.appendInteger(offsets.count)
        // Every entry is exactly 20 bytes: 10-digit offset, space, 5-digit generation, space, type, CR LF.
        bytes.append(ascii: "\n0000000000 65535 f\r\n")
        for offset in offsets.dropFirst() {
            precondition(offset >= 0, "object number allocated but never written")
            var digits = [UInt8](repeating: UInt8(ascii: "0"), count: 10)
            var remaining = offset
            var index = 9
            while remaining > 0 {
                digits[index] = UInt8(48 + remaining % 10)
                remaining /= 10
                index -= 1
            }
            bytes.append(contentsOf: digits)
            bytes.append(ascii: " 00000 n\r\n")
        }
        bytes.append(ascii: "trailer\n<< /Size ")
        bytes.appendInteger(offsets.count)
        bytes.append(ascii: " /Root ")
        bytes.appendReference(root)
        bytes.append(ascii: " /Info ")
        bytes.appendReference(info)
        bytes.append(ascii: " /ID [")
        bytes.appendHexString(identifier)
        bytes.append(ascii: " ")
        bytes.appendHexString(identifier)
        bytes.append(ascii: "] >>\nstartxref\n")
        bytes.appendInteger(xrefOffset)
        bytes.append(ascii: "\n%%EOF\n")
        return bytes
    }

    /// A 16-byte identifier derived from the file body, so identical input gives identical output
    /// (two FNV-1a-style 64-bit hashes with different seeds, fed eight bytes at a time, which is eight times
    /// fewer multiplications than byte by byte; not cryptographic, and need not be).
    static func fileIdentifier(_ body: [UInt8]) -> [UInt8] {
        var first: UInt64 = 0xCBF2_9CE4_8422_2325
        var second: UInt64 = 0x6C62_272E_07BB_0142
        let prime: UInt64 = 0x0000_0100_0000_01B3
        body.withUnsafeBytes { buffer in
            var offset = 0
            while offset + 8 <= buffer.count {
                let word = buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                first = (first ^ word) &* prime
                second = (second ^ word.byteSwapped) &* prime
                offset += 8
            }
            while offset < buffer.count {
                first = (first ^ UInt64(buffer[offset])) &* prime
                second = (second ^ UInt64(buffer[offset])) &* prime
                offset += 1
            }
        }
        // A final mix, as the last words otherwise reach only the low bits.
        first ^= first >> 29
        second ^= second >> 31
        var result: [UInt8] = []
        for value in [first &* prime, second &* prime] {
            for shift in stride(from: 56, through: 0, by: -8) {
                result.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
            }
        }
        return result
    }
}

extension Array where Element == UInt8 {
    /// Appends an indirect reference `n 0 R`.
    mutating func appendReference(_ number: Int) {
        appendInteger(number)
        append(ascii: " 0 R")
    }
}
