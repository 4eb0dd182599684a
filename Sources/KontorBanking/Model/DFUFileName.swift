public import KontorCore

/// A ZIP member name per DFÜ-Abkommen Anlage 3 §9.2.2: `JJJJ-MM-TT_C53_<account>_<currency>_<serial>.xml`.
public struct DFUFileName: Sendable, Hashable, Codable {
    /// The date in the name.
    public var date: Day
    /// `C52`, `C53` or `C54`.
    public var kind: String
    /// The account part (IBAN, or another id; not checked).
    public var account: String
    /// Currency code.
    public var currency: String
    /// The last part (taken to be a serial number).
    public var serial: String

    /// Parses a member name (a folder prefix is ignored); nil when it does not follow the pattern.
    public init?(_ name: String) {
        let base = name.split(separator: "/").last.map(String.init) ?? name
        guard base.lowercased().hasSuffix(".xml") else { return nil }
        let parts = base.dropLast(4).split(separator: "_", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 5, let day = Day(parts[0]), parts[0].count == 10,
            ["C52", "C53", "C54"].contains(parts[1].uppercased()), !parts[2].isEmpty, parts[3].count == 3
        else { return nil }
        date = day
        kind = parts[1].uppercased()
        account = parts[2]
        currency = parts[3]
        serial = parts[4]
    }
}
