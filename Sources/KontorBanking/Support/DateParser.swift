import Foundation
import KontorCore

/// Parses the date notations of bank files.
enum DateParser {
    /// `YYYY-MM-DD` (also with a time after it: `2014-12-31T13:15:00+01:00` gives the day as written),
    /// `DD.MM.YYYY`, `DD.MM.YY`, `DD/MM/YYYY`; one-digit day and month are accepted in the dotted forms.
    static func day(_ raw: String) -> Day? {
        // Fast path for `YYYY-MM-DD`, read through a pointer (no copy for native strings): it runs for every date
        // of a large statement.
        var bytes = raw
        let fast = bytes.withUTF8 { utf8 -> Day?? in
            if let dotted = dottedDay(utf8) { return .some(dotted) }
            guard utf8.count == 10, utf8[4] == 45, utf8[7] == 45 else { return nil }
            var numbers = (0, 0, 0)
            for index in 0..<10 where index != 4 && index != 7 {
                let byte = utf8[index]
                guard byte >= 48 && byte <= 57 else { return nil }
                let digit = Int(byte - 48)
                if index < 4 {
                    numbers.0 = numbers.0 * 10 + digit
                } else if index < 7 {
                    numbers.1 = numbers.1 * 10 + digit
                } else {
                    numbers.2 = numbers.2 * 10 + digit
                }
            }
            return .some(Day(year: numbers.0, month: numbers.1, day: numbers.2))
        }
        if let fast { return fast }
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.count >= 10 {
            let head = String(text.prefix(10))
            if head.dropFirst(4).first == "-" {
                guard let day = Day(head) else { return nil }
                if text.count == 10 { return day }
                let rest = text.dropFirst(10)
                if rest.first == "T" { return dateTime(day: day, rest: rest.dropFirst()) }
                return "Z+-".contains(rest.first!) ? day : nil
            }
        }
        for separator: Character in [".", "/"] {
            let parts = text.split(separator: separator, omittingEmptySubsequences: false)
            guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }),
                parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 2 || parts[2].count == 4,
                let d = Int(parts[0]), let m = Int(parts[1]), var y = Int(parts[2])
            else { continue }
            if parts[2].count == 2 { y = twoDigitYear(y) }
            return Day(year: y, month: m, day: d)
        }
        return nil
    }

    /// `DD.MM.YY`, `DD.MM.YYYY` and the same with `/`, read from the bytes (German bank CSV writes one per row).
    /// Nil for any other shape, which the general rules then read.
    private static func dottedDay(_ utf8: UnsafeBufferPointer<UInt8>) -> Day?? {
        guard utf8.count == 8 || utf8.count == 10, utf8[2] == utf8[5], utf8[2] == 46 || utf8[2] == 47 else {
            return nil
        }
        var numbers = (0, 0, 0)
        for index in 0..<utf8.count where index != 2 && index != 5 {
            let byte = utf8[index]
            guard byte >= 48 && byte <= 57 else { return nil }
            let digit = Int(byte - 48)
            if index < 2 {
                numbers.0 = numbers.0 * 10 + digit
            } else if index < 5 {
                numbers.1 = numbers.1 * 10 + digit
            } else {
                numbers.2 = numbers.2 * 10 + digit
            }
        }
        let year = utf8.count == 8 ? twoDigitYear(numbers.2) : numbers.2
        return .some(Day(year: year, month: numbers.1, day: numbers.0))
    }

    /// The Berlin calendar day of an ISO date-time: with a zone (`Z`, `+01:00`) the instant is converted to
    /// Europe/Berlin (`2014-01-04T23:00:00.000Z` is 5 January there); without a zone the written date counts.
    static func dateTime(day: Day, rest: Substring) -> Day? {
        let timeEnd = rest.firstIndex { $0 == "Z" || $0 == "+" || $0 == "-" } ?? rest.endIndex
        let clock = rest[..<timeEnd].split(separator: ":")
        guard clock.count >= 2, let hour = Int(clock[0]), let minute = Int(clock[1]) else { return nil }
        let second = clock.count > 2 ? Int(clock[2].prefix { $0.isNumber }) ?? 0 : 0
        let zone = rest[timeEnd...]
        guard let sign = zone.first else { return day }
        var offset = 0
        if sign != "Z" {
            let parts = zone.dropFirst().split(separator: ":")
            let digits = parts.count == 2 ? parts[0] + parts[1] : zone.dropFirst()
            guard digits.count == 4, let hh = Int(digits.prefix(2)), let mm = Int(digits.suffix(2)) else { return nil }
            offset = (hh * 3600 + mm * 60) * (sign == "-" ? -1 : 1)
        }
        let seconds = day.ordinal * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Day(Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    /// `YYMMDD` as in MT940.
    static func yymmdd(_ text: Substring) -> Day? {
        guard text.count == 6, text.allSatisfy({ $0.isASCII && $0.isNumber }),
            let y = Int(text.prefix(2)), let m = Int(text.dropFirst(2).prefix(2)), let d = Int(text.suffix(2))
        else { return nil }
        return Day(year: twoDigitYear(y), month: m, day: d)
    }

    /// 00–79 → 2000–2079, 80–99 → 1980–1999.
    static func twoDigitYear(_ y: Int) -> Int { y < 80 ? 2000 + y : 1900 + y }
}
