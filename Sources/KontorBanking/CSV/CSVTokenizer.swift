import Foundation
import KontorCore
/// One CSV record and the line it starts on.
struct CSVRecord {
    var fields: [String]
    var line: Int

    var isBlank: Bool { fields.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
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
