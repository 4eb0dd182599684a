import Foundation
public import KontorCore

/// Why a statement file could not be read. A file that throws imports nothing.
///
/// Every case names the file (for ZIP members `bundle.zip/member.xml`) and, where it can, the line or element.
public enum StatementError: Error, Sendable, Hashable, CustomStringConvertible, BilingualError {
    /// The file has no content (or only whitespace).
    case emptyFile(file: String)
    /// The content is none of camt XML, camt ZIP, MT940 or CSV.
    case unknownFormat(file: String, problem: FormatProblem)
    /// The file could not be read from disk.
    case unreadable(file: String, reason: String)
    /// The XML is not well-formed.
    case malformedXML(file: String, line: Int, column: Int, message: String)
    /// The XML is not a camt.052/053/054 message.
    case unknownNamespace(file: String, namespace: String, rootElement: String)
    /// The file ends in the middle of a message (XML root not closed, open CSV quote, cut ZIP).
    case truncated(file: String, line: Int?, detail: String)
    /// A required element or field is missing, e.g. `Ntry/Amt` or MT940 `:61:` without an amount.
    case missingElement(file: String, line: Int?, element: String)
    /// An amount that is not a number, e.g. `1.234,5x`.
    case invalidAmount(file: String, line: Int?, field: String, text: String)
    /// A date that is not a date.
    case invalidDate(file: String, line: Int?, field: String, text: String)
    /// A line that does not follow the format (MT940 `:61:` layout, CSV without data …).
    case malformedLine(file: String, line: Int, detail: String)
    /// The CSV header lacks a column the mapping needs.
    case missingColumn(file: String, column: String, headerLine: Int?)
    /// The ZIP archive is damaged or holds no XML member.
    case badArchive(file: String, detail: String)
    /// The file exceeds one of the `InputLimits` (size, entries, line length, ZIP members or expansion, depth).
    case tooLarge(file: String, line: Int?, limit: InputLimit)
    /// camt XML that is not UTF-8 (and does not declare another encoding).
    case notUTF8(file: String, line: Int)

    /// Why a file is none of the formats Kontor reads, worded with the error.
    public enum FormatProblem: Sendable, Hashable {
        case utf16, binary, noMT940Message, noCSVHeader

        func word(_ language: Language) -> String {
            let de = language == .de
            return switch self {
            case .utf16: de ? "UTF-16-Text wird nicht gelesen" : "UTF-16 text is not supported"
            case .binary: de ? "Binärdaten" : "binary data"
            case .noMT940Message: de ? "keine MT940-Nachricht gefunden" : "no MT940 message found"
            case .noCSVHeader:
                de ? "keine Kopfzeile mit Datums- und Betragsspalte eines bekannten Bankformats; geben Sie eine "
                        + "Spaltenzuordnung an"
                    : "no header line with a date and an amount column of a known bank layout; give a column mapping"
            }
        }
    }

    public var description: String {
        switch self {
        case let .emptyFile(file):
            return "\(file): the file is empty."
        case let .unknownFormat(file, problem):
            return "\(file): not a bank statement in camt, MT940 or CSV format (\(problem.word(.en)))."
        case let .unreadable(file, reason):
            return "\(file): cannot be read (\(reason))."
        case let .malformedXML(file, line, column, message):
            return "\(file), line \(line), column \(column): malformed XML: \(message)."
        case let .unknownNamespace(file, namespace, root):
            return "\(file): <\(root)> in namespace '\(namespace)' is not a camt.052, camt.053 or camt.054 message."
        case let .truncated(file, line, detail):
            return "\(file)\(line.map { ", line \($0)" } ?? ""): the file is cut off (\(detail))."
        case let .missingElement(file, line, element):
            return "\(file)\(line.map { ", line \($0)" } ?? ""): required \(element) is missing."
        case let .invalidAmount(file, line, field, text):
            return "\(file)\(line.map { ", line \($0)" } ?? ""): '\(text)' in \(field) is not an amount."
        case let .invalidDate(file, line, field, text):
            return "\(file)\(line.map { ", line \($0)" } ?? ""): '\(text)' in \(field) is not a date."
        case let .malformedLine(file, line, detail):
            return "\(file), line \(line): \(detail)."
        case let .missingColumn(file, column, headerLine):
            let at = headerLine.map { " in the header on line \($0)" } ?? " (no header line found)"
            return "\(file): column '\(column)' is missing\(at)."
        case let .badArchive(file, detail):
            return "\(file): damaged or unusable ZIP archive (\(detail))."
        case let .tooLarge(file, line, limit):
            return "\(file)\(line.map { ", line \($0)" } ?? ""): beyond what Kontor reads (\(limit.wording(.en)))."
        case let .notUTF8(file, line):
            return "\(file), line \(line): not UTF-8 (looks like Windows-1252?). Save the file as UTF-8 or declare "
                + "its encoding in the XML declaration."
        }
    }

    /// The message in `language`: English is ``description``; German says the same with the file, line and
    /// element, and keeps the parser's detail text as it is.
    public func message(_ language: Language) -> String {
        guard language == .de else { return description }
        func at(_ line: Int?) -> String { line.map { ", Zeile \($0)" } ?? "" }
        switch self {
        case let .emptyFile(file):
            return "\(file): Die Datei ist leer."
        case let .unknownFormat(file, problem):
            return "\(file): Die Datei ist kein Kontoauszug im Format camt, MT940 oder CSV (\(problem.word(.de)))."
        case let .unreadable(file, reason):
            return "\(file): Die Datei kann nicht gelesen werden (\(reason))."
        case let .malformedXML(file, line, column, message):
            return "\(file), Zeile \(line), Spalte \(column): Das XML ist fehlerhaft: \(message)."
        case let .unknownNamespace(file, namespace, root):
            return "\(file): <\(root)> im Namensraum „\(namespace)“ ist keine camt.052-, camt.053- "
                + "oder camt.054-Nachricht."
        case let .truncated(file, line, detail):
            return "\(file)\(at(line)): Die Datei bricht vorzeitig ab (\(detail))."
        case let .missingElement(file, line, element):
            return "\(file)\(at(line)): Die erforderliche Angabe \(element) fehlt."
        case let .invalidAmount(file, line, field, text):
            return "\(file)\(at(line)): „\(text)“ in \(field) ist kein gültiger Betrag."
        case let .invalidDate(file, line, field, text):
            return "\(file)\(at(line)): „\(text)“ in \(field) ist kein gültiges Datum."
        case let .malformedLine(file, line, detail):
            return "\(file), Zeile \(line): Die Zeile hat nicht das erwartete Format (\(detail))."
        case let .missingColumn(file, column, headerLine):
            let place = headerLine.map { " in der Kopfzeile (Zeile \($0))" } ?? " (keine Kopfzeile gefunden)"
            return "\(file): Die Spalte „\(column)“ fehlt\(place)."
        case let .badArchive(file, detail):
            return "\(file): Das ZIP-Archiv ist beschädigt oder unbrauchbar (\(detail))."
        case let .tooLarge(file, line, limit):
            return "\(file)\(at(line)): Die Datei übersteigt, was Kontor liest (\(limit.wording(.de)))."
        case let .notUTF8(file, line):
            return "\(file), Zeile \(line): kein UTF-8 (vielleicht Windows-1252?). Bitte als UTF-8 speichern oder "
                + "die Kodierung in der XML-Deklaration angeben."
        }
    }

    /// The file (or `zip/member`) the error is about.
    public var file: String {
        switch self {
        case let .emptyFile(file), let .unknownFormat(file, _), let .unreadable(file, _),
            let .malformedXML(file, _, _, _), let .unknownNamespace(file, _, _), let .truncated(file, _, _),
            let .missingElement(file, _, _), let .invalidAmount(file, _, _, _), let .invalidDate(file, _, _, _),
            let .malformedLine(file, _, _), let .missingColumn(file, _, _), let .badArchive(file, _),
            let .tooLarge(file, _, _), let .notUTF8(file, _):
            return file
        }
    }

    /// The 1-based line the error is about, when known.
    public var line: Int? {
        switch self {
        case let .malformedXML(_, line, _, _), let .malformedLine(_, line, _): return line
        case let .truncated(_, line, _), let .missingElement(_, line, _), let .invalidAmount(_, line, _, _),
            let .invalidDate(_, line, _, _):
            return line
        case let .missingColumn(_, _, line), let .tooLarge(_, line, _): return line
        case let .notUTF8(_, line): return line
        default: return nil
        }
    }
}
