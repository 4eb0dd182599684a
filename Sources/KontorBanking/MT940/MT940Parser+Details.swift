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
            purpose = TextNormal.collapse(subfields.joined(Details.purposeCodeSet))
            bankCode = TextNormal.nonEmpty(subfields[30])
            // ?38 (IBAN) before ?31 (account number); no array of the two: this runs for every entry.
            if let account = subfields[38].map(TextNormal.compactAccount), TextNormal.looksLikeIBAN(account) {
                iban = account
            } else if let account = subfields[31].map(TextNormal.compactAccount), TextNormal.looksLikeIBAN(account) {
                iban = account
            }
            name = TextNormal.nonEmpty(subfields.joined(Codes(32, 33)))
        }

        static let purposeCodes = Array(20...29) + Array(60...63)
        static let purposeCodeSet = Codes(purposeCodes)
    }

    /// A set of subfield codes 0…99 as two bit masks, read in ascending order: what an entry asks `Subfields` for
    /// without an array per question.
    struct Codes {
        var low: UInt64 = 0
        var high: UInt64 = 0

        init() {}

        // One and two codes spelled out: a variadic parameter would be an array again.
        init(_ code: Int) { insert(code) }

        init(_ first: Int, _ second: Int) {
            insert(first)
            insert(second)
        }

        init(_ codes: [Int]) {
            for code in codes { insert(code) }
        }

        mutating func insert(_ code: Int) {
            if code < 64 { low |= 1 << UInt64(code) } else { high |= 1 << UInt64(code - 64) }
        }

        func contains(_ code: Int) -> Bool {
            code < 64 ? low & (1 << UInt64(code)) != 0 : high & (1 << UInt64(code - 64)) != 0
        }

        var isEmpty: Bool { low == 0 && high == 0 }

        /// The codes in both sets.
        func intersection(_ other: Codes) -> Codes {
            var result = Codes()
            result.low = low & other.low
            result.high = high & other.high
            return result
        }

        /// Calls `body` with each code, lowest first.
        func forEach(_ body: (Int) -> Void) {
            var bits = low
            while bits != 0 {
                body(bits.trailingZeroBitCount)
                bits &= bits - 1
            }
            bits = high
            while bits != 0 {
                body(64 + bits.trailingZeroBitCount)
                bits &= bits - 1
            }
        }
    }

    /// The `?nn` subfields of a structured `:86:` as byte ranges of its text.
    struct Subfields {
        let bytes: [UInt8]
        let transactionCode: String
        /// Every piece in text order: its code and bytes. A piece without a code (a literal separator in the text)
        /// belongs to the code before it and starts with the separator.
        private(set) var pieces: [(code: Int, range: Range<Int>)] = []
        /// The codes that have a piece.
        private var present = Codes()

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
            pieces.reserveCapacity(16)  // a German :86: has about ten; growing the array one by one cost more
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
                    present.insert(code)
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
            guard present.contains(code) else { return nil }
            return joined(Codes(code))
        }

        /// The subfields `codes` joined, lowest code first.
        func joined(_ codes: Codes) -> String {
            let wanted = codes.intersection(present)
            guard !wanted.isEmpty else { return "" }
            // Most subfields are one piece: decoded straight from the field's bytes. Otherwise the pieces are
            // copied once into the string's own storage (no array in between).
            var only: Range<Int>?
            var count = 0
            var length = 0
            wanted.forEach { code in
                for piece in pieces where piece.code == code {
                    only = piece.range
                    count += 1
                    length += piece.range.count
                }
            }
            if count == 1, let only { return String(decoding: bytes[only], as: UTF8.self) }
            return String(unsafeUninitializedCapacity: length) { text in
                var position = 0
                bytes.withUnsafeBufferPointer { bytes in
                    wanted.forEach { code in
                        for piece in pieces where piece.code == code {
                            let count = piece.range.count
                            (text.baseAddress! + position).initialize(
                                from: bytes.baseAddress! + piece.range.lowerBound, count: count)
                            position += count
                        }
                    }
                }
                return position
            }
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
