/// Why a file could not be read as an e-invoice. Each message says what was found and, where
/// possible, what the user can do.
public enum EInvoiceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file is empty.
    case empty(fileName: String?)
    /// The file is neither XML nor PDF (`detail` says what it looks like, if known).
    case notXML(fileName: String?, detail: String?)
    /// The XML is not well-formed; `line` and `column` locate the error (1-based, 0 when unknown).
    case malformedXML(line: Int, column: Int, reason: String)
    /// Well-formed XML, but not an invoice this reader knows; `explanation` names what it is,
    /// e.g. "a UBL Order, not an invoice".
    case unsupportedDocument(root: String, namespace: String?, explanation: String)
    /// A PDF without an XML attachment; `attachments` lists the files it does carry.
    case noEmbeddedInvoice(attachments: [String])
    /// The PDF itself could not be read (encrypted, broken, unsupported compression).
    case unreadablePDF(reason: String)
    /// A mandatory element is missing: `term` is the EN 16931 business term (e.g. "BT-1"), `name`
    /// its meaning, `context` where it was expected (e.g. "line 3"), if not the document.
    case missingElement(term: String, name: String, context: String?)
    /// An element holds a value that cannot be read (a date or amount in the wrong format).
    case invalidValue(term: String, name: String, text: String)

    /// A sentence for the user.
    public var description: String {
        switch self {
        case .empty(let fileName):
            return "\(Self.subject(fileName)) is empty."
        case .notXML(let fileName, let detail):
            let what = detail.map { " (it looks like \($0))" } ?? ""
            return "\(Self.subject(fileName)) is not an e-invoice: it is neither XML nor a PDF\(what)."
        case .malformedXML(let line, let column, let reason):
            let position = line > 0 ? " at line \(line)" + (column > 0 ? ", column \(column)" : "") : ""
            return "The XML is malformed\(position): \(reason). The file may be truncated or damaged."
        case .unsupportedDocument(_, _, let explanation):
            return "This XML is \(explanation)."
        case .noEmbeddedInvoice(let attachments):
            let list = attachments.isEmpty
                ? "it has no attachments"
                : "its attachments are: \(attachments.joined(separator: ", "))"
            return "This PDF carries no e-invoice: it has no XML attachment (\(list)). "
                + "It is an ordinary PDF invoice, readable as it is."
        case .unreadablePDF(let reason):
            return "The PDF could not be read: \(reason)."
        case .missingElement(let term, let name, let context):
            let place = context.map { " in \($0)" } ?? ""
            return "The e-invoice is incomplete: \(term) (\(name)) is missing\(place)."
        case .invalidValue(let term, let name, let text):
            return "The e-invoice has an unreadable \(term) (\(name)): '\(text)'."
        }
    }

    private static func subject(_ fileName: String?) -> String {
        fileName.map { "The file '\($0)'" } ?? "The file"
    }
}
