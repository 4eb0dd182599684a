/// A compact zlib/DEFLATE encoder (RFC 1950/1951): LZ77 with hash chains and the fixed Huffman code.
///
/// Foundation on Linux offers no public deflate API and the library has no dependencies, so PDF
/// streams are compressed here. Fixed Huffman codes compress somewhat worse than zlib's dynamic
/// ones but need no code-length tables, which keeps the encoder small and fast; the output is a
/// standard zlib stream that every PDF reader decodes with `/FlateDecode`.
///
/// Tuned for speed like zlib's fast levels: every document compresses its fonts and pages again, and
/// compression took most of the time of writing a one-page invoice. Short hash chains, a "good enough"
/// match length and no hashing inside long matches cost a few per cent of size.
enum Deflate {
    /// Compresses `data` into a zlib stream.
    /// - Parameter stored: Bytes written as they are (stored blocks) rather than searched for repeats: for
    ///   data that barely compresses, such as a font's glyph outlines, searching costs the most and gains the
    ///   least. The rest is compressed in blocks of its own before and after.
    static func zlib(_ data: [UInt8], stored: Range<Int>? = nil) -> [UInt8] {
        let stored = stored.map { $0.clamped(to: 0..<data.count) }.flatMap { $0.isEmpty ? nil : $0 }
        // Fixed codes spend at most 9 bits a literal; a match is never longer than the bytes it replaces
        // spelled as literals would be. Header, block headers, end codes, padding and checksum add the rest;
        // stored blocks 5 bytes per 65,535.
        let capacity = data.count + data.count / 8 + 32 + (stored.map { $0.count / 65_535 + 1 } ?? 0) * 5
        return [UInt8](unsafeUninitializedCapacity: capacity) { output, written in
            var writer = BitWriter(output.baseAddress!)
            writer.byte(0x78)
            writer.byte(0x5E)
            data.withUnsafeBufferPointer { input in
                guard let stored else {
                    fixedBlock(UnsafeBufferPointer(rebasing: input[...]), final: true, into: &writer)
                    return
                }
                if stored.lowerBound > 0 {
                    fixedBlock(UnsafeBufferPointer(rebasing: input[..<stored.lowerBound]), final: false, into: &writer)
                }
                var start = stored.lowerBound
                while start < stored.upperBound {
                    let end = min(start + 65_535, stored.upperBound)
                    let final = end == data.count
                    writer.write(final ? 1 : 0, count: 1)
                    writer.write(0, count: 2)  // BTYPE 00: stored
                    writer.flush()
                    let length = end - start
                    writer.byte(UInt8(truncatingIfNeeded: length))
                    writer.byte(UInt8(truncatingIfNeeded: length >> 8))
                    writer.byte(UInt8(truncatingIfNeeded: ~length))
                    writer.byte(UInt8(truncatingIfNeeded: ~length >> 8))
                    writer.bytes(UnsafeBufferPointer(rebasing: input[start..<end]))
                    start = end
                }
                if stored.upperBound < data.count {
                    fixedBlock(UnsafeBufferPointer(rebasing: input[stored.upperBound...]), final: true, into: &writer)
                }
            }
            writer.flush()
            let checksum = adler32(data)
            for shift in [24, 16, 8, 0] as [UInt32] { writer.byte(UInt8(truncatingIfNeeded: checksum >> shift)) }
            written = writer.count
            precondition(written <= capacity, "deflate output overran its bound")
        }
    }

    /// One block with the fixed Huffman code (BTYPE 01).
    private static func fixedBlock(_ input: UnsafeBufferPointer<UInt8>, final: Bool, into writer: inout BitWriter) {
        writer.write(final ? 1 : 0, count: 1)
        writer.write(1, count: 2)
        compress(input, into: &writer)
        writer.writeLiteral(256)
    }

    // MARK: - LZ77

    /// 8,192 heads and a 16 KB window: 96 KB of tables that stay in the cache and below malloc's mmap
    /// threshold. Larger ones found few more matches in a page or a font but cost page faults and misses.
    private static let maxHashBits = 13
    private static let windowSize = 16384
    private static let maxMatch = 258
    /// Candidates tried per position, as zlib's fastest levels (1 to 3).
    private static let maxChain = 4
    /// A match this long ends the search: longer ones gain little and cost the most comparing.
    private static let niceMatch = 32
    /// Positions inside a match are hashed only if it is at most this long (zlib's `max_insert_length`).
    private static let maxInsert = 16

    private static func compress(_ input: UnsafeBufferPointer<UInt8>, into writer: inout BitWriter) {
        let count = input.count
        guard count >= 3, let base = input.baseAddress else {
            for byte in input { writer.writeLiteral(Int(byte)) }
            return
        }
        // Tables sized to the input: a document compresses many small streams, and clearing 256 KB of
        // tables for a 3 KB character map cost more than compressing it.
        let hashBits = min(maxHashBits, max(9, Int.bitWidth - count.leadingZeroBitCount))
        let head = UnsafeMutablePointer<Int32>.allocate(capacity: 1 << hashBits)
        // All bytes 0xFF is -1 in every slot, and a byte fill is a plain memset.
        UnsafeMutableRawPointer(head).initializeMemory(as: UInt8.self, repeating: 0xFF, count: 4 << hashBits)
        // `previous` is only read at positions already inserted (and checked for staleness), so it needs no
        // clearing; a power of two at least `count` long keeps short inputs from wrapping.
        let previousSize = min(windowSize, 1 << (Int.bitWidth - (count - 1).leadingZeroBitCount))
        let previousMask = previousSize - 1
        let previous = UnsafeMutablePointer<Int32>.allocate(capacity: previousSize)
        defer {
            head.deallocate()
            previous.deallocate()
        }
        @inline(__always) func hash(_ position: Int) -> Int {
            let value = UInt32(base[position]) << 16 | UInt32(base[position + 1]) << 8 | UInt32(base[position + 2])
            return Int((value &* 2_654_435_761) >> UInt32(32 - hashBits))
        }
        @inline(__always) func insert(_ position: Int, _ key: Int) {
            previous[position & previousMask] = head[key]
            head[key] = Int32(truncatingIfNeeded: position)
        }
        /// Bytes equal at `a` and `b`, up to `limit`, compared eight at a time.
        @inline(__always) func matchLength(_ a: Int, _ b: Int, _ limit: Int) -> Int {
            var length = 0
            while length + 8 <= limit {
                let x = UnsafeRawPointer(base + a + length).loadUnaligned(as: UInt64.self)
                let y = UnsafeRawPointer(base + b + length).loadUnaligned(as: UInt64.self)
                let difference = x ^ y
                if difference != 0 { return length + difference.littleEndian.trailingZeroBitCount >> 3 }
                length += 8
            }
            while length < limit, base[a + length] == base[b + length] { length += 1 }
            return length
        }
        var position = 0
        var misses = 0
        let lastHashable = count - 3
        while position <= lastHashable {
            let key = hash(position)
            let limit = min(maxMatch, count - position)
            var bestLength = 2
            var bestDistance = 0
            var candidate = Int(head[key])
            var chain = maxChain
            while candidate >= 0, chain > 0, position - candidate < windowSize {
                // Checking the byte that would make the match longer rejects most candidates at once.
                if base[candidate + bestLength] == base[position + bestLength] {
                    let length = matchLength(candidate, position, limit)
                    if length > bestLength {
                        bestLength = length
                        bestDistance = position - candidate
                        if length >= niceMatch || length == limit { break }
                    }
                }
                let next = Int(previous[candidate & previousMask])
                if next >= candidate { break }  // stale slot from an older window position
                candidate = next
                chain -= 1
            }
            insert(position, key)
            if bestLength >= 3 {
                writer.writeMatch(length: bestLength, distance: bestDistance)
                let end = position + bestLength
                if bestLength <= maxInsert {
                    var next = position + 1
                    while next < end, next <= lastHashable {
                        insert(next, hash(next))
                        next += 1
                    }
                } else {
                    // The last positions of a long match keep chains reaching back into it.
                    var next = max(position + 1, end - 2)
                    while next < end, next <= lastHashable {
                        insert(next, hash(next))
                        next += 1
                    }
                }
                position = end
                misses = 0
            } else {
                writer.writeLiteral(Int(base[position]))
                position += 1
                // After a long run without matches (glyph outlines, mostly) the next bytes are written as
                // literals without searching, more of them the longer the run, as LZ4 and Snappy do: searching
                // data that does not repeat costs the most and finds the least.
                misses += 1
                var skip = min(misses >> 5, lastHashable - position)
                while skip > 0 {
                    writer.writeLiteral(Int(base[position]))
                    position += 1
                    skip -= 1
                }
            }
        }
        while position < count {
            writer.writeLiteral(Int(base[position]))
            position += 1
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
                // Eight bytes at a time: b gains 8·a plus each byte weighted by how often it is added, which
                // breaks the chain of dependent additions byte by byte.
                while index + 8 <= end {
                    let x0 = UInt32(buffer[index]), x1 = UInt32(buffer[index + 1])
                    let x2 = UInt32(buffer[index + 2]), x3 = UInt32(buffer[index + 3])
                    let x4 = UInt32(buffer[index + 4]), x5 = UInt32(buffer[index + 5])
                    let x6 = UInt32(buffer[index + 6]), x7 = UInt32(buffer[index + 7])
                    let high: UInt32 = 8 &* x0 &+ 7 &* x1 &+ 6 &* x2 &+ 5 &* x3
                    let low: UInt32 = 4 &* x4 &+ 3 &* x5 &+ 2 &* x6 &+ x7
                    b &+= 8 &* a &+ high &+ low
                    a &+= x0 &+ x1 &+ x2 &+ x3 &+ x4 &+ x5 &+ x6 &+ x7
                    index += 8
                }
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

/// Writes DEFLATE's LSB-first bit stream with the fixed Huffman code into memory sized beforehand
/// (`Deflate.zlib` allocates the bound), a whole 64-bit word at a time.
private struct BitWriter {
    private let start: UnsafeMutablePointer<UInt8>
    private var cursor: UnsafeMutablePointer<UInt8>
    private var buffer: UInt64 = 0
    private var bits: UInt64 = 0
    // The code tables, read once: each access to a lazily initialised static checks its initialisation,
    // and that check ran for every symbol written.
    private let literal = FixedCode.literal
    private let lengths = FixedCode.lengths
    private let reversed5 = FixedCode.reversed5
    private let distanceSymbols = FixedCode.distanceSymbols
    private let distanceBase = FixedCode.distanceBase

    init(_ start: UnsafeMutablePointer<UInt8>) {
        self.start = start
        cursor = start
    }

    /// Bytes written so far (after `flush`, all of them).
    var count: Int { cursor - start }

    @inline(__always)
    mutating func byte(_ value: UInt8) {
        cursor.pointee = value
        cursor += 1
    }

    @inline(__always)
    mutating func write(_ value: Int, count: Int) {
        buffer |= UInt64(truncatingIfNeeded: value) << bits
        bits += UInt64(count)
        // At most 13 bits are written at once, so the buffer never overflows before it is drained.
        while bits >= 8 {
            byte(UInt8(truncatingIfNeeded: buffer))
            buffer >>= 8
            bits -= 8
        }
    }

    /// Raw bytes, after `flush` (stored blocks are byte-aligned).
    mutating func bytes(_ data: UnsafeBufferPointer<UInt8>) {
        guard let base = data.baseAddress, !data.isEmpty else { return }
        cursor.initialize(from: base, count: data.count)
        cursor += data.count
    }

    mutating func flush() {
        if bits > 0 { byte(UInt8(truncatingIfNeeded: buffer)) }
        buffer = 0
        bits = 0
    }

    @inline(__always)
    mutating func writeLiteral(_ symbol: Int) {
        let code = literal[symbol]
        write(Int(code.bits), count: Int(code.length))
    }

    @inline(__always)
    mutating func writeMatch(length: Int, distance: Int) {
        let lengthCode = lengths[length]
        writeLiteral(Int(lengthCode.symbol))
        if lengthCode.extraBits > 0 { write(Int(lengthCode.extra), count: Int(lengthCode.extraBits)) }
        // Distance symbol for `distance - 1 < 256` directly, else by `(distance - 1) >> 7`, as zlib does.
        let value = distance - 1
        let symbol = Int(value < 256 ? distanceSymbols[value] : distanceSymbols[256 + (value >> 7)])
        let extraBits = symbol < 4 ? 0 : (symbol >> 1) - 1
        write(Int(reversed5[symbol]), count: 5)
        if extraBits > 0 { write(distance - distanceBase[symbol], count: extraBits) }
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
    static let distanceBase = [
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
    static let distanceSymbols: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 512)
        for distance in 1...256 { table[distance - 1] = UInt8(symbolFor(distance)) }
        for high in 2..<256 { table[256 + high] = UInt8(symbolFor((high << 7) + 1)) }
        return table
    }()

    private static func symbolFor(_ distance: Int) -> Int {
        distanceBase.lastIndex { $0 <= distance } ?? 0
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
