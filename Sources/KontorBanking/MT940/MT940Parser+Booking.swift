import Foundation
import KontorCore

extension MT940Parser {
    /// The first line of a `:61:`: dates, mark, amount, transaction type and references.
    struct Booking {
        var value: Day
        var booking: Day
        var direction: EntryDirection
        var reversal: Bool
        var cents: Int64
        var type: String
        var bankReference: String?

        /// Reads an ASCII line byte by byte (the usual case: SWIFT's character set is ASCII).
        init(ascii bytes: [UInt8], _ range: Range<Int>, line: Int, file: String) throws(StatementError) {
            var position = range.lowerBound
            let end = range.upperBound
            func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
            func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 97 && (byte | 0x20) <= 122 }
            func text(_ from: Int, _ to: Int) -> String { String(decoding: bytes[from..<to], as: UTF8.self) }
            func number(_ from: Int, _ count: Int) -> Int {
                var value = 0
                for index in from..<from + count { value = value * 10 + Int(bytes[index] - 48) }
                return value
            }
            // `position` is advanced here, not in a nested function: one that captured it would box it, with an
            // exclusivity check on every use.
            guard Self.digits(bytes, at: position, count: 6, end: end) else {
                throw .malformedLine(file: file, line: line, detail: ":61: must start with the value date YYMMDD")
            }
            let valueAt = position
            position += 6
            guard let value = Day(
                year: DateParser.twoDigitYear(number(valueAt, 2)), month: number(valueAt + 2, 2),
                day: number(valueAt + 4, 2))
            else {
                throw .invalidDate(file: file, line: line, field: ":61: value date", text: text(valueAt, valueAt + 6))
            }
            self.value = value
            booking = value
            if Self.digits(bytes, at: position, count: 4, end: end) {
                let entryAt = position
                position += 4
                let (month, day) = (number(entryAt, 2), number(entryAt + 2, 2))
                guard let date = MT940Parser.closestDay(month: month, day: day, near: value) else {
                    let written = text(entryAt, entryAt + 4)
                    throw .invalidDate(file: file, line: line, field: ":61: entry date", text: written)
                }
                booking = date
            }
            // Mark: C, D, RC (reversal of a credit = money out), RD (reversal of a debit = money in).
            let mark0: UInt8 = position < end ? bytes[position] : 0
            let mark1: UInt8 = position + 1 < end ? bytes[position + 1] : 0
            if mark0 == 82, mark1 == 67 || mark1 == 68 {  // RC, RD
                reversal = true
                direction = mark1 == 67 ? .debit : .credit
                position += 2
            } else if mark0 == 67 || mark0 == 68 {  // C, D
                reversal = false
                direction = mark0 == 67 ? .credit : .debit
                position += 1
            } else {
                throw .malformedLine(
                    file: file, line: line, detail: ":61: needs the mark C, D, RC or RD after the date")
            }
            // Funds code: the third letter of the currency code, present when a letter precedes the amount.
            if position + 1 < end, isLetter(bytes[position]), isDigit(bytes[position + 1]) || bytes[position + 1] == 44
            {
                position += 1
            }
            // The amount runs up to the transaction type, which starts with N, F or S.
            let amountStart = position
            while position < end, bytes[position] != 78, bytes[position] != 70, bytes[position] != 83 { position += 1 }
            guard position > amountStart else {
                throw .missingElement(file: file, line: line, element: ":61: amount")
            }
            guard let cents = Self.cents(bytes, amountStart..<position) else {
                throw .invalidAmount(file: file, line: line, field: ":61:", text: text(amountStart, position))
            }
            self.cents = cents
            guard position + 4 <= end else {
                throw .malformedLine(
                    file: file, line: line, detail: ":61: ends before the transaction type (e.g. NTRF)")
            }
            type = text(position, position + 4)
            position += 4
            if let slashes = ByteText.firstIndex(of: [47, 47], in: bytes, position..<end) {
                bankReference = text(slashes + 2, end)
            }
        }

        /// Whether the `count` bytes at `position` (before `end`) are all ASCII digits.
        private static func digits(_ bytes: [UInt8], at position: Int, count: Int, end: Int) -> Bool {
            guard position + count <= end else { return false }
            for index in position..<position + count where bytes[index] < 48 || bytes[index] > 57 { return false }
            return true
        }

        /// A `:61:` amount: digits with a decimal comma, as `AmountParser` reads it with `.comma`.
        private static func cents(_ bytes: [UInt8], _ range: Range<Int>) -> Int64? {
            var commas = 0
            var comma = range.upperBound
            var hasDigit = false
            for index in range {
                let byte = bytes[index]
                if byte == 44 {
                    commas += 1
                    comma = index
                } else if byte >= 48 && byte <= 57 {
                    hasDigit = true
                } else {
                    return nil
                }
            }
            guard hasDigit else { return nil }
            guard commas <= 1 else {
                // Grouping commas: rare enough for the general reader.
                return AmountParser.cents(String(decoding: bytes[range], as: UTF8.self), decimal: .comma)
            }
            let whole = range.lowerBound..<comma
            let fraction = min(comma + 1, range.upperBound)..<range.upperBound
            guard whole.count <= 16, fraction.dropFirst(2).allSatisfy({ bytes[$0] == 48 }) else { return nil }
            var value: Int64 = 0
            for index in whole { value = value * 10 + Int64(bytes[index] - 48) }
            var hundredths: Int64 = 0
            for (offset, index) in fraction.prefix(2).enumerated() {
                hundredths += Int64(bytes[index] - 48) * (offset == 0 ? 10 : 1)
            }
            return value * 100 + hundredths
        }

        /// Reads a line with non-ASCII characters by characters, as a person counts them.
        init(characters text: String, line: Int, file: String) throws(StatementError) {
            let first = Array(text)
            var position = 0
            func digits(_ count: Int) -> String? {
                guard position + count <= first.count,
                    first[position..<position + count].allSatisfy({ $0.isASCII && $0.isNumber })
                else { return nil }
                defer { position += count }
                return String(first[position..<position + count])
            }
            guard let valueText = digits(6) else {
                throw .malformedLine(file: file, line: line, detail: ":61: must start with the value date YYMMDD")
            }
            guard let value = DateParser.yymmdd(Substring(valueText)) else {
                throw .invalidDate(file: file, line: line, field: ":61: value date", text: valueText)
            }
            self.value = value
            booking = value
            if let entryText = digits(4) {
                guard let month = Int(entryText.prefix(2)), let day = Int(entryText.suffix(2)),
                    let date = MT940Parser.closestDay(month: month, day: day, near: value)
                else { throw .invalidDate(file: file, line: line, field: ":61: entry date", text: entryText) }
                booking = date
            }
            let rest = String(first[position...])
            if rest.hasPrefix("RC") || rest.hasPrefix("RD") {
                reversal = true
                direction = rest.hasPrefix("RC") ? .debit : .credit
                position += 2
            } else if rest.hasPrefix("C") || rest.hasPrefix("D") {
                reversal = false
                direction = rest.hasPrefix("C") ? .credit : .debit
                position += 1
            } else {
                throw .malformedLine(
                    file: file, line: line, detail: ":61: needs the mark C, D, RC or RD after the date")
            }
            if position + 1 < first.count, first[position].isLetter,
                first[position + 1].isNumber || first[position + 1] == ","
            {
                position += 1
            }
            let amountStart = position
            while position < first.count, !"NFS".contains(first[position]) { position += 1 }
            let amountText = String(first[amountStart..<position])
            guard !amountText.isEmpty else {
                throw .missingElement(file: file, line: line, element: ":61: amount")
            }
            guard amountText.allSatisfy({ $0.isNumber || $0 == "," }), amountText.contains(where: \.isNumber),
                let cents = AmountParser.cents(amountText, decimal: .comma), cents >= 0
            else {
                throw .invalidAmount(file: file, line: line, field: ":61:", text: amountText)
            }
            self.cents = cents
            guard position + 4 <= first.count else {
                throw .malformedLine(
                    file: file, line: line, detail: ":61: ends before the transaction type (e.g. NTRF)")
            }
            type = String(first[position..<position + 4])
            position += 4
            let references = String(first[position...])
            if let range = references.range(of: "//") {
                bankReference = String(references[range.upperBound...])
            }
        }
    }
}
