import KontorCore

/// Prints account identifiers from an invoice: IBANs in groups of four, and a warning when an
/// IBAN's check digits are wrong (a typo or a manipulated invoice — worth a phone call).
enum IBANText {
    /// Two letters and two digits, as every IBAN starts.
    static func looksLikeIBAN(_ text: String) -> Bool {
        let compact = text.filter { !$0.isWhitespace }
        return compact.count >= 15 && compact.prefix(2).allSatisfy { $0.isASCII && $0.isLetter }
            && compact.dropFirst(2).prefix(2).allSatisfy { $0.isASCII && $0.isNumber }
    }

    static func format(_ text: String, language: Language) -> String {
        guard looksLikeIBAN(text) else { return text }
        if let iban = try? IBAN(text) { return iban.description }
        var groups: [String] = []
        var rest = Substring(text.uppercased().filter { !$0.isWhitespace })
        while !rest.isEmpty {
            groups.append(String(rest.prefix(4)))
            rest = rest.dropFirst(4)
        }
        let warning = language == .de ? "(Achtung: IBAN-Prüfziffer stimmt nicht!)" : "(warning: IBAN check digits are wrong!)"
        return groups.joined(separator: " ") + " " + warning
    }
}
