import KontorCore

/// One statement: a camt `Stmt`/`Rpt`/`Ntfctn`, an MT940 message, or a whole CSV file.
public struct BankStatement: Sendable, Hashable, Codable {
    /// The account's IBAN when the file gives one in an IBAN field (not validated: test files use placeholders).
    public var accountIBAN: String?
    /// The account id as written: IBAN, camt `Othr/Id`, MT940 `:25:` (BLZ/account) or the CSV's account column.
    public var accountId: String?
    /// The statement currency (camt `Acct/Ccy`, MT940 opening balance, CSV currency of the first row), if known.
    public var currency: String?
    /// Statement id (camt `Stmt/Id`, MT940 `:20:`).
    public var statementId: String?
    /// camt `GrpHdr/MsgId`.
    public var messageId: String?
    /// Sequence number (camt `ElctrncSeqNb` or `LglSeqNb`, MT940 `:28C:`).
    public var sequenceNumber: String?
    /// The camt message type and version (nil for MT940 and CSV).
    public var messageType: CamtMessageType?
    /// Opening booked balance (camt `OPBD`, else `PRCD`; MT940 `:60F:`/`:60M:`).
    public var openingBalance: StatementBalance?
    /// Closing booked balance (camt `CLBD`; MT940 `:62F:`/`:62M:`).
    public var closingBalance: StatementBalance?
    /// Every balance of the statement in file order.
    public var balances: [StatementBalance]
    /// The entries in file order.
    public var entries: [StatementEntry]
    /// Where the statement came from: file name, or `bundle.zip/member.xml`.
    public var source: String
    /// The DFÜ Anlage 3 name of the ZIP member, when it follows the pattern.
    public var dfuName: DFUFileName?

    public init(
        accountIBAN: String? = nil, accountId: String? = nil, currency: String? = nil, statementId: String? = nil,
        messageId: String? = nil, sequenceNumber: String? = nil, messageType: CamtMessageType? = nil,
        openingBalance: StatementBalance? = nil, closingBalance: StatementBalance? = nil,
        balances: [StatementBalance] = [], entries: [StatementEntry] = [], source: String, dfuName: DFUFileName? = nil
    ) {
        self.accountIBAN = accountIBAN
        self.accountId = accountId
        self.currency = currency
        self.statementId = statementId
        self.messageId = messageId
        self.sequenceNumber = sequenceNumber
        self.messageType = messageType
        self.openingBalance = openingBalance
        self.closingBalance = closingBalance
        self.balances = balances
        self.entries = entries
        self.source = source
        self.dfuName = dfuName
    }

    /// Whether opening balance plus the booked entries equals the closing balance.
    /// Nil when a balance is missing or the balances and entries are not all in one currency.
    public var reconciles: Bool? {
        guard let opening = openingBalance, let closing = closingBalance, opening.currency == closing.currency else {
            return nil
        }
        let booked = entries.filter { $0.status == .booked }
        guard booked.allSatisfy({ $0.currency == opening.currency }) else { return nil }
        return opening.amount + booked.map(\.signedAmount).sum() == closing.amount
    }
}
