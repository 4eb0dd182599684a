import Foundation

/// The pattern for invoice numbers, e.g. `{YYYY}-{NNNN}` → `2026-0001`.
///
/// Tokens: `{YYYY}` year, `{YY}` two-digit year, `{MM}` month, `{N…}` the counter padded to as many digits
/// as there are Ns. The counter restarts every year when the pattern contains the year, else it runs on.
public struct InvoiceNumberFormat: Sendable, Hashable, Codable, CustomStringConvertible {
    public let pattern: String

    /// The default, `{YYYY}-{NNNN}`.
    public static let standard = InvoiceNumberFormat(unchecked: "{YYYY}-{NNNN}")

    private init(unchecked pattern: String) { self.pattern = pattern }

    /// Validates a pattern: it needs exactly one counter token and only known tokens, and its literal text
    /// only characters that are safe in a file name and a mail subject (the number names the PDF, the XML and
    /// the e-mail): ASCII letters, digits, `-`, `_` and `.`, not starting with `.` and without `..`.
    public init(_ pattern: String) throws(InputError) {
        try Self.checkStructure(pattern)
        try Self.checkCharacters(pattern)
        self.pattern = pattern
    }

    /// A pattern read back from the book: only its structure is checked, so that a book saved before the
    /// character rule still opens (a new pattern has to pass `init(_:)`).
    init(stored pattern: String) throws(InputError) {
        try Self.checkStructure(pattern)
        self.pattern = pattern
    }

    /// The literal characters a pattern may hold besides its tokens.
    static func isSafe(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || "-_.".contains(character))
    }

    private static func checkCharacters(_ pattern: String) throws(InputError) {
        var literal = ""
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            literal += rest[..<open]
            rest = rest[rest.index(after: close)...]
        }
        literal += rest
        if let bad = literal.first(where: { !isSafe($0) }) {
            throw .invalidNumberFormat(
                text: SingleLineText.visible(pattern), problem: .character(SingleLineText.visible(String(bad))))
        }
        if pattern.hasPrefix(".") || pattern.contains("..") {
            throw .invalidNumberFormat(text: pattern, problem: .dots)
        }
    }

    private static func checkStructure(_ pattern: String) throws(InputError) {
        var counters = 0
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else {
                throw .invalidNumberFormat(text: pattern, problem: .unclosedBrace)
            }
            let token = rest[rest.index(after: open)..<close]
            if !token.isEmpty && token.allSatisfy({ $0 == "N" }) {
                counters += 1
            } else if !["YYYY", "YY", "MM"].contains(token) {
                throw .invalidNumberFormat(text: pattern, problem: .unknownToken(String(token)))
            }
            rest = rest[rest.index(after: close)...]
        }
        guard counters == 1 else {
            throw .invalidNumberFormat(text: pattern, problem: counters == 0 ? .noCounter : .severalCounters)
        }
    }

    /// The series a number belongs to: the counter restarts per year only when the year is in the pattern.
    public func series(for day: Day) -> String {
        pattern.contains("{YYYY}") || pattern.contains("{YY}") ? "\(day.year)" : "all"
    }

    /// The number for counter value `counter` on `day`.
    public func number(counter: Int, on day: Day) -> String {
        var result = ""
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            let token = rest[rest.index(after: open)..<close]
            switch token {
            case "YYYY": result += String(format: "%04d", day.year)
            case "YY": result += String(format: "%02d", day.year % 100)
            case "MM": result += String(format: "%02d", day.month)
            default:
                let digits = String(counter)
                result += String(repeating: "0", count: max(0, token.count - digits.count)) + digits
            }
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    public var description: String { pattern }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do { try self.init(stored: text) } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(pattern)
    }
}
