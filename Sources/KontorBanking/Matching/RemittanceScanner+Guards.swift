/// The guards that hide digits which are no invoice number: IBANs, creditor references, amounts.
extension RemittanceScanner {
    // MARK: - IBANs and creditor references

    /// Blocks IBANs and `RF` references; valid `RF` references are looked up and stored in `result`.
    /// `wordFirst` and `wordLast` are the caller's buffers (`Scratch`), emptied here.
    static func maskAccountsAndReferences(
        _ b: [UInt8], _ runs: Runs, _ blocked: inout [Bool], _ result: inout Result, _ index: InvoiceIndex,
        _ wordFirst: inout [Int], _ wordLast: inout [Int]
    ) {
        let n = runs.count
        // Words: maximal sequences of adjacent letter/digit runs.
        wordFirst.removeAll(keepingCapacity: true)
        wordLast.removeAll(keepingCapacity: true)
        var r = 0
        while r < n {
            if runs.kinds[r] == .alpha || runs.kinds[r] == .digit {
                let first = r
                while r + 1 < n, runs.kinds[r + 1] == .alpha || runs.kinds[r + 1] == .digit { r += 1 }
                wordFirst.append(first)
                wordLast.append(r)
            }
            r += 1
        }
        var w = 0
        while w < wordFirst.count {
            let first = wordFirst[w]
            guard runs.kinds[first] == .alpha, runs.length(first) == 2, first + 1 <= wordLast[w],
                runs.kinds[first + 1] == .digit, runs.length(first + 1) >= 2
            else {
                w += 1
                continue
            }
            let isRF = b[runs.starts[first]] == 0x52 && b[runs.starts[first] + 1] == 0x46
            // Collect the characters: one compact word, or groups of four separated by single spaces.
            var chars = Array(b[runs.starts[first]..<runs.ends[wordLast[w]]])
            var lastWord = w
            var boundaries: [(length: Int, word: Int)] = [(chars.count, w)]
            if chars.count == 4 {
                var v = w + 1
                while v < wordFirst.count, chars.count < 34 {
                    let gapStart = runs.ends[wordLast[v - 1]]
                    let gapEnd = runs.starts[wordFirst[v]]
                    guard gapEnd - gapStart == 1, b[gapStart] == 0x20 else { break }
                    let length = runs.ends[wordLast[v]] - gapEnd
                    guard length <= 4 else { break }
                    chars += b[gapEnd..<runs.ends[wordLast[v]]]
                    boundaries.append((chars.count, v))
                    if length < 4 { break }
                    v += 1
                }
            }
            var chosen: (length: Int, word: Int)?
            if isRF {
                chosen = boundaries.last { (5...25).contains($0.length) && MatchText.mod97Rearranged(Array(chars[..<$0.length])) == 1 }
                if let chosen {
                    let body = chars[4..<chosen.length].filter(MatchText.isDigit)
                    if let key = InvoiceIndex.DigitKey(body.drop { $0 == 0x30 }), let invoices = index.byStrippedDigits[key] {
                        result.creditorReferences.append(invoices)
                    }
                }
            } else {
                chosen = boundaries.last { (15...34).contains($0.length) && MatchText.mod97Rearranged(Array(chars[..<$0.length])) == 1 }
                if chosen == nil {
                    let country = String(decoding: chars[0..<2], as: UTF8.self)
                    if let expected = ibanLengths[country] {
                        chosen = boundaries.first { $0.length == expected }
                    } else {
                        chosen = boundaries.last { (15...34).contains($0.length) }
                    }
                }
            }
            if let chosen {
                for v in w...chosen.word {
                    for run in wordFirst[v]...wordLast[v] where runs.kinds[run] == .digit { blocked[run] = true }
                }
                lastWord = chosen.word
            }
            w = lastWord + 1
        }
    }

    /// IBAN lengths of the countries whose IBANs German freelancers meet most.
    static let ibanLengths: [String: Int] = [
        "DE": 22, "AT": 20, "CH": 21, "LI": 21, "LU": 20, "NL": 18, "BE": 16, "FR": 27, "IT": 27, "ES": 24, "PL": 28,
        "DK": 18, "SE": 24, "GB": 22, "IE": 22, "CZ": 24, "PT": 25, "FI": 18, "NO": 15,
    ]

    // MARK: - Amount guards

    static let currencyWords: Set<ArraySlice<UInt8>> = Set(
        ["EUR", "EURO", "BETRAG", "BETR", "SUMME", "TEILBETRAG", "RESTBETRAG", "BRUTTO", "NETTO", "SKONTO"].map {
            ArraySlice($0.utf8)
        })

    static func currencyWord(after r: Int, _ runs: Runs, _ b: [UInt8]) -> Bool {
        var k = r + 1
        if k < runs.count, runs.kinds[k] == .space { k += 1 }
        return k < runs.count && runs.kinds[k] == .alpha && currencyWords.contains(b[runs.starts[k]..<runs.ends[k]])
    }

    static func currencyWord(before r: Int, _ runs: Runs, _ b: [UInt8]) -> Bool {
        var k = r - 1
        var gap = 0
        while k >= 0, runs.kinds[k] == .space || (runs.kinds[k] == .punct && b[runs.starts[k]] == 0x3A) {
            gap += runs.length(k)
            k -= 1
        }
        return gap <= 2 && k >= 0 && runs.kinds[k] == .alpha && currencyWords.contains(b[runs.starts[k]..<runs.ends[k]])
    }

    /// Blocks `r` and the thousands groups before it (`1.234.567` with `separator` `.`).
    static func blockBackwards(from r: Int, separator: UInt8, _ runs: Runs, _ b: [UInt8], _ blocked: inout [Bool]) {
        blocked[r] = true
        var k = r
        while k >= 2, runs.length(k) == 3, runs.kinds[k - 1] == .punct, b[runs.starts[k - 1]] == separator,
            runs.kinds[k - 2] == .digit, runs.length(k - 2) <= 3
        {
            blocked[k - 2] = true
            k -= 2
        }
    }
}
