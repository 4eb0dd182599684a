import Foundation
import KontorCore

/// Reader for SWIFT MT940 (and MT942) as German banks export it, including the structured `:86:` of the
/// DK specification (`?00` Buchungstext, `?20`–`?29`/`?60`–`?63` Verwendungszweck, `?30`–`?34` party data).
///
/// The file is read as UTF-8 bytes: lines and fields are byte ranges, and only the values an entry keeps become
/// `String`s. Where characters and bytes could disagree (a combining mark after a separator, non-ASCII in `:61:`),
/// the character rules decide (`MT940Parser+Characters.swift`).
enum MT940Parser {
    /// One tag field with its continuation lines.
    struct Field {
        var tag: String
        /// Indices into `Source.segments`: the first line (after the tag) and its continuation lines.
        var lines: Range<Int>
        var line: Int
    }

    /// The file's UTF-8 bytes and the byte range of every field line.
    struct Source {
        let bytes: [UInt8]
        var segments: [Range<Int>] = []

        func string(_ range: Range<Int>) -> String {
            bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
        }

        /// The lines of `field` as text.
        func lines(of field: Field) -> [String] { segments[field.lines].map(string) }
    }

    static func parse(text: String, file: String, progress: ProgressCounter) throws(StatementError) -> [BankStatement] {
        var source = Source(bytes: Array(text.utf8))
        let messages = try split(&source, file: file)
        var statements: [BankStatement] = []
        for message in messages {
            statements.append(try statement(from: message, source: source, file: file, progress: progress))
        }
        guard !statements.isEmpty else { throw .unknownFormat(file: file, problem: .noMT940Message) }
        return statements
    }

    /// Whether `line` starts with a tag such as `:20:`, `:28C:`, `:NS:`; returns the tag and the rest.
    static func tag(of line: String) -> (tag: String, rest: String)? {
        let bytes = Array(line.utf8)
        guard let (tag, restStart) = tag(in: bytes, 0..<bytes.count) else { return nil }
        return (tag, String(decoding: bytes[restStart...], as: UTF8.self))
    }

    /// The tag at the start of `range` and where the field's text begins.
    static func tag(in bytes: [UInt8], _ range: Range<Int>) -> (tag: String, restStart: Int)? {
        let start = range.lowerBound
        let count = min(range.count, 6)
        guard count >= 4, bytes[start] == 58 else { return nil }  // ':'
        func isDigit(_ c: UInt8) -> Bool { (48...57).contains(c) }
        func isUpper(_ c: UInt8) -> Bool { (65...90).contains(c) }
        let (c1, c2, c3) = (bytes[start + 1], bytes[start + 2], bytes[start + 3])
        let length: Int
        if isDigit(c1) && isDigit(c2) {
            if c3 == 58 {
                length = 2
            } else if count >= 5, isUpper(c3), bytes[start + 4] == 58 {
                length = 3
            } else {
                return nil
            }
        } else if isUpper(c1) && isUpper(c2) && c3 == 58 {
            length = 2
        } else {
            return nil
        }
        let known = length == 2 ? knownTag(c1, c2, 0) : knownTag(c1, c2, c3)
        return (known ?? String(decoding: bytes[(start + 1)...(start + length)], as: UTF8.self), start + length + 2)
    }

    /// The common tags as constant strings: decoding two bytes into a new string for each of the 20,000 fields of
    /// a large statement cost more than reading them.
    private static func knownTag(_ c1: UInt8, _ c2: UInt8, _ c3: UInt8) -> String? {
        switch (c1, c2, c3) {
        case (0x36, 0x31, 0): "61"
        case (0x38, 0x36, 0): "86"
        case (0x32, 0x30, 0): "20"
        case (0x32, 0x35, 0): "25"
        case (0x32, 0x38, 0): "28"
        case (0x32, 0x38, 0x43): "28C"
        case (0x36, 0x30, 0x46): "60F"
        case (0x36, 0x30, 0x4D): "60M"
        case (0x36, 0x32, 0x46): "62F"
        case (0x36, 0x32, 0x4D): "62M"
        case (0x36, 0x34, 0): "64"
        case (0x36, 0x35, 0): "65"
        default: nil
        }
    }

    /// Groups the lines into messages (separated by `-` lines, or a new `:20:`) and fields.
    static func split(_ source: inout Source, file: String) throws(StatementError) -> [[Field]] {
        let bytes = source.bytes
        // About one segment per line, and MT940 lines are rarely shorter than 32 bytes: sized once rather than
        // grown (and copied) step by step to 50,000 ranges for a large file.
        source.segments.reserveCapacity(bytes.count / 32)
        var messages: [[Field]] = []
        var current: [Field] = []
        var hasEntriesOrClosing = false
        for (index, raw) in TextDecoding.LineRanges(bytes).enumerated() {
            var line = raw
            let number = index + 1
            guard line.count <= InputLimits.lineCharacters else {
                throw .tooLarge(file: file, line: number, limit: .lineLength(InputLimits.lineCharacters))
            }
            let trimmed = ByteText.trimmingWhitespace(bytes, line)
            if trimmed.isEmpty { continue }
            if bytes[trimmed.lowerBound] == 45,  // "-", "-}", "-}…" (a trailer)
                trimmed.count == 1
                    || (bytes[trimmed.lowerBound + 1] == 125 && ByteText.endsCharacter(bytes, trimmed.lowerBound + 1))
            {
                close(&messages, &current, &hasEntriesOrClosing)
                continue
            }
            if bytes[line.lowerBound] == 123, ByteText.endsCharacter(bytes, line.lowerBound) {
                // SWIFT envelope ({1:…}{2:…}{4:); the message text starts after "{4:".
                guard let body = ByteText.firstIndex(of: [123, 52, 58], in: bytes, line) else { continue }
                line = body + 3..<line.upperBound
                if ByteText.trimmingWhitespace(bytes, line).isEmpty { continue }
            }
            if let (tag, restStart) = tag(in: bytes, line) {
                if tag == "20", hasEntriesOrClosing { close(&messages, &current, &hasEntriesOrClosing) }
                source.segments.append(restStart..<line.upperBound)
                current.append(Field(tag: tag, lines: source.segments.count - 1..<source.segments.count, line: number))
                if tag == "61" || tag == "62F" || tag == "62M" { hasEntriesOrClosing = true }
            } else if !current.isEmpty {
                source.segments.append(line)
                current[current.count - 1].lines = current[current.count - 1].lines.lowerBound..<source.segments.count
            } else {
                let text = source.string(line)
                let detail = "expected an MT940 field such as :20:, found '\(text.prefix(40))'"
                throw .malformedLine(file: file, line: number, detail: detail)
            }
        }
        close(&messages, &current, &hasEntriesOrClosing)
        return messages
    }

    /// Ends the message being read. The state is passed in, not captured: a nested function capturing the loop's
    /// variables puts them in boxes with an exclusivity check on every access, for every line of the file.
    private static func close(
        _ messages: inout [[Field]], _ current: inout [Field], _ hasEntriesOrClosing: inout Bool
    ) {
        if !current.isEmpty { messages.append(current) }
        current = []
        hasEntriesOrClosing = false
    }

    static func statement(from fields: [Field], source: Source, file: String, progress: ProgressCounter)
        throws(StatementError) -> BankStatement
    {
        guard fields.contains(where: { $0.tag == "25" }) else {
            throw .missingElement(file: file, line: fields.first?.line, element: ":25: account identification")
        }
        var result = BankStatement(source: file)
        var balances: [StatementBalance] = []
        for field in fields where Self.isBalance(field.tag) {
            balances.append(try balance(field, lines: source.lines(of: field), file: file))
        }
        result.balances = balances
        result.openingBalance = balances.first { $0.type.hasPrefix("60") }
        result.closingBalance = balances.first { $0.type.hasPrefix("62") }
        let currency = result.openingBalance?.currency ?? result.closingBalance?.currency
        result.currency = currency
        var entries: [StatementEntry] = []
        entries.reserveCapacity(fields.count / 2)
        var index = 0
        while index < fields.count {
            let field = fields[index]
            switch field.tag {
            // Entries first: all but a handful of the fields that reach this switch are `:61:`.
            case "61":
                guard let currency else { throw .missingElement(file: file, line: field.line, element: ":60F: opening balance (currency)") }
                var information: Field?
                if index + 1 < fields.count, fields[index + 1].tag == "86" {
                    information = fields[index + 1]
                    index += 1
                }
                entries.append(
                    try entry(field, information: information, source: source, currency: currency, file: file))
                try progress.increment(file: file, line: field.line)
            case "20": result.statementId = TextNormal.nonEmpty(source.lines(of: field).joined(separator: " "))
            case "25":
                let account = TextNormal.collapse(source.lines(of: field).joined())
                    .replacingOccurrences(of: " ", with: "")
                result.accountId = account.isEmpty ? nil : account
                result.accountIBAN = Self.iban(in: account)
            case "28C", "28": result.sequenceNumber = TextNormal.nonEmpty(source.lines(of: field).joined())
            default: break
            }
            index += 1
        }
        entries.assignIdentities()
        result.entries = entries
        return result
    }

    /// Whether `tag` holds a balance. A `switch`, not a `Set`: hashing every field's tag cost more than comparing.
    static func isBalance(_ tag: String) -> Bool {
        guard tag.utf8.first == 0x36 else { return false }  // "6"
        switch tag {
        case "60F", "60M", "62F", "62M", "64", "65": return true
        default: return false
        }
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
    static func balance(_ field: Field, lines: [String], file: String) throws(StatementError) -> StatementBalance {
        let text = lines.joined().trimmingCharacters(in: .whitespaces)
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
    static func entry(_ field: Field, information: Field?, source: Source, currency: String, file: String)
        throws(StatementError) -> StatementEntry
    {
        let bytes = source.bytes
        let segments = source.segments[field.lines]
        let first = ByteText.trimmingWhitespace(bytes, segments.first!)
        let booking: Booking
        if bytes[first].allSatisfy({ $0 < 0x80 }) {
            booking = try Booking(ascii: bytes, first, line: field.line, file: file)
        } else {
            booking = try Booking(characters: source.string(first), line: field.line, file: file)
        }
        func clean(_ reference: String?) -> String? {
            guard let value = TextNormal.nonEmpty(reference), !TextNormal.uppercasedEquals(value, "NONREF") else {
                return nil
            }
            return value
        }
        let supplementary = segments.count > 1
            ? TextNormal.nonEmpty(segments.dropFirst().map(source.string).joined(separator: " ")) : nil
        let details =
            information.map { Details(source: source, lines: source.segments[$0.lines]) } ?? Details(lines: [])
        var code = booking.type
        if let gvc = details.transactionCode { code += " " + gvc }
        var remittance = details.purpose
        if remittance.isEmpty, let supplementary { remittance = supplementary }
        let tags = SEPATags(remittance)
        return StatementEntry(
            bookingDate: booking.booking, valueDate: booking.value, amount: Money(cents: booking.cents),
            direction: booking.direction, currency: currency, status: .booked, isReversal: booking.reversal,
            counterpartyName: details.name, counterpartyIBAN: details.iban, counterpartyBIC: details.bankCode,
            remittanceText: remittance, endToEndId: tags.endToEndId, mandateId: tags.mandateId,
            creditorId: tags.creditorId, bankReference: clean(booking.bankReference), transactionCode: code,
            bookingText: details.bookingText, line: field.line)
    }

    /// The day with `month`/`day` closest to `date` (the year before, of, or after it): an entry date of
    /// 31 Dec with value date 2 Jan belongs to the previous year.
    static func closestDay(month: Int, day: Int, near date: Day) -> Day? {
        // A loop rather than an array of candidates: it runs for every `:61:` with an entry date. The first of
        // equally close days wins, as `min` chose it.
        var closest: Day?
        let year = date.year
        for candidate in year - 1...year + 1 {
            guard let day = Day(year: candidate, month: month, day: day) else { continue }
            if let best = closest, abs(best.days(until: date)) <= abs(day.days(until: date)) { continue }
            closest = day
        }
        return closest
    }
}
