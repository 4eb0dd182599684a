/// One row or column of a symbol as a bit set; bit `i` is the module at index `i`.
///
/// Scoring masks on whole machine words instead of single modules is what keeps the mask
/// search cheap. The encoder picks the narrowest conforming type that fits the symbol, so a
/// version 5 symbol works on single words while version 40 needs three.
protocol ModuleLine: Equatable {
    /// Number of bits the line holds.
    static var capacity: Int { get }
    static var empty: Self { get }

    /// A line from the low `capacity` bits of three little-endian words.
    init(truncating words: (UInt64, UInt64, UInt64))

    var nonzeroBitCount: Int { get }
    var isEmpty: Bool { get }
    func contains(_ index: Int) -> Bool
    mutating func insert(_ index: Int)
    /// Moves bit `i + distance` to `i` (towards index 0); `distance` must be in 1..<64.
    func shiftedDown(_ distance: Int) -> Self
    /// Moves bit `i` to `i + distance`, dropping bits past the capacity; `distance` in 1..<64.
    func shiftedUp(_ distance: Int) -> Self
    /// The line with bits `0..<count` set as well; `count` must be in 0..<64.
    func settingLowBits(_ count: Int) -> Self
    /// Calls `body` with the index of every set bit, lowest first.
    func forEachSetBit(_ body: (Int) -> Void)

    static func & (lhs: Self, rhs: Self) -> Self
    static func | (lhs: Self, rhs: Self) -> Self
    static func ^ (lhs: Self, rhs: Self) -> Self
    static prefix func ~ (line: Self) -> Self
}

extension ModuleLine {
    /// Whether a symbol of `size` modules fits with room to spare. The finder-like penalty rule
    /// looks up to four modules past the edge, which must read as light (clear in `~line`).
    static func fits(size: Int) -> Bool {
        size + 4 <= capacity
    }

    /// A line with bits `0..<count` set.
    init(firstBits count: Int) {
        func word(_ bits: Int) -> UInt64 {
            if bits <= 0 { return 0 }
            if bits >= 64 { return ~0 }
            return (1 << UInt64(bits)) - 1
        }
        self.init(truncating: (word(count), word(count - 64), word(count - 128)))
    }
}
