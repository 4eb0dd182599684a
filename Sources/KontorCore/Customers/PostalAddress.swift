import Foundation

/// A postal address; in Germany with the Bundesland, because public holidays differ by state.
public struct PostalAddress: Sendable, Hashable, Codable {
    public var street: String
    public var postalCode: String
    public var city: String
    /// ISO 3166-1 alpha-2 country code, `DE` by default.
    public var country: String
    public var state: GermanState?

    /// Creates an address.
    public init(street: String, postalCode: String, city: String, country: String = "DE", state: GermanState? = nil) {
        self.street = street
        self.postalCode = postalCode
        self.city = city
        self.country = country.uppercased()
        self.state = state
    }

    /// The lines of the address as printed in a letter window.
    public var lines: [String] {
        var lines = [street, "\(postalCode) \(city)"]
        if country != "DE" { lines.append(CountryNames.name(of: country)) }
        return lines
    }

    /// Checks that street, postal code, city and country are present and plausible.
    public func validate() throws(InputError) {
        for (value, field) in [(street, Field.street), (postalCode, .postalCode), (city, .city)]
        where value.trimmingCharacters(in: .whitespaces).isEmpty {
            throw .missing(what: field, fix: "--street, --postal-code and --city")
        }
        guard country.count == 2, country.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw .invalid(what: .country, rule: .countryCode(text: country))
        }
        if country == "DE", !(postalCode.count == 5 && postalCode.allSatisfy(\.isNumber)) {
            throw .invalid(what: .postalCode, rule: .germanPostalCode(text: postalCode))
        }
        if state != nil && country != "DE" {
            throw .invalid(what: .state, rule: .stateOnlyInGermany)
        }
    }

    /// Whether the address is in another EU member state (relevant for reverse charge).
    public var isInOtherEUCountry: Bool { country != "DE" && CountryNames.euMembers.contains(country) }
}

/// The sixteen German states by their official abbreviations.
public enum GermanState: String, NamedChoice, Codable {
    case BW, BY, BE, BB, HB, HH, HE, MV, NI, NW, RP, SL, SN, ST, SH, TH

    public static func named(_ text: String, what: Field) throws(InputError) -> GermanState {
        guard let value = GermanState(rawValue: text.uppercased()) else {
            throw .invalidChoice(what: what, text: text, allowed: allCases.map(\.rawValue))
        }
        return value
    }
}

/// Country names for addresses abroad, and the EU member list.
enum CountryNames {
    static let euMembers: Set<String> = [
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT",
        "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
    ]
    static let names: [String: String] = [
        "AT": "ÖSTERREICH", "CH": "SCHWEIZ", "FR": "FRANKREICH", "NL": "NIEDERLANDE", "BE": "BELGIEN",
        "LU": "LUXEMBURG", "IT": "ITALIEN", "ES": "SPANIEN", "PL": "POLEN", "DK": "DÄNEMARK", "GB": "VEREINIGTES KÖNIGREICH",
        "US": "USA", "SE": "SCHWEDEN", "CZ": "TSCHECHIEN", "IE": "IRLAND",
    ]
    static func name(of code: String) -> String { names[code] ?? code }
}
