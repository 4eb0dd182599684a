import Foundation

/// A VAT identification number (USt-IdNr.) in the form the EU's VIES system gives for each member state.
///
/// § 14a Abs. 1 UStG requires the seller's and the buyer's VAT ID on a reverse-charge invoice; an ID that cannot
/// exist (wrong length, another country's prefix) makes that invoice wrong, so IDs are checked when they are typed
/// or imported. Stored IDs are never re-checked on reading: a customer saved before this check stays readable.
public struct VATId: Sendable, Hashable, CustomStringConvertible {
    /// The ID in canonical form: upper case, without spaces, dots or hyphens, e.g. `ATU12345678`.
    public let text: String

    public var description: String { text }

    /// Reads `input` for a party whose address is in `country` (ISO 3166-1 alpha-2; nil when there is no address).
    ///
    /// In an EU member state (or `GB` with `XI`, Northern Ireland) the ID must carry that state's VIES prefix
    /// (`EL` for Greece) and the state's format. Outside the EU, VIES formats do not apply and the ID is kept as
    /// typed (trimmed), unless it carries an EU prefix, which cannot belong there. Without a country any EU format
    /// is accepted.
    /// - Throws: `VATIdError` naming the accepted form.
    public init(_ input: String, country: String?) throws(VATIdError) {
        let typed = input.trimmingCharacters(in: .whitespacesAndNewlines)
        let compact = String(typed.uppercased().filter { !" .-\u{00A0}".contains($0) })
        let prefix = String(compact.prefix(2))
        let home = country?.uppercased()
        let formats = home.map(VATIdFormat.formats(forCountry:)) ?? []
        if let home, formats.isEmpty || (home == "GB" && prefix != "XI") {
            // A country outside VIES (e.g. CH, US; Great Britain but for Northern Ireland's XI): any text but
            // an EU member state's ID.
            if VATIdFormat.byPrefix[prefix] != nil {
                throw .wrongCountry(text: typed, prefix: prefix, country: home, forms: [])
            }
            guard !typed.isEmpty else { throw .format(text: typed, country: home, forms: []) }
            text = typed
            return
        }
        let candidates = home == nil ? VATIdFormat.byPrefix[prefix].map { [$0] } ?? [] : formats
        if let format = candidates.first(where: { $0.prefix == prefix }) {
            guard format.matches(String(compact.dropFirst(2))) else {
                throw .format(text: typed, country: home ?? format.country, forms: format.forms)
            }
            text = compact
            return
        }
        if let home, let other = VATIdFormat.byPrefix[prefix], other.country != home {
            throw .wrongCountry(text: typed, prefix: prefix, country: home, forms: formats.flatMap(\.forms))
        }
        if let home { throw .format(text: typed, country: home, forms: formats.flatMap(\.forms)) }
        throw .noCountry(text: typed)
    }

    /// The canonical form of an optional ID as typed: nil for nil or blank, else the checked ID's text.
    public static func checked(_ input: String?, country: String?) throws(VATIdError) -> String? {
        guard let input, !input.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return try VATId(input, country: country).text
    }
}

/// One VIES format: the prefix and the patterns of the rest (`9` a digit, `A` a letter, `X` a letter or digit,
/// anything else itself).
struct VATIdFormat: Sendable {
    /// The ISO country code of the addresses the prefix belongs to (`GR` for `EL`, `GB` for `XI`).
    let country: String
    let prefix: String
    let patterns: [String]

    /// The accepted forms as shown in messages, e.g. `ATU99999999`.
    var forms: [String] {
        // Romania allows 2 to 10 digits: name the range instead of nine forms.
        prefix == "RO" ? ["RO99 … RO9999999999"] : patterns.map { prefix + $0 }
    }

    func matches(_ rest: String) -> Bool {
        patterns.contains { pattern in
            pattern.count == rest.count && zip(pattern, rest).allSatisfy { expected, character in
                switch expected {
                case "9": character.isASCII && character.isNumber
                case "A": character.isASCII && character.isLetter
                case "X": character.isASCII && (character.isLetter || character.isNumber)
                default: character == expected
                }
            }
        }
    }

    private static func digits(_ counts: ClosedRange<Int>) -> [String] {
        counts.map { String(repeating: "9", count: $0) }
    }

    /// The 27 member states and Northern Ireland, from the VIES "VAT number format" table.
    static let all: [VATIdFormat] = [
        VATIdFormat(country: "AT", prefix: "AT", patterns: ["U99999999"]),
        VATIdFormat(country: "BE", prefix: "BE", patterns: ["0999999999", "1999999999"]),
        VATIdFormat(country: "BG", prefix: "BG", patterns: digits(9...10)),
        VATIdFormat(country: "CY", prefix: "CY", patterns: ["99999999A"]),
        VATIdFormat(country: "CZ", prefix: "CZ", patterns: digits(8...10)),
        VATIdFormat(country: "DE", prefix: "DE", patterns: ["999999999"]),
        VATIdFormat(country: "DK", prefix: "DK", patterns: ["99999999"]),
        VATIdFormat(country: "EE", prefix: "EE", patterns: ["999999999"]),
        VATIdFormat(country: "GR", prefix: "EL", patterns: ["999999999"]),
        // First and last character letters or digits, but not both digits.
        VATIdFormat(country: "ES", prefix: "ES", patterns: ["A9999999X", "99999999A"]),
        VATIdFormat(country: "FI", prefix: "FI", patterns: ["99999999"]),
        VATIdFormat(country: "FR", prefix: "FR", patterns: ["XX999999999"]),
        VATIdFormat(country: "HR", prefix: "HR", patterns: ["99999999999"]),
        VATIdFormat(country: "HU", prefix: "HU", patterns: ["99999999"]),
        VATIdFormat(country: "IE", prefix: "IE", patterns: ["9999999A", "9A99999A", "9999999AA"]),
        VATIdFormat(country: "IT", prefix: "IT", patterns: ["99999999999"]),
        VATIdFormat(country: "LT", prefix: "LT", patterns: ["999999999", "999999999999"]),
        VATIdFormat(country: "LU", prefix: "LU", patterns: ["99999999"]),
        VATIdFormat(country: "LV", prefix: "LV", patterns: ["99999999999"]),
        VATIdFormat(country: "MT", prefix: "MT", patterns: ["99999999"]),
        VATIdFormat(country: "NL", prefix: "NL", patterns: ["999999999B99"]),
        VATIdFormat(country: "PL", prefix: "PL", patterns: ["9999999999"]),
        VATIdFormat(country: "PT", prefix: "PT", patterns: ["999999999"]),
        VATIdFormat(country: "RO", prefix: "RO", patterns: digits(2...10)),
        VATIdFormat(country: "SE", prefix: "SE", patterns: ["999999999901"]),
        VATIdFormat(country: "SI", prefix: "SI", patterns: ["99999999"]),
        VATIdFormat(country: "SK", prefix: "SK", patterns: ["9999999999"]),
        VATIdFormat(country: "GB", prefix: "XI", patterns: ["999999999", "999999999999", "GD999", "HA999"]),
    ]

    static let byPrefix: [String: VATIdFormat] = Dictionary(uniqueKeysWithValues: all.map { ($0.prefix, $0) })

    /// The formats for an address in `country`: one per member state; none outside the EU (GB: only `XI`).
    static func formats(forCountry country: String) -> [VATIdFormat] { all.filter { $0.country == country } }
}

/// A VAT ID that cannot be right for the party's country; the message names the accepted form.
public enum VATIdError: Error, Sendable, Equatable, CustomStringConvertible, BilingualError {
    /// Not the format of `country` (`forms`: the accepted ones; empty when any text but blank would do).
    case format(text: String, country: String, forms: [String])
    /// An ID with `prefix`, which belongs to another country than the address's.
    case wrongCountry(text: String, prefix: String, country: String, forms: [String])
    /// No country prefix and no address to tell the country by.
    case noCountry(text: String)

    public var description: String { message(.en) }

    /// The message in `language`.
    public func message(_ language: Language) -> String {
        let de = language == .de
        func accepted(_ country: String, _ forms: [String]) -> String {
            guard !forms.isEmpty else { return "" }
            let list = forms.joined(separator: de ? " oder " : " or ")
            return de
                ? " Eine USt-IdNr. aus \(country) hat die Form \(list) "
                    + "(9 = Ziffer, A = Buchstabe, X = Buchstabe oder Ziffer)."
                : " A VAT ID from \(country) has the form \(list) (9 = digit, A = letter, X = letter or digit)."
        }
        switch self {
        case let .format(text, country, forms):
            return (de ? "„\(text)“ ist keine gültige USt-IdNr. für \(country)."
                : "'\(text)' is not a valid VAT ID for \(country).") + accepted(country, forms)
        case let .wrongCountry(text, prefix, country, forms):
            return (de
                ? "Die USt-IdNr. „\(text)“ beginnt mit \(prefix) und gehört damit nicht zu einer Anschrift in "
                    + "\(country)."
                : "The VAT ID '\(text)' begins with \(prefix), so it does not belong to an address in \(country).")
                + accepted(country, forms)
        case let .noCountry(text):
            return de
                ? "„\(text)“ ist keine gültige USt-IdNr.: Sie beginnt mit dem Länderkürzel, z. B. DE123456789 oder "
                    + "ATU12345678; für Kunden außerhalb der EU zuerst die Anschrift angeben."
                : "'\(text)' is not a valid VAT ID: it begins with the country code, e.g. DE123456789 or ATU12345678; "
                    + "for customers outside the EU give the address first."
        }
    }
}
