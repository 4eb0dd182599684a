import KontorCore

// Collectors for one camt element each (Bal, TxDtls, Ntry, Stmt); `take` receives a leaf's path
// relative to the element and its text, `build` checks and converts.

struct BalanceBuilder {
    var type: String?
    var amount: String?
    var currency: String?
    var indicator: String?
    var date: String?

    mutating func take(_ path: String, _ value: String, currency: String?) {
        switch path {
        case "Tp/CdOrPrtry/Cd", "Tp/CdOrPrtry/Prtry": type = type ?? value
        case "Amt": amount = value; self.currency = currency
        case "CdtDbtInd": indicator = value
        case "Dt/Dt", "Dt/DtTm": date = value
        default: break
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

struct TransactionBuilder {
    var amount: String?
    var amountLine: Int?
    var currency: String?
    var indicator: String?
    var debtorName: String?
    var ultimateDebtorName: String?
    var debtorAccount: String?
    var debtorBIC: String?
    var creditorName: String?
    var ultimateCreditorName: String?
    var creditorAccount: String?
    var creditorBIC: String?
    var creditorId: String?
    var unstructured: [String] = []
    var reference: String?
    var endToEndId: String?
    var bankReference: String?
    var mandateId: String?
    var additionalInfo: String?

    mutating func take(_ path: String, _ value: String, currency: String?, line: Int) {
        switch path {
        case "Amt", "AmtDtls/TxAmt/Amt":
            amount = value; self.currency = currency; amountLine = line
        case "AmtDtls/InstdAmt/Amt":
            if amount == nil { amount = value; self.currency = currency; amountLine = line }
        case "CdtDbtInd": indicator = value
        case "Refs/EndToEndId": endToEndId = value == "NOTPROVIDED" ? nil : value
        case "Refs/AcctSvcrRef": bankReference = value
        case "Refs/MndtId": mandateId = value
        case "RltdPties/Dbtr/Nm", "RltdPties/Dbtr/Pty/Nm": debtorName = value
        case "RltdPties/UltmtDbtr/Nm", "RltdPties/UltmtDbtr/Pty/Nm": ultimateDebtorName = value
        case "RltdPties/DbtrAcct/Id/IBAN", "RltdPties/DbtrAcct/Id/Othr/Id": debtorAccount = debtorAccount ?? value
        case "RltdPties/Cdtr/Nm", "RltdPties/Cdtr/Pty/Nm": creditorName = value
        case "RltdPties/UltmtCdtr/Nm", "RltdPties/UltmtCdtr/Pty/Nm": ultimateCreditorName = value
        case "RltdPties/CdtrAcct/Id/IBAN", "RltdPties/CdtrAcct/Id/Othr/Id": creditorAccount = creditorAccount ?? value
        case "RltdPties/Cdtr/Id/PrvtId/Othr/Id", "RltdPties/Cdtr/Pty/Id/PrvtId/Othr/Id": creditorId = value
        case "RltdAgts/DbtrAgt/FinInstnId/BIC", "RltdAgts/DbtrAgt/FinInstnId/BICFI": debtorBIC = value
        case "RltdAgts/CdtrAgt/FinInstnId/BIC", "RltdAgts/CdtrAgt/FinInstnId/BICFI": creditorBIC = value
        case "RmtInf/Ustrd": if !value.isEmpty { unstructured.append(value) }
        case "RmtInf/Strd/CdtrRefInf/Ref": reference = reference ?? value
        case "AddtlTxInf": additionalInfo = value
        default: break
        }
    }

    var remittanceText: String { TextNormal.collapse(unstructured.joined(separator: " ")) }

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

struct EntryBuilder {
    let line: Int
    var amount: String?
    var amountLine: Int?
    var dateLine: Int?
    var currency: String?
    var indicator: String?
    var reversal: String?
    var status: String?
    var bookingDate: String?
    var valueDate: String?
    var bankReference: String?
    var domain: String?
    var family: String?
    var subFamily: String?
    var proprietary: String?
    var additionalInfo: String?
    var batchCount: Int?
    var transactions: [TransactionBuilder] = []

    init(line: Int) { self.line = line }

    mutating func take(_ path: String, _ value: String, currency: String?, line: Int) {
        switch path {
        case "Amt": amount = value; self.currency = currency; amountLine = line
        case "CdtDbtInd": indicator = value
        case "RvslInd": reversal = value
        case "Sts", "Sts/Cd", "Sts/Prtry": status = value
        case "BookgDt/Dt", "BookgDt/DtTm": bookingDate = value; dateLine = line
        case "ValDt/Dt", "ValDt/DtTm": valueDate = value; dateLine = dateLine ?? line
        case "AcctSvcrRef": bankReference = value
        case "BkTxCd/Domn/Cd": domain = value
        case "BkTxCd/Domn/Fmly/Cd": family = value
        case "BkTxCd/Domn/Fmly/SubFmlyCd": subFamily = value
        case "BkTxCd/Prtry/Cd": proprietary = value
        case "AddtlNtryInf": additionalInfo = value
        case "NtryDtls/Btch/NbOfTxs": batchCount = (batchCount ?? 0) + (Int(value) ?? 0)
        default: break
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
        switch status?.uppercased() {
        case "PDNG", "FUTR": entryStatus = .pending
        case "INFO": entryStatus = .info
        default: entryStatus = .booked
        }
        var parts: [TransactionDetail] = []
        for transaction in transactions {
            parts.append(try transaction.build(file: file, entryDirection: direction))
        }
        let party = transactions.lazy.map { $0.counterparty(for: direction) }.first { $0.name != nil || $0.account != nil }
        let code = [[domain, family, subFamily].compactMap { $0 }.joined(separator: "/"), proprietary ?? ""]
            .filter { !$0.isEmpty }.joined(separator: " ")
        return StatementEntry(
            bookingDate: booking, valueDate: value, amount: Money(cents: cents), direction: direction, currency: currency,
            status: entryStatus, isReversal: reversal == "true" || reversal == "1",
            counterpartyName: party?.name, counterpartyIBAN: party?.account, counterpartyBIC: party?.bic,
            remittanceText: TextNormal.collapse(transactions.flatMap(\.unstructured).joined(separator: " ")),
            structuredReference: parts.lazy.compactMap(\.structuredReference).first,
            endToEndId: parts.lazy.compactMap(\.endToEndId).first,
            mandateId: parts.lazy.compactMap(\.mandateId).first,
            creditorId: transactions.lazy.compactMap(\.creditorId).first,
            bankReference: TextNormal.nonEmpty(bankReference), transactionCode: code.isEmpty ? nil : code,
            bookingText: TextNormal.nonEmpty(additionalInfo),
            batchCount: batchCount ?? (transactions.count > 1 ? transactions.count : nil),
            transactions: parts.count > 1 ? parts : [], line: line)
    }
}

struct StatementBuilder {
    var id: String?
    var electronicSequence: String?
    var legalSequence: String?
    var iban: String?
    var otherId: String?
    var currency: String?
    var toDate: String?
    var created: String?
    var balances: [StatementBalance] = []
    var entries: [StatementEntry] = []

    /// A day for entries without booking or value date: the end of the period, else the creation time.
    var fallbackDate: String? { toDate ?? created }

    mutating func take(_ path: String, _ value: String) {
        switch path {
        case "Id": id = value
        case "ElctrncSeqNb": electronicSequence = value
        case "LglSeqNb": legalSequence = value
        case "CreDtTm": created = value
        case "FrToDt/ToDtTm": toDate = value
        case "Acct/Id/IBAN": iban = value
        case "Acct/Id/Othr/Id": otherId = value
        case "Acct/Ccy": currency = value
        default: break
        }
    }

    func build(source: String, messageId: String?, type: CamtMessageType?) -> BankStatement {
        var entries = entries
        entries.assignIdentities()
        let opening = balances.first { $0.type == "OPBD" } ?? balances.first { $0.type == "PRCD" }
        let closing = balances.first { $0.type == "CLBD" }
        return BankStatement(
            accountIBAN: iban, accountId: iban ?? otherId,
            currency: currency ?? opening?.currency ?? entries.first?.currency, statementId: id,
            messageId: messageId, sequenceNumber: electronicSequence ?? legalSequence, messageType: type,
            openingBalance: opening, closingBalance: closing, balances: balances, entries: entries, source: source)
    }
}
