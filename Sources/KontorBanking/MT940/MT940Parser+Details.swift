extension MT940Parser {
    /// The content of a `:86:` field.
    struct Details {
        var transactionCode: String?
        var bookingText: String?
        var purpose: String = ""
        var bankCode: String?
        var iban: String?
        var name: String?

        init(lines: [String]) {
            guard !lines.isEmpty else { return }
            // Structured when it starts with a 3-digit Geschäftsvorfallcode and a separator (usually "?").
            let joined = lines.joined()
            let trimmed = joined.drop { $0 == " " }
            let head = Array(trimmed.prefix(4))
            if head.count == 4, head[0...2].allSatisfy({ $0.isASCII && $0.isNumber }), !head[3].isLetter, !head[3].isNumber,
                head[3] != " "
            {
                parseStructured(String(trimmed), separator: head[3])
            } else {
                // Unstructured: lines of 65 characters were wrapped inside words; shorter ones end a line.
                var text = ""
                for line in lines {
                    text += line
                    if line.count < 65 { text += " " }
                }
                purpose = TextNormal.collapse(text)
            }
        }

        private mutating func parseStructured(_ text: String, separator: Character) {
            transactionCode = String(text.prefix(3))
            var subfields: [Int: String] = [:]
            var order: [Int] = []
            var lastCode: Int?
            for piece in text.dropFirst(4).split(separator: separator, omittingEmptySubsequences: false) {
                let code = piece.prefix(2)
                if code.count == 2, code.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(code) {
                    if subfields[number] == nil { order.append(number) }
                    subfields[number, default: ""] += piece.dropFirst(2)
                    lastCode = number
                } else if let last = lastCode {
                    subfields[last, default: ""] += String(separator) + piece  // a literal "?" in the text
                }
            }
            bookingText = TextNormal.nonEmpty(subfields[0])
            let purposeCodes = Array(20...29) + Array(60...63)
            purpose = TextNormal.collapse(purposeCodes.compactMap { subfields[$0] }.joined())
            bankCode = TextNormal.nonEmpty(subfields[30])
            let accounts = [subfields[38], subfields[31]].compactMap { $0?.uppercased().filter { $0 != " " } }
            iban = accounts.first { TextNormal.looksLikeIBAN($0) }
            name = TextNormal.nonEmpty([subfields[32], subfields[33]].compactMap { $0 }.joined())
        }
    }
}
