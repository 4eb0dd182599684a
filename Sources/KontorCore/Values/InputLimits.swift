/// The most a file fed to Kontor may hold, one place for every reader (bank statements, e-invoices, vCards).
///
/// Files users receive from others are hostile input: each reader checks these limits while it reads, before
/// memory grows with the file, and a file over a limit is refused with an error naming it; nothing is imported.
/// Real files stay far below: a year of a busy account in camt is a few MB, an e-invoice a few hundred KB.
/// Together they keep a reader's memory under 256 MiB whatever the file.
public enum InputLimits {
    /// Bank statement files read into memory (MT940, CSV, a ZIP): 32 MiB.
    public static let statementTextBytes = 32 << 20
    /// Attachments of one mail together: most mail servers refuse more (their limit counts the base64 form).
    public static let mailAttachmentBytes = 30 << 20
    /// camt XML read from a mapped file, and each camt document inside a ZIP after inflating: 64 MiB.
    public static let camtBytes = 64 << 20
    /// Entries in one statement file, across all its statements and ZIP members.
    public static let statementEntries = 500_000
    /// Members of a camt ZIP archive.
    public static let zipMembers = 1_000
    /// The ZIP members together, inflated: 128 MiB.
    public static let zipInflatedBytes = 128 << 20
    /// How much larger than its compressed size a ZIP member may inflate (camt XML compresses 10–30 times).
    public static let zipExpansionRatio = 200
    /// A line of MT940 or a record of CSV (quoted line breaks included), in characters.
    public static let lineCharacters = 64 << 10
    /// Fields of one CSV record.
    public static let csvFields = 500
    /// Nesting depth of XML elements (camt, CII, UBL); real documents stay below 20.
    public static let xmlDepth = 100
    /// An e-invoice file (XML or PDF): 32 MiB.
    public static let einvoiceBytes = 32 << 20
    /// One decoded PDF stream (an attachment, an object or cross-reference stream): 32 MiB.
    public static let pdfStreamBytes = 32 << 20
    /// A vCard file: 16 MiB.
    public static let vcardBytes = 16 << 20
    /// Cards in one vCard file.
    public static let vcards = 10_000
    /// Properties of one vCard.
    public static let vcardProperties = 1_000
    /// One unfolded vCard line (an inline photo may be large): 1 MiB of characters.
    public static let vcardLineCharacters = 1 << 20
}
