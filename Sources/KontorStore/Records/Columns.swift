import KontorCore

/// Conversions between domain values and the plain column types of the records.
enum Convert {
    static func day(_ text: String) throws -> Day {
        guard let day = Day(text) else { throw StoreError.corrupt("invalid date '\(text)'") }
        return day
    }

    static func day(_ text: String?) throws -> Day? { try text.map(day) }

    static func choice<T: NamedChoice>(_ text: String, as type: T.Type = T.self) throws -> T {
        guard let value = T(rawValue: text) else { throw StoreError.corrupt("unknown \(T.self) '\(text)'") }
        return value
    }

    static func vat(_ percent: Int64) throws -> VATRate {
        do { return try VATRate(percent: percent) } catch { throw StoreError.corrupt(error.description) }
    }
}

/// The stored data does not match what Kontor writes (edited by hand or by a newer version).
public enum StoreError: Error, CustomStringConvertible {
    case corrupt(String)

    public var description: String { "The database holds data Kontor cannot read: \(self.detail)" }
    private var detail: String { switch self { case let .corrupt(text): text } }
}
