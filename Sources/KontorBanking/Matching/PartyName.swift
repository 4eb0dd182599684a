/// A person's or company's name reduced to the words that identify it, for comparing payer and customer names.
///
/// `Müller & Söhne GmbH`, `MUELLER UND SOEHNE` and `Mueller + Soehne GmbH & Co. KG` all become `MULER SOHNE`:
/// 1. fold to upper-case ASCII (`ä` → `AE`, `ß` → `SS`, accents dropped, see `MatchText`);
/// 2. split at anything that is not a letter or digit; runs of single letters are joined (`e. K.` → `EK`);
/// 3. drop legal forms (GmbH, KG, e.K., UG (haftungsbeschränkt), AG, e.V., & Co. …), titles and filler words;
/// 4. spell umlauts and `ss` one way (`AE`→`A`, `OE`→`O`, `UE`→`U`, `SS`→`S`), so that banks that write
///    `MULLER` or `SUSSHOLZ` compare equal to `Müller` and `Süßholz`.
struct PartyName: Sendable, Hashable {
    /// The identifying words, in order, without duplicates.
    let tokens: [[UInt8]]
    /// All tokens joined, for comparing names that differ only in spacing (`Süßholz` vs `Suess Holz`).
    let joined: [UInt8]

    init(_ name: String) {
        let folded = MatchText.fold(name)
        var raw: [[UInt8]] = []
        var current: [UInt8] = []
        for byte in folded {
            if MatchText.isAlnum(byte) {
                current.append(byte)
            } else if !current.isEmpty {
                raw.append(current)
                current = []
            }
        }
        if !current.isEmpty { raw.append(current) }
        // Join runs of single letters: "E K" → "EK", "G M B H" → "GMBH".
        var merged: [[UInt8]] = []
        var index = 0
        while index < raw.count {
            if raw[index].count == 1, index + 1 < raw.count, raw[index + 1].count == 1 {
                var run: [UInt8] = []
                while index < raw.count, raw[index].count == 1 {
                    run.append(contentsOf: raw[index])
                    index += 1
                }
                merged.append(run)
            } else {
                merged.append(raw[index])
                index += 1
            }
        }
        var kept: [[UInt8]] = []
        for token in merged {
            let canonical = PartyName.canonical(token)
            if PartyName.noise.contains(token) || PartyName.noise.contains(canonical) { continue }
            if !kept.contains(canonical) { kept.append(canonical) }
        }
        if kept.isEmpty {  // a name made only of filler words: keep them rather than nothing
            for token in merged {
                let canonical = PartyName.canonical(token)
                if !kept.contains(canonical) { kept.append(canonical) }
            }
        }
        tokens = kept
        joined = kept.flatMap { $0 }
    }

    var isEmpty: Bool { tokens.isEmpty }

    /// Legal forms, titles and filler words that say nothing about who it is (folded upper case).
    static let noise: Set<[UInt8]> = {
        let words = [
            "GMBH", "MBH", "AG", "KG", "OHG", "GBR", "UG", "HAFTUNGSBESCHRAENKT", "HAFTUNGSBESCHR", "EK", "EKFM",
            "EKFR", "EKFRAU", "EV", "EG", "CO", "COKG", "KGAA", "SE", "LTD", "LIMITED", "INC", "LLC", "PLC", "SARL",
            "SAS", "SA", "BV", "NV", "PARTG", "PARTGMBB", "MBB", "UND", "AND", "U", "THE", "DER", "DIE", "DAS",
            "DEM", "DEN", "VON", "VOM", "FUER", "FOR", "OF", "DR", "PROF", "MED", "DIPL", "ING", "HERR", "HERRN",
            "FRAU", "FAM", "FAMILIE", "FIRMA", "FA", "INH", "INHABER", "INHABERIN", "MR", "MRS", "MS",
        ].map { Array($0.utf8) }
        // Also in the one-spelling form, for banks that write HAFTUNGSBESCHRANKT.
        return Set(words + words.map(canonical))
    }()

    /// One spelling for umlauts and sharp s: `AE`→`A`, `OE`→`O`, `UE`→`U`, `SS`→`S`.
    static func canonical(_ token: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(token.count)
        var index = 0
        while index < token.count {
            let byte = token[index]
            if index + 1 < token.count {
                let next = token[index + 1]
                if next == 0x45, byte == 0x41 || byte == 0x4F || byte == 0x55 {  // AE OE UE
                    out.append(byte)
                    index += 2
                    continue
                }
                if byte == 0x53, next == 0x53 {  // SS
                    out.append(byte)
                    index += 2
                    continue
                }
            }
            out.append(byte)
            index += 1
        }
        return out
    }

    // MARK: - Similarity

    /// How alike two names are, 0…1: a Dice coefficient over fuzzily paired words, or the Jaro-Winkler
    /// similarity of the joined words when that is higher (spacing differences).
    ///
    /// Words pair when equal (1), when one is a truncation of the other of at least three letters (0.9, banks cut
    /// names at 27 or 35 characters), when one is the initial of the other (0.8), or when their Jaro-Winkler
    /// similarity is at least 0.92 (typos; words of four letters or more).
    func similarity(to other: PartyName) -> Double {
        if tokens.isEmpty || other.tokens.isEmpty { return 0 }
        var used = [Bool](repeating: false, count: other.tokens.count)
        var total = 0.0
        for token in tokens {
            var best = 0.0
            var bestIndex = -1
            for (index, candidate) in other.tokens.enumerated() where !used[index] {
                let score = PartyName.wordScore(token, candidate)
                if score > best {
                    best = score
                    bestIndex = index
                    if score == 1 { break }
                }
            }
            if bestIndex >= 0 {
                used[bestIndex] = true
                total += best
            }
        }
        let dice = 2 * total / Double(tokens.count + other.tokens.count)
        if dice >= 0.999 { return 1 }
        // Jaro-Winkler ≥ 0.95 needs the shorter string to be at least 3/4 of the longer one.
        let (shortCount, longCount) = (min(joined.count, other.joined.count), max(joined.count, other.joined.count))
        guard shortCount * 4 >= longCount * 3 else { return dice }
        let whole = PartyName.jaroWinkler(joined, other.joined)
        return max(dice, whole >= 0.95 ? whole : 0)
    }

    static func wordScore(_ a: [UInt8], _ b: [UInt8]) -> Double {
        if a == b { return 1 }
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        if short.count == 1 { return long.first == short.first ? 0.8 : 0 }
        if short.count >= 3, long.starts(with: short) { return 0.9 }
        // Jaro-Winkler ≥ 0.92 needs the shorter word to be at least 3/5 of the longer one.
        if short.count >= 4, short.count * 5 >= long.count * 3 {
            let score = jaroWinkler(a, b)
            if score >= 0.92 { return score }
        }
        return 0
    }

    /// Jaro-Winkler similarity of two byte strings (prefix scale 0.1, up to four prefix characters).
    static func jaroWinkler(_ a: [UInt8], _ b: [UInt8]) -> Double {
        if a == b { return 1 }
        if a.isEmpty || b.isEmpty { return 0 }
        let window = max(0, max(a.count, b.count) / 2 - 1)
        var aMatched = [Bool](repeating: false, count: a.count)
        var bMatched = [Bool](repeating: false, count: b.count)
        var matches = 0
        for i in 0..<a.count {
            let low = max(0, i - window)
            let high = min(b.count - 1, i + window)
            if low > high { continue }
            for j in low...high where !bMatched[j] && a[i] == b[j] {
                aMatched[i] = true
                bMatched[j] = true
                matches += 1
                break
            }
        }
        if matches == 0 { return 0 }
        var transpositions = 0
        var k = 0
        for i in 0..<a.count where aMatched[i] {
            while !bMatched[k] { k += 1 }
            if a[i] != b[k] { transpositions += 1 }
            k += 1
        }
        let m = Double(matches)
        let jaro = (m / Double(a.count) + m / Double(b.count) + (m - Double(transpositions) / 2) / m) / 3
        var prefix = 0
        while prefix < min(4, min(a.count, b.count)), a[prefix] == b[prefix] { prefix += 1 }
        return jaro + Double(prefix) * 0.1 * (1 - jaro)
    }
}
