import GRDB
import KontorApp

/// The bytes the journal hashes for one row of a bulk insert (`AuditJournal.rowHash`): each value typed and
/// length-prefixed, in the table's column order, so that no two rows share an encoding. Built value by value, so
/// that a bulk insert can hash a row while it binds it (`BankEntryBinding`) without making `DatabaseValue`s of it;
/// `rowHash` builds it from `DatabaseValue`s. One encoder is reused row after row.
struct RowHashEncoder {
    private var bytes: [UInt8] = []

    init() {
        bytes.reserveCapacity(256)
    }

    /// Starts the next row.
    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
    }

    mutating func null() {
        bytes.append(0)
    }

    mutating func integer(_ value: Int64) {
        append(tag: 1, value)
    }

    mutating func real(_ value: Double) {
        append(tag: 2, value.bitPattern)
    }

    /// Text as its UTF-8 bytes.
    mutating func text(_ utf8: UnsafeBufferPointer<UInt8>) {
        append(tag: 3, UInt64(utf8.count))
        bytes.append(contentsOf: utf8)
    }

    mutating func text(_ text: String) {
        append(tag: 3, UInt64(text.utf8.count))
        bytes.append(contentsOf: text.utf8)
    }

    mutating func blob(_ data: some Collection<UInt8>) {
        append(tag: 4, UInt64(data.count))
        bytes.append(contentsOf: data)
    }

    mutating func value(_ value: DatabaseValue) {
        switch value.storage {
        case .null: null()
        case .int64(let integer): self.integer(integer)
        case .double(let real): self.real(real)
        case .string(let text): self.text(text)
        case .blob(let data): blob(data)
        }
    }

    /// The row's SHA-256 as 64 lower-case hex digits, appended to `text`.
    func appendHash(to text: inout [UInt8]) {
        AuditChain.appendHash(of: bytes, to: &text)
    }

    private mutating func append<T: FixedWidthInteger>(tag: UInt8, _ number: T) {
        bytes.append(tag)
        withUnsafeBytes(of: number.littleEndian) { bytes.append(contentsOf: $0) }
    }
}
