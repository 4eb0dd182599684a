import Foundation
import KontorApp
import KontorCore
import PostgresNIO

/// One row of a result, read by column name into domain values; a value the domain cannot hold is
/// `StoreError.corrupt` naming the column.
struct Columns {
    private let row: PostgresRandomAccessRow

    init(_ row: PostgresRow) {
        self.row = row.makeRandomAccess()
    }

    /// The value of `name` as a plain column type (`String`, `Int64`, `Int`, `Bool`, `Double`, their optionals).
    func callAsFunction<T: PostgresDecodable>(_ name: String, as type: T.Type = T.self) throws -> T {
        // postgres-nio stops the process on an unknown column name: a book altered by hand must be an error.
        guard row.contains(name) else {
            throw StoreError.corrupt(detail: "the column \(name) is missing from the book's table")
        }
        do {
            return try row[name].decode(T.self)
        } catch {
            throw StoreError.corrupt(detail: "column \(name): \(error)")
        }
    }

    func day(_ name: String) throws -> Day {
        let text: String = try self(name)
        guard let day = Day(text) else { throw StoreError.corrupt(detail: "column \(name): invalid date '\(text)'") }
        return day
    }

    func optionalDay(_ name: String) throws -> Day? {
        guard let text: String = try self(name) else { return nil }
        guard let day = Day(text) else { throw StoreError.corrupt(detail: "column \(name): invalid date '\(text)'") }
        return day
    }

    func money(_ name: String) throws -> Money {
        Money(cents: try self(name, as: Int64.self))
    }

    func choice<T: NamedChoice>(_ name: String, as type: T.Type = T.self) throws -> T {
        let text: String = try self(name)
        guard let value = T(rawValue: text) else {
            throw StoreError.corrupt(detail: "column \(name): unknown \(T.self) '\(text)'")
        }
        return value
    }

    func optionalChoice<T: NamedChoice>(_ name: String, as type: T.Type = T.self) throws -> T? {
        guard let text: String = try self(name) else { return nil }
        guard let value = T(rawValue: text) else {
            throw StoreError.corrupt(detail: "column \(name): unknown \(T.self) '\(text)'")
        }
        return value
    }

    func vat(_ name: String) throws -> VATRate {
        let percent: Int64 = try self(name)
        do { return try VATRate(percent: percent) } catch {
            throw StoreError.corrupt(detail: "column \(name): \(error.description)")
        }
    }

    func bytes(_ name: String) throws -> Data {
        let buffer: ByteBuffer = try self(name)
        return Data(buffer.readableBytesView)
    }
}

extension Data {
    /// The bytes as a `bytea` parameter.
    var bytea: ByteBuffer { ByteBuffer(bytes: self) }
}
