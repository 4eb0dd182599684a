/// The language of a customer's documents and of the user interface. German is the default.
public enum Language: String, Sendable, Codable, CaseIterable {
    case de
    case en
}

/// A value that users choose by a stable lower-case name on the command line and in forms.
public protocol NamedChoice: RawRepresentable<String>, CaseIterable, Sendable {}

extension NamedChoice {
    /// Looks a choice up by name, or throws an error listing the allowed names.
    public static func named(_ text: String, what: Field) throws(InputError) -> Self {
        guard let value = Self(rawValue: text.lowercased()) else {
            throw .invalidChoice(what: what, text: text, allowed: allCases.map(\.rawValue))
        }
        return value
    }
}

extension Language: NamedChoice {}
