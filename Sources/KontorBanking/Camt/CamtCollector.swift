import KontorCore

/// The one place that knows camt: it follows the element path and fills the builders.
///
/// Both XML readers feed it the same three events — an element starts, an element ends with its trimmed text — so
/// `CamtHandler` (Foundation's `XMLParser`) and `CamtScanner` (the byte scanner) cannot drift apart in which
/// elements they collect or how. It throws the `StatementError` the file deserves; the reader decides what then.
struct CamtCollector {
    let file: String
    let progress: ProgressCounter

    private(set) var rootSeen = false
    private(set) var rootClosed = false
    private(set) var rootName = ""
    private(set) var messageType: CamtMessageType?
    private(set) var statements: [BankStatement] = []
    /// When set, entries go here in chunks of `EntrySink.chunkSize`, in file order, and the statements keep none.
    var sink: EntrySink?
    var openElement: String? { nodes.last.map { trie[$0].name } }

    /// For each open element, its node: its name and its path below the innermost builder element (`Stmt`, `Bal`,
    /// `Ntry`, `TxDtls`), such as `RltdPties/Dbtr/Nm`. Paths repeat in every entry, so each distinct one is joined,
    /// looked up in the builders and compared with the element names camt cares about once, not once per element.
    private var nodes: [Int] = []
    /// The nodes. Node 0 is the parent of the root element; node 1 the parent of the builder elements, each of
    /// which starts the paths below it afresh (its own path is empty).
    private var trie: [Node] = [Node(name: "", key: ""), Node(name: "", key: "")]
    /// Namespace URIs declared on the root element (before it starts).
    private var prefixes: [String] = []
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

    /// The element names the collector acts on.
    private enum Kind {
        case other, amount, statement, balance, entry, entryDetails, transaction

        init(_ name: String) {
            switch name {
            case "Amt": self = .amount
            case "Stmt", "Rpt", "Ntfctn": self = .statement
            case "Bal": self = .balance
            case "Ntry": self = .entry
            case "NtryDtls": self = .entryDetails
            case "TxDtls": self = .transaction
            default: self = .other
            }
        }
    }

    /// A path below a builder element: its last element's name and `Kind`, the whole path as the builders' key,
    /// what each builder takes from it, and its children as a list (`hint` is the child after the one found last,
    /// which is usually the next one asked for, as elements come in the same order in every entry).
    private struct Node {
        var name: String
        var kind: Kind
        var key: String
        var statement: StatementBuilder.Field?
        var balance: BalanceBuilder.Field?
        var entry: EntryBuilder.Field?
        var transaction: TransactionBuilder.Field?
        var firstChild = -1
        var nextSibling = -1
        var hint = -1

        init(name: String, key: String) {
            self.name = name
            self.key = key
            kind = Kind(name)
            statement = StatementBuilder.field(key)
            balance = BalanceBuilder.field(key)
            entry = EntryBuilder.field(key)
            transaction = TransactionBuilder.field(key)
        }
    }

    init(file: String, progress: ProgressCounter) {
        self.file = file
        self.progress = progress
    }

    /// Whether a namespace URI declared with a prefix may name the camt message of a root element without one
    /// (the Bundesbank sample declares its namespace only as `xmlns:n0`).
    static func mayNameMessage(_ namespace: String) -> Bool {
        namespace.contains("camt.") || namespace.contains("iso:20022")
    }

    /// A namespace declaration; only those on the root element count, and they must arrive before it starts.
    mutating func declareNamespace(_ uri: String) {
        if !rootSeen { prefixes.append(uri) }
    }

    /// An element starts.
    /// - Parameters:
    ///   - local: the local name (without prefix).
    ///   - namespaceURI: the element's namespace; read only for the root element.
    ///   - line: the line the reader is on, stored for `Ntry`.
    ///   - attribute: the value of an attribute without prefix, by name (`Ccy`).
    mutating func startElement(
        _ local: String, namespaceURI: String?, line: Int, attribute: (String) -> String?
    ) throws(StatementError) {
        // A builder element below replaces its node with one that starts paths afresh.
        let node = child(of: nodes.last ?? 0, local)
        nodes.append(node)
        let depth = nodes.count
        let kind = trie[node].kind
        if kind == .amount { amountCurrency = attribute("Ccy") }

        if depth == 1 {
            rootSeen = true
            rootName = local
            let declared = namespaceURI.flatMap { $0.isEmpty ? nil : $0 }
            let namespace = declared ?? prefixes.first(where: Self.mayNameMessage)
            if let namespace {
                guard let type = CamtParser.messageType(namespace: namespace), [52, 53, 54].contains(type.message),
                    local == "Document"
                else {
                    throw .unknownNamespace(file: file, namespace: namespace, rootElement: local)
                }
                messageType = type
            } else if local != "Document" {
                throw .unknownNamespace(file: file, namespace: "(none)", rootElement: local)
            }
        } else if depth == 2 {
            if let number = CamtParser.messageNumber(element: local) {
                if messageType == nil { messageType = CamtMessageType(message: number, version: nil) }
            } else if messageType == nil {
                throw .unknownNamespace(file: file, namespace: "(none)", rootElement: "Document/" + local)
            }
        } else if depth == 3, kind == .statement {
            statement = StatementBuilder()
            statementDepth = depth
            nodes[depth - 1] = child(of: 1, local)
        } else if statement != nil, depth == statementDepth + 1, kind == .balance {
            balance = BalanceBuilder()
            balanceDepth = depth
            nodes[depth - 1] = child(of: 1, local)
        } else if statement != nil, depth == statementDepth + 1, kind == .entry {
            entry = EntryBuilder(line: line)
            entryDepth = depth
            nodes[depth - 1] = child(of: 1, local)
        } else if entry != nil, transaction == nil, kind == .transaction, trie[nodes[depth - 2]].kind == .entryDetails {
            transaction = TransactionBuilder()
            transactionDepth = depth
            nodes[depth - 1] = child(of: 1, local)
        }
    }

    /// The innermost open element ends.
    /// - Parameters:
    ///   - value: its text, trimmed (`TextNormal.trim`); only leaf elements carry text, containers hold white space.
    ///   - line: the line the reader is on, for amounts, dates and balances.
    mutating func endElement(value: String, line: Int) throws(StatementError) {
        let depth = nodes.count
        let hasValue = !value.isEmpty
        // The element's path below the innermost builder element, which is the one at the depth named here.
        let node = nodes[depth - 1]
        if transaction != nil {
            if depth == transactionDepth {
                if let part = transaction.take() { entry?.transactions.append(part) }
            } else if hasValue, let field = trie[node].transaction {
                assert(trie[node].key == names(below: transactionDepth))
                transaction?.take(field, value, currency: amountCurrency, line: line)
            }
        } else if entry != nil {
            if depth == entryDepth {
                try finishEntry()
            } else if hasValue, let field = trie[node].entry {
                assert(trie[node].key == names(below: entryDepth))
                entry?.take(field, value, currency: amountCurrency, line: line)
            }
        } else if balance != nil {
            if depth == balanceDepth {
                try finishBalance(line: line)
            } else if hasValue, let field = trie[node].balance {
                assert(trie[node].key == names(below: balanceDepth))
                balance?.take(field, value, currency: amountCurrency)
            }
        } else if statement != nil {
            if depth == statementDepth {
                try finishStatement()
            } else if hasValue, let field = trie[node].statement {
                assert(trie[node].key == names(below: statementDepth))
                statement?.take(field, value)
            }
        } else if depth == 4, trie[nodes[2]].name == "GrpHdr", trie[nodes[3]].name == "MsgId" {
            messageId = value
        }
        if depth == 1 { rootClosed = true }
        nodes.removeLast()
    }

    // MARK: Building

    /// The element names on the path from `depth` (1-based, exclusive) to the innermost element, for checks.
    private func names(below depth: Int) -> String {
        nodes[depth...].map { trie[$0].name }.joined(separator: "/")
    }

    private mutating func child(of parent: Int, _ name: String) -> Int {
        let hint = trie[parent].hint
        if hint >= 0 && trie[hint].name == name {
            trie[parent].hint = trie[hint].nextSibling
            return hint
        }
        var last = -1
        var child = trie[parent].firstChild
        while child >= 0 {
            if trie[child].name == name {
                trie[parent].hint = trie[child].nextSibling
                return child
            }
            last = child
            child = trie[child].nextSibling
        }
        let node = trie.count
        let key = parent == 1 ? "" : trie[parent].key.isEmpty ? name : trie[parent].key + "/" + name
        trie.append(Node(name: name, key: key))
        if last >= 0 { trie[last].nextSibling = node } else { trie[parent].firstChild = node }
        return node
    }

    private mutating func finishEntry() throws(StatementError) {
        guard let builder = entry.take() else { return }
        let built = try builder.build(
            file: file, fallbackDate: statement?.fallbackDate, statementCurrency: statement?.currency)
        statement?.entries.append(built)
        try progress.increment(file: file, line: nil)
        if let sink, let statement, statement.entries.count >= sink.chunkSize {
            try sink.receive(statement.account, statement.takeEntries())
        }
    }

    private mutating func finishBalance(line: Int) throws(StatementError) {
        guard let builder = balance.take() else { return }
        statement?.balances.append(try builder.build(file: file, line: line))
    }

    private mutating func finishStatement() throws(StatementError) {
        guard let builder = statement.take() else { return }
        if let sink, !builder.entries.isEmpty { try sink.receive(builder.account, builder.takeEntries()) }
        statements.append(builder.build(source: file, messageId: messageId, type: messageType))
    }
}

/// Where a camt reader hands the entries of a file read in chunks (`StatementParser.streamCamt`).
struct EntrySink {
    /// Entries per chunk (the last chunk of a statement may hold fewer).
    var chunkSize: Int
    /// Takes the account of the entries' statement (`StatementBuilder.account`) and the numbered entries.
    var receive: (_ account: String, _ entries: [StatementEntry]) throws(StatementError) -> Void
}
