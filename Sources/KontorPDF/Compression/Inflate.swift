/// A small zlib/DEFLATE decoder (RFC 1950/1951), modelled on zlib's reference decoder `puff`.
///
/// Needed only to split the alpha channel out of RGBA and gray+alpha PNGs, since PDF wants alpha
/// as a separate soft-mask image; Foundation on Linux exposes no inflate API. It favours clarity
/// over speed: images in business documents (logos, signatures) are small.
struct Inflater {
    private let input: [UInt8]
    private var position: Int
    private var bitBuffer: UInt32 = 0
    private var bitCount = 0
    private var output: [UInt8] = []
    /// The most bytes the data may inflate to: read PDFs are untrusted, and a few KB of DEFLATE can say gigabytes.
    private var limit = Int.max

    private struct Huffman {
        var counts: [Int16]
        var symbols: [Int16]

        init(lengths: ArraySlice<UInt8>) {
            counts = [Int16](repeating: 0, count: 16)
            symbols = [Int16](repeating: 0, count: lengths.count)
            for length in lengths { counts[Int(length)] += 1 }
            counts[0] = 0
            var offsets = [Int16](repeating: 0, count: 16)
            for length in 1..<15 { offsets[length + 1] = offsets[length] + counts[length] }
            for (symbol, length) in lengths.enumerated() where length != 0 {
                symbols[Int(offsets[Int(length)])] = Int16(symbol)
                offsets[Int(length)] += 1
            }
        }
    }

    private static let lengthBase: [Int] = [
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
        163, 195, 227, 258,
    ]
    private static let lengthExtra: [Int] = [
        0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
    ]
    private static let distanceBase: [Int] = [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769,
        1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
    ]
    private static let distanceExtra: [Int] = [
        0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
    ]

    /// Decompresses a zlib stream (2-byte header, DEFLATE data, Adler-32).
    /// - Parameter limit: the most bytes the result may have; more throws before memory grows past it.
    static func inflate(zlib data: [UInt8], limit: Int = .max) throws -> [UInt8] {
        guard data.count >= 2, data[0] & 0x0F == 8, (UInt16(data[0]) << 8 | UInt16(data[1])) % 31 == 0 else {
            throw PDFError.invalidCompressedData("bad zlib header")
        }
        guard data[1] & 0x20 == 0 else { throw PDFError.invalidCompressedData("preset dictionary") }
        var inflater = Inflater(input: data, position: 2)
        inflater.limit = limit
        try inflater.run()
        return inflater.output
    }

    private init(input: [UInt8], position: Int) {
        self.input = input
        self.position = position
    }

    private mutating func bits(_ count: Int) throws -> Int {
        while bitCount < count {
            guard position < input.count else { throw PDFError.invalidCompressedData("unexpected end") }
            bitBuffer |= UInt32(input[position]) << UInt32(bitCount)
            position += 1
            bitCount += 8
        }
        let value = Int(bitBuffer & ((1 << UInt32(count)) - 1))
        bitBuffer >>= UInt32(count)
        bitCount -= count
        return value
    }

    private mutating func run() throws {
        var isLast = false
        while !isLast {
            isLast = try bits(1) == 1
            switch try bits(2) {
            case 0: try storedBlock()
            case 1: try codesBlock(literal: Self.fixedLiteral, distance: Self.fixedDistance)
            case 2:
                let (literal, distance) = try dynamicTables()
                try codesBlock(literal: literal, distance: distance)
            default: throw PDFError.invalidCompressedData("invalid block type")
            }
        }
    }

    private mutating func storedBlock() throws {
        bitBuffer = 0
        bitCount = 0
        guard position + 4 <= input.count else { throw PDFError.invalidCompressedData("unexpected end") }
        let length = Int(input[position]) | Int(input[position + 1]) << 8
        let complement = Int(input[position + 2]) | Int(input[position + 3]) << 8
        guard length == ~complement & 0xFFFF else { throw PDFError.invalidCompressedData("stored length") }
        position += 4
        guard position + length <= input.count else { throw PDFError.invalidCompressedData("unexpected end") }
        try checkRoom(length)
        output.append(contentsOf: input[position..<position + length])
        position += length
    }

    private func checkRoom(_ count: Int) throws {
        guard output.count <= limit - count else {
            throw PDFError.invalidCompressedData("inflates to more than \(limit) bytes")
        }
    }

    private mutating func decode(_ table: Huffman) throws -> Int {
        var code = 0
        var first = 0
        var index = 0
        for length in 1...15 {
            code |= try bits(1)
            let count = Int(table.counts[length])
            if code - count < first { return Int(table.symbols[index + (code - first)]) }
            index += count
            first += count
            first <<= 1
            code <<= 1
        }
        throw PDFError.invalidCompressedData("invalid Huffman code")
    }

    private mutating func codesBlock(literal: Huffman, distance: Huffman) throws {
        while true {
            // A symbol adds at most 258 bytes.
            try checkRoom(258)
            let symbol = try decode(literal)
            if symbol < 256 {
                output.append(UInt8(symbol))
            } else if symbol == 256 {
                return
            } else {
                let lengthIndex = symbol - 257
                guard lengthIndex < 29 else { throw PDFError.invalidCompressedData("invalid length symbol") }
                let length = Self.lengthBase[lengthIndex] + (try bits(Self.lengthExtra[lengthIndex]))
                let distanceSymbol = try decode(distance)
                guard distanceSymbol < 30 else { throw PDFError.invalidCompressedData("invalid distance symbol") }
                let back = Self.distanceBase[distanceSymbol] + (try bits(Self.distanceExtra[distanceSymbol]))
                guard back <= output.count else { throw PDFError.invalidCompressedData("distance too far back") }
                let start = output.count - back
                for offset in 0..<length { output.append(output[start + offset]) }
            }
        }
    }

    private mutating func dynamicTables() throws -> (Huffman, Huffman) {
        let literalCount = try bits(5) + 257
        let distanceCount = try bits(5) + 1
        let codeCount = try bits(4) + 4
        guard literalCount <= 286, distanceCount <= 30 else { throw PDFError.invalidCompressedData("bad counts") }
        let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
        var codeLengths = [UInt8](repeating: 0, count: 19)
        for index in 0..<codeCount { codeLengths[order[index]] = UInt8(try bits(3)) }
        let lengthCode = Huffman(lengths: codeLengths[...])
        var lengths = [UInt8]()
        lengths.reserveCapacity(literalCount + distanceCount)
        while lengths.count < literalCount + distanceCount {
            let symbol = try decode(lengthCode)
            switch symbol {
            case 0..<16: lengths.append(UInt8(symbol))
            case 16:
                guard let previous = lengths.last else { throw PDFError.invalidCompressedData("repeat at start") }
                lengths.append(contentsOf: repeatElement(previous, count: 3 + (try bits(2))))
            case 17: lengths.append(contentsOf: repeatElement(0, count: 3 + (try bits(3))))
            default: lengths.append(contentsOf: repeatElement(0, count: 11 + (try bits(7))))
            }
        }
        guard lengths.count == literalCount + distanceCount else { throw PDFError.invalidCompressedData("lengths") }
        return (Huffman(lengths: lengths[0..<literalCount]), Huffman(lengths: lengths[literalCount...]))
    }

    private static let fixedLiteral: Huffman = {
        var lengths = [UInt8](repeating: 8, count: 288)
        for index in 144..<256 { lengths[index] = 9 }
        for index in 256..<280 { lengths[index] = 7 }
        return Huffman(lengths: lengths[...])
    }()

    private static let fixedDistance = Huffman(lengths: [UInt8](repeating: 5, count: 30)[...])
}
