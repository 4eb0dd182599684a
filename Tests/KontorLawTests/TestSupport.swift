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
