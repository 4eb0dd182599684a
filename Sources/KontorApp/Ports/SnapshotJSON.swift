import Foundation

/// The JSON text of the columns that hold values whole (the profile, an invoice's buyer and seller as issued, a writer's
/// week, lists of ids): sorted keys, so every store writes the same text for the same value — `kontor migrate` copies
/// it column by column and proves the books equal row by row.
public enum SnapshotJSON {
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// The value of `text`; text that does not decode is a corrupt book, not a bug of the caller.
    /// - Throws: `StoreError.corrupt` naming the type.
    public static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        do { return try JSONDecoder().decode(type, from: Data(text.utf8)) } catch {
            throw StoreError.corrupt(detail: "JSON \(T.self): \(error)")
        }
    }
}
