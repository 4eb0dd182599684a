import Foundation
import KontorCore

/// Reader for SWIFT MT940 (and MT942) as German banks export it, including the structured `:86:` of the
/// DK specification (`?00` Buchungstext, `?20`–`?29`/`?60`–`?63` Verwendungszweck, `?30`–`?34` party data).
enum MT940Parser {
    /// One tag field with its continuation lines.
    struct Field {
        var tag: String
        var lines: [String]
        var line: Int
    }

    static func parse(text: String, file: String, progress: ProgressCounter) throws(StatementError) -> [BankStatement] {
        let messages = try split(TextDecoding.lines(text), file: file)
        var statements: [BankStatement] = []
        for message in messages {
            statements.append(try statement(from: message, file: file, progress: progress))
        }
        guard !statements.isEmpty else { throw .unknownFormat(file: file, reason: "no MT940 message found") }
        return statements
    }

    /// Whether `line` starts with a tag such as `:20:`, `:28C:`, `:NS:`; returns the tag and the rest.
    static func tag(of line: String) -> (tag: String, rest: String)? {
        let chars = Array(line.utf8.prefix(6))
        guard chars.count >= 4, chars[0] == 58 else { return nil }  // ':'
        func isDigit(_ c: UInt8) -> Bool { (48...57).contains(c) }
        func isUpper(_ c: UInt8) -> Bool { (65...90).contains(c) }
        let length: Int
        if isDigit(chars[1]) && isDigit(chars[2]) {
            if chars[3] == 58 { length = 2 } else if chars.count >= 5, isUpper(chars[3]), chars[4] == 58 { length = 3 } else { return nil }
        } else if isUpper(chars[1]) && isUpper(chars[2]) && chars[3] == 58 {
            length = 2
        } else {
            return nil
        }
        let tag = String(decoding: chars[1...length], as: UTF8.self)
        return (tag, String(line.utf8.dropFirst(length + 2))!)
    }

    /// Groups the lines into messages (separated by `-` lines, or a new `:20:`) and fields.
    static func split(_ lines: [String], file: String) throws(StatementError) -> [[Field]] {
        var messages: [[Field]] = []
        var current: [Field] = []
        func close() {
            if !current.isEmpty { messages.append(current) }
            current = []
        }
        for (index, raw) in lines.enumerated() {
            var line = raw
            let number = index + 1
            guard line.utf8.count <= InputLimits.lineCharacters else {
                throw .tooLarge(file: file, line: number, limit: .lineLength(InputLimits.lineCharacters))
            }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            if trimmed == "-" || trimmed == "-}" || trimmed.hasPrefix("-}") {
                close()
                continue
            }
            if line.hasPrefix("{") {
                // SWIFT envelope ({1:…}{2:…}{4:); the message text starts after "{4:".
                guard let range = line.range(of: "{4:") else { continue }
                line = String(line[range.upperBound...])
                if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            }
            if let (tag, rest) = tag(of: line) {
                if tag == "20", current.contains(where: { $0.tag == "61" || $0.tag == "62F" || $0.tag == "62M" }) {
                    close()
                }
                current.append(Field(tag: tag, lines: [rest], line: number))
            } else if !current.isEmpty {
                current[current.count - 1].lines.append(line)
            } else {
                throw .malformedLine(file: file, line: number, detail: "expected an MT940 field such as :20:, found '\(line.prefix(40))'")
            }
        }
        close()
        return messages
    }

    static func statement(from fields: [Field], file: String, progress: ProgressCounter) throws(StatementError) -> BankStatement {
        guard fields.contains(where: { $0.tag == "25" }) else {
            throw .missingElement(file: file, line: fields.first?.line, element: ":25: account identification")
        }
        var result = BankStatement(source: file)
        var balances: [StatementBalance] = []
        for field in fields where ["60F", "60M", "62F", "62M", "64", "65"].contains(field.tag) {
            balances.append(try balance(field, file: file))
        }
        result.balances = balances
        result.openingBalance = balances.first { $0.type.hasPrefix("60") }
        result.closingBalance = balances.first { $0.type.hasPrefix("62") }
        let currency = result.openingBalance?.currency ?? result.closingBalance?.currency
        result.currency = currency
        var entries: [StatementEntry] = []
        var index = 0
        while index < fields.count {
            let field = fields[index]
            switch field.tag {
            case "20": result.statementId = TextNormal.nonEmpty(field.lines.joined(separator: " "))
            case "25":
                let account = TextNormal.collapse(field.lines.joined()).replacingOccurrences(of: " ", with: "")
                result.accountId = account.isEmpty ? nil : account
                result.accountIBAN = Self.iban(in: account)
            case "28C", "28": result.sequenceNumber = TextNormal.nonEmpty(field.lines.joined())
            case "61":
                guard let currency else { throw .missingElement(file: file, line: field.line, element: ":60F: opening balance (currency)") }
                var information: Field?
                if index + 1 < fields.count, fields[index + 1].tag == "86" {
                    information = fields[index + 1]
                    index += 1
                }
                entries.append(try entry(field, information: information, currency: currency, file: file))
                try progress.increment(file: file, line: field.line)
            default: break
            }
            index += 1
        }
        entries.assignIdentities()
        result.entries = entries
        return result
    }

    /// The IBAN in a `:25:` value such as `DE89370400440532013000` or `DE89370400440532013000EUR`, if any.
    static func iban(in account: String) -> String? {
        if TextNormal.looksLikeIBAN(account) { return account }
        if account.count > 3, TextNormal.looksLikeIBAN(String(account.dropLast(3))),
            account.suffix(3).allSatisfy({ $0.isLetter })
        {
            return String(account.dropLast(3))
        }
        return nil
    }

    /// `:60F:C070903EUR766656,49`.
    static func balance(_ field: Field, file: String) throws(StatementError) -> StatementBalance {
        let text = field.lines.joined().trimmingCharacters(in: .whitespaces)
        let chars = Array(text)
        guard chars.count >= 11, chars[0] == "C" || chars[0] == "D" else {
            throw .malformedLine(file: file, line: field.line, detail: ":\(field.tag): must be C/D, YYMMDD, currency, amount")
        }
        let dateText = String(chars[1..<7])
        guard let date = DateParser.yymmdd(Substring(dateText)) else {
            throw .invalidDate(file: file, line: field.line, field: ":\(field.tag):", text: dateText)
        }
        let currency = String(chars[7..<10])
        let amountText = String(chars[10...])
        guard currency.allSatisfy({ $0.isLetter }), let cents = AmountParser.cents(amountText, decimal: .comma), cents >= 0 else {
            throw .invalidAmount(file: file, line: field.line, field: ":\(field.tag):", text: amountText)
        }
        return StatementBalance(type: field.tag, amount: Money(cents: chars[0] == "D" ? -cents : cents), currency: currency, date: date)
    }

    /// `:61:` `6!n[4!n]2a[1!a]15d1!a3!c16x[//16x]` plus supplementary details on the next line, and its `:86:`.
    static func entry(_ field: Field, information: Field?, currency: String, file: String) throws(StatementError) -> StatementEntry {
        let line = field.line
        let first = Array(field.lines[0].trimmingCharacters(in: .whitespaces))
        var position = 0
        func digits(_ count: Int) -> String? {
            guard position + count <= first.count, first[position..<position + count].allSatisfy({ $0.isASCII && $0.isNumber })
            else { return nil }
            defer { position += count }
            return String(first[position..<position + count])
        }
        guard let valueText = digits(6) else {
            throw .malformedLine(file: file, line: line, detail: ":61: must start with the value date YYMMDD")
        }
        guard let value = DateParser.yymmdd(Substring(valueText)) else {
            throw .invalidDate(file: file, line: line, field: ":61: value date", text: valueText)
        }
        var booking = value
        if let entryText = digits(4) {
            guard let month = Int(entryText.prefix(2)), let day = Int(entryText.suffix(2)),
                let date = closestDay(month: month, day: day, near: value)
            else { throw .invalidDate(file: file, line: line, field: ":61: entry date", text: entryText) }
            booking = date
        }
        // Mark: C, D, RC (reversal of a credit = money out), RD (reversal of a debit = money in).
        var direction: EntryDirection
        var reversal = false
        let rest = String(first[position...])
        if rest.hasPrefix("RC") || rest.hasPrefix("RD") {
            reversal = true
            direction = rest.hasPrefix("RC") ? .debit : .credit
            position += 2
        } else if rest.hasPrefix("C") || rest.hasPrefix("D") {
            direction = rest.hasPrefix("C") ? .credit : .debit
            position += 1
        } else {
            throw .malformedLine(file: file, line: line, detail: ":61: needs the mark C, D, RC or RD after the date")
        }
        // Funds code: the third letter of the currency code, present when a letter precedes the amount.
        if position + 1 < first.count, first[position].isLetter, first[position + 1].isNumber || first[position + 1] == "," {
            position += 1
        }
        // The amount runs up to the transaction type, which starts with N, F or S.
        let amountStart = position
        while position < first.count, !"NFS".contains(first[position]) { position += 1 }
        let amountText = String(first[amountStart..<position])
        guard !amountText.isEmpty else {
            throw .missingElement(file: file, line: line, element: ":61: amount")
        }
        guard amountText.allSatisfy({ $0.isNumber || $0 == "," }), amountText.contains(where: \.isNumber),
            let cents = AmountParser.cents(amountText, decimal: .comma), cents >= 0
        else {
            throw .invalidAmount(file: file, line: line, field: ":61:", text: amountText)
        }
        guard position + 4 <= first.count else {
            throw .malformedLine(file: file, line: line, detail: ":61: ends before the transaction type (e.g. NTRF)")
        }
        let type = String(first[position..<position + 4])
        position += 4
        let references = String(first[position...])
        var bankReference: String?
        if let range = references.range(of: "//") {
            bankReference = String(references[range.upperBound...])
        }
        func clean(_ reference: String?) -> String? {
            guard let value = TextNormal.nonEmpty(reference), value.uppercased() != "NONREF" else { return nil }
            return value
        }
        let supplementary = TextNormal.nonEmpty(field.lines.dropFirst().joined(separator: " "))
        let details = information.map { Details(lines: $0.lines) } ?? Details(lines: [])
        var code = type
        if let gvc = details.transactionCode { code += " " + gvc }
        var remittance = details.purpose
        if remittance.isEmpty, let supplementary { remittance = supplementary }
        let tags = SEPATags(remittance)
        return StatementEntry(
            bookingDate: booking, valueDate: value, amount: Money(cents: cents), direction: direction, currency: currency,
            status: .booked, isReversal: reversal, counterpartyName: details.name, counterpartyIBAN: details.iban,
            counterpartyBIC: details.bankCode, remittanceText: remittance, endToEndId: tags.endToEndId,
            mandateId: tags.mandateId, creditorId: tags.creditorId, bankReference: clean(bankReference),
            transactionCode: code, bookingText: details.bookingText, line: line)
    }

    /// The day with `month`/`day` closest to `date` (the year before, of, or after it): an entry date of
    /// 31 Dec with value date 2 Jan belongs to the previous year.
    static func closestDay(month: Int, day: Int, near date: Day) -> Day? {
        let candidates = [date.year - 1, date.year, date.year + 1].compactMap { Day(year: $0, month: month, day: day) }
        return candidates.min { abs($0.days(until: date)) < abs($1.days(until: date)) }
    }
}
