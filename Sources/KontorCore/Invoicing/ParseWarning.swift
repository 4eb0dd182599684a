/// Something a reader skipped without failing the file, worded in German and English.
public struct ParseWarning: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What kind of thing was skipped.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A CSV row that could not be read (too few fields); it is not in the entries.
        case skippedRow
        /// A ZIP member that is not an XML file.
        case skippedArchiveMember
    }

    public var kind: Kind
    /// File (or `zip/member`) name.
    public var file: String
    /// 1-based line, if the warning concerns a line.
    public var line: Int?
    /// A skipped row's fields, and the header's line and fields it was measured against.
    public var fields: Int?
    public var headerLine: Int?
    public var headerFields: Int?

    public init(
        kind: Kind, file: String, line: Int?, fields: Int? = nil, headerLine: Int? = nil, headerFields: Int? = nil
    ) {
        self.kind = kind
        self.file = file
        self.line = line
        self.fields = fields
        self.headerLine = headerLine
        self.headerFields = headerFields
    }

    /// "konto.csv, Zeile 23: Zeile übersprungen: 3 Felder, die Kopfzeile in Zeile 14 hat 5".
    public func message(_ language: Language) -> String {
        let de = language == .de
        let what: String
        switch kind {
        case .skippedRow:
            let (count, header, expected) = (fields ?? 0, headerLine ?? 0, headerFields ?? 0)
            what = de
                ? "Zeile übersprungen: \(count) Felder, die Kopfzeile in Zeile \(header) hat \(expected)"
                : "row skipped: \(count) fields where the header on line \(header) has \(expected)"
        case .skippedArchiveMember:
            what = de ? "keine XML-Datei, übersprungen" : "not an XML file, skipped"
        }
        return line.map { de ? "\(file), Zeile \($0): \(what)" : "\(file), line \($0): \(what)" } ?? "\(file): \(what)"
    }

    public var description: String { message(.en) }
}
