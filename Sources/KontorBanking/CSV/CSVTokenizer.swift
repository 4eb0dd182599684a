import Foundation
import KontorCore
/// One CSV record and the line it starts on.
struct CSVRecord {
    var fields: [String]
    var line: Int

    var isBlank: Bool {
        fields.allSatisfy { field in
            // A visible ASCII byte settles it without Foundation; only spaces and non-ASCII need the character set.
            if field.utf8.contains(where: { $0 > 0x20 && $0 < 0x80 }) { return false }
            return field.trimmingCharacters(in: .whitespaces).isEmpty
        }
    }
}

/// Splits CSV text into records: quoted fields may hold delimiters, doubled quotes and line breaks.
///
/// Tolerant like Python's `csv` module: a quote inside an unquoted field is kept as a character
/// (`Firma"` in the DKB sample), and text after a closing quote is appended to the field.
enum CSVTokenizer {
    /// - Parameters:
    ///   - maxRecords: stop after this many records (for sniffing the layout).
    ///   - lenient: at the end of the text, close an open quote instead of failing (for sniffing).
    static func records(
        _ text: String, delimiter: Character, file: String, maxRecords: Int = .max, lenient: Bool = false
    ) throws(StatementError) -> [CSVRecord] {
        let separator = delimiter.unicodeScalars.first!
        guard separator.isASCII else {
            return try scalarRecords(text, separator: separator, file: file, maxRecords: maxRecords, lenient: lenient)
        }
        var text = text
        // Bytes, not scalars: quote, delimiter and line breaks are ASCII, which never occurs inside a multi-byte
        // UTF-8 sequence, so the rules read the same; scalars are counted only for the record length limit.
        let result: Result<[CSVRecord], StatementError> = text.withUTF8 { bytes in
            do throws(StatementError) {
                return .success(try byteRecords(
                    bytes, separator: UInt8(separator.value), file: file, maxRecords: maxRecords, lenient: lenient))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    private static func byteRecords(
        _ bytes: UnsafeBufferPointer<UInt8>, separator: UInt8, file: String, maxRecords: Int, lenient: Bool
    ) throws(StatementError) -> [CSVRecord] {
        let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        let limit = InputLimits.lineCharacters
        let count = bytes.count
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field: [UInt8] = []
        field.reserveCapacity(256)
        var inQuotes = false
        var wasQuoted = false
        var line = 1
        var recordLine = 1
        var quoteLine = 1
        var index = 0
        // Scalars read so far and where the record began, for the limit on a record's length in characters.
        var scalars = 0
        var recordStart = 0

        while index < count, records.count < maxRecords {
            let c = bytes[index]
            // Everything but the quote, the line breaks and (outside quotes) the delimiter is copied into the field
            // as it is: taken as a run, counted and copied at once rather than byte by byte.
            if c != quote && c != cr && c != lf && (inQuotes || c != separator) {
                var end = index + 1
                var runScalars = c & 0xC0 != 0x80 ? 1 : 0
                while end < count {
                    let byte = bytes[end]
                    if byte == quote || byte == cr || byte == lf || (!inQuotes && byte == separator) { break }
                    if byte & 0xC0 != 0x80 { runScalars += 1 }
                    end += 1
                }
                // As a check before each scalar would: one of them starts when the record already has more.
                if runScalars > 0, scalars - recordStart + runScalars - 1 > limit {
                    throw .tooLarge(file: file, line: recordLine, limit: .lineLength(limit))
                }
                scalars += runScalars
                field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                index = end
                continue
            }
            if scalars - recordStart > limit {
                throw .tooLarge(file: file, line: recordLine, limit: .lineLength(limit))
            }
            scalars += 1
            index += 1
            if inQuotes {
                if c == quote {
                    if index < count, bytes[index] == quote {
                        field.append(quote)
                        index += 1
                        scalars += 1
                    } else {
                        inQuotes = false
                    }
                } else {  // a line break inside quotes
                    if c == cr, index < count, bytes[index] == lf {
                        index += 1
                        scalars += 1
                    }
                    field.append(lf)
                    line += 1
                }
            } else if c == separator {
                guard fields.count < InputLimits.csvFields else {
                    throw .tooLarge(file: file, line: recordLine, limit: .fields(InputLimits.csvFields))
                }
                endField(&fields, &field, &wasQuoted)
            } else if c == cr || c == lf {
                if c == cr, index < count, bytes[index] == lf {
                    index += 1
                    scalars += 1
                }
                endRecord(&records, &fields, &field, &wasQuoted, line: recordLine)
                line += 1
                recordLine = line
                recordStart = scalars
            } else if field.isEmpty && !wasQuoted {  // the quote opens a quoted field
                inQuotes = true
                wasQuoted = true
                quoteLine = line
            } else {
                field.append(c)  // a quote inside an unquoted field is kept
            }
        }
        if records.count < maxRecords {
            if inQuotes && !lenient {
                throw .truncated(
                    file: file, line: quoteLine, detail: "the quoted field opened on line \(quoteLine) is never closed")
            }
            if !field.isEmpty || !fields.isEmpty || wasQuoted {
                endRecord(&records, &fields, &field, &wasQuoted, line: recordLine)
            }
        }
        return records
    }

    // The state is passed in, not captured: a nested function that captures the loop's variables puts them in
    // boxes with an exclusivity check on every access, which cost a third of a CSV parse.
    private static func endField(_ fields: inout [String], _ field: inout [UInt8], _ wasQuoted: inout Bool) {
        fields.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
        wasQuoted = false
    }

    private static func endRecord(
        _ records: inout [CSVRecord], _ fields: inout [String], _ field: inout [UInt8], _ wasQuoted: inout Bool,
        line: Int
    ) {
        endField(&fields, &field, &wasQuoted)
        let count = fields.count
        records.append(CSVRecord(fields: fields, line: line))
        fields = []
        fields.reserveCapacity(count)
    }

    /// The same rules on Unicode scalars, for a delimiter outside ASCII.
    static func scalarRecords(
        _ text: String, separator: Unicode.Scalar, file: String, maxRecords: Int, lenient: Bool
    ) throws(StatementError) -> [CSVRecord] {
        let scalars = Array(text.unicodeScalars)
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var inQuotes = false
        var wasQuoted = false
        var line = 1
        var recordLine = 1
        var quoteLine = 1
        var index = 0

        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            wasQuoted = false
        }
        func endRecord() {
            endField()
            records.append(CSVRecord(fields: fields, line: recordLine))
            fields = []
        }

        // Where the record began: a record (quoted line breaks included) longer than the limit is refused, so a
        // file without line breaks cannot make one field of the whole file.
        var recordStart = 0
        while index < scalars.count, records.count < maxRecords {
            if index - recordStart > InputLimits.lineCharacters {
                throw .tooLarge(file: file, line: recordLine, limit: .lineLength(InputLimits.lineCharacters))
            }
            let c = scalars[index]
            index += 1
            if inQuotes {
                if c == "\"" {
                    if index < scalars.count, scalars[index] == "\"" {
                        field.append("\"")
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else if c == "\r" || c == "\n" {
                    if c == "\r", index < scalars.count, scalars[index] == "\n" { index += 1 }
                    field.append("\n")
                    line += 1
                } else {
                    field.append(c)
                }
            } else if c == separator {
                guard fields.count < InputLimits.csvFields else {
                    throw .tooLarge(file: file, line: recordLine, limit: .fields(InputLimits.csvFields))
                }
                endField()
            } else if c == "\r" || c == "\n" {
                if c == "\r", index < scalars.count, scalars[index] == "\n" { index += 1 }
                endRecord()
                line += 1
                recordLine = line
                recordStart = index
            } else if c == "\"" && field.isEmpty && !wasQuoted {
                inQuotes = true
                wasQuoted = true
                quoteLine = line
            } else {
                field.append(c)
            }
        }
        if records.count < maxRecords {
            if inQuotes && !lenient {
                throw .truncated(file: file, line: quoteLine, detail: "the quoted field opened on line \(quoteLine) is never closed")
            }
            if !field.isEmpty || !fields.isEmpty || wasQuoted { endRecord() }
        }
        return records
    }
}
