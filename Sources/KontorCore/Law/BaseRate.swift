import Foundation

/// The base rate (Basiszinssatz, § 247 BGB) valid from a half-year start until the next entry.
public struct BaseRate: Sendable, Hashable, Codable {
    /// 1 January or 1 July on which this rate took effect.
    public let validFrom: Day
    /// The rate in basis points (hundredths of a percent): 1.27 % is 127, −0.88 % is −88.
    public let basisPoints: Int

    /// Creates an entry; the table checks that `validFrom` is a half-year start.
    public init(validFrom: Day, basisPoints: Int) {
        self.validFrom = validFrom
        self.basisPoints = basisPoints
    }

    /// Creates an entry from a rate typed as a percentage, e.g. `1.27`, `1,27` or `-0.88`.
    /// - Throws: `InputError` when the text is not a number with at most two decimals.
    public init(validFrom: Day, parsingPercent text: String) throws(InputError) {
        let value = try FixedPoint.parse(text.replacingOccurrences(of: "%", with: ""), scale: 2,
                                         what: .baseRate, amount: false)
        self.init(validFrom: validFrom, basisPoints: Int(value))
    }

    /// The rate as a percentage with two decimals, e.g. `1.27` or `-0.88`.
    public var percentText: String { BaseRate.percentText(basisPoints) }

    /// Formats basis points as a percentage with two decimals (`1027` → `10.27`).
    public static func percentText(_ basisPoints: Int) -> String {
        FixedPoint.format(Int64(basisPoints), scale: 2, minimumFraction: 2)
    }
}
