/// The words before a number that say what kind of number it is.
extension RemittanceScanner {
    // MARK: - Keywords

    enum KeywordClass { case positive, negative, neutral, inherit }

    static func keywordClass(before start: Int, _ runs: Runs, _ b: [UInt8], _ shape: InvoiceNumberShape)
        -> KeywordClass
    {
        // Skips at most four characters of spaces and punctuation backwards; returns the run reached.
        func skipGap(_ from: Int) -> Int? {
            var k = from
            var gap = 0
            while k >= 0, runs.kinds[k] == .space || runs.kinds[k] == .punct {
                gap += runs.length(k)
                if gap > 4 { return nil }
                k -= 1
            }
            return k >= 0 ? k : nil
        }
        guard let k1 = skipGap(start - 1) else { return .neutral }
        if runs.kinds[k1] == .digit { return .inherit }
        let w1 = b[runs.starts[k1]..<runs.ends[k1]]
        if continuationWords.contains(w1) {
            if let k = skipGap(k1 - 1), runs.kinds[k] == .digit { return .inherit }
            return .neutral
        }
        let c1 = classify(w1, shape)
        if c1 != .neutral { return c1 }
        guard genericWords.contains(w1) else { return .neutral }
        // "Nr." alone counts as a keyword unless the word before it says what kind of number it is.
        guard let k2 = skipGap(k1 - 1), runs.kinds[k2] == .alpha else { return .positive }
        let c2 = classify(b[runs.starts[k2]..<runs.ends[k2]], shape)
        return c2 == .negative ? .negative : .positive
    }

    static func classify(_ word: ArraySlice<UInt8>, _ shape: InvoiceNumberShape) -> KeywordClass {
        if positiveWords.contains(word) || shape.literalWords.contains(Array(word)) { return .positive }
        if negativeWords.contains(word) { return .negative }
        for prefix in positivePrefixes where word.starts(with: prefix) { return .positive }
        for prefix in negativePrefixes where word.starts(with: prefix) { return .negative }
        return .neutral
    }

    static func bytes(_ words: [String]) -> Set<ArraySlice<UInt8>> { Set(words.map { ArraySlice($0.utf8) }) }

    static let positiveWords = bytes([
        "RE", "RG", "RN", "RNR", "REN", "RENR", "RGNR", "RGN", "RECH", "RECHN", "RECHNR", "INV", "INVOICE", "INVOICES",
        "FAKTURA", "FAKT", "BELEG", "BELEGNR", "BILL", "RECHNUNG", "RECHNUNGEN",
    ])
    static let positivePrefixes: [[UInt8]] = ["RECHNUNG", "INVOICE", "FAKTUR", "RGNR", "RENR"].map { Array($0.utf8) }
    static let genericWords = bytes(["NR", "NO", "NUMMER", "NUMBER", "NRN", "N"])
    static let continuationWords = bytes(["UND", "U", "AND", "SOWIE", "PLUS"])
    static let negativeWords = bytes([
        "KD", "KDNR", "KDN", "KNR", "KUNDE", "KUNDEN", "MANDAT", "MREF", "CRED", "CREDITOR", "VERTRAG", "VNR", "VTR",
        "POLICE", "VERS", "VERSNR", "TEL", "TELEFON", "FON", "FAX", "MOBIL", "HANDY", "BLZ", "KTO", "KONTO", "STNR",
        "STEUERNR", "USTID", "UST", "USTIDNR", "AZ", "AKTENZEICHEN", "ORDER", "PLZ", "IBAN", "BIC", "TAN", "PNR",
        "ABO", "ABONR", "TICKET", "LS", "SENDUNG", "TRACKING", "CUSTOMER", "ACCOUNT",
    ])
    static let negativePrefixes: [[UInt8]] = [
        "KUNDEN", "VERTRAG", "MANDAT", "BESTELL", "TELEF", "STEUER", "KONTO", "MITGLIED", "PERSONAL", "VERSICHER",
        "LIEFER", "AUFTRAG", "GLAEUBIGER", "POLICE", "VORGANG", "AKTENZ",
    ].map { Array($0.utf8) }
}
