public import Foundation

/// A calendar day (no time, no zone), as used for every date rule in Kontor.
///
/// "Today" is never read globally: callers pass the day in, so every rule is testable for any date.
/// Encoded as `YYYY-MM-DD`.
public struct Day: Sendable, Hashable, Comparable, Codable, CustomStringConvertible, Strideable {
    /// Days since 1970-01-01 (may be negative).
    public let ordinal: Int

    /// Creates the day with the given ordinal (days since 1970-01-01).
    public init(ordinal: Int) { self.ordinal = ordinal }

    /// Creates a day from year, month and day, or returns nil when the date does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...Day.daysIn(month: month, year: year)).contains(day) else { return nil }
        ordinal = Day.ordinal(year: year, month: month, day: day)
    }

    /// Parses `YYYY-MM-DD` (also `DD.MM.YYYY`, as Germans type it).
    public init?(_ text: String) {
        // The store keeps days as "YYYY-MM-DD"; reading them back is the common case and must be cheap.
        let utf8 = text.utf8
        if utf8.count == 10, let day = utf8.withContiguousStorageIfAvailable(Day.isoDigits) ?? Day.isoDigits(Array(utf8)) {
            self = day
            return
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        // Only digits between the separators: `Int("+026")` would read a sign.
        guard trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-" || $0 == ".") }) else { return nil }
        let iso = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        let german = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        if iso.count == 3, iso[0].count == 4, let y = Int(iso[0]), let m = Int(iso[1]), let d = Int(iso[2]),
            iso[1].count == 2, iso[2].count == 2
        {
            self.init(year: y, month: m, day: d)
        } else if german.count == 3, german[2].count == 4, let d = Int(german[0]), let m = Int(german[1]),
            let y = Int(german[2])
        {
            self.init(year: y, month: m, day: d)
        } else {
            return nil
        }
    }

    /// `YYYY-MM-DD` as ten ASCII bytes, or nil.
    private static func isoDigits(_ bytes: some RandomAccessCollection<UInt8>) -> Day? {
        var numbers = (year: 0, month: 0, day: 0)
        for (offset, byte) in bytes.enumerated() {
            if offset == 4 || offset == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let digit = Int(byte - UInt8(ascii: "0"))
            switch offset {
            case 0..<4: numbers.year = numbers.year * 10 + digit
            case 5..<7: numbers.month = numbers.month * 10 + digit
            default: numbers.day = numbers.day * 10 + digit
            }
        }
        return Day(year: numbers.year, month: numbers.month, day: numbers.day)
    }

    /// Parses a day or throws an error that says which format is expected.
    public static func parse(_ text: String, what: Field = .date) throws(InputError) -> Day {
        guard let day = Day(text) else { throw .invalidDate(what: what, text: text) }
        return day
    }

    /// The day on which `date` falls in Europe/Berlin, where the business is.
    public init(_ date: Date, timeZone: TimeZone = TimeZone(identifier: "Europe/Berlin") ?? .current) {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: date)
        ordinal = Int((Double(seconds) / 86_400).rounded(.down))
    }

    // MARK: - Components

    /// Year, month and day of month.
    public var components: (year: Int, month: Int, day: Int) {
        // Civil-from-days (H. Hinnant), valid for the whole proleptic Gregorian calendar.
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// The year.
    public var year: Int { components.year }
    /// The month, 1–12.
    public var month: Int { components.month }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var isoWeekday: Int {
        let w = (ordinal + 3) % 7  // 1970-01-01 was a Thursday
        return (w < 0 ? w + 7 : w) + 1
    }

    /// Saturday or Sunday.
    public var isWeekend: Bool { isoWeekday >= 6 }

    /// The day `count` days later (earlier when negative).
    public func adding(days count: Int) -> Day { Day(ordinal: ordinal + count) }

    /// The same day `count` months later, clamped to the month's last day.
    public func adding(months count: Int) -> Day {
        let (y, m, d) = components
        let total = y * 12 + (m - 1) + count
        let year = total / 12
        let month = total % 12 + 1
        return Day(year: year, month: month, day: min(d, Day.daysIn(month: month, year: year)))!
    }

    /// Number of days from `self` to `other` (positive when `other` is later).
    public func days(until other: Day) -> Int { other.ordinal - ordinal }

    /// `YYYY-MM-DD`.
    public var description: String {
        let (y, m, d) = components
        // By hand: `String(format:)` cost microseconds, and a statement import writes two dates per entry.
        guard (0...9999).contains(y) else { return String(format: "%04d-%02d-%02d", y, m, d) }
        return Self.digits((y, 4), (m, 2), (d, 2), separator: 45)  // "-"
    }

    /// Formatted for people: `26.11.2026` (de) or `26 Nov 2026` (en).
    public func formatted(_ language: Language) -> String {
        let (y, m, d) = components
        switch language {
        case .de:
            // By hand, as `description`: an invoice prints half a dozen dates, and `String(format:)` took
            // longer than laying out a line of its table.
            guard (0...9999).contains(y) else { return String(format: "%02d.%02d.%04d", d, m, y) }
            return Self.digits((d, 2), (m, 2), (y, 4), separator: 46)  // "."
        case .en:
            let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
            return "\(d) \(names[m - 1]) \(y)"
        }
    }

    /// Three non-negative numbers as zero-padded digits (2 or 4 wide) with `separator` between them (the one
    /// writer of `description` and the German form; the year is within 0…9999 there).
    private static func digits(
        _ first: (Int, width: Int), _ second: (Int, width: Int), _ third: (Int, width: Int), separator: UInt8
    ) -> String {
        String(unsafeUninitializedCapacity: first.width + second.width + third.width + 2) { text in
            var position = 0
            func put(_ part: (Int, width: Int)) {
                var divisor = part.width == 4 ? 1_000 : 10
                while divisor > 0 {
                    text[position] = UInt8(truncatingIfNeeded: 48 + part.0 / divisor % 10)
                    position += 1
                    divisor /= 10
                }
            }
            put(first)
            text[position] = separator
            position += 1
            put(second)
            text[position] = separator
            position += 1
            put(third)
            return position
        }
    }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }
    public func distance(to other: Day) -> Int { other.ordinal - ordinal }
    public func advanced(by n: Int) -> Day { Day(ordinal: ordinal + n) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let day = Day(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a date: \(text)")
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    // MARK: - Calendar arithmetic

    /// Whether `year` is a Gregorian leap year.
    public static func isLeapYear(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    /// The number of days in a month.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func ordinal(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
