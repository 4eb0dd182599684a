import KontorApp
import KontorCore

/// Conversions between domain values and the plain column types of the records.
enum Convert {
    static func day(_ text: String) throws -> Day {
        guard let day = Day(text) else { throw StoreError.corrupt(detail: "invalid date '\(text)'") }
        return day
    }

    static func day(_ text: String?) throws -> Day? { try text.map(day) }

    static func choice<T: NamedChoice>(_ text: String, as type: T.Type = T.self) throws -> T {
        guard let value = T(rawValue: text) else { throw StoreError.corrupt(detail: "unknown \(T.self) '\(text)'") }
        return value
    }

    static func vat(_ percent: Int64) throws -> VATRate {
        do { return try VATRate(percent: percent) } catch { throw StoreError.corrupt(detail: error.description) }
    }
}
