public import KontorCore

/// Everything read from one file: its statements, in file order, and the warnings.
public struct StatementFile: Sendable, Hashable, Codable {
    /// The format that was parsed.
    public var format: StatementFormat
    /// The statements (one per camt `Stmt`, per MT940 message, per ZIP member statement; one for a CSV).
    public var statements: [BankStatement]
    /// Rows or members that were skipped; an importer must show them.
    public var warnings: [ParseWarning]
    /// The CSV preset that was used (nil for other formats or an explicit mapping).
    public var csvPreset: String?

    public init(format: StatementFormat, statements: [BankStatement], warnings: [ParseWarning] = [], csvPreset: String? = nil) {
        self.format = format
        self.statements = statements
        self.warnings = warnings
        self.csvPreset = csvPreset
    }

    /// All entries of all statements in file order.
    public var entries: [StatementEntry] {
        // Most files hold one statement: its array is shared as it is instead of copied entry by entry.
        statements.count == 1 ? statements[0].entries : statements.flatMap(\.entries)
    }
}
