/// How to read a bank CSV. Without a mapping or preset the layout is recognised from the header.
public struct CSVOptions: Sendable, Hashable {
    /// An explicit column mapping (wins over presets).
    public var mapping: CSVColumnMapping?
    /// A preset to use instead of auto-detection.
    public var preset: CSVPreset?
    /// The field delimiter; nil to detect (`;`, `,` or tab).
    public var delimiter: Character?
    /// The decimal notation; nil for the preset's, or per-file detection with a mapping.
    public var decimal: DecimalSeparator?
    /// The text encoding.
    public var encoding: TextEncodingChoice
    /// Currency for rows without one.
    public var defaultCurrency: String
    /// Throw on a row with the wrong number of fields instead of skipping it with a warning.
    public var rejectMalformedRows: Bool

    public init(
        mapping: CSVColumnMapping? = nil, preset: CSVPreset? = nil, delimiter: Character? = nil,
        decimal: DecimalSeparator? = nil, encoding: TextEncodingChoice = .auto, defaultCurrency: String = "EUR",
        rejectMalformedRows: Bool = false
    ) {
        self.mapping = mapping
        self.preset = preset
        self.delimiter = delimiter
        self.decimal = decimal
        self.encoding = encoding
        self.defaultCurrency = defaultCurrency
        self.rejectMalformedRows = rejectMalformedRows
    }
}
