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

/// The `XMLParser` delegate behind `CamtParser`: tracks the element path and fills the builders.
final class CamtHandler: NSObject, XMLParserDelegate {
    let file: String
    let progress: ProgressCounter

    var failure: StatementError?
    var xmlError: XMLProblem?
    var rootSeen = false
    var rootClosed = false
    var rootName = ""
    var messageType: CamtMessageType?
    var statements: [BankStatement] = []
    var openElement: String? { path.last }

    private var path: [String] = []
    /// Namespace URIs declared with a prefix on the root element.
    private var prefixes: [String] = []
    private var text = ""
    private var amountCurrency: String?
    private var messageId: String?

    private var statement: StatementBuilder?
    private var statementDepth = 0
    private var balance: BalanceBuilder?
    private var balanceDepth = 0
    private var entry: EntryBuilder?
    private var entryDepth = 0
    private var transaction: TransactionBuilder?
    private var transactionDepth = 0

    init(file: String, progress: ProgressCounter) {
        self.file = file
        self.progress = progress
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
        let local = elementName
        path.append(local)
        text = ""
        let depth = path.count
        if local == "Amt" { amountCurrency = attributes["Ccy"] }

        if depth == 1 {
            rootSeen = true
            rootName = local
            let declared = namespaceURI.flatMap { $0.isEmpty ? nil : $0 }
            let namespace = declared ?? prefixes.first { $0.contains("camt.") || $0.contains("iso:20022") }
            if let namespace {
                guard let type = CamtParser.messageType(namespace: namespace), [52, 53, 54].contains(type.message),
                    local == "Document"
                else {
                    return fail(.unknownNamespace(file: file, namespace: namespace, rootElement: local), parser)
                }
                messageType = type
            } else if local != "Document" {
                return fail(.unknownNamespace(file: file, namespace: "(none)", rootElement: local), parser)
            }
        } else if depth == 2 {
            if let number = CamtParser.messageNumber(element: local) {
                if messageType == nil { messageType = CamtMessageType(message: number, version: nil) }
            } else if messageType == nil {
                return fail(.unknownNamespace(file: file, namespace: "(none)", rootElement: "Document/" + local), parser)
            }
        } else if depth == 3, local == "Stmt" || local == "Rpt" || local == "Ntfctn" {
            statement = StatementBuilder()
            statementDepth = depth
        } else if statement != nil, depth == statementDepth + 1, local == "Bal" {
            balance = BalanceBuilder()
            balanceDepth = depth
        } else if statement != nil, depth == statementDepth + 1, local == "Ntry" {
            entry = EntryBuilder(line: parser.lineNumber)
            entryDepth = depth
        } else if entry != nil, transaction == nil, local == "TxDtls", path[depth - 2] == "NtryDtls" {
            transaction = TransactionBuilder()
            transactionDepth = depth
        }
    }

    func parser(_ parser: XMLParser, didStartMappingPrefix prefix: String, toURI namespaceURI: String) {
        if !rootSeen { prefixes.append(namespaceURI) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        text += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard failure == nil else { return }
        let depth = path.count
        // Only leaf elements carry text; containers hold white space, which is skipped here.
        let value = text.isEmpty ? "" : TextNormal.trim(text)
        text = ""
        let hasValue = !value.isEmpty
        if transaction != nil {
            if depth == transactionDepth {
                if let part = transaction { entry?.transactions.append(part) }
                transaction = nil
            } else if hasValue {
                transaction?.take(relative(from: transactionDepth), value, currency: amountCurrency, line: parser.lineNumber)
            }
        } else if entry != nil {
            if depth == entryDepth {
                finishEntry(parser)
            } else if hasValue {
                entry?.take(relative(from: entryDepth), value, currency: amountCurrency, line: parser.lineNumber)
            }
        } else if balance != nil {
            if depth == balanceDepth {
                finishBalance(parser)
            } else if hasValue {
                balance?.take(relative(from: balanceDepth), value, currency: amountCurrency)
            }
        } else if statement != nil {
            if depth == statementDepth {
                finishStatement()
            } else if hasValue {
                statement?.take(relative(from: statementDepth), value)
            }
        } else if depth == 4, path[2] == "GrpHdr", path[3] == "MsgId" {
            messageId = value
        }
        if depth == 1 { rootClosed = true }
        path.removeLast()
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        guard failure == nil, xmlError == nil else { return }
        let code = (parseError as NSError).code
        xmlError = XMLProblem(
            line: parser.lineNumber, column: parser.columnNumber, message: Self.describe(code: code))
        parser.abortParsing()
    }

    // MARK: Building

    private func relative(from depth: Int) -> String {
        path[depth...].joined(separator: "/")
    }

    private func finishEntry(_ parser: XMLParser) {
        guard let builder = entry else { return }
        entry = nil
        do {
            let built = try builder.build(file: file, fallbackDate: statement?.fallbackDate, statementCurrency: statement?.currency)
            statement?.entries.append(built)
            progress.increment()
        } catch {
            fail(error, parser)
        }
    }

    private func finishBalance(_ parser: XMLParser) {
        guard let builder = balance else { return }
        balance = nil
        do {
            statement?.balances.append(try builder.build(file: file, line: parser.lineNumber))
        } catch {
            fail(error, parser)
        }
    }

    private func finishStatement() {
        guard let builder = statement else { return }
        statement = nil
        statements.append(builder.build(source: file, messageId: messageId, type: messageType))
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
