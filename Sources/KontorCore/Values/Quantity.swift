/// A quantity on a document line with up to three decimals (2.5 hours, 1,500 words), stored in thousandths.
public struct Quantity: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The quantity in thousandths of a unit.
    public var thousandths: Int64

    /// Creates a quantity from thousandths.
    public init(thousandths: Int64) { self.thousandths = thousandths }

    /// Creates a whole-number quantity.
    public init(_ whole: Int64) { thousandths = whole * 1000 }

    /// Parses `2.5`, `2,5`, `1.500` is rejected as ambiguous only if it could be read two ways.
    /// - Throws: `InputError` for text that is not a positive quantity.
    public init(parsing text: String) throws(InputError) {
        let value = try FixedPoint.parse(text, scale: 3, what: .quantity)
        guard value > 0 else {
            throw value < 0 ? .negative(what: .quantity, text: text) : .zero(what: .quantity)
        }
        thousandths = value
    }

    /// Plain text with `.` as decimal point and no trailing zeros: `2.5`, `1500`.
    public var description: String { FixedPoint.format(thousandths, scale: 3, minimumFraction: 0) }

    /// Formatted for people in `language` (decimal comma in German).
    public func formatted(_ language: Language) -> String {
        language == .de
            ? FixedPoint.format(thousandths, scale: 3, minimumFraction: 0, decimal: ",", grouping: ".")
            : FixedPoint.format(
                thousandths, scale: 3, minimumFraction: 0, decimal: ".",
                // "12,000" alone would read back as twelve (a lone comma is the decimal comma): group only
                // when a decimal point follows.
                grouping: thousandths % 1000 == 0 ? nil : ",")
    }

    public static func < (lhs: Quantity, rhs: Quantity) -> Bool { lhs.thousandths < rhs.thousandths }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int64.self) {
            thousandths = number * 1000
            return
        }
        let text = try container.decode(String.self)
        do { thousandths = try FixedPoint.parseCanonical(text, scale: 3, what: .quantity) } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
