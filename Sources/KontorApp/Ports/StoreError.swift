public import KontorCore

/// What a store reports when the database, not what the user typed, stops a read or a change. Stores translate
/// their engine's errors into these cases at their boundary, so that no caller matches error strings or imports
/// the database library.
public enum StoreError: Error, Sendable, Equatable, UserError, CustomStringConvertible {
    /// Another process holds the book's write lock for longer than the store waits; trying again later helps.
    case busy
    /// The database itself refused a change to a record that is never changed (an issued invoice, a payment).
    case immutable(detail: String)
    /// The stored data does not match what Kontor writes (edited by hand or by a newer version).
    case corrupt(detail: String)
    /// The file cannot be opened as a book (not a database, a migration Kontor does not know).
    case unusable(path: String, detail: String)
    /// Any other failure of the database engine; nothing was changed.
    case failed(detail: String)

    /// Whether running the same use case again may succeed.
    public var isRetryable: Bool { self == .busy }

    public func message(_ language: Language, for audience: Audience) -> String {
        let de = language == .de
        switch self {
        case .busy:
            return de
                ? "Die Datenbank ist gerade beschäftigt (ein anderes Kontor schreibt). Bitte gleich noch einmal versuchen."
                : "The database is busy (another Kontor is writing). Try again in a moment."
        case let .immutable(detail):
            return de
                ? "Die Datenbank hat die Änderung abgelehnt: \(detail). Ausgestellte Rechnungen und Zahlungen bleiben, "
                    + "wie sie sind; korrigiert wird mit Storno oder Gegenbuchung."
                : "The database refused the change: \(detail). Issued invoices and payments stay as they are; "
                    + "corrections are cancellations and counter-entries."
        case let .corrupt(detail):
            return de
                ? "Die Datenbank enthält Daten, die Kontor nicht lesen kann: \(detail)."
                : "The database holds data Kontor cannot read: \(detail)."
        case let .unusable(path, detail):
            return de
                ? "„\(path)“ lässt sich nicht als Kontor-Buch öffnen: \(detail)."
                : "'\(path)' cannot be opened as a Kontor book: \(detail)."
        case let .failed(detail):
            return de
                ? "Datenbankfehler: \(detail). Es wurde nichts geändert."
                : "Database error: \(detail). Nothing was changed."
        }
    }
}
