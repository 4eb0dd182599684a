// The three line widths the encoder chooses from. Each is a plain value type so that the
// generic mask search specialises into straight-line word arithmetic. The operations are forced
// inline because the mask search runs them hundreds of thousands of times per symbol, and a
// call per operation would cost more than the operation itself.

@inline(__always)
fileprivate func lowBits(_ count: Int) -> UInt64 {
    (1 << UInt64(count)) - 1
}

@inline(__always)
fileprivate func visitSetBits(_ word: UInt64, offset: Int, _ body: (Int) -> Void) {
    var remaining = word
    while remaining != 0 {
        body(offset + remaining.trailingZeroBitCount)
        remaining &= remaining - 1
    }
}

/// A line of up to 64 modules (versions 1 to 10).
struct Line64: ModuleLine {
    static let capacity = 64
    static let empty = Line64(0)

    var word: UInt64

    init(_ word: UInt64) {
        self.word = word
    }

    init(truncating words: (UInt64, UInt64, UInt64)) {
        word = words.0
    }

    @inline(__always)
    var nonzeroBitCount: Int { word.nonzeroBitCount }
    @inline(__always)
    var isEmpty: Bool { word == 0 }

    @inline(__always)
    func contains(_ index: Int) -> Bool {
        (word >> UInt64(index)) & 1 != 0
    }

    @inline(__always)
    mutating func insert(_ index: Int) {
        word |= 1 << UInt64(index)
    }

    @inline(__always)
    func shiftedDown(_ distance: Int) -> Line64 {
        Line64(word >> UInt64(distance))
    }

    @inline(__always)
    func shiftedUp(_ distance: Int) -> Line64 {
        Line64(word << UInt64(distance))
    }

    @inline(__always)
    func settingLowBits(_ count: Int) -> Line64 {
        Line64(word | lowBits(count))
    }

    @inline(__always)
    func forEachSetBit(_ body: (Int) -> Void) {
        visitSetBits(word, offset: 0, body)
    }

    @inline(__always)
    static func & (lhs: Line64, rhs: Line64) -> Line64 { Line64(lhs.word & rhs.word) }
    @inline(__always)
    static func | (lhs: Line64, rhs: Line64) -> Line64 { Line64(lhs.word | rhs.word) }
    @inline(__always)
    static func ^ (lhs: Line64, rhs: Line64) -> Line64 { Line64(lhs.word ^ rhs.word) }
    @inline(__always)
    static prefix func ~ (line: Line64) -> Line64 { Line64(~line.word) }
}

/// A line of up to 128 modules (versions 11 to 26).
struct Line128: ModuleLine {
    static let capacity = 128
    static let empty = Line128(0, 0)

    var low: UInt64
    var high: UInt64

    init(_ low: UInt64, _ high: UInt64) {
        self.low = low
        self.high = high
    }

    init(truncating words: (UInt64, UInt64, UInt64)) {
        self.init(words.0, words.1)
    }

    @inline(__always)
    var nonzeroBitCount: Int { low.nonzeroBitCount + high.nonzeroBitCount }
    @inline(__always)
    var isEmpty: Bool { (low | high) == 0 }

    @inline(__always)
    func contains(_ index: Int) -> Bool {
        ((index < 64 ? low : high) >> UInt64(index & 63)) & 1 != 0
    }

    @inline(__always)
    mutating func insert(_ index: Int) {
        if index < 64 {
            low |= 1 << UInt64(index)
        } else {
            high |= 1 << UInt64(index - 64)
        }
    }

    @inline(__always)
    func shiftedDown(_ distance: Int) -> Line128 {
        Line128(low >> UInt64(distance) | high << UInt64(64 - distance), high >> UInt64(distance))
    }

    @inline(__always)
    func shiftedUp(_ distance: Int) -> Line128 {
        Line128(low << UInt64(distance), high << UInt64(distance) | low >> UInt64(64 - distance))
    }

    @inline(__always)
    func settingLowBits(_ count: Int) -> Line128 {
        Line128(low | lowBits(count), high)
    }

    @inline(__always)
    func forEachSetBit(_ body: (Int) -> Void) {
        visitSetBits(low, offset: 0, body)
        visitSetBits(high, offset: 64, body)
    }

    @inline(__always)
    static func & (lhs: Line128, rhs: Line128) -> Line128 { Line128(lhs.low & rhs.low, lhs.high & rhs.high) }
    @inline(__always)
    static func | (lhs: Line128, rhs: Line128) -> Line128 { Line128(lhs.low | rhs.low, lhs.high | rhs.high) }
    @inline(__always)
    static func ^ (lhs: Line128, rhs: Line128) -> Line128 { Line128(lhs.low ^ rhs.low, lhs.high ^ rhs.high) }
    @inline(__always)
    static prefix func ~ (line: Line128) -> Line128 { Line128(~line.low, ~line.high) }
}

/// A line of up to 192 modules (versions 27 to 40; version 40 is 177 modules wide).
struct Line192: ModuleLine {
    static let capacity = 192
    static let empty = Line192(0, 0, 0)

    var low: UInt64
    var middle: UInt64
    var high: UInt64

    init(_ low: UInt64, _ middle: UInt64, _ high: UInt64) {
        self.low = low
        self.middle = middle
        self.high = high
    }

    init(truncating words: (UInt64, UInt64, UInt64)) {
        self.init(words.0, words.1, words.2)
    }

    @inline(__always)
    var nonzeroBitCount: Int { low.nonzeroBitCount + middle.nonzeroBitCount + high.nonzeroBitCount }
    @inline(__always)
    var isEmpty: Bool { (low | middle | high) == 0 }

    @inline(__always)
    func contains(_ index: Int) -> Bool {
        let word = index < 64 ? low : (index < 128 ? middle : high)
        return (word >> UInt64(index & 63)) & 1 != 0
    }

    @inline(__always)
    mutating func insert(_ index: Int) {
        let bit: UInt64 = 1 << UInt64(index & 63)
        if index < 64 {
            low |= bit
        } else if index < 128 {
            middle |= bit
        } else {
            high |= bit
        }
    }

    @inline(__always)
    func shiftedDown(_ distance: Int) -> Line192 {
        let right = UInt64(distance)
        let left = UInt64(64 - distance)
        return Line192(low >> right | middle << left, middle >> right | high << left, high >> right)
    }

    @inline(__always)
    func shiftedUp(_ distance: Int) -> Line192 {
        let left = UInt64(distance)
        let right = UInt64(64 - distance)
        return Line192(low << left, middle << left | low >> right, high << left | middle >> right)
    }

    @inline(__always)
    func settingLowBits(_ count: Int) -> Line192 {
        Line192(low | lowBits(count), middle, high)
    }

    @inline(__always)
    func forEachSetBit(_ body: (Int) -> Void) {
        visitSetBits(low, offset: 0, body)
        visitSetBits(middle, offset: 64, body)
        visitSetBits(high, offset: 128, body)
    }

    @inline(__always)
    static func & (lhs: Line192, rhs: Line192) -> Line192 {
        Line192(lhs.low & rhs.low, lhs.middle & rhs.middle, lhs.high & rhs.high)
    }

    @inline(__always)
    static func | (lhs: Line192, rhs: Line192) -> Line192 {
        Line192(lhs.low | rhs.low, lhs.middle | rhs.middle, lhs.high | rhs.high)
    }

    @inline(__always)
    static func ^ (lhs: Line192, rhs: Line192) -> Line192 {
        Line192(lhs.low ^ rhs.low, lhs.middle ^ rhs.middle, lhs.high ^ rhs.high)
    }

    @inline(__always)
    static prefix func ~ (line: Line192) -> Line192 {
        Line192(~line.low, ~line.middle, ~line.high)
    }
}
