/// The structure of invoice numbers, read from the number pattern (`{YYYY}-{NNNN}`, `RE-{YY}{MM}-{NNN}` …).
///
/// The matcher compares numbers by their digits (`2026-0001` → `20260001`); the shape is needed to read a
/// number typed without the counter's leading zeros (`2026-1`) and to know which literal words (`RE`) belong
/// to the number. Unknown tokens are treated as literal text, so any stored pattern works.
struct InvoiceNumberShape: Sendable {
    enum Segment: Sendable, Equatable {
        case year4, year2, month
        case counter(width: Int)
        case literal([UInt8])
    }

    let segments: [Segment]
    /// Letter words in the pattern's literal text (`RE` in `RE-{YYYY}-{NNNN}`); they count as keywords.
    let literalWords: Set<[UInt8]>
    /// Whether numbers can be read without the counter's zeros: the counter is the last numeric segment,
    /// comes after at least four other digits (a year), and the literal text holds no digits.
    let allowsUnpadded: Bool
    /// The counter's width (number of `N`s).
    let counterWidth: Int
    /// Whether the first digits of a number are the counter (then a leading `0…` group is no phone area code).
    let startsWithCounter: Bool

    init(pattern: String) {
        var segments: [Segment] = []
        var rest = Substring(pattern)
        var literal: [UInt8] = []
        func flushLiteral() {
            if !literal.isEmpty { segments.append(.literal(literal)) }
            literal = []
        }
        while !rest.isEmpty {
            if rest.first == "{", let close = rest.firstIndex(of: "}") {
                let token = rest[rest.index(after: rest.startIndex)..<close]
                var segment: Segment?
                switch token {
                case "YYYY": segment = .year4
                case "YY": segment = .year2
                case "MM": segment = .month
                default:
                    if !token.isEmpty, token.allSatisfy({ $0 == "N" }) { segment = .counter(width: token.count) }
                }
                if let segment {
                    flushLiteral()
                    segments.append(segment)
                    rest = rest[rest.index(after: close)...]
                    continue
                }
            }
            literal.append(contentsOf: MatchText.fold(String(rest.first!)))
            rest = rest.dropFirst()
        }
        flushLiteral()
        self.segments = segments

        var words: Set<[UInt8]> = []
        var hasDigitLiteral = false
        for case .literal(let bytes) in segments {
            var word: [UInt8] = []
            for byte in bytes + [0x20] {
                if MatchText.isLetter(byte) {
                    word.append(byte)
                } else {
                    if !word.isEmpty { words.insert(word) }
                    word = []
                }
                if MatchText.isDigit(byte) { hasDigitLiteral = true }
            }
        }
        literalWords = words
        let numeric = segments.filter { if case .literal = $0 { false } else { true } }
        var width = 0
        var fixedDigits = 0
        for segment in numeric {
            switch segment {
            case .year4: fixedDigits += 4
            case .year2, .month: fixedDigits += 2
            case .counter(let w): width = w
            case .literal: break
            }
        }
        counterWidth = width
        if case .counter = numeric.last { allowsUnpadded = !hasDigitLiteral && fixedDigits >= 4 } else {
            allowsUnpadded = false
        }
        if case .counter = numeric.first { startsWithCounter = true } else { startsWithCounter = false }
    }

    /// Number of segments that hold digits.
    var numericSegmentCount: Int {
        segments.reduce(0) { count, segment in if case .literal = segment { count } else { count + 1 } }
    }

    /// A number read as its parts: the digits of year and month, and the counter's value.
    struct Components: Hashable, Sendable {
        var fixed: [UInt8]
        var counter: Int
    }

    /// Reads an invoice number as printed (`2026-0001`) into its parts, or nil when it does not follow the pattern.
    func components(ofNumber number: String) -> Components? {
        guard allowsUnpadded else { return nil }
        let bytes = MatchText.fold(number)
        let digitsOnly = bytes.filter(MatchText.isDigit)
        // Fixed segments are read from the digit string; the counter is what follows them.
        var fixed: [UInt8] = []
        var position = 0
        for segment in segments {
            switch segment {
            case .year4, .year2, .month:
                let width = segment == .year4 ? 4 : 2
                guard position + width <= digitsOnly.count else { return nil }
                fixed.append(contentsOf: digitsOnly[position..<position + width])
                position += width
            case .counter:
                guard position < digitsOnly.count, digitsOnly.count - position <= 9 else { return nil }
                var value = 0
                for byte in digitsOnly[position...] { value = value * 10 + Int(byte - 0x30) }
                return Components(fixed: fixed, counter: value)
            case .literal: continue
            }
        }
        return nil
    }

    /// Where digit groups may end when the number is typed in groups (see `InvoiceIndex.groupBoundaries`).
    func boundaries(ofNumber number: String) -> UInt32 {
        let bytes = MatchText.fold(number)
        var mask: UInt32 = 0
        var digits = 0
        for byte in bytes {
            if MatchText.isDigit(byte) {
                digits += 1
            } else if digits > 0, digits < 32 {
                mask |= 1 << UInt32(digits)
            }
        }
        let total = digits
        digits = 0
        for segment in segments {
            switch segment {
            case .year4: digits += 4
            case .year2, .month: digits += 2
            case .counter: digits = total
            case .literal(let bytes): digits += bytes.filter(MatchText.isDigit).count
            }
            if digits > 0, digits < min(total, 32) { mask |= 1 << UInt32(digits) }
        }
        return mask
    }

    /// Reads digit groups as typed (`["2026", "1"]` from `2026-1`) into parts: fixed segments take their width
    /// from the groups, the counter must be a whole group of its own. Nil when the groups do not fit.
    func components(groups: ArraySlice<ArraySlice<UInt8>>) -> Components? {
        guard allowsUnpadded, !groups.isEmpty else { return nil }
        var groupIndex = groups.startIndex
        var offset = 0
        var fixed: [UInt8] = []
        for segment in segments {
            switch segment {
            case .year4, .year2, .month:
                let width = segment == .year4 ? 4 : 2
                if offset == groups[groupIndex].count {
                    groupIndex += 1
                    offset = 0
                    guard groupIndex < groups.endIndex else { return nil }
                }
                let group = groups[groupIndex]
                guard offset + width <= group.count else { return nil }
                let start = group.startIndex + offset
                fixed.append(contentsOf: group[start..<start + width])
                offset += width
            case .counter:
                guard offset == groups[groupIndex].count else { return nil }  // the counter is a group of its own
                groupIndex += 1
                guard groupIndex == groups.endIndex - 1 else { return nil }
                let group = groups[groupIndex]
                guard !group.isEmpty, group.count <= 9 else { return nil }
                var value = 0
                for byte in group { value = value * 10 + Int(byte - 0x30) }
                guard value > 0 else { return nil }
                return Components(fixed: fixed, counter: value)
            case .literal: continue
            }
        }
        return nil
    }
}
