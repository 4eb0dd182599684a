/// Something the parser skipped without failing, e.g. a CSV row with too few fields.
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
    /// What happened, for people.
    public var message: String

    public init(kind: Kind, file: String, line: Int?, message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        line.map { "\(file), line \($0): \(message)" } ?? "\(file): \(message)"
    }
}
