public import Foundation

/// The one order of customers by name, for every list, choice and search result that shows them, in every store
/// (the SQLite store registers `compareNames` as its collation): case does not matter and letters with umlauts
/// stand beside their base letters, as people look names up.
public enum CustomerOrder {
    /// How two names compare.
    public static func compareNames(_ lhs: String, _ rhs: String) -> ComparisonResult {
        lhs.localizedCaseInsensitiveCompare(rhs)
    }

    /// By name, customers of the same name in the order they were added.
    public static func byName(_ lhs: (id: Int64, name: String), _ rhs: (id: Int64, name: String)) -> Bool {
        switch compareNames(lhs.name, rhs.name) {
        case .orderedAscending: true
        case .orderedDescending: false
        case .orderedSame: lhs.id < rhs.id
        }
    }

    /// Customers by name, then by id.
    public static func byName(_ lhs: Customer, _ rhs: Customer) -> Bool {
        byName((lhs.id, lhs.name), (rhs.id, rhs.name))
    }

    /// Whether a typed name is this customer's: equal when ASCII letters are compared without case. Only ASCII
    /// folds, as in SQLite's `NOCASE` that the lookup by name uses: "müller" finds "Müller", "MÜLLER" does not.
    public static func isSameName(_ typed: String, _ name: String) -> Bool {
        asciiFolded(typed) == asciiFolded(name)
    }

    /// The UTF-8 bytes with ASCII capitals made small: SQLite's `lower()`, `NOCASE` and `LIKE` fold exactly these.
    public static func asciiFolded(_ text: String) -> [UInt8] {
        text.utf8.map { (65...90).contains($0) ? $0 + 32 : $0 }
    }
}
