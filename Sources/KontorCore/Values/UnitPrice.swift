/// A price per unit with up to four decimals: word rates like 0,085 € are common for writers.
/// Stored in ten-thousandths of a euro; a line's net amount is rounded to the cent.
public struct UnitPrice: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The price in ten-thousandths of a euro (1 € = 10,000).
    public var tenThousandths: Int64

    /// Creates a price from ten-thousandths of a euro.
    public init(tenThousandths: Int64) { self.tenThousandths = tenThousandths }

    /// Creates a price from a whole-cent amount.
    public init(_ money: Money) { tenThousandths = money.cents * 100 }

    /// Parses a typed price (`0,085`, `1.250,00`, `95`), which must not be negative.
    /// - Throws: `InputError` for text that is not a price.
    public init(parsing text: String) throws(InputError) {
        let value = try FixedPoint.parse(text, scale: 4, what: .unitPrice)
        guard value >= 0 else { throw .negative(what: .unitPrice, text: text) }
        tenThousandths = value
    }

    /// The net amount of `quantity` units, rounded half away from zero to the cent.
    public func net(for quantity: Quantity) -> Money {
        // thousandths × ten-thousandths = 10^7 per euro; cents need 10^5 less.
        Money(cents: FixedPoint.divideRounded(quantity.thousandths * tenThousandths, by: 100_000))
    }

    /// Plain text with at least two decimals: `0.085`, `95.00`.
    public var description: String { FixedPoint.format(tenThousandths, scale: 4, minimumFraction: 2) }

    /// Formatted for people: `0,085 €` or `€0.085`.
    public func formatted(_ language: Language) -> String {
        language == .de
            ? FixedPoint.format(tenThousandths, scale: 4, minimumFraction: 2, decimal: ",", grouping: ".") + " €"
            : "€" + FixedPoint.format(tenThousandths, scale: 4, minimumFraction: 2, decimal: ".", grouping: ",")
    }

    public static func < (lhs: UnitPrice, rhs: UnitPrice) -> Bool { lhs.tenThousandths < rhs.tenThousandths }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do { tenThousandths = try FixedPoint.parseCanonical(text, scale: 4, what: .unitPrice) } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
