import Foundation
public import KontorCore

/// An exact decimal number as e-invoices carry it: amounts, prices with many decimals, quantities
/// and percentages, in any currency. No `Double` is involved.
///
/// Stored as an integer significand and a scale (`units / 10^scale`), normalised so that the scale
/// never carries trailing zeros: `"10.500"` and `"10.5"` are equal and print the same. Up to 18
/// significant digits fit; that covers every amount and unit price seen in practice.
public struct DecimalAmount: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The significand: the value times `10^scale`.
    public let units: Int64
    /// The number of fraction digits, 0…18.
    public let scale: Int

    /// The value `units / 10^scale`, normalised (trailing fraction zeros removed).
    /// - Parameters:
    ///   - units: The significand.
    ///   - scale: Fraction digits; values outside 0…18 are clamped into that range by
    ///     multiplying or rounding, so that the value stays representable.
    public init(units: Int64, scale: Int) {
        var units = units
        var scale = scale
        while scale < 0 {
            units = units.multipliedReportingOverflow(by: 10).overflow ? units : units * 10
            scale += 1
        }
        while scale > 18 {
            units = Self.divideRounded(units, by: 10)
            scale -= 1
        }
        while scale > 0, units % 10 == 0 {
            units /= 10
            scale -= 1
        }
        self.units = units
        self.scale = units == 0 ? 0 : scale
    }

    /// A whole number.
    public init(_ integer: Int64) { self.init(units: integer, scale: 0) }

    /// Parses the XML Schema decimal form used by CII and UBL: optional sign, digits, optional
    /// `.` and digits (`"-12.50"`, `".5"`, `"+3"`); surrounding white space is ignored.
    /// Returns `nil` for anything else, or for more than 18 significant digits.
    public init?(_ text: String) {
        var body = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        var negative = false
        if body.first == "-" || body.first == "+" {
            negative = body.first == "-"
            body = body.dropFirst()
        }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integerPart = parts[0]
        var fractionPart = parts.count > 1 ? parts[1] : ""
        guard !(integerPart.isEmpty && fractionPart.isEmpty),
            integerPart.allSatisfy({ $0.isASCII && $0.isNumber }), fractionPart.allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        while fractionPart.last == "0" { fractionPart = fractionPart.dropLast() }
        var digits = String(integerPart) + fractionPart
        while digits.count > 1, digits.first == "0" { digits.removeFirst() }
        guard digits.count <= 18, let value = Int64(digits.isEmpty ? "0" : digits) else { return nil }
        self.init(units: negative ? -value : value, scale: fractionPart.count)
    }

    /// Zero.
    public static let zero = DecimalAmount(units: 0, scale: 0)
    /// One hundred (for percentages).
    public static let hundred = DecimalAmount(units: 100, scale: 0)

    /// Whether the value is zero.
    public var isZero: Bool { units == 0 }
    /// Whether the value is below zero.
    public var isNegative: Bool { units < 0 }
    /// The absolute value.
    public var magnitude: DecimalAmount { DecimalAmount(units: units < 0 ? -units : units, scale: scale) }

    /// Plain text with `.` as decimal point and no trailing zeros, e.g. `-1234.5`.
    /// At least two decimals with a point, as amounts are written in JSON and XML (`892.10`).
    public var amountString: String { Self.format(self, minimumFractionDigits: 2, decimal: ".", grouping: nil) }

    public var description: String { Self.format(self, minimumFractionDigits: 0, decimal: ".", grouping: nil) }

    // MARK: - Formatting

    /// Formatted for people: German `1.234,50`, English `1,234.50`; at least `minimumFractionDigits`
    /// fraction digits are shown and every significant one (a unit price `0,0125` stays exact).
    /// - Parameters:
    ///   - language: The language whose separators are used.
    ///   - minimumFractionDigits: Fraction digits always shown (2 for amounts, 0 for quantities).
    public func formatted(_ language: Language, minimumFractionDigits: Int = 2) -> String {
        language == .de
            ? Self.format(self, minimumFractionDigits: minimumFractionDigits, decimal: ",", grouping: ".")
            : Self.format(self, minimumFractionDigits: minimumFractionDigits, decimal: ".", grouping: ",")
    }

    /// Formatted as money in `currency` (ISO 4217): `12.829,69 €` or `1.000,00 USD` in German,
    /// `€12,829.69` or `USD 1,000.00` in English.
    /// - Parameters:
    ///   - language: The language whose conventions are used.
    ///   - currency: The ISO 4217 currency code of the document.
    public func formatted(_ language: Language, currency: String) -> String {
        let number = formatted(language)
        switch language {
        case .de: return currency == "EUR" ? number + " €" : number + " " + currency
        case .en:
            guard currency == "EUR" else { return currency + " " + number }
            return isNegative ? "-€" + magnitude.formatted(.en) : "€" + number
        }
    }

    private static func format(
        _ value: DecimalAmount, minimumFractionDigits: Int, decimal: String, grouping: String?
    ) -> String {
        let magnitude = value.units.magnitude
        var divisor: UInt64 = 1
        for _ in 0..<value.scale { divisor *= 10 }
        var integerText = String(magnitude / divisor)
        var fraction = value.scale == 0 ? "" : String(magnitude % divisor)
        fraction = String(repeating: "0", count: max(0, value.scale - fraction.count)) + fraction
        if fraction.count < minimumFractionDigits {
            fraction += String(repeating: "0", count: minimumFractionDigits - fraction.count)
        }
        if let grouping, integerText.count > 3 {
            var groups: [String] = []
            while integerText.count > 3 {
                groups.insert(String(integerText.suffix(3)), at: 0)
                integerText.removeLast(3)
            }
            groups.insert(integerText, at: 0)
            integerText = groups.joined(separator: grouping)
        }
        let sign = value.units < 0 ? "-" : ""
        return fraction.isEmpty ? sign + integerText : sign + integerText + decimal + fraction
    }

    // MARK: - Arithmetic

    /// The sum, or `nil` if it does not fit into 18 significant digits at the finer scale.
    public func adding(_ other: DecimalAmount) -> DecimalAmount? {
        let scale = max(self.scale, other.scale)
        guard let left = rescaled(to: scale), let right = other.rescaled(to: scale) else { return nil }
        let (sum, overflow) = left.addingReportingOverflow(right)
        return overflow ? nil : DecimalAmount(units: sum, scale: scale)
    }

    /// The difference, or `nil` on overflow.
    public func subtracting(_ other: DecimalAmount) -> DecimalAmount? { adding(-other) }

    /// The exact product, or `nil` on overflow.
    public func multiplied(by other: DecimalAmount) -> DecimalAmount? {
        let (product, overflow) = units.multipliedReportingOverflow(by: other.units)
        return overflow ? nil : DecimalAmount(units: product, scale: scale + other.scale)
    }

    /// The quotient rounded half away from zero to `scale` fraction digits, or `nil` when dividing
    /// by zero or on overflow.
    public func divided(by other: DecimalAmount, scale: Int) -> DecimalAmount? {
        guard other.units != 0 else { return nil }
        // (a / 10^sa) / (b / 10^sb) = a * 10^(scale + sb - sa) / b, expressed at `scale`.
        var numerator = units
        var shift = scale + other.scale - self.scale
        var denominator = other.units
        while shift > 0 {
            let (next, overflow) = numerator.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            numerator = next
            shift -= 1
        }
        while shift < 0 {
            let (next, overflow) = denominator.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            denominator = next
            shift += 1
        }
        if denominator < 0 {
            numerator = -numerator
            denominator = -denominator
        }
        return DecimalAmount(units: Self.divideRounded(numerator, by: denominator), scale: scale)
    }

    /// Rounded half away from zero (kaufmännisch) to `scale` fraction digits.
    public func rounded(scale target: Int) -> DecimalAmount {
        guard scale > target else { return self }
        var divisor: Int64 = 1
        for _ in 0..<(scale - target) { divisor *= 10 }
        return DecimalAmount(units: Self.divideRounded(units, by: divisor), scale: target)
    }

    /// The significand at a finer `scale`, or `nil` if it overflows.
    private func rescaled(to target: Int) -> Int64? {
        var value = units
        for _ in 0..<max(0, target - scale) {
            let (next, overflow) = value.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            value = next
        }
        return value
    }

    private static func divideRounded(_ numerator: Int64, by denominator: Int64) -> Int64 {
        let quotient = numerator / denominator
        let remainder = numerator % denominator
        guard remainder.magnitude >= denominator.magnitude - remainder.magnitude else { return quotient }
        return numerator < 0 ? quotient - 1 : quotient + 1
    }

    /// The sum; on the (practically impossible) overflow the finer operand is rounded to the
    /// coarser scale first, so the operator never traps.
    public static func + (lhs: DecimalAmount, rhs: DecimalAmount) -> DecimalAmount {
        if let sum = lhs.adding(rhs) { return sum }
        let scale = min(lhs.scale, rhs.scale)
        return lhs.rounded(scale: scale).adding(rhs.rounded(scale: scale)) ?? lhs
    }

    /// The difference (see ``+(_:_:)`` for overflow).
    public static func - (lhs: DecimalAmount, rhs: DecimalAmount) -> DecimalAmount { lhs + -rhs }

    /// The negated value.
    public static prefix func - (value: DecimalAmount) -> DecimalAmount {
        DecimalAmount(units: value.units == .min ? .max : -value.units, scale: value.scale)
    }

    /// Adds in place.
    public static func += (lhs: inout DecimalAmount, rhs: DecimalAmount) { lhs = lhs + rhs }

    /// Exact comparison (integer parts first, so no scaling can overflow).
    public static func < (lhs: DecimalAmount, rhs: DecimalAmount) -> Bool {
        if lhs.units.signum() != rhs.units.signum() { return lhs.units.signum() < rhs.units.signum() }
        let scale = max(lhs.scale, rhs.scale)
        if let left = lhs.rescaled(to: scale), let right = rhs.rescaled(to: scale) { return left < right }
        // Fallback: compare the integer parts, then the fractions.
        func split(_ value: DecimalAmount) -> (Int64, Int64) {
            var divisor: Int64 = 1
            for _ in 0..<value.scale { divisor *= 10 }
            var fraction = value.units % divisor
            for _ in value.scale..<scale { fraction *= 10 }
            return (value.units / divisor, fraction)
        }
        let (leftInteger, leftFraction) = split(lhs)
        let (rightInteger, rightFraction) = split(rhs)
        return leftInteger != rightInteger ? leftInteger < rightInteger : leftFraction < rightFraction
    }
}

extension Sequence where Element == DecimalAmount {
    /// The sum of all values.
    public func sum() -> DecimalAmount { reduce(.zero, +) }
}
