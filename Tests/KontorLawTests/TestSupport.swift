@testable import KontorCore

/// A day from a literal that the test knows is valid.
func day(_ text: String) -> Day {
    guard let value = Day(text) else { preconditionFailure("bad test date \(text)") }
    return value
}

/// Euros written as in the worked examples, e.g. `euros("16.41")`.
func euros(_ text: String) -> Money {
    guard let value = try? Money(parsing: text) else { preconditionFailure("bad test amount \(text)") }
    return value
}

/// SplitMix64: a small seeded generator, so the property loops are repeatable.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
