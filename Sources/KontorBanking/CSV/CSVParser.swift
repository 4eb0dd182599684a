import Foundation
import KontorCore

enum CSVParser {
    struct Layout {
        var delimiter: Character
        var headerIndex: Int
        var columns: [CSVColumnMapping.Field: Int]
        var preset: CSVPreset?
    }

    static let delimiters: [Character] = [";", ",", "\t"]
    static let sniffRecords = 60

    static func parse(text: String, file: String, options: CSVOptions, progress: ProgressCounter) throws(StatementError)
        -> (statement: BankStatement, warnings: [ParseWarning], preset: CSVPreset?)
    {
        let layout = try detectLayout(text, file: file, options: options)
        let records = try CSVTokenizer.records(text, delimiter: layout.delimiter, file: file)
        let header = records[layout.headerIndex]
        let columns = layout.columns
        let rows = records[(layout.headerIndex + 1)...].filter { !$0.isBlank }
        let chosen = options.decimal == .auto ? nil : options.decimal
        let decimal = chosen ?? layout.preset?.decimal ?? {
            guard let amountColumn = columns[.amount] ?? columns[.debit] ?? columns[.credit] else { return .comma }
            return AmountParser.detect(rows.compactMap { $0.fields.indices.contains(amountColumn) ? $0.fields[amountColumn] : nil })
        }()
        let currencyDefault = layout.preset?.defaultCurrency ?? options.defaultCurrency

        var warnings: [ParseWarning] = []
        var entries: [StatementEntry] = []
        var account: String?
        // A file repeats a handful of status texts ("Umsatz gebucht"); normalising each row's text cost more
        // than the row.
        var statuses: [String: EntryStatus] = [:]
        let slots = ColumnSlots(columns)
        entries.reserveCapacity(rows.count)
        for row in rows {
            var trailing = row.fields
            while trailing.count > header.fields.count,
                trailing.last?.trimmingCharacters(in: .whitespaces).isEmpty == true
            {
                trailing.removeLast()
            }
            // A constant for the nested `value` below: capturing a variable would box it, with an exclusivity check
            // on each of the dozen reads per row.
            let fields = trailing
            guard fields.count == header.fields.count else {
                let warning = ParseWarning(
                    kind: .skippedRow, file: file, line: row.line, fields: fields.count, headerLine: header.line,
                    headerFields: header.fields.count)
                if options.rejectMalformedRows {
                    let detail = "\(fields.count) fields where the header on line \(header.line) has \(header.fields.count)"
                    throw .malformedLine(file: file, line: row.line, detail: detail)
                }
                warnings.append(warning)
                continue
            }
            func value(_ field: CSVColumnMapping.Field) -> String? {
                guard let index = slots[field] else { return nil }
                return TextNormal.nonEmpty(fields[index])
            }
            func columnName(_ field: CSVColumnMapping.Field) -> String {
                slots[field].map { header.fields[$0] } ?? field.rawValue
            }
            guard let dateText = value(.date), let date = DateParser.day(dateText) else {
                throw .invalidDate(file: file, line: row.line, field: columnName(.date), text: value(.date) ?? "")
            }
            var valueDate: Day?
            if let text = value(.valueDate) {
                guard let day = DateParser.day(text) else {
                    throw .invalidDate(file: file, line: row.line, field: columnName(.valueDate), text: text)
                }
                valueDate = day
            }
            var cents: Int64 = 0
            if slots[.amount] != nil {
                let text = value(.amount) ?? ""
                guard let parsed = AmountParser.cents(text, decimal: decimal) else {
                    throw .invalidAmount(file: file, line: row.line, field: columnName(.amount), text: text)
                }
                cents = parsed
            } else {
                for field in [CSVColumnMapping.Field.credit, .debit] {
                    guard let text = value(field) else { continue }
                    guard let parsed = AmountParser.cents(text, decimal: decimal) else {
                        throw .invalidAmount(file: file, line: row.line, field: columnName(field), text: text)
                    }
                    if parsed != 0 { cents = field == .credit ? abs(parsed) : -abs(parsed) }
                }
            }
            let direction: EntryDirection = cents > 0 ? .credit : .debit
            // Without lower-case letters or non-ASCII ("EUR") `uppercased()` would return the same text, new.
            var currency = value(.currency).map { $0.utf8.contains { $0 >= 0x61 } ? $0.uppercased() : $0 }
                ?? currencyDefault
            if currency == "€" { currency = "EUR" }
            let status = value(.status).map { text -> EntryStatus in
                if let known = statuses[text] { return known }
                let key = CSVHeader.normalize(text)
                let pending = key.contains("vorgemerkt") || key.contains("pending") || key.contains("nichtgebucht")
                let status: EntryStatus = pending ? .pending : .booked
                statuses[text] = status
                return status
            } ?? .booked
            let name = value(.name) ?? (direction == .credit ? value(.payer) ?? value(.payee) : value(.payee) ?? value(.payer))
            let text = value(.text) ?? ""
            let tags = SEPATags(text)
            let iban = value(.iban).map(TextNormal.compactAccount).flatMap { TextNormal.looksLikeIBAN($0) ? $0 : nil }
            if account == nil { account = value(.account) }
            entries.append(
                StatementEntry(
                    bookingDate: date, valueDate: valueDate, amount: Money(cents: abs(cents)), direction: direction,
                    currency: currency, status: status, counterpartyName: name, counterpartyIBAN: iban,
                    counterpartyBIC: value(.bic), remittanceText: text, endToEndId: value(.reference) ?? tags.endToEndId,
                    mandateId: value(.mandate) ?? tags.mandateId, creditorId: value(.creditorId) ?? tags.creditorId,
                    bookingText: value(.bookingText), line: row.line))
            try progress.increment(file: file, line: row.line)
        }
        entries.assignIdentities()
        // The account: the account column, else an IBAN in the preamble ("IBAN;DE…", "Girokonto";"DE…").
        if account == nil {
            account = records[..<layout.headerIndex].lazy.flatMap(\.fields).map { $0.filter { $0 != " " } }
                .first { TextNormal.looksLikeIBAN($0) }
        }
        let compact = account?.uppercased().filter { $0 != " " }
        let statement = BankStatement(
            accountIBAN: compact.flatMap { TextNormal.looksLikeIBAN($0) ? $0 : nil }, accountId: account,
            currency: entries.first?.currency, entries: entries, source: file)
        return (statement, warnings, layout.preset)
    }

    /// Finds delimiter, header line and columns.
    static func detectLayout(_ text: String, file: String, options: CSVOptions) throws(StatementError) -> Layout {
        let candidates = options.delimiter.map { [$0] } ?? delimiters
        var samples: [(Character, [CSVRecord])] = []
        for delimiter in candidates {
            let records: [CSVRecord]
            do {
                records = try CSVTokenizer.records(
                    text, delimiter: delimiter, file: file, maxRecords: sniffRecords, lenient: true)
            } catch {
                // A record over the limits is refused as it is; it would only make every preset's guess slow.
                if case .tooLarge = error { throw error }
                records = []
            }
            samples.append((delimiter, records))
        }
        if let mapping = options.mapping {
            for (delimiter, records) in samples {
                if let (index, columns) = findHeader(records, mapping: mapping, signature: [], requireAll: true) {
                    return Layout(delimiter: delimiter, headerIndex: index, columns: columns, preset: nil)
                }
            }
            throw missingColumn(samples, mapping: mapping, file: file)
        }
        let presets = options.preset.map { [$0] } ?? CSVPreset.all
        for preset in presets {
            for (delimiter, records) in samples {
                if let (index, columns) = findHeader(
                    records, mapping: preset.mapping, signature: preset.signature, requireAll: false)
                {
                    return Layout(delimiter: delimiter, headerIndex: index, columns: columns, preset: preset)
                }
            }
        }
        if let preset = options.preset { throw missingColumn(samples, mapping: preset.mapping, file: file) }
        throw .unknownFormat(file: file, problem: .noCSVHeader)
    }

    private static func findHeader(
        _ records: [CSVRecord], mapping: CSVColumnMapping, signature: [String], requireAll: Bool
    ) -> (Int, [CSVColumnMapping.Field: Int])?
    {
        let wanted = signature.map(CSVHeader.normalize)
        for (index, record) in records.enumerated() where record.fields.count >= 2 {
            let normalized = Set(record.fields.map(CSVHeader.normalize))
            guard wanted.allSatisfy(normalized.contains) else { continue }
            let columns = CSVHeader.resolve(mapping, header: record.fields)
            let needed = requireAll ? Array(mapping.columns.keys) : mapping.requiredFields
            if needed.allSatisfy({ columns[$0] != nil }) { return (index, columns) }
        }
        return nil
    }

    /// The error for a header that lacks a mapped column: the line that matched most columns, and the first missing one.
    private static func missingColumn(_ samples: [(Character, [CSVRecord])], mapping: CSVColumnMapping, file: String)
        -> StatementError
    {
        var best: (line: Int, matched: Int, missing: String)?
        for (_, records) in samples {
            for record in records where record.fields.count >= 2 {
                let columns = CSVHeader.resolve(mapping, header: record.fields)
                let matched = columns.count
                guard matched > 0, matched > (best?.matched ?? 0) else { continue }
                let missingField = mapping.requiredFields.first { columns[$0] == nil }
                    ?? CSVColumnMapping.Field.allCases.first { mapping.columns[$0] != nil && columns[$0] == nil }
                guard let missingField else { continue }
                best = (record.line, matched, mapping.columns[missingField]?.joined(separator: "|") ?? missingField.rawValue)
            }
        }
        if let best { return .missingColumn(file: file, column: best.missing, headerLine: best.line) }
        let first = mapping.requiredFields.first.flatMap { mapping.columns[$0]?.first } ?? "date"
        return .missingColumn(file: file, column: first, headerLine: nil)
    }
}

/// The column of each field, found without hashing: a `Field` hashes its raw-value string, and a row asks for a
/// dozen fields.
struct ColumnSlots {
    private let columns: [Int?]

    init(_ columns: [CSVColumnMapping.Field: Int]) {
        self.columns = CSVColumnMapping.Field.allCases.map { columns[$0] }
    }

    subscript(field: CSVColumnMapping.Field) -> Int? { columns[Self.slot(field)] }

    /// The field's position in `allCases`.
    static func slot(_ field: CSVColumnMapping.Field) -> Int {
        switch field {
        case .date: 0
        case .valueDate: 1
        case .amount: 2
        case .debit: 3
        case .credit: 4
        case .currency: 5
        case .name: 6
        case .payer: 7
        case .payee: 8
        case .iban: 9
        case .bic: 10
        case .text: 11
        case .reference: 12
        case .mandate: 13
        case .creditorId: 14
        case .bookingText: 15
        case .status: 16
        case .account: 17
        }
    }
}
