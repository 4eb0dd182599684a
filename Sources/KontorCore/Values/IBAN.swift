/// An International Bank Account Number checked with ISO 7064 mod 97-10 and the country's length.
public struct IBAN: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The IBAN without spaces, upper case.
    public let electronic: String

    /// Validates a typed IBAN (spaces allowed).
    /// - Throws: `InputError.invalidIBAN` saying what is wrong.
    public init(_ text: String) throws(InputError) {
        let compact = text.uppercased().filter { !$0.isWhitespace }
        guard compact.count >= 15, compact.count <= 34,
            compact.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
            compact.prefix(2).allSatisfy(\.isLetter), compact.dropFirst(2).prefix(2).allSatisfy(\.isNumber)
        else {
            throw .invalidIBAN(text: text, problem: .shape)
        }
        if let expected = IBAN.lengths[String(compact.prefix(2))], expected != compact.count {
            throw .invalidIBAN(
                text: text, problem: .length(country: String(compact.prefix(2)), expected: expected, actual: compact.count))
        }
        guard IBAN.mod97(compact) == 1 else {
            throw .invalidIBAN(text: text, problem: .checkDigits)
        }
        electronic = compact
    }

    /// Printed in groups of four: `DE89 3704 0044 0532 0130 00`.
    public var description: String {
        var groups: [String] = []
        var rest = Substring(electronic)
        while !rest.isEmpty {
            groups.append(String(rest.prefix(4)))
            rest = rest.dropFirst(4)
        }
        return groups.joined(separator: " ")
    }

    /// ISO 7064 mod 97-10 over the rearranged IBAN, computed digit by digit to avoid big integers.
    static func mod97(_ iban: String) -> Int {
        let rearranged = iban.dropFirst(4) + iban.prefix(4)
        var remainder = 0
        for character in rearranged {
            let value: Int
            if let digit = character.wholeNumberValue {
                value = digit
            } else {
                value = Int(character.asciiValue! - Character("A").asciiValue!) + 10
            }
            remainder = (value >= 10 ? remainder * 100 + value : remainder * 10 + value) % 97
        }
        return remainder
    }

    /// Lengths of European IBANs (SEPA area); others are checked by mod 97 only.
    static let lengths: [String: Int] = [
        "AD": 24, "AT": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "EE": 20,
        "ES": 24, "FI": 18, "FR": 27, "GB": 22, "GI": 23, "GR": 27, "HR": 21, "HU": 28, "IE": 22, "IS": 26,
        "IT": 27, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MT": 31, "NL": 18, "NO": 15, "PL": 28,
        "PT": 25, "RO": 24, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "VA": 22,
    ]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do { try self.init(text) } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(electronic)
    }
}
