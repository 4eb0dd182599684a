import Foundation
import KontorCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

struct XMLProblem {
    var line: Int
    var column: Int
    var message: String
}

/// The `XMLParser` delegate behind `CamtParser`: gathers each element's text and passes the events on to the
/// `CamtCollector`, which knows camt.
final class CamtHandler: NSObject, XMLParserDelegate {
    var collector: CamtCollector
    var failure: StatementError?
    var xmlError: XMLProblem?

    private var text = ""
    /// Elements open now: deeper than `InputLimits.xmlDepth` is refused (libxml2 would go on to 256, and camt
    /// never nests deeper than 20).
    private var depth = 0

    init(file: String, progress: ProgressCounter) {
        collector = CamtCollector(file: file, progress: progress)
    }

    private func fail(_ error: StatementError, _ parser: XMLParser) {
        guard failure == nil else { return }
        failure = error
        parser.abortParsing()
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        guard failure == nil else { return }
        text = ""
        depth += 1
        guard depth <= InputLimits.xmlDepth else {
            fail(.tooLarge(file: collector.file, line: parser.lineNumber, limit: .depth(InputLimits.xmlDepth)), parser)
            return
        }
        do {
            try collector.startElement(
                elementName, namespaceURI: namespaceURI, line: parser.lineNumber, attribute: { attributes[$0] })
        } catch {
            fail(error, parser)
        }
    }

    func parser(_ parser: XMLParser, didStartMappingPrefix prefix: String, toURI namespaceURI: String) {
        collector.declareNamespace(namespaceURI)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        text += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard failure == nil else { return }
        depth -= 1
        let value = text.isEmpty ? "" : TextNormal.trim(text)
        text = ""
        do {
            try collector.endElement(value: value, line: parser.lineNumber)
        } catch {
            fail(error, parser)
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        guard failure == nil, xmlError == nil else { return }
        let code = (parseError as NSError).code
        xmlError = XMLProblem(
            line: parser.lineNumber, column: parser.columnNumber, message: Self.describe(code: code))
        parser.abortParsing()
    }

    /// Words for the libxml2 error codes that XMLParser passes on.
    private static func describe(code: Int) -> String {
        switch code {
        case 4: return "the document is empty or not XML"
        case 5: return "extra content at the end of the document"
        case 9: return "invalid character"
        case 23: return "attribute not closed"
        case 26: return "undefined entity"
        case 38, 39, 40, 41: return "malformed attribute"
        case 64: return "malformed XML declaration"
        case 68: return "invalid element name"
        case 73: return "'>' expected"
        case 76: return "end tag does not match the start tag"
        case 77: return "element not closed"
        default: return "XML error \(code)"
        }
    }
}
