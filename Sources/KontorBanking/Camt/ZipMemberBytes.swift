import Foundation
import ZIPFoundation

/// The compressed bytes of each member of a ZIP file, found through its central directory and local headers, so
/// that inflating can be fed exactly those bytes. ZIPFoundation's own extraction on Linux keeps reading the file
/// until the deflate stream ends; a stream that never ends before the file does made it ask for more, forever
/// (found by fuzzing: a 4 KB camt ZIP hung the import).
struct ZipMemberBytes {
    struct Member {
        let name: [UInt8]
        let method: UInt16
        let compressed: ArraySlice<UInt8>
    }

    /// Why the directory could not be followed.
    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    let members: [Member]

    init(_ bytes: [UInt8]) throws(Malformed) {
        // The end-of-directory record: signature 0x06054b50 within the last 64 KiB + 22 bytes.
        guard bytes.count >= 22 else { throw Malformed(description: "too short for a ZIP file") }
        var end = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 65_535)
        while end >= lowest, Self.u32(bytes, end) != 0x0605_4b50 { end -= 1 }
        guard end >= lowest else { throw Malformed(description: "the ZIP directory at the end of the file is missing") }
        let count = Int(Self.u16(bytes, end + 10))
        var position = Int(Self.u32(bytes, end + 16))
        var members: [Member] = []
        for _ in 0..<count {
            guard position + 46 <= bytes.count, Self.u32(bytes, position) == 0x0201_4b50 else {
                throw Malformed(description: "a ZIP directory entry points outside the file")
            }
            let method = Self.u16(bytes, position + 10)
            let compressedSize = Int(Self.u32(bytes, position + 20))
            let nameLength = Int(Self.u16(bytes, position + 28))
            let extraLength = Int(Self.u16(bytes, position + 30))
            let commentLength = Int(Self.u16(bytes, position + 32))
            let local = Int(Self.u32(bytes, position + 42))
            guard position + 46 + nameLength <= bytes.count, local + 30 <= bytes.count,
                Self.u32(bytes, local) == 0x0403_4b50
            else { throw Malformed(description: "a ZIP member's header points outside the file") }
            let name = Array(bytes[(position + 46)..<(position + 46 + nameLength)])
            let dataStart = local + 30 + Int(Self.u16(bytes, local + 26)) + Int(Self.u16(bytes, local + 28))
            guard compressedSize != 0xFFFF_FFFF, dataStart <= bytes.count, compressedSize <= bytes.count - dataStart
            else { throw Malformed(description: "a ZIP member's data reaches beyond the end of the file") }
            members.append(Member(name: name, method: method, compressed: bytes[dataStart..<(dataStart + compressedSize)]))
            position += 46 + nameLength + extraLength + commentLength
        }
        self.members = members
    }

    /// Inflates (or copies) one member, handing the bytes to `consumer` chunk by chunk; returns their CRC-32.
    static func extract(_ member: Member, consumer: (Data) throws -> Void) throws -> UInt32 {
        switch member.method {
        case 0:
            let data = Data(member.compressed)
            try consumer(data)
            return data.crc32(checksum: 0)
        case 8:
            let compressed = member.compressed
            return try Data.decompress(
                size: Int64(compressed.count), bufferSize: 64 * 1024, skipCRC32: false,
                provider: { position, chunkSize in
                    let start = compressed.startIndex + Int(position)
                    // Asked for more than the member holds: the deflate stream does not end where it must.
                    guard start < compressed.endIndex else {
                        throw Malformed(description: "the compressed data ends before its deflate stream does")
                    }
                    // Exactly `chunkSize` bytes: ZIPFoundation tells zlib the buffer holds a full chunk whatever it
                    // is given (found by ASan), so a short last chunk is padded with zeros, which a deflate stream
                    // that has ended never reads and one that has not cannot turn into more than the limit allows.
                    var chunk = Data(compressed[start..<min(start + chunkSize, compressed.endIndex)])
                    if chunk.count < chunkSize { chunk.append(Data(count: chunkSize - chunk.count)) }
                    return chunk
                }, consumer: consumer)
        default:
            throw Malformed(description: "compression method \(member.method) is not supported (only stored and deflate)")
        }
    }

    private static func u16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
        guard at + 2 <= bytes.count else { return 0 }
        return UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    private static func u32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        guard at + 4 <= bytes.count else { return 0 }
        return UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
    }
}
