public import Foundation

/// A document exactly as it left Kontor (an issued invoice's PDF or XML, a reminder's letter or e-mail), kept in
/// the book with its SHA-256 for the audit journal.
public struct KeptDocument: Sendable {
    /// The record it belongs to, as the audit journal names records (`invoice:3`, `dunningLetter:7`).
    public let record: String
    /// The name it was saved or sent under.
    public let fileName: String
    /// The bytes.
    public let data: Data

    /// A document of `record`.
    public init(record: String, fileName: String, data: Data) {
        self.record = record
        self.fileName = fileName
        self.data = data
    }
}
