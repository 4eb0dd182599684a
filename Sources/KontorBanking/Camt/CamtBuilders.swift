import KontorCore

// Collectors for one camt element each (Bal, TxDtls, Ntry, Stmt). `field` says which value a leaf's path relative
// to the element carries (`CamtCollector` asks once per distinct path, not once per leaf), `take` receives it with
// the leaf's text, and `build` checks and converts. They are classes: `CamtCollector` holds one of each while its
// element is open and hands transactions on to their entry, and a reference moves where a struct of twenty
// strings would be copied and destroyed field by field. Their properties skip the runtime exclusivity check
// (`@exclusivity(unchecked)`), which would otherwise run on every value taken: a builder belongs to one collector
// on one thread, and none of its methods holds an access to a property across a call.

/// Collects one `Bal`.
final class BalanceBuilder {
    @exclusivity(unchecked) var type: String?
    @exclusivity(unchecked) var amount: String?
    @exclusivity(unchecked) var currency: String?
    @exclusivity(unchecked) var indicator: String?
    @exclusivity(unchecked) var date: String?

    /// The values a balance takes.
    enum Field { case type, amount, indicator, date }

    static func field(_ path: String) -> Field? {
        switch path {
        case "Tp/CdOrPrtry/Cd", "Tp/CdOrPrtry/Prtry": return .type
        case "Amt": return .amount
        case "CdtDbtInd": return .indicator
        case "Dt/Dt", "Dt/DtTm": return .date
        default: return nil
        }
    }

    func take(_ field: Field, _ value: String, currency: String?) {
        switch field {
        case .type: type = type ?? value
        case .amount: amount = value; self.currency = currency
        case .indicator: indicator = value
        case .date: date = value
        }
    }

    func build(file: String, line: Int) throws(StatementError) -> StatementBalance {
        guard let amount else { throw .missingElement(file: file, line: line, element: "Bal/Amt") }
        guard let cents = AmountParser.xmlCents(amount), cents >= 0 else {
            throw .invalidAmount(file: file, line: line, field: "Bal/Amt", text: amount)
        }
        return StatementBalance(
            type: type ?? "", amount: Money(cents: indicator == "DBIT" ? -cents : cents), currency: currency ?? "",
            date: date.flatMap(DateParser.day))
    }
}

/// Collects one `TxDtls`, a part of an entry.
final class TransactionBuilder {
    @exclusivity(unchecked) var amount: String?
    @exclusivity(unchecked) var amountLine: Int?
    @exclusivity(unchecked) var currency: String?
    @exclusivity(unchecked) var indicator: String?
    @exclusivity(unchecked) var debtorName: String?
    @exclusivity(unchecked) var ultimateDebtorName: String?
    @exclusivity(unchecked) var debtorAccount: String?
    @exclusivity(unchecked) var debtorBIC: String?
    @exclusivity(unchecked) var creditorName: String?
    @exclusivity(unchecked) var ultimateCreditorName: String?
    @exclusivity(unchecked) var creditorAccount: String?
    @exclusivity(unchecked) var creditorBIC: String?
    @exclusivity(unchecked) var creditorId: String?
    @exclusivity(unchecked) var unstructured: [String] = []
    @exclusivity(unchecked) var reference: String?
    @exclusivity(unchecked) var endToEndId: String?
    @exclusivity(unchecked) var bankReference: String?
    @exclusivity(unchecked) var mandateId: String?
    @exclusivity(unchecked) var additionalInfo: String?

    /// The values a transaction takes.
    enum Field {
        case amount, instructedAmount, indicator, endToEndId, bankReference, mandateId
        case debtorName, ultimateDebtorName, debtorAccount, creditorName, ultimateCreditorName, creditorAccount
        case creditorId, debtorBIC, creditorBIC, unstructured, reference, additionalInfo
    }

    static func field(_ path: String) -> Field? {
        switch path {
        case "Amt", "AmtDtls/TxAmt/Amt": return .amount
        case "AmtDtls/InstdAmt/Amt": return .instructedAmount
        case "CdtDbtInd": return .indicator
        case "Refs/EndToEndId": return .endToEndId
        case "Refs/AcctSvcrRef": return .bankReference
        case "Refs/MndtId": return .mandateId
        case "RltdPties/Dbtr/Nm", "RltdPties/Dbtr/Pty/Nm": return .debtorName
        case "RltdPties/UltmtDbtr/Nm", "RltdPties/UltmtDbtr/Pty/Nm": return .ultimateDebtorName
        case "RltdPties/DbtrAcct/Id/IBAN", "RltdPties/DbtrAcct/Id/Othr/Id": return .debtorAccount
        case "RltdPties/Cdtr/Nm", "RltdPties/Cdtr/Pty/Nm": return .creditorName
        case "RltdPties/UltmtCdtr/Nm", "RltdPties/UltmtCdtr/Pty/Nm": return .ultimateCreditorName
        case "RltdPties/CdtrAcct/Id/IBAN", "RltdPties/CdtrAcct/Id/Othr/Id": return .creditorAccount
        case "RltdPties/Cdtr/Id/PrvtId/Othr/Id", "RltdPties/Cdtr/Pty/Id/PrvtId/Othr/Id": return .creditorId
        case "RltdAgts/DbtrAgt/FinInstnId/BIC", "RltdAgts/DbtrAgt/FinInstnId/BICFI": return .debtorBIC
        case "RltdAgts/CdtrAgt/FinInstnId/BIC", "RltdAgts/CdtrAgt/FinInstnId/BICFI": return .creditorBIC
        case "RmtInf/Ustrd": return .unstructured
        case "RmtInf/Strd/CdtrRefInf/Ref": return .reference
        case "AddtlTxInf": return .additionalInfo
        default: return nil
        }
    }

    func take(_ field: Field, _ value: String, currency: String?, line: Int) {
        switch field {
        case .amount:
            amount = value; self.currency = currency; amountLine = line
        case .instructedAmount:
            if amount == nil { amount = value; self.currency = currency; amountLine = line }
        case .indicator: indicator = value
        case .endToEndId: endToEndId = value == "NOTPROVIDED" ? nil : value
        case .bankReference: bankReference = value
        case .mandateId: mandateId = value
        case .debtorName: debtorName = value
        case .ultimateDebtorName: ultimateDebtorName = value
        case .debtorAccount: debtorAccount = debtorAccount ?? value
        case .creditorName: creditorName = value
        case .ultimateCreditorName: ultimateCreditorName = value
        case .creditorAccount: creditorAccount = creditorAccount ?? value
        case .creditorId: creditorId = value
        case .debtorBIC: debtorBIC = value
        case .creditorBIC: creditorBIC = value
        case .unstructured: if !value.isEmpty { unstructured.append(value) }
        case .reference: reference = reference ?? value
        case .additionalInfo: additionalInfo = value
        }
    }

    var remittanceText: String { Self.remittance(unstructured) }

    /// The `Ustrd` lines as one text (a single line, the usual case, is not joined first).
    static func remittance(_ lines: [String]) -> String {
        TextNormal.collapse(lines.count == 1 ? lines[0] : lines.joined(separator: " "))
    }

    /// The other party as seen from the account: the debtor of a credit, the creditor of a debit.
    func counterparty(for direction: EntryDirection) -> (name: String?, account: String?, bic: String?) {
        switch direction {
        case .credit:
            return (TextNormal.nonEmpty(debtorName ?? ultimateDebtorName), debtorAccount.flatMap(Self.iban), debtorBIC)
        case .debit:
            return (TextNormal.nonEmpty(creditorName ?? ultimateCreditorName), creditorAccount.flatMap(Self.iban), creditorBIC)
        }
    }

    static func iban(_ account: String) -> String? {
        // Most accounts are written as a compact IBAN already: upper-case letters and digits only, which upper-casing
        // and removing spaces leave as they are.
        if account.utf8.allSatisfy({ (65...90).contains($0) || (48...57).contains($0) }) {
            return TextNormal.looksLikeIBAN(account) ? account : nil
        }
        let compact = account.uppercased().filter { $0 != " " }
        return TextNormal.looksLikeIBAN(compact) ? compact : nil
    }

    func build(file: String, entryDirection: EntryDirection) throws(StatementError) -> TransactionDetail {
        var money: Money?
        if let amount {
            guard let cents = AmountParser.xmlCents(amount), cents >= 0 else {
                throw .invalidAmount(file: file, line: amountLine, field: "TxDtls/Amt", text: amount)
            }
            money = Money(cents: cents)
        }
        let direction: EntryDirection? = indicator == "CRDT" ? .credit : indicator == "DBIT" ? .debit : nil
        let party = counterparty(for: direction ?? entryDirection)
        return TransactionDetail(
            amount: money, currency: money == nil ? nil : currency, direction: direction,
            counterpartyName: party.name, counterpartyIBAN: party.account, counterpartyBIC: party.bic,
            remittanceText: remittanceText, structuredReference: reference, endToEndId: endToEndId,
            bankReference: bankReference, mandateId: mandateId, additionalInfo: TextNormal.nonEmpty(additionalInfo))
    }
}

/// Collects one `Ntry` with its parts.
final class EntryBuilder {
    let line: Int
    @exclusivity(unchecked) var amount: String?
    @exclusivity(unchecked) var amountLine: Int?
    @exclusivity(unchecked) var dateLine: Int?
    @exclusivity(unchecked) var currency: String?
    @exclusivity(unchecked) var indicator: String?
    @exclusivity(unchecked) var reversal: String?
    @exclusivity(unchecked) var status: String?
    @exclusivity(unchecked) var bookingDate: String?
    @exclusivity(unchecked) var valueDate: String?
    @exclusivity(unchecked) var bankReference: String?
    @exclusivity(unchecked) var domain: String?
    @exclusivity(unchecked) var family: String?
    @exclusivity(unchecked) var subFamily: String?
    @exclusivity(unchecked) var proprietary: String?
    @exclusivity(unchecked) var additionalInfo: String?
    @exclusivity(unchecked) var batchCount: Int?
    @exclusivity(unchecked) var transactions: [TransactionBuilder] = []

    init(line: Int) { self.line = line }

    /// The values an entry takes.
    enum Field {
        case amount, indicator, reversal, status, bookingDate, valueDate, bankReference
        case domain, family, subFamily, proprietary, additionalInfo, batchCount
    }

    static func field(_ path: String) -> Field? {
        switch path {
        case "Amt": return .amount
        case "CdtDbtInd": return .indicator
        case "RvslInd": return .reversal
        case "Sts", "Sts/Cd", "Sts/Prtry": return .status
        case "BookgDt/Dt", "BookgDt/DtTm": return .bookingDate
        case "ValDt/Dt", "ValDt/DtTm": return .valueDate
        case "AcctSvcrRef": return .bankReference
        case "BkTxCd/Domn/Cd": return .domain
        case "BkTxCd/Domn/Fmly/Cd": return .family
        case "BkTxCd/Domn/Fmly/SubFmlyCd": return .subFamily
        case "BkTxCd/Prtry/Cd": return .proprietary
        case "AddtlNtryInf": return .additionalInfo
        case "NtryDtls/Btch/NbOfTxs": return .batchCount
        default: return nil
        }
    }

    func take(_ field: Field, _ value: String, currency: String?, line: Int) {
        switch field {
        case .amount: amount = value; self.currency = currency; amountLine = line
        case .indicator: indicator = value
        case .reversal: reversal = value
        case .status: status = value
        case .bookingDate: bookingDate = value; dateLine = line
        case .valueDate: valueDate = value; dateLine = dateLine ?? line
        case .bankReference: bankReference = value
        case .domain: domain = value
        case .family: family = value
        case .subFamily: subFamily = value
        case .proprietary: proprietary = value
        case .additionalInfo: additionalInfo = value
        case .batchCount: batchCount = (batchCount ?? 0) + (Int(value) ?? 0)
        }
    }

    func build(file: String, fallbackDate: String?, statementCurrency: String?) throws(StatementError) -> StatementEntry {
        guard let amount else { throw .missingElement(file: file, line: line, element: "Ntry/Amt") }
        guard let cents = AmountParser.xmlCents(amount), cents >= 0 else {
            throw .invalidAmount(file: file, line: amountLine ?? line, field: "Ntry/Amt", text: amount)
        }
        guard let currency = currency ?? statementCurrency else {
            throw .missingElement(file: file, line: line, element: "Ntry/Amt/@Ccy")
        }
        let direction: EntryDirection
        switch indicator {
        case "CRDT": direction = .credit
        case "DBIT": direction = .debit
        default: throw .missingElement(file: file, line: line, element: "Ntry/CdtDbtInd (CRDT or DBIT)")
        }
        let value = valueDate.flatMap(DateParser.day)
        if let valueDate, value == nil {
            throw .invalidDate(file: file, line: dateLine ?? line, field: "Ntry/ValDt", text: valueDate)
        }
        let booking: Day
        if let bookingDate {
            guard let day = DateParser.day(bookingDate) else {
                throw .invalidDate(file: file, line: dateLine ?? line, field: "Ntry/BookgDt", text: bookingDate)
            }
            booking = day
        } else if let day = value ?? fallbackDate.flatMap(DateParser.day) {
            booking = day
        } else {
            throw .missingElement(file: file, line: line, element: "Ntry/BookgDt")
        }
        let entryStatus: EntryStatus
        // Banks write the codes in capitals; upper-casing (a new string per entry) is only needed for others.
        switch status == nil || status == "BOOK" ? status : status?.uppercased() {
        case "PDNG", "FUTR": entryStatus = .pending
        case "INFO": entryStatus = .info
        default: entryStatus = .booked
        }
        // A single part (the usual case) is not kept on the entry, so it is not put in an array either.
        var single: TransactionDetail?
        var parts: [TransactionDetail] = []
        if transactions.count > 1 { parts.reserveCapacity(transactions.count) }
        var party: (name: String?, account: String?, bic: String?)?
        var creditorId: String?
        for transaction in transactions {
            let part = try transaction.build(file: file, entryDirection: direction)
            if party == nil {
                // A part without a direction of its own already names the entry's counterparty.
                let candidate =
                    (part.direction ?? direction) == direction
                    ? (part.counterpartyName, part.counterpartyIBAN, part.counterpartyBIC)
                    : transaction.counterparty(for: direction)
                if candidate.0 != nil || candidate.1 != nil { party = candidate }
            }
            if creditorId == nil { creditorId = transaction.creditorId }
            if transactions.count == 1 { single = part } else { parts.append(part) }
        }
        // A single transaction's text is already the text of all of them.
        let remittance =
            single?.remittanceText ?? TransactionBuilder.remittance(transactions.flatMap(\.unstructured))
        // `Domn/Fmly/SubFmly Prtry`, joined without the arrays and filtering of a general join.
        var domainPath = ""
        if domain != nil || family != nil || subFamily != nil {
            var domainParts = 0
            for part in [domain, family, subFamily] {
                guard let part else { continue }
                domainPath += domainParts == 0 ? part : "/" + part
                domainParts += 1
            }
        }
        let proprietaryCode = proprietary ?? ""
        let code =
            domainPath.isEmpty
            ? proprietaryCode : proprietaryCode.isEmpty ? domainPath : domainPath + " " + proprietaryCode
        return StatementEntry(
            bookingDate: booking, valueDate: value, amount: Money(cents: cents), direction: direction, currency: currency,
            status: entryStatus, isReversal: reversal == "true" || reversal == "1",
            counterpartyName: party?.name, counterpartyIBAN: party?.account, counterpartyBIC: party?.bic,
            remittanceText: remittance,
            structuredReference: single?.structuredReference ?? parts.lazy.compactMap(\.structuredReference).first,
            endToEndId: single?.endToEndId ?? parts.lazy.compactMap(\.endToEndId).first,
            mandateId: single?.mandateId ?? parts.lazy.compactMap(\.mandateId).first,
            creditorId: creditorId,
            bankReference: TextNormal.nonEmpty(bankReference), transactionCode: code.isEmpty ? nil : code,
            bookingText: TextNormal.nonEmpty(additionalInfo),
            batchCount: batchCount ?? (transactions.count > 1 ? transactions.count : nil),
            transactions: parts.count > 1 ? parts : [], line: line)
    }
}

/// Collects one `Stmt` (`Rpt`, `Ntfctn`) with its balances and entries.
final class StatementBuilder {
    @exclusivity(unchecked) var id: String?
    @exclusivity(unchecked) var electronicSequence: String?
    @exclusivity(unchecked) var legalSequence: String?
    @exclusivity(unchecked) var iban: String?
    @exclusivity(unchecked) var otherId: String?
    @exclusivity(unchecked) var currency: String?
    @exclusivity(unchecked) var toDate: String?
    @exclusivity(unchecked) var created: String?
    @exclusivity(unchecked) var balances: [StatementBalance] = []
    @exclusivity(unchecked) var entries: [StatementEntry] = []
    /// Numbers repeated identities across the chunks handed out by `takeEntries()` and the rest in `build`.
    @exclusivity(unchecked) private var numbering = IdentityNumbering()

    /// A day for entries without booking or value date: the end of the period, else the creation time.
    var fallbackDate: String? { toDate ?? created }

    /// The values a statement takes.
    enum Field { case id, electronicSequence, legalSequence, created, toDate, iban, otherId, currency }

    static func field(_ path: String) -> Field? {
        switch path {
        case "Id": return .id
        case "ElctrncSeqNb": return .electronicSequence
        case "LglSeqNb": return .legalSequence
        case "CreDtTm": return .created
        case "FrToDt/ToDtTm": return .toDate
        case "Acct/Id/IBAN": return .iban
        case "Acct/Id/Othr/Id": return .otherId
        case "Acct/Ccy": return .currency
        default: return nil
        }
    }

    func take(_ field: Field, _ value: String) {
        switch field {
        case .id: id = value
        case .electronicSequence: electronicSequence = value
        case .legalSequence: legalSequence = value
        case .created: created = value
        case .toDate: toDate = value
        case .iban: iban = value
        case .otherId: otherId = value
        case .currency: currency = value
        }
    }

    /// The account the entries are booked on, as the import scopes their identities: the IBAN, else the other id.
    var account: String { iban ?? otherId ?? "" }

    /// Hands over the entries collected so far, numbered (for a statement read in chunks).
    func takeEntries() -> [StatementEntry] {
        // Handed over, not shared: numbering a shared array would copy every entry first.
        var taken = entries
        entries = []
        numbering.assign(&taken)
        return taken
    }

    func build(source: String, messageId: String?, type: CamtMessageType?) -> BankStatement {
        let entries = takeEntries()
        let opening = balances.first { $0.type == "OPBD" } ?? balances.first { $0.type == "PRCD" }
        let closing = balances.first { $0.type == "CLBD" }
        return BankStatement(
            accountIBAN: iban, accountId: iban ?? otherId,
            currency: currency ?? opening?.currency ?? entries.first?.currency, statementId: id,
            messageId: messageId, sequenceNumber: electronicSequence ?? legalSequence, messageType: type,
            openingBalance: opening, closingBalance: closing, balances: balances, entries: entries, source: source)
    }
}
