public import Foundation
public import KontorPDF
import KontorCore

/// Reads a received e-invoice from a file's bytes: XRechnung/EN 16931 XML in UN/CEFACT CII or
/// OASIS UBL 2.1 (`Invoice`, `CreditNote`), or a ZUGFeRD/Factur-X PDF whose embedded XML is read.
///
/// ```swift
/// let invoice = try EInvoiceReader.read(data: try Data(contentsOf: url), fileName: url.lastPathComponent)
/// print(invoice.textReport(language: .de))
/// ```
public enum EInvoiceReader {
    /// Namespace of the CII root element `rsm:CrossIndustryInvoice` (D16B).
    public static let ciiNamespace = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
    /// Namespace of the UBL 2.1 `Invoice` root element.
    public static let ublInvoiceNamespace = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
    /// Namespace of the UBL 2.1 `CreditNote` root element.
    public static let ublCreditNoteNamespace = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"

    /// Attachment names that identify the invoice XML in a hybrid PDF, best first
    /// (Factur-X / ZUGFeRD 2.1+, ZUGFeRD 2.0, XRechnung in ZUGFeRD, ZUGFeRD 1.0). Compared case-insensitively.
    public static let preferredAttachmentNames = [
        "factur-x.xml", "zugferd-invoice.xml", "xrechnung.xml", "zugferd_invoice.xml", "ZUGFeRD-invoice.xml",
    ]

    /// Reads an e-invoice from XML or PDF bytes.
    /// - Parameters:
    ///   - data: The file contents.
    ///   - fileName: The file name, used only in error messages.
    /// - Returns: The invoice.
    /// - Throws: ``EInvoiceError`` saying why the data is not a readable e-invoice. Wrong sums are not
    ///   errors; see ``ReceivedInvoice/arithmeticWarnings``.
    public static func read(data: Data, fileName: String? = nil) throws(EInvoiceError) -> ReceivedInvoice {
        guard data.count <= InputLimits.einvoiceBytes else {
            throw .tooLarge(fileName: fileName, line: 0, limit: .bytes(InputLimits.einvoiceBytes))
        }
        switch ContentKind(data) {
        case .empty: throw .empty(fileName: fileName)
        case .pdf: return try readPDF(data)
        case .xml:
            do {
                return try readXML(data)
            } catch .tooLarge(nil, let line, let limit) {
                throw .tooLarge(fileName: fileName, line: line, limit: limit)
            }
        case .other(let detail): throw .notXML(fileName: fileName, detail: detail)
        }
    }

    /// Reads an invoice from CII or UBL XML.
    /// - Throws: ``EInvoiceError`` for malformed XML, an unknown document or a missing mandatory element.
    public static func readXML(_ data: Data) throws(EInvoiceError) -> ReceivedInvoice {
        guard data.count <= InputLimits.einvoiceBytes else {
            throw .tooLarge(fileName: nil, line: 0, limit: .bytes(InputLimits.einvoiceBytes))
        }
        let root = try XMLTreeParser.parse(data)
        switch (root.name, root.namespace) {
        case ("CrossIndustryInvoice", ciiNamespace):
            return try CIIInvoiceReader(root: root).read()
        case ("Invoice", ublInvoiceNamespace), ("CreditNote", ublCreditNoteNamespace):
            return try UBLInvoiceReader(root: root).read()
        default:
            throw .unsupportedDocument(root: root.name, namespace: root.namespace,
                                       explanation: explain(root: root.name, namespace: root.namespace))
        }
    }

    /// The invoice XML embedded in a ZUGFeRD/Factur-X PDF: the attachment with a known invoice name,
    /// else one with `/AFRelationship` Alternative or Data ending in `.xml`, else any XML attachment.
    /// - Throws: ``EInvoiceError/noEmbeddedInvoice(attachments:)`` when there is none,
    ///   ``EInvoiceError/unreadablePDF(reason:)`` when the PDF cannot be read.
    public static func embeddedInvoiceXML(inPDF data: Data) throws(EInvoiceError) -> PDFEmbeddedFile {
        let (candidates, all) = try candidates(inPDF: data)
        guard let first = candidates.first else { throw .noEmbeddedInvoice(attachments: all) }
        return first
    }

    // MARK: - PDF

    private static func readPDF(_ data: Data) throws(EInvoiceError) -> ReceivedInvoice {
        let (candidates, all) = try candidates(inPDF: data)
        guard !candidates.isEmpty else { throw .noEmbeddedInvoice(attachments: all) }
        var firstError: EInvoiceError?
        for candidate in candidates {
            do {
                return try readXML(candidate.data)
            } catch {
                firstError = firstError ?? error
            }
        }
        throw firstError ?? .noEmbeddedInvoice(attachments: all)
    }

    /// XML attachments in order of preference, and the names of all attachments.
    private static func candidates(inPDF data: Data) throws(EInvoiceError)
        -> (candidates: [PDFEmbeddedFile], all: [String])
    {
        let files: [PDFEmbeddedFile]
        do {
            files = try PDFEmbeddedFiles.extract(from: data)
        } catch {
            throw .unreadablePDF(reason: error.description)
        }
        func rank(_ file: PDFEmbeddedFile) -> Int? {
            let name = file.fileName.lowercased()
            if let index = preferredAttachmentNames.firstIndex(where: { $0.lowercased() == name }) { return index }
            let isXMLName = name.hasSuffix(".xml")
            let related = file.relationship == .alternative || file.relationship == .data
            if isXMLName && related { return 10 }
            if isXMLName { return 11 }
            if file.mimeType?.lowercased().contains("xml") == true { return 12 }
            if ContentKind(file.data) == .xml { return 13 }
            return nil
        }
        let ranked = files.enumerated().compactMap { index, file in rank(file).map { (rank: $0, index: index, file: file) } }
            .sorted { ($0.rank, $0.index) < ($1.rank, $1.index) }
        return (ranked.map(\.file), files.map(\.fileName))
    }

    // MARK: - Explanations

    private static func explain(root: String, namespace: String?) -> String {
        let words = spaced(root)
        guard let namespace else { return "a '\(root)' document without namespace, not an e-invoice" }
        let ublPrefix = "urn:oasis:names:specification:ubl:schema:xsd:"
        if namespace.hasPrefix(ublPrefix) {
            if root == "Invoice" || root == "CreditNote" {
                return "a UBL \(words) with the unexpected namespace \(namespace)"
            }
            return "a UBL \(words), not an invoice"
        }
        if root == "CrossIndustryDocument" || namespace.hasPrefix("urn:ferd:") {
            return "a ZUGFeRD 1.0 invoice (CrossIndustryDocument), which is not supported: "
                + "ask the sender for ZUGFeRD 2 / Factur-X or XRechnung"
        }
        if namespace.hasPrefix("urn:un:unece:uncefact:") {
            if root == "CrossIndustryInvoice" {
                return "a Cross Industry Invoice in an unsupported version (namespace \(namespace))"
            }
            return "a UN/CEFACT \(words), not an invoice"
        }
        return "a '\(root)' document (namespace \(namespace)), not an e-invoice"
    }

    /// "DespatchAdvice" → "Despatch Advice".
    private static func spaced(_ name: String) -> String {
        var result = ""
        for character in name {
            if character.isUppercase, let last = result.last, last.isLowercase { result.append(" ") }
            result.append(character)
        }
        return result
    }
}

/// What a file's first bytes say it is.
enum ContentKind: Equatable {
    case empty
    case pdf
    case xml
    case other(String?)

    init(_ data: Data) {
        let head = [UInt8](data.prefix(1024))
        var start = 0
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        if head.starts(with: [0xFE, 0xFF]) || head.starts(with: [0xFF, 0xFE]) {
            self = .xml  // UTF-16 with byte order mark: let the XML parser decide
            return
        }
        while start < head.count, [0x20, 0x09, 0x0A, 0x0D].contains(head[start]) { start += 1 }
        guard start < head.count else {
            self = .empty
            return
        }
        if head[start] == UInt8(ascii: "<") {
            self = .xml
        } else if PDFEmbeddedFiles.isPDF(data) {
            self = .pdf
        } else if head.starts(with: Array("PK".utf8)) {
            self = .other("a ZIP archive")
        } else if head[start] == UInt8(ascii: "{") || head[start] == UInt8(ascii: "[") {
            self = .other("JSON")
        } else if head.allSatisfy({ $0 >= 0x20 || [0x09, 0x0A, 0x0D].contains($0) }) {
            self = .other("plain text")
        } else {
            self = .other(nil)
        }
    }
}
