import Foundation
import KontorCore
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A minimal element tree built with Foundation's `XMLParser`, navigated by local names.
///
/// E-invoices are small (kilobytes to a few megabytes with attachments), so a tree is simpler
/// than streaming: CII and UBL reuse element names at different depths (a line's `ApplicableTradeTax`
/// versus the document's), which paths make unambiguous.
struct XMLTreeElement {
    /// Local name without prefix.
    let name: String
    /// Namespace URI, if any.
    let namespace: String?
    /// Attributes by (unprefixed) name.
    let attributes: [String: String]
    /// Child elements in document order.
    var children: [XMLTreeElement]
    /// Character data directly inside this element, trimmed.
    var text: String

    /// The first child with the local name `name`.
    func child(_ name: String) -> XMLTreeElement? { children.first { $0.name == name } }

    /// All children with the local name `name`.
    func children(_ name: String) -> [XMLTreeElement] { children.filter { $0.name == name } }

    /// The first element reached by following `path` (first match at each step).
    func first(_ path: String...) -> XMLTreeElement? { first(path) }

    func first(_ path: [String]) -> XMLTreeElement? {
        var current = self
        for name in path {
            guard let next = current.child(name) else { return nil }
            current = next
        }
        return current
    }

    /// All elements matching the last step of `path`, below the first match of the steps before it.
    func all(_ path: String...) -> [XMLTreeElement] {
        guard let last = path.last else { return [] }
        return first(Array(path.dropLast()))?.children(last) ?? []
    }

    /// The non-empty text at `path`, or `nil`.
    func text(_ path: String...) -> String? {
        guard let element = first(path), !element.text.isEmpty else { return nil }
        return element.text
    }

    /// The text, or `nil` when empty.
    var nonEmptyText: String? { text.isEmpty ? nil : text }
}

/// Parses XML data into an ``XMLTreeElement`` tree.
enum XMLTreeParser {
    static func parse(_ data: Data) throws(EInvoiceError) -> XMLTreeElement {
        // E-invoices never declare a DTD; refusing one rules out entity-expansion tricks.
        if let doctype = data.range(of: Data("<!DOCTYPE".utf8)) {
            let line = data[..<doctype.lowerBound].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            throw .malformedXML(line: line, column: 0, reason: "a document type declaration (DTD) is not allowed in an e-invoice")
        }
        // swift-corelibs-foundation's XMLParser traps on a comment with invalid UTF-8 (libxml2 checks
        // everything else), so a UTF-8 document is validated first.
        if let (line, column) = invalidUTF8Position(data) {
            throw .malformedXML(line: line, column: column, reason: "the text is not valid UTF-8")
        }
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        let builder = TreeBuilder()
        parser.delegate = builder
        let success = parser.parse()
        if let line = builder.tooDeepAt {
            throw .tooLarge(fileName: nil, line: line, limit: .depth(InputLimits.xmlDepth))
        }
        if !success || builder.root == nil {
            let reason = builder.errorReason ?? parser.parserError.map { "\($0.localizedDescription)" }
                ?? "the document ends too early"
            let line = builder.errorLine ?? parser.lineNumber
            let column = builder.errorColumn ?? parser.columnNumber
            throw .malformedXML(line: line, column: column, reason: reason)
        }
        return builder.root!
    }

    /// Line and column (1-based) of the first invalid UTF-8 sequence, or `nil` when the data is valid
    /// UTF-8 or declares another encoding (UTF-16 byte order mark, or `encoding="…"` other than UTF-8).
    static func invalidUTF8Position(_ data: Data) -> (line: Int, column: Int)? {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) { return nil }
        if bytes.starts(with: Array("<?xml".utf8)), let end = bytes.firstIndex(of: UInt8(ascii: ">")) {
            let declaration = String(decoding: bytes[..<end], as: UTF8.self).lowercased()
            if let range = declaration.range(of: "encoding=") {
                let value = declaration[range.upperBound...].dropFirst().prefix { $0 != "\"" && $0 != "'" }
                // Only encodings libxml2 converts itself are left to it; anything else ("UTF%8", found by fuzzing)
                // is read as UTF-8 by libxml2 and must be valid, or XMLParser traps on an element name.
                let converted = ["iso-8859-1", "latin1", "iso-8859-15", "windows-1252", "us-ascii", "utf-16"]
                if converted.contains(String(value)) { return nil }
            }
        }
        var index = 0
        var line = 1
        var lineStart = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0x0A {
                    line += 1
                    lineStart = index + 1
                }
                index += 1
                continue
            }
            let length: Int
            let lowest: UInt32
            switch byte {
            case 0xC2...0xDF: (length, lowest) = (2, 0x80)
            case 0xE0...0xEF: (length, lowest) = (3, 0x800)
            case 0xF0...0xF4: (length, lowest) = (4, 0x10000)
            default: return (line, index - lineStart + 1)
            }
            guard index + length <= bytes.count else { return (line, index - lineStart + 1) }
            var scalar = UInt32(byte) & (0xFF >> (length + 1))
            for offset in 1..<length {
                let continuation = bytes[index + offset]
                guard continuation & 0xC0 == 0x80 else { return (line, index - lineStart + 1) }
                scalar = scalar << 6 | UInt32(continuation & 0x3F)
            }
            // Overlong forms, surrogates and values beyond U+10FFFF are invalid too.
            guard scalar >= lowest, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else {
                return (line, index - lineStart + 1)
            }
            index += length
        }
        return nil
    }

    /// Collects elements on a stack; closes them into their parent.
    private final class TreeBuilder: NSObject, XMLParserDelegate {
        var stack: [XMLTreeElement] = []
        var texts: [String] = []
        var root: XMLTreeElement?
        var errorLine: Int?
        var errorColumn: Int?
        var errorReason: String?
        /// The line where nesting passed `InputLimits.xmlDepth`: the tree and whoever walks it stay shallow.
        var tooDeepAt: Int?

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
        ) {
            var attributes: [String: String] = [:]
            for (key, value) in attributeDict {
                // Keep the local name so that `schemeID` and `x:schemeID` both work.
                let local = key.split(separator: ":").last.map(String.init) ?? key
                attributes[local] = value
            }
            guard stack.count < InputLimits.xmlDepth else {
                if tooDeepAt == nil { tooDeepAt = parser.lineNumber }
                parser.abortParsing()
                return
            }
            let name = elementName.split(separator: ":").last.map(String.init) ?? elementName
            let namespace = namespaceURI?.isEmpty == false ? namespaceURI : nil
            stack.append(XMLTreeElement(name: name, namespace: namespace, attributes: attributes, children: [], text: ""))
            texts.append("")
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard !texts.isEmpty else { return }
            texts[texts.count - 1] += string
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            guard !texts.isEmpty else { return }
            texts[texts.count - 1] += String(decoding: CDATABlock, as: UTF8.self)
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
        ) {
            guard var element = stack.popLast(), let text = texts.popLast() else { return }
            element.text = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if stack.isEmpty {
                root = element
            } else {
                stack[stack.count - 1].children.append(element)
            }
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
            guard errorLine == nil else { return }
            errorLine = parser.lineNumber
            errorColumn = parser.columnNumber
            errorReason = Self.reason(parseError, parser: parser)
        }

        /// libxml2's error codes are more telling than `localizedDescription` on Linux.
        static func reason(_ error: any Error, parser: XMLParser) -> String {
            let code = (error as NSError).code
            switch code {
            case 4: return "the document is empty"
            case 5: return "the document ends too early (premature end of data)"
            case 9: return "an invalid character was found"
            case 23: return "an entity reference is missing its ';'"
            case 26: return "an undeclared entity (&name;) is used"
            case 31, 32: return "the character encoding is not supported"
            case 39: return "an attribute value is not quoted"
            case 41: return "an attribute is missing its value"
            case 42: return "an attribute appears twice"
            case 73: return "a '>' is missing"
            case 76: return "an element is not closed properly (mismatched tag)"
            case 77: return "a tag is not finished"
            case 86: return "there is content after the end of the document"
            default: return "XML parser error \(code)"
            }
        }
    }
}
