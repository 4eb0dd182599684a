import Foundation
public import KontorCore

/// Which CSV column holds which value. Each field lists one or more header names (the first that exists is used);
/// names are compared without case, umlauts spelled out, ignoring spaces and punctuation
/// (`Betrag (€)` matches `Betrag`, `Währung` matches `Waehrung`). `#3` means the third column.
public struct CSVColumnMapping: Sendable, Hashable, Codable {
    /// The values a column can hold.
    public enum Field: String, Sendable, Hashable, Codable, CaseIterable {
        /// Booking date (required).
        case date
        /// Value date.
        case valueDate
        /// Signed amount (required unless `debit`/`credit` are mapped).
        case amount
        /// Amount of money out, for layouts with separate Soll/Haben columns.
        case debit
        /// Amount of money in, for layouts with separate Soll/Haben columns.
        case credit
        /// Currency code.
        case currency
        /// Counterparty name.
        case name
        /// Payer name, used for credits when `name` is not mapped (DKB).
        case payer
        /// Payee name, used for debits when `name` is not mapped (DKB).
        case payee
        /// Counterparty IBAN.
        case iban
        /// Counterparty BIC.
        case bic
        /// Remittance text (Verwendungszweck).
        case text
        /// End-to-end reference (Kundenreferenz).
        case reference
        /// Mandate reference.
        case mandate
        /// Creditor id (Gläubiger-ID).
        case creditorId
        /// The bank's booking text (Buchungstext, Umsatzart).
        case bookingText
        /// Booked/pending marker (Sparkasse "Info", DKB "Status").
        case status
        /// The statement's own account (Auftragskonto).
        case account
    }

    /// Header names per field.
    public var columns: [Field: [String]]

    public init(_ columns: [Field: [String]] = [:]) {
        self.columns = columns
    }

    /// Parses `date=Buchungstag,amount=Betrag,name=Name|Empfänger,text=Verwendungszweck`
    /// (alternatives separated by `|`).
    /// - Throws: `InputError.invalid` naming an unknown field or a pair without `=`.
    public init(parsing spec: String) throws(InputError) {
        var columns: [Field: [String]] = [:]
        for pair in spec.split(separator: ",") where !pair.trimmingCharacters(in: .whitespaces).isEmpty {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[1].isEmpty else {
                throw .invalid(what: .columnMapping, rule: .columnPair(text: String(pair)))
            }
            guard let field = Self.field(named: parts[0]) else {
                let known = Field.allCases.map(\.rawValue)
                throw .invalid(what: .columnMapping, rule: .unknownColumnField(name: parts[0], known: known))
            }
            columns[field] = parts[1].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        guard columns[.date] != nil, columns[.amount] != nil || columns[.debit] != nil || columns[.credit] != nil else {
            throw .invalid(what: .columnMapping, rule: .columnsNeedDateAndAmount)
        }
        self.columns = columns
    }

    private static func field(named name: String) -> Field? {
        let key = CSVHeader.normalize(name)
        if let field = Field.allCases.first(where: { CSVHeader.normalize($0.rawValue) == key }) { return field }
        switch key {
        case "valuta", "value": return .valueDate
        case "purpose", "verwendungszweck", "remittance": return .text
        case "endtoend", "endtoendid", "eref": return .reference
        case "counterparty": return .name
        case "creditor", "glaeubigerid": return .creditorId
        case "mandateid", "mref": return .mandate
        case "type": return .bookingText
        default: return nil
        }
    }

    /// The fields that must resolve to a column.
    var requiredFields: [Field] {
        if columns[.amount] != nil { return [.date, .amount] }
        return [.date] + [Field.debit, .credit].filter { columns[$0] != nil }
    }
}

/// Header matching.
enum CSVHeader {
    /// Lower case, umlauts spelled out (`ä` → `ae`), only letters and digits kept.
    static func normalize(_ name: String) -> String {
        var result = ""
        for character in name.lowercased() {
            switch character {
            case "ä": result += "ae"
            case "ö": result += "oe"
            case "ü": result += "ue"
            case "ß": result += "ss"
            default:
                if character.isASCII && (character.isLetter || character.isNumber) { result.append(character) }
            }
        }
        return result
    }

    /// Column indexes of each mapped field in `header` (fields without a matching column are left out).
    static func resolve(_ mapping: CSVColumnMapping, header: [String]) -> [CSVColumnMapping.Field: Int] {
        let normalized = header.map(normalize)
        var result: [CSVColumnMapping.Field: Int] = [:]
        for (field, names) in mapping.columns {
            for name in names {
                if name.hasPrefix("#"), let number = Int(name.dropFirst()), number >= 1, number <= header.count {
                    result[field] = number - 1
                    break
                }
                if let index = normalized.firstIndex(of: normalize(name)) {
                    result[field] = index
                    break
                }
            }
        }
        return result
    }
}
