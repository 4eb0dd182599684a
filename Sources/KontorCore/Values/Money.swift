import Foundation

/// An exact amount of money in integer cents of the book's currency (EUR).
///
/// Encoded in JSON as a decimal string such as `"1190.00"`, never as a floating-point number.
public struct Money: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The amount in cents; negative for credits and cancellations.
    public var cents: Int64

    /// Creates an amount from cents.
    public init(cents: Int64) { self.cents = cents }

    /// Zero euros.
    public static let zero = Money(cents: 0)

    /// Parses a user-typed amount: `1234.56`, `1.234,56`, `1,234.56`, `12,5`, `€ 40`.
    /// - Throws: `InputError` when the text is not an amount with at most two decimals.
    public init(parsing text: String) throws(InputError) {
        cents = try FixedPoint.parse(text, scale: 2, what: .amount)
    }

    /// Parses an amount that must not be negative (what users type for prices and payments).
    public init(parsingNonNegative text: String, what: Field = .amount) throws(InputError) {
        let value = try FixedPoint.parse(text, scale: 2, what: what)
        guard value >= 0 else { throw .negative(what: what, text: text) }
        cents = value
    }

    /// The amount as a plain decimal string with two decimals, e.g. `1190.00` (for JSON and XML).
    public var decimalString: String { FixedPoint.format(cents, scale: 2, minimumFraction: 2) }

    public var description: String { decimalString }

    /// The amount formatted for people in `language`: `1.190,00 €` (de) or `€1,190.00` (en).
    public func formatted(_ language: Language) -> String {
        switch language {
        case .de:
            return FixedPoint.format(cents, scale: 2, minimumFraction: 2, decimal: ",", grouping: ".") + " €"
        case .en:
            let text = FixedPoint.format(cents.magnitude == cents ? cents : -cents, scale: 2, minimumFraction: 2,
                                         decimal: ".", grouping: ",")
            return (cents < 0 ? "-€" : "€") + text
        }
    }

    /// `percent` percent of this amount, rounded half away from zero to the cent.
    public func percentage(_ percent: Int64) -> Money {
        Money(cents: FixedPoint.divideRounded(cents * percent, by: 100))
    }

    public static func + (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents + rhs.cents) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents - rhs.cents) }
    public static prefix func - (value: Money) -> Money { Money(cents: -value.cents) }
    public static func += (lhs: inout Money, rhs: Money) { lhs.cents += rhs.cents }
    public static func -= (lhs: inout Money, rhs: Money) { lhs.cents -= rhs.cents }
    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.cents < rhs.cents }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            cents = try FixedPoint.parseCanonical(text, scale: 2, what: .amount)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(decimalString)
    }
}

extension Sequence where Element == Money {
    /// The sum of all amounts.
    public func sum() -> Money { reduce(.zero, +) }
}
