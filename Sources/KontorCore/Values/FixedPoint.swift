import Foundation

/// Parses decimal numbers as people type them in Germany and elsewhere ("1234.56", "1.234,56",
/// "1,234.56", "12,5") into an integer scaled by a power of ten, so no `Double` ever touches money.
enum FixedPoint {
    /// Parses `text` into an integer with `scale` fraction digits (e.g. scale 2: "12,5" → 1250).
    /// - Throws: `InputError.invalidNumber` when the text is not a number or has more fraction digits.
    static func parse(_ text: String, scale: Int, what: String) throws(InputError) -> Int64 {
        var body = text.trimmingCharacters(in: .whitespaces)
            .replacingOccurrences(of: "€", with: "")
            .replacingOccurrences(of: "EUR", with: "")
            .trimmingCharacters(in: .whitespaces)
        var negative = false
        if body.hasPrefix("-") {
            negative = true
            body.removeFirst()
        } else if body.hasPrefix("+") {
            body.removeFirst()
        }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }) else {
            throw .invalidNumber(what: what, text: text)
        }
        let lastComma = body.lastIndex(of: ",")
        let lastDot = body.lastIndex(of: ".")
        // The separator that comes last is the decimal one; the other groups thousands.
        let decimalSeparator: Character?
        switch (lastComma, lastDot) {
        case (nil, nil): decimalSeparator = nil
        case (.some, nil): decimalSeparator = body.filter { $0 == "," }.count == 1 ? "," : nil
        case (nil, .some): decimalSeparator = body.filter { $0 == "." }.count == 1 ? "." : nil
        case let (.some(c), .some(d)): decimalSeparator = c > d ? "," : "."
        }
        var integerPart = body
        var fractionPart = ""
        if let separator = decimalSeparator, let index = body.lastIndex(of: separator) {
            integerPart = String(body[..<index])
            fractionPart = String(body[body.index(after: index)...])
        }
        let groupSeparator: Character = decimalSeparator == "," ? "." : ","
        let groups = integerPart.split(separator: groupSeparator, omittingEmptySubsequences: false)
        if groups.count > 1 {
            // Thousands groups must have exactly three digits, otherwise the input is ambiguous.
            guard groups.dropFirst().allSatisfy({ $0.count == 3 }), !(groups.first ?? "").isEmpty else {
                throw .invalidNumber(what: what, text: text)
            }
        } else if decimalSeparator == nil && (integerPart.contains(",") || integerPart.contains(".")) {
            throw .invalidNumber(what: what, text: text)
        }
        let digits = groups.joined()
        guard !digits.isEmpty || !fractionPart.isEmpty, fractionPart.allSatisfy(\.isNumber) else {
            throw .invalidNumber(what: what, text: text)
        }
        guard fractionPart.count <= scale else {
            throw .tooManyDecimals(what: what, text: text, allowed: scale)
        }
        let padded = fractionPart + String(repeating: "0", count: scale - fractionPart.count)
        guard digits.count + scale <= 17, let value = Int64((digits.isEmpty ? "0" : digits) + padded) else {
            throw .invalidNumber(what: what, text: text)
        }
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
