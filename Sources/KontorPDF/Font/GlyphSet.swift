/// A set of glyph ids stored as a bitmap, because a document uses a few hundred glyphs out of
/// thousands and pages merge their sets on every serialisation.
struct GlyphSet: Sendable, Equatable {
    private(set) var words: [UInt64]

    init(glyphCount: Int) {
        words = [UInt64](repeating: 0, count: (glyphCount + 63) / 64)
    }

    @inline(__always)
    mutating func insert(_ glyph: UInt16) {
        let index = Int(glyph) >> 6
        if index >= words.count { words.append(contentsOf: [UInt64](repeating: 0, count: index - words.count + 1)) }
        words[index] |= 1 << UInt64(glyph & 63)
    }

    @inline(__always)
    func contains(_ glyph: UInt16) -> Bool {
        let index = Int(glyph) >> 6
        return index < words.count && words[index] & (1 << UInt64(glyph & 63)) != 0
    }

    mutating func formUnion(_ other: GlyphSet) {
        if other.words.count > words.count {
            words.append(contentsOf: [UInt64](repeating: 0, count: other.words.count - words.count))
        }
        for index in other.words.indices { words[index] |= other.words[index] }
    }

    /// Members in ascending order.
    var sorted: [UInt16] {
        var result: [UInt16] = []
        for (index, word) in words.enumerated() where word != 0 {
            var remaining = word
            while remaining != 0 {
                let bit = remaining.trailingZeroBitCount
                result.append(UInt16(index * 64 + bit))
                remaining &= remaining - 1
            }
        }
        return result
    }
}
