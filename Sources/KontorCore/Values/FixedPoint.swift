import Foundation

/// The one reader of numbers people type, in Germany and elsewhere ("1500", "1.500", "1.500,00", "1500.00",
/// "1,500.00", "12,5", "0,125"), into an integer scaled by a power of ten, so no `Double` ever touches money.
///
/// The rules, in the order they decide: the separator that comes last is the decimal one when both appear; a
/// lone comma is decimal (German); a lone dot followed by exactly three digits groups thousands ("1.500" is
/// one thousand five hundred, as a German writes it) unless nothing but a zero stands before it ("0.125");
/// several of the same separator group thousands. Groups after the first have exactly three digits; anything
/// else (`1.5.0`, `1,2,3`, `12,34.5`) is ambiguous and refused with the accepted forms named.
enum FixedPoint {
    /// Parses `text` into an integer with `scale` fraction digits (e.g. scale 2: "12,5" → 1250).
    /// - Throws: `InputError.invalidNumber` when the text is not a number or is ambiguous,
    ///   `.tooManyDecimals` when it has more (non-zero) fraction digits than `scale`.
    /// - Parameter amount: false for numbers that are never in the thousands (percentages): there a lone dot is
    ///   always the decimal point.
    static func parse(_ text: String, scale: Int, what: Field, amount: Bool = true) throws(InputError) -> Int64 {
        var body = Substring(text.trimmingCharacters(in: .whitespaces))
        var negative = false
        var signed = false
        func takeSign() {
            guard !signed, body.first == "-" || body.first == "+" else { return }
            negative = body.first == "-"
            signed = true
            body = Substring(body.dropFirst().trimmingCharacters(in: .whitespaces))
        }
        // The sign may stand before or after the currency: "-€1,190.00", "€ -40", "-40 €".
        takeSign()
        for currency in ["€", "EUR"] {
            if body.hasPrefix(currency) { body = body.dropFirst(currency.count) }
            if body.hasSuffix(currency) { body = body.dropLast(currency.count) }
        }
        body = Substring(body.trimmingCharacters(in: .whitespaces))
        takeSign()
        let bytes = Array(body.utf8)
        guard !bytes.isEmpty, bytes.allSatisfy({ isDigit($0) || $0 == dot || $0 == comma }) else {
            throw .invalidNumber(what: what, text: text)
        }
        guard let decimalAt = try decimalSeparatorIndex(bytes, amount: amount, what: what, text: text) else {
            return try assemble(integer: bytes[...], fraction: [][...], scale: scale, negative: negative,
                                what: what, text: text)
        }
        return try assemble(integer: bytes[..<decimalAt], fraction: bytes[(decimalAt + 1)...], scale: scale,
                            negative: negative, what: what, text: text)
    }

    /// Parses the canonical machine form that `format` writes without grouping ("1234.5", "-0.085"): for JSON
    /// and stored values, where a dot is always the decimal point.
    static func parseCanonical(_ text: String, scale: Int, what: Field) throws(InputError) -> Int64 {
        var bytes = Array(text.utf8)[...]
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { bytes = bytes.dropFirst() }
        let parts = bytes.split(separator: dot, maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count <= 2, !bytes.isEmpty, bytes.allSatisfy({ isDigit($0) || $0 == dot }) else {
            throw .invalidNumber(what: what, text: text)
        }
        return try assemble(integer: parts[0], fraction: parts.count == 2 ? parts[1] : [][...], scale: scale,
                            negative: negative, what: what, text: text)
    }

    private static let dot = UInt8(ascii: ".")
    private static let comma = UInt8(ascii: ",")
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    /// Where the decimal separator is, or nil for a whole number; checks the thousands groups on the way.
    private static func decimalSeparatorIndex(
        _ bytes: [UInt8], amount: Bool, what: Field, text: String
    ) throws(InputError) -> Int? {
        let lastDot = bytes.lastIndex(of: dot)
        let lastComma = bytes.lastIndex(of: comma)
        let dots = bytes.count { $0 == dot }
        let commas = bytes.count { $0 == comma }
        let decimal: Int?
        switch (lastDot, lastComma) {
        case (nil, nil):
            decimal = nil
        case let (.some(d), .some(c)):
            decimal = max(d, c)
            guard (d > c ? dots : commas) == 1 else { throw .invalidNumber(what: what, text: text) }
        case let (nil, .some(c)):
            decimal = commas == 1 ? c : nil
        case let (.some(d), nil):
            if dots > 1 {
                decimal = nil
            } else {
                let before = bytes[..<d]
                let threeDigitsAfter = bytes.count - d - 1 == 3
                let onlyZeroBefore = before.isEmpty || before.allSatisfy { $0 == UInt8(ascii: "0") }
                decimal = amount && threeDigitsAfter && !onlyZeroBefore ? nil : d
            }
        }
        let integerPart = bytes[..<(decimal ?? bytes.count)]
        let groups = integerPart.split(omittingEmptySubsequences: false) { $0 == dot || $0 == comma }
        if groups.count > 1 {
            // Thousands groups: one to three digits first (not a lone zero), then exactly three each.
            let first = groups[0]
            guard (1...3).contains(first.count), first.first != UInt8(ascii: "0"),
                groups.dropFirst().allSatisfy({ $0.count == 3 })
            else { throw .invalidNumber(what: what, text: text) }
        }
        return decimal
    }

    /// Joins the digits of the integer part (without group separators) and the fraction into a scaled integer.
    private static func assemble(
        integer: ArraySlice<UInt8>, fraction: ArraySlice<UInt8>, scale: Int, negative: Bool, what: Field,
        text: String
    ) throws(InputError) -> Int64 {
        let digits = integer.filter(isDigit)
        guard !digits.isEmpty || !fraction.isEmpty, fraction.allSatisfy(isDigit) else {
            throw .invalidNumber(what: what, text: text)
        }
        // Trailing zeros beyond the scale change nothing ("1.1250" for a quantity of three decimals).
        var fractionDigits = Array(fraction)
        while fractionDigits.count > scale && fractionDigits.last == UInt8(ascii: "0") { fractionDigits.removeLast() }
        guard fractionDigits.count <= scale else { throw .tooManyDecimals(what: what, text: text, allowed: scale) }
        fractionDigits += Array(repeating: UInt8(ascii: "0"), count: scale - fractionDigits.count)
        let all = digits + fractionDigits
        guard all.count <= 17 else { throw .invalidNumber(what: what, text: text) }
        var value: Int64 = 0
        for byte in all { value = value * 10 + Int64(byte - 48) }
        return negative ? -value : value
    }

    /// Formats a scaled integer with `scale` fraction digits, at least `minimumFraction` of them shown.
    static func format(
        _ value: Int64, scale: Int, minimumFraction: Int, decimal: String = ".", grouping: String? = nil
    ) -> String {
        let magnitude = value.magnitude
        var divisor: UInt64 = 1
        for _ in 0..<scale { divisor *= 10 }
        let integer = magnitude / divisor
        var fraction = String(magnitude % divisor)
        fraction = String(repeating: "0", count: max(0, scale - fraction.count)) + fraction
        while fraction.count > minimumFraction && fraction.hasSuffix("0") { fraction.removeLast() }
        if grouping != nil && decimal == "." && fraction.count == 3 && integer > 0 {
            // "1.125" would read back as one thousand one hundred twenty-five; "1.1250" cannot be misread.
            fraction += "0"
        }
        var integerText = String(integer)
        if let grouping, integerText.count > 3 {
            var grouped: [String] = []
            while integerText.count > 3 {
                grouped.insert(String(integerText.suffix(3)), at: 0)
                integerText.removeLast(3)
            }
            grouped.insert(integerText, at: 0)
            integerText = grouped.joined(separator: grouping)
        }
        let sign = value < 0 ? "-" : ""
        return fraction.isEmpty ? sign + integerText : sign + integerText + decimal + fraction
    }

    /// Divides and rounds half away from zero (kaufmännisches Runden).
    static func divideRounded(_ numerator: Int64, by denominator: Int64) -> Int64 {
        precondition(denominator > 0)
        let quotient = numerator / denominator
        let remainder = numerator % denominator
        if remainder.magnitude * 2 >= denominator.magnitude {
            return numerator < 0 ? quotient - 1 : quotient + 1
        }
        return quotient
    }
}
