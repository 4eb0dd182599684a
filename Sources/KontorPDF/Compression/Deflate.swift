/// A compact zlib/DEFLATE encoder (RFC 1950/1951): LZ77 with hash chains and the fixed Huffman code.
///
/// Foundation on Linux offers no public deflate API and the library has no dependencies, so PDF
/// streams are compressed here. Fixed Huffman codes compress somewhat worse than zlib's dynamic
/// ones but need no code-length tables, which keeps the encoder small and fast; the output is a
/// standard zlib stream that every PDF reader decodes with `/FlateDecode`.
enum Deflate {
    /// Compresses `data` into a zlib stream.
    static func zlib(_ data: [UInt8]) -> [UInt8] {
        var writer = BitWriter(capacity: data.count / 2 + 64)
        writer.bytes.append(0x78)
        writer.bytes.append(0x5E)
        writer.write(1, count: 1)  // BFINAL: everything goes into one block
        writer.write(1, count: 2)  // BTYPE 01: fixed Huffman codes
        data.withUnsafeBufferPointer { compress($0, into: &writer) }
        writer.writeLiteral(256)
        writer.flush()
        let checksum = adler32(data)
        writer.bytes.appendU32(checksum)
        return writer.bytes
    }

    // MARK: - LZ77

    private static let hashBits = 15
    private static let windowSize = 32768
    private static let maxMatch = 258
    private static let maxChain = 24

    private static func compress(_ input: UnsafeBufferPointer<UInt8>, into writer: inout BitWriter) {
        let count = input.count
        guard count >= 3 else {
            for byte in input { writer.writeLiteral(Int(byte)) }
            return
        }
        var head = [Int32](repeating: -1, count: 1 << hashBits)
        var previous = [Int32](repeating: -1, count: windowSize)
        head.withUnsafeMutableBufferPointer { head in
            previous.withUnsafeMutableBufferPointer { previous in
                @inline(__always) func hash(_ position: Int) -> Int {
                    let value = UInt32(input[position]) << 16 | UInt32(input[position + 1]) << 8
                        | UInt32(input[position + 2])
                    return Int((value &* 2_654_435_761) >> UInt32(32 - hashBits))
                }
                @inline(__always) func insert(_ position: Int) {
                    let key = hash(position)
                    previous[position & (windowSize - 1)] = head[key]
                    head[key] = Int32(position)
                }
                var position = 0
                while position < count {
                    guard position + 3 <= count else {
                        writer.writeLiteral(Int(input[position]))
                        position += 1
                        continue
                    }
                    let limit = min(maxMatch, count - position)
                    var bestLength = 0
                    var bestDistance = 0
                    var candidate = Int(head[hash(position)])
                    var chain = maxChain
                    while candidate >= 0, chain > 0, position - candidate <= windowSize - 1 {
                        if input[candidate + bestLength] == input[position + bestLength] {
                            var length = 0
                            while length < limit, input[candidate + length] == input[position + length] { length += 1 }
                            if length > bestLength {
                                bestLength = length
                                bestDistance = position - candidate
                                if length == limit { break }
                            }
                        }
                        let next = Int(previous[candidate & (windowSize - 1)])
                        if next >= candidate { break }  // stale slot from an older window position
                        candidate = next
                        chain -= 1
                    }
                    if bestLength >= 3 {
                        writer.writeMatch(length: bestLength, distance: bestDistance)
                        let end = min(position + bestLength, count - 2)
                        var next = position
                        while next < end {
                            insert(next)
                            next += 1
                        }
                        position += bestLength
                    } else {
                        writer.writeLiteral(Int(input[position]))
                        insert(position)
                        position += 1
                    }
                }
            }
        }
    }

    // MARK: - Checksum

    /// Adler-32 as required at the end of a zlib stream.
    static func adler32(_ data: [UInt8]) -> UInt32 {
        var a: UInt32 = 1
        var b: UInt32 = 0
        data.withUnsafeBufferPointer { buffer in
            var index = 0
            while index < buffer.count {
                // 5552 is the largest block for which the sums cannot overflow 32 bits.
                let end = min(index + 5552, buffer.count)
                while index < end {
                    a &+= UInt32(buffer[index])
                    b &+= a
                    index += 1
                }
                a %= 65521
                b %= 65521
            }
        }
        return b << 16 | a
    }
}

/// Writes DEFLATE's LSB-first bit stream with the fixed Huffman code.
private struct BitWriter {
    var bytes: [UInt8]
    private var buffer: UInt64 = 0
    private var count: UInt64 = 0

    init(capacity: Int) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    @inline(__always)
    mutating func write(_ value: Int, count bits: Int) {
        buffer |= UInt64(value) << count
        count += UInt64(bits)
        while count >= 8 {
            bytes.append(UInt8(truncatingIfNeeded: buffer))
            buffer >>= 8
            count -= 8
        }
    }

    mutating func flush() {
        if count > 0 { bytes.append(UInt8(truncatingIfNeeded: buffer)) }
        buffer = 0
        count = 0
    }

    @inline(__always)
    mutating func writeLiteral(_ symbol: Int) {
        let code = FixedCode.literal[symbol]
        write(Int(code.bits), count: Int(code.length))
    }

    @inline(__always)
    mutating func writeMatch(length: Int, distance: Int) {
        let lengthCode = FixedCode.lengths[length]
        writeLiteral(Int(lengthCode.symbol))
        if lengthCode.extraBits > 0 { write(Int(lengthCode.extra), count: Int(lengthCode.extraBits)) }
        let distanceCode = FixedCode.distance(distance)
        write(Int(FixedCode.reversed5[distanceCode.symbol]), count: 5)
        if distanceCode.extraBits > 0 { write(distanceCode.extra, count: distanceCode.extraBits) }
    }
}

/// Precomputed fixed Huffman codes (RFC 1951 §3.2.6), stored bit-reversed for LSB-first output.
private enum FixedCode {
    struct Code {
        let bits: UInt16
        let length: UInt8
    }

    struct LengthCode {
        let symbol: UInt16
        let extra: UInt16
        let extraBits: UInt8
    }

    static let literal: [Code] = (0..<288).map { symbol in
        let (code, length): (Int, Int) = switch symbol {
        case 0..<144: (0x30 + symbol, 8)
        case 144..<256: (0x190 + symbol - 144, 9)
        case 256..<280: (symbol - 256, 7)
        default: (0xC0 + symbol - 280, 8)
        }
        return Code(bits: UInt16(reverse(code, length)), length: UInt8(length))
    }

    static let reversed5: [UInt8] = (0..<32).map { UInt8(reverse($0, 5)) }

    private static let lengthBase = [
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
        163, 195, 227, 258,
    ]
    private static let lengthExtra = [
        0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
    ]
    private static let distanceBase = [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769,
        1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
    ]

    /// Index = match length (3...258).
    static let lengths: [LengthCode] = (0...258).map { length in
        guard length >= 3 else { return LengthCode(symbol: 0, extra: 0, extraBits: 0) }
        // Length 258 has its own code (285) although 284 + extra bits could also express it.
        let index = length == 258 ? 28 : (lengthBase.lastIndex { $0 <= length } ?? 0)
        return LengthCode(symbol: UInt16(257 + index), extra: UInt16(length - lengthBase[index]),
                          extraBits: UInt8(lengthExtra[index]))
    }

    /// Distance symbol for `distance - 1 < 256` directly, else by `(distance - 1) >> 7`, as zlib does.
    private static let distanceSymbols: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 512)
        for distance in 1...256 { table[distance - 1] = UInt8(symbolFor(distance)) }
        for high in 2..<256 { table[256 + high] = UInt8(symbolFor((high << 7) + 1)) }
        return table
    }()

    private static func symbolFor(_ distance: Int) -> Int {
        distanceBase.lastIndex { $0 <= distance } ?? 0
    }

    @inline(__always)
    static func distance(_ distance: Int) -> (symbol: Int, extra: Int, extraBits: Int) {
        let value = distance - 1
        let symbol = Int(value < 256 ? distanceSymbols[value] : distanceSymbols[256 + (value >> 7)])
        let extraBits = symbol < 4 ? 0 : (symbol >> 1) - 1
        return (symbol, distance - distanceBase[symbol], extraBits)
    }

    private static func reverse(_ code: Int, _ length: Int) -> Int {
        var result = 0
        var value = code
        for _ in 0..<length {
            result = result << 1 | value & 1
            value >>= 1
        }
        return result
    }
}
