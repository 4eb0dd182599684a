/// The file formats the parsers read.
public enum StatementFormat: String, Sendable, Hashable, Codable, CaseIterable {
    /// ISO 20022 camt.052 / camt.053 / camt.054 XML.
    case camt
    /// A ZIP holding camt XML files (how German banks deliver camt).
    case camtZip
    /// SWIFT MT940 (also MT942 in the same syntax).
    case mt940
    /// Bank CSV export.
    case csv
}
