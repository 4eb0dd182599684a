import KontorCore

extension MT940Parser {
    /// The content of a `:86:` field.
    struct Details {
        var transactionCode: String?
        var bookingText: String?
        var purpose: String = ""
        var bankCode: String?
        var iban: String?
        var name: String?

        /// Reads the field's bytes; a structured field with an ASCII separator is split on bytes, anything else
        /// (unstructured text, a separator that characters and bytes could read differently) by characters.
        init(source: Source, lines: ArraySlice<Range<Int>>) {
            guard !lines.isEmpty else {
                self.init(lines: [])
                return
            }
            var joined: [UInt8] = []
            joined.reserveCapacity(lines.reduce(0) { $0 + $1.count })
            for line in lines { joined += source.bytes[line] }
            if let subfields = Subfields(joined) {
                self.init(subfields)
            } else {
                self.init(lines: lines.map(source.string))
            }
        }

        private init(_ subfields: Subfields) {
            transactionCode = subfields.transactionCode
            bookingText = TextNormal.nonEmpty(subfields[0])
            purpose = TextNormal.collapse(subfields.joined(Details.purposeCodes))
            bankCode = TextNormal.nonEmpty(subfields[30])
            let accounts = [subfields[38], subfields[31]].compactMap { $0.map(TextNormal.compactAccount) }
            iban = accounts.first { TextNormal.looksLikeIBAN($0) }
            name = TextNormal.nonEmpty(subfields.joined([32, 33]))
        }

        static let purposeCodes = Array(20...29) + Array(60...63)
    }

    /// The `?nn` subfields of a structured `:86:` as byte ranges of its text.
    struct Subfields {
        let bytes: [UInt8]
        let transactionCode: String
        /// Every piece in text order: its code and bytes. A piece without a code (a literal separator in the text)
        /// belongs to the code before it and starts with the separator.
        private(set) var pieces: [(code: Int, range: Range<Int>)] = []
        /// Bit `n` set when code `n` has a piece (codes 0…63, then 64…99).
        private var present: (low: UInt64, high: UInt64) = (0, 0)

        /// Nil when the text is not structured (no `nnn` plus separator at its start) or when bytes and characters
        /// could disagree: a non-ASCII separator, a combining mark after a separator or after a code's digits, or
        /// a Prepend character before a separator.
        init?(_ bytes: [UInt8]) {
            self.bytes = bytes
            var start = 0
            while start < bytes.count, bytes[start] == 0x20 { start += 1 }
            guard bytes.count - start >= 4 else { return nil }
            func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
            guard isDigit(bytes[start]), isDigit(bytes[start + 1]), isDigit(bytes[start + 2]) else { return nil }
            let separator = bytes[start + 3]
            let isLetter = (separator | 0x20) >= 97 && (separator | 0x20) <= 122
            guard separator < 0x80, !isLetter, !isDigit(separator), separator != 0x20 else { return nil }
            transactionCode = String(decoding: bytes[start..<start + 3], as: UTF8.self)
            var lastCode: Int?
            var separatorAt = start + 3  // the head's separator
            while true {
                guard ByteText.endsCharacter(bytes, separatorAt),
                    !ByteText.prependsNext(bytes, before: separatorAt, from: start)
                else { return nil }
                let pieceStart = separatorAt + 1
                var pieceEnd = pieceStart
                while pieceEnd < bytes.count, bytes[pieceEnd] != separator { pieceEnd += 1 }
                if pieceEnd - pieceStart >= 2, isDigit(bytes[pieceStart]), isDigit(bytes[pieceStart + 1]) {
                    guard ByteText.endsCharacter(bytes, pieceStart + 1) else { return nil }
                    let code = Int(bytes[pieceStart] - 48) * 10 + Int(bytes[pieceStart + 1] - 48)
                    pieces.append((code, pieceStart + 2..<pieceEnd))
                    if code < 64 { present.low |= 1 << UInt64(code) } else { present.high |= 1 << UInt64(code - 64) }
                    lastCode = code
                } else if let last = lastCode {
                    pieces.append((last, separatorAt..<pieceEnd))  // a literal separator in the text
                }
                guard pieceEnd < bytes.count else { break }
                separatorAt = pieceEnd
            }
        }

        /// The text of subfield `code` (its pieces joined), or nil when the field has none.
        subscript(code: Int) -> String? {
            guard has(code) else { return nil }
            return joined([code])
        }

        /// The subfields `codes` joined in that order.
        func joined(_ codes: [Int]) -> String {
            // Most subfields are one piece: decoded straight from the field's bytes.
            var only: Range<Int>?
            var count = 0
            for code in codes where has(code) {
                for piece in pieces where piece.code == code {
                    only = piece.range
                    count += 1
                }
            }
            if count == 1, let only { return String(decoding: bytes[only], as: UTF8.self) }
            var text: [UInt8] = []
            for code in codes where has(code) {
                for piece in pieces where piece.code == code { text += bytes[piece.range] }
            }
            return String(decoding: text, as: UTF8.self)
        }

        /// Whether code `code` has a piece.
        private func has(_ code: Int) -> Bool {
            code < 64 ? present.low & (1 << UInt64(code)) != 0 : present.high & (1 << UInt64(code - 64)) != 0
        }
    }
}

extension MT940Parser.Details {
    /// Reads the field by characters.
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
        var lastCode: Int?
        for piece in text.dropFirst(4).split(separator: separator, omittingEmptySubsequences: false) {
            let code = piece.prefix(2)
            if code.count == 2, code.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(code) {
                subfields[number, default: ""] += piece.dropFirst(2)
                lastCode = number
            } else if let last = lastCode {
                subfields[last, default: ""] += String(separator) + piece  // a literal "?" in the text
            }
        }
        bookingText = TextNormal.nonEmpty(subfields[0])
        purpose = TextNormal.collapse(Self.purposeCodes.compactMap { subfields[$0] }.joined())
        bankCode = TextNormal.nonEmpty(subfields[30])
        let accounts = [subfields[38], subfields[31]].compactMap { $0?.uppercased().filter { $0 != " " } }
        iban = accounts.first { TextNormal.looksLikeIBAN($0) }
        name = TextNormal.nonEmpty([subfields[32], subfields[33]].compactMap { $0 }.joined())
    }
}
