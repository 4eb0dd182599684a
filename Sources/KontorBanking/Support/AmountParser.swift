import Foundation
import KontorCore

/// Parses the amount notations of bank files into signed cents.
enum AmountParser {
    /// Parses `text` in the given notation; returns signed cents, or nil when the text is not an amount.
    ///
    /// Accepts a leading or trailing sign (`-39,2`, `9,90-`), grouping (`1.234,56`, `1,234.56`, `1'234.56`),
    /// no decimals (`1284`), an empty fraction (`15000,`), white space and a `€`/`EUR` marker.
    /// More than two decimals are accepted only when the extra digits are zeros.
    static func cents(_ raw: String, decimal: DecimalSeparator) -> Int64? {
        plainCents(raw, decimal: decimal) ?? ruleCents(raw, decimal: decimal)
    }

    /// `cents` by the general rules alone (what `plainCents` must agree with).
    static func ruleCents(_ raw: String, decimal: DecimalSeparator) -> Int64? {
        var text = TextNormal.collapse(raw).replacingOccurrences(of: " ", with: "")
        for marker in ["€", "EUR"] {
            if text.hasSuffix(marker) { text.removeLast(marker.count) }
            if text.hasPrefix(marker) { text.removeFirst(marker.count) }
        }
        var negative = false
        if let first = text.first, first == "-" || first == "+" || first == "\u{2212}" {
            negative = first != "+"
            text.removeFirst()
        } else if let last = text.last, last == "-" || last == "+" {
            negative = last == "-"
            text.removeLast()
        }
        text = text.replacingOccurrences(of: "'", with: "")
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }) else {
            return nil
        }
        let commas = text.filter { $0 == "," }.count
        let points = text.filter { $0 == "." }.count
        let decimalMark: Character?
        let groupMark: Character?
        if commas > 0 && points > 0 {
            decimalMark = text.lastIndex(of: ",")! > text.lastIndex(of: ".")! ? "," : "."
            groupMark = decimalMark == "," ? "." : ","
        } else if commas > 0 {
            switch decimal {
            case .point: (decimalMark, groupMark) = (nil, ",")
            case .comma, .auto: (decimalMark, groupMark) = commas == 1 ? (",", nil) : (nil, ",")
            }
        } else if points > 0 {
            switch decimal {
            case .comma: (decimalMark, groupMark) = (nil, ".")
            case .point, .auto: (decimalMark, groupMark) = points == 1 ? (".", nil) : (nil, ".")
            }
        } else {
            (decimalMark, groupMark) = (nil, nil)
        }
        var integerPart = Substring(text)
        var fraction = Substring("")
        if let mark = decimalMark {
            let parts = text.split(separator: mark, omittingEmptySubsequences: false)
            guard parts.count == 2 else { return nil }
            integerPart = parts[0]
            fraction = parts[1]
            guard !fraction.contains(where: { !$0.isNumber }) else { return nil }
        }
        if let group = groupMark, integerPart.contains(group) {
            let groups = integerPart.split(separator: group, omittingEmptySubsequences: false)
            guard let head = groups.first, (1...3).contains(head.count), groups.dropFirst().allSatisfy({ $0.count == 3 })
            else { return nil }
            integerPart = Substring(groups.joined())
        }
        guard !integerPart.contains(where: { !$0.isNumber }), !(integerPart.isEmpty && fraction.isEmpty),
            integerPart.count <= 16
        else { return nil }
        if fraction.count > 2 {
            guard fraction.dropFirst(2).allSatisfy({ $0 == "0" }) else { return nil }
            fraction = fraction.prefix(2)
        }
        let whole = Int64(integerPart.isEmpty ? "0" : String(integerPart)) ?? 0
        let cents = Int64((fraction + String(repeating: "0", count: 2 - fraction.count))) ?? 0
        let value = whole * 100 + cents
        return negative ? -value : value
    }

    /// The common shape read from the bytes: an optional leading sign, digits, and at most one mark that is the
    /// decimal mark under `cents`'s rules (a comma unless `decimal` is `.point`, a point unless it is `.comma`).
    /// Nil means "ask the full rules", never "not an amount".
    static func plainCents(_ raw: String, decimal: DecimalSeparator) -> Int64? {
        var whole: Int64 = 0
        var wholeDigits = 0
        var fraction: Int64 = 0
        var fractionDigits = 0
        var negative = false
        var seenMark = false
        for (offset, byte) in raw.utf8.enumerated() {
            switch byte {
            case 48...57:
                if seenMark {
                    fractionDigits += 1
                    if fractionDigits <= 2 {
                        fraction = fraction * 10 + Int64(byte - 48)
                    } else if byte != 48 {
                        return nil
                    }
                } else {
                    wholeDigits += 1
                    guard wholeDigits <= 16 else { return nil }
                    whole = whole * 10 + Int64(byte - 48)
                }
            case 45 where offset == 0, 43 where offset == 0:  // "-", "+"
                negative = byte == 45
            case 44 where !seenMark && decimal != .point, 46 where !seenMark && decimal != .comma:  // ",", "."
                seenMark = true
            default:
                return nil
            }
        }
        guard wholeDigits + fractionDigits > 0 else { return nil }
        let value = whole * 100 + (fractionDigits == 1 ? fraction * 10 : fraction)
        return negative ? -value : value
    }

    /// Parses an XML schema decimal (`1234.56`, `0`, `2700`): digits, optional point and fraction, no grouping.
    static func xmlCents(_ raw: String) -> Int64? {
        // Fast path for the usual `1234.56`.
        var whole: Int64 = 0
        var fraction: Int64 = 0
        var fractionDigits = 0
        var seenPoint = false
        var simple = !raw.isEmpty && raw.utf8.count <= 18
        for byte in raw.utf8 where simple {
            if byte >= 48 && byte <= 57 {
                if seenPoint {
                    fractionDigits += 1
                    if fractionDigits <= 2 { fraction = fraction * 10 + Int64(byte - 48) } else if byte != 48 { simple = false }
                } else {
                    whole = whole * 10 + Int64(byte - 48)
                }
            } else if byte == 46 && !seenPoint {
                seenPoint = true
            } else {
                simple = false
            }
        }
        if simple && !(seenPoint && fractionDigits == 0 && raw.utf8.count == 1) {
            return whole * 100 + (fractionDigits == 1 ? fraction * 10 : fraction)
        }
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, !text.contains(","), text.filter({ $0 == "." }).count <= 1 else { return nil }
        return cents(text, decimal: .point)
    }

    /// Chooses the notation of a file from its amount values: the first value whose last comma or point is followed
    /// by one or two digits decides; German (comma) when none does.
    static func detect(_ values: [String]) -> DecimalSeparator {
        for value in values {
            let text = value.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "-+€ "))
            guard let index = text.lastIndex(where: { $0 == "," || $0 == "." }) else { continue }
            let tail = text[text.index(after: index)...]
            if (1...2).contains(tail.count), tail.allSatisfy(\.isNumber) {
                return text[index] == "," ? .comma : .point
            }
        }
        return .comma
    }
}
