/// Finds invoice numbers and creditor references in remittance text, end-to-end ids and references.
///
/// How a number is recognised (rule 1 of `PaymentMatcher`):
/// 1. The text is folded to upper-case ASCII (`MatchText`) and cut into runs of letters, digits, spaces and
///    single punctuation marks.
/// 2. Guards hide digits that are something else: IBANs (`DE89 3704 …`, compact or in groups of four),
///    creditor references (`RF18 …`, kept aside for rule 2), dates (`01.02.2026`, `1.2.26`, `2026-02-01`,
///    `01/02/2026`), amounts (`1.190,00`, `1190.00 EUR`, `EUR 1190`), phone numbers (`+49 …`, `(030) …`,
///    `030 1234567`) and digits right after words such as Kd-Nr., Tel., Mandat, Vertrag, BLZ, Steuernr.
/// 3. The remaining digit runs joined by at most three characters of ` -/._\` form chains (`2026 - 0001`,
///    `2026/0001`). Every run of whole groups in a chain whose digits equal an open invoice's digits
///    (`20260001`) is a hit, if the groups split where the number's parts do (`2026 0001`, not `2026 00 01`);
///    digits are never taken from the middle of a longer group, so `DE…20260001…` or `1202600013` cannot match.
///    Numbers of fewer than six digits need a keyword (`Rechnung 4711`), or they would match postal codes.
/// 4. A number typed without the counter's zeros (`2026-1`) is read through the pattern; it is accepted only
///    when the counter is a group of its own after `-` or `/` (or after a keyword), names exactly one open
///    invoice, and does not look like a month (`2026/03`, `2026-12` without keyword) or a date (`2026-1-15`).
/// 5. `2026-0001/0002` also names `2026-0002` (a full-width counter after `/` or `-` continuing a number).
/// 6. A keyword just before the chain (RE, Rg., Rechnung…, Rg.-Nr., Invoice, Beleg, Nr., or a word from the
///    pattern's literal text) makes hits stronger; a chain continued by `,`, `und`, `+` inherits it.
struct RemittanceScanner {
    let index: InvoiceIndex

    /// One invoice number found in the text.
    struct NumberReference: Sendable, Hashable {
        /// The invoices with that number (more than one only when numbers repeat, e.g. without a year).
        var invoices: [Int32]
        var strength: NumberStrength
        var keyword: Bool
    }

    /// How clearly the text spells the number; lower raw values are stronger.
    enum NumberStrength: Int, Sendable, Comparable {
        /// In groups as printed: `2026-0001`, `2026 0001`, `2026/0001`.
        case typed = 0
        /// One digit group: `20260001`.
        case compact = 1
        /// One digit group that also reads as a date `YYYYMMDD`: `20260115`.
        case compactDate = 2
        /// Without the counter's zeros (`2026-1`), or a continued counter (`2026-0001/0002`).
        case unpadded = 3

        static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    struct Result: Sendable {
        var references: [NumberReference] = []
        /// Invoices named by valid `RF` creditor references, one array per reference.
        var creditorReferences: [[Int32]] = []
    }

    // MARK: - Runs

    enum Kind: UInt8 { case alpha, digit, space, punct }

    struct Runs {
        var kinds: [Kind] = []
        var starts: [Int] = []
        var ends: [Int] = []
        var count: Int { kinds.count }
        func length(_ r: Int) -> Int { ends[r] - starts[r] }
    }

    /// The runs of `b`, into `runs` (emptied first, its buffers kept).
    static func runs(_ b: [UInt8], into runs: inout Runs) {
        runs.kinds.removeAll(keepingCapacity: true)
        runs.starts.removeAll(keepingCapacity: true)
        runs.ends.removeAll(keepingCapacity: true)
        var i = 0
        while i < b.count {
            let byte = b[i]
            let kind: Kind =
                MatchText.isLetter(byte) ? .alpha : MatchText.isDigit(byte) ? .digit : byte == 0x20 ? .space : .punct
            var j = i + 1
            if kind != .punct {
                while j < b.count {
                    let next = b[j]
                    let same: Bool
                    switch kind {
                    case .alpha: same = MatchText.isLetter(next)
                    case .digit: same = MatchText.isDigit(next)
                    case .space: same = next == 0x20
                    case .punct: same = false
                    }
                    if !same { break }
                    j += 1
                }
            }
            runs.kinds.append(kind)
            runs.starts.append(i)
            runs.ends.append(j)
            i = j
        }
    }

    /// The arrays `scan` fills for each text, kept from one text to the next: a statement import scans the text of
    /// every credit, and making them anew for each cost about a fifth of the scan.
    struct Scratch: Sendable {
        var runs = Runs()
        var blocked: [Bool] = []
        var wordFirst: [Int] = []
        var wordLast: [Int] = []
        /// The digit runs of the chains, one chain after the other; chain `c` ends at `chainEnds[c]`.
        var chainRuns: [Int] = []
        /// For each run of `chainRuns`, whether a `-` or `/` joins it to the run before it in its chain.
        var dashBefore: [Bool] = []
        var chainEnds: [Int] = []
        var groups: [ArraySlice<UInt8>] = []

        init() {}
    }

    // MARK: - Scan

    func scan(_ b: [UInt8]) -> Result {
        var scratch = Scratch()
        return scan(b, scratch: &scratch)
    }

    /// `scan(_:)` with arrays kept from the texts scanned before.
    func scan(_ b: [UInt8], scratch: inout Scratch) -> Result {
        var result = Result()
        Self.runs(b, into: &scratch.runs)
        let runs = scratch.runs
        let n = runs.count
        if n == 0 { return result }
        // The arrays changed below are moved out of `scratch` and back, so that they are changed in place.
        var blocked = scratch.blocked
        scratch.blocked = []
        defer { scratch.blocked = blocked }
        blocked.removeAll(keepingCapacity: true)
        blocked.append(contentsOf: repeatElement(false, count: n))

        func isDigit(_ r: Int) -> Bool { r >= 0 && r < n && runs.kinds[r] == .digit }
        func isPunct(_ r: Int, _ byte: UInt8) -> Bool {
            r >= 0 && r < n && runs.kinds[r] == .punct && b[runs.starts[r]] == byte
        }
        func len(_ r: Int) -> Int { runs.length(r) }
        func value(_ r: Int) -> Int {
            var v = 0
            for k in runs.starts[r]..<min(runs.ends[r], runs.starts[r] + 9) { v = v * 10 + Int(b[k] - 0x30) }
            return v
        }
        func word(_ r: Int) -> ArraySlice<UInt8> { b[runs.starts[r]..<runs.ends[r]] }

        Self.maskAccountsAndReferences(b, runs, &blocked, &result, index, &scratch.wordFirst, &scratch.wordLast)

        // Dates, amounts and phone numbers.
        for r in 0..<n where runs.kinds[r] == .digit && !blocked[r] {
            // d.m.yyyy, d.m.yy and d.m.
            if len(r) <= 2, isPunct(r + 1, 0x2E), isDigit(r + 2), len(r + 2) <= 2, (1...31).contains(value(r)),
                (1...12).contains(value(r + 2)), isPunct(r + 3, 0x2E)
            {
                blocked[r] = true
                blocked[r + 2] = true
                if isDigit(r + 4), len(r + 4) == 2 || len(r + 4) == 4 { blocked[r + 4] = true }
                continue
            }
            // yyyy-mm-dd
            if len(r) == 4, isPunct(r + 1, 0x2D), isDigit(r + 2), len(r + 2) == 2, isPunct(r + 3, 0x2D), isDigit(r + 4),
                len(r + 4) == 2, (1...12).contains(value(r + 2)), (1...31).contains(value(r + 4))
            {
                blocked[r] = true
                blocked[r + 2] = true
                blocked[r + 4] = true
                continue
            }
            // d/m/yyyy
            if len(r) <= 2, isPunct(r + 1, 0x2F), isDigit(r + 2), len(r + 2) <= 2, isPunct(r + 3, 0x2F), isDigit(r + 4),
                len(r + 4) == 4, (1...31).contains(value(r)), (1...12).contains(value(r + 2))
            {
                blocked[r] = true
                blocked[r + 2] = true
                blocked[r + 4] = true
                continue
            }
            // 1.190,00 and 1190,00: block the integer part with its thousands groups.
            if isPunct(r + 1, 0x2C), isDigit(r + 2), len(r + 2) == 2, !(isPunct(r + 3, 0x2C) && isDigit(r + 4)) {
                blocked[r + 2] = true
                Self.blockBackwards(from: r, separator: 0x2E, runs, b, &blocked)
                continue
            }
            // 1190.00 EUR, EUR 1,190.00
            if isPunct(r + 1, 0x2E), isDigit(r + 2), len(r + 2) == 2,
                Self.currencyWord(after: r + 2, runs, b) || Self.currencyWord(before: r, runs, b)
            {
                blocked[r + 2] = true
                Self.blockBackwards(from: r, separator: 0x2C, runs, b, &blocked)
                continue
            }
            // EUR 1190, Betrag: 1.190 — the number right after a currency word.
            if Self.currencyWord(before: r, runs, b) {
                var k = r
                blocked[k] = true
                while (isPunct(k + 1, 0x2E) || isPunct(k + 1, 0x2C)) && isDigit(k + 2) {
                    blocked[k + 2] = true
                    k += 2
                }
                continue
            }
            // +49 30 1234567 and (030) 1234567: block the whole phone number.
            if isPunct(r - 1, 0x2B) || (isPunct(r - 1, 0x28) && b[runs.starts[r]] == 0x30 && isPunct(r + 1, 0x29)) {
                var k = r
                blocked[k] = true
                while true {
                    var m = k + 1
                    var gap = 0
                    while m < n, runs.kinds[m] == .space || isPunct(m, 0x2D) || isPunct(m, 0x2F) || isPunct(m, 0x29)
                        || isPunct(m, 0x28)
                    {
                        gap += len(m)
                        m += 1
                    }
                    guard gap <= 3, isDigit(m) else { break }
                    blocked[m] = true
                    k = m
                }
            }
        }

        // Chains of digit groups.
        var chainRuns = scratch.chainRuns
        var dashBefore = scratch.dashBefore
        var chainEnds = scratch.chainEnds
        var groups = scratch.groups
        (scratch.chainRuns, scratch.dashBefore, scratch.chainEnds, scratch.groups) = ([], [], [], [])
        defer {
            (scratch.chainRuns, scratch.dashBefore, scratch.chainEnds, scratch.groups) =
                (chainRuns, dashBefore, chainEnds, groups)
        }
        chainRuns.removeAll(keepingCapacity: true)
        dashBefore.removeAll(keepingCapacity: true)
        chainEnds.removeAll(keepingCapacity: true)
        var chainOpen = false
        var r = 0
        while r < n {
            if runs.kinds[r] == .digit && !blocked[r] {
                if chainOpen, let last = chainRuns.last {
                    // Is the gap from `last` to `r` made only of connectors?
                    var gap = 0
                    var dash = false
                    var ok = true
                    for m in (last + 1)..<r {
                        switch runs.kinds[m] {
                        case .space: gap += len(m)
                        case .punct:
                            let c = b[runs.starts[m]]
                            if c == 0x2D || c == 0x2F {
                                dash = true
                            } else if c != 0x2E && c != 0x5F && c != 0x5C {
                                ok = false
                            }
                            gap += 1
                        default: ok = false
                        }
                        if !ok { break }
                    }
                    if ok && gap <= 3 {
                        chainRuns.append(r)
                        dashBefore.append(dash)
                    } else {
                        chainEnds.append(chainRuns.count)
                        chainRuns.append(r)
                        dashBefore.append(false)
                    }
                } else {
                    chainRuns.append(r)
                    dashBefore.append(false)
                    chainOpen = true
                }
            } else if runs.kinds[r] == .alpha || (runs.kinds[r] == .digit && blocked[r]) {
                if chainOpen {
                    chainEnds.append(chainRuns.count)
                    chainOpen = false
                }
            }
            r += 1
        }
        if chainOpen { chainEnds.append(chainRuns.count) }

        // Hits per chain.
        var previousClass = KeywordClass.neutral
        var previousChainEnd = -10
        var chainStart = 0
        for chainEnd in chainEnds {
            let chain = chainRuns[chainStart..<chainEnd]
            let dashes = dashBefore[chainStart..<chainEnd]
            chainStart = chainEnd
            var cls = Self.keywordClass(before: chain.first!, runs, b, index.shape)
            if cls == .inherit {
                cls = chain.first! > previousChainEnd ? previousClass : .neutral
            }
            previousClass = cls
            previousChainEnd = chain.last!
            if cls == .negative { continue }
            let keyword = cls == .positive
            groups.removeAll(keepingCapacity: true)
            for run in chain { groups.append(word(run)) }
            // A chain that starts with an area code (030 …, 0151 …) is a phone number.
            if !keyword, !index.shape.startsWithCounter, groups.count >= 2, groups[0].first == 0x30,
                (3...5).contains(groups[0].count)
            {
                continue
            }
            result.references.append(contentsOf: hits(in: groups, dashBefore: dashes, keyword: keyword))
        }
        return result
    }

    // MARK: - Hits in one chain

    private struct Hit {
        var first: Int
        var last: Int
        var invoices: [Int32]
        var strength: NumberStrength
    }

    /// `dashBefore[dashBefore.startIndex + g]` says whether a `-` or `/` comes before group `g`.
    private func hits(in groups: [ArraySlice<UInt8>], dashBefore: ArraySlice<Bool>, keyword: Bool)
        -> [NumberReference]
    {
        func dashed(_ g: Int) -> Bool { dashBefore[dashBefore.startIndex + g] }
        var found: [Hit] = []
        let count = groups.count
        for i in 0..<count {
            // The digits of groups i…j as a number and its length, group by group.
            var length = 0
            var value: UInt64 = 0
            for j in i..<min(count, i + index.maxGroups) {
                length += groups[j].count
                if length > 19 { break }
                for byte in groups[j] { value = value * 10 + UInt64(byte - 0x30) }
                guard index.hasDigitLength(length),
                    let invoices = index.byDigits[InvoiceIndex.DigitKey(length: length, value: value)]
                else { continue }
                // Short numbers (house numbers, postal codes, 4711) count only after a keyword.
                if length < 6 && !keyword { continue }
                var strength = NumberStrength.typed
                if i == j {
                    strength = Self.readsAsDate(length: length, value: value) ? .compactDate : .compact
                } else {
                    // Groups must split where the number does: 2026 0001, not 2026 00 01 or 20 260001.
                    let allowed = index.groupBoundaries[Int(invoices[0])]
                    var end = 0
                    var aligned = true
                    for g in i..<j {
                        end += groups[g].count
                        if allowed & (1 << UInt32(end)) == 0 { aligned = false }
                    }
                    if !aligned { continue }
                }
                found.append(Hit(first: i, last: j, invoices: invoices, strength: strength))
            }
        }
        if index.shape.allowsUnpadded {
            for i in 0..<count where i + 1 < min(count, i + index.maxGroups) {
                for j in (i + 1)..<min(count, i + index.maxGroups) {
                    guard groups[j].count < index.shape.counterWidth,
                        let parts = index.shape.components(groups: groups[i...j]),
                        let invoices = index.byComponents[parts], invoices.count == 1
                    else { continue }
                    let separated = dashed(j)
                    if !separated && !keyword { continue }
                    // 2026/03 and 2026-12 read as months unless a keyword says otherwise.
                    if !keyword, groups[j].count == 2, parts.counter <= 12 { continue }
                    // 2026-1-15 is a date.
                    if j + 1 < count, groups[j + 1].count <= 2 { continue }
                    found.append(Hit(first: i, last: j, invoices: invoices, strength: .unpadded))
                }
            }
        }
        if found.isEmpty { return [] }
        // Strongest and longest first; no group is used twice.
        found.sort {
            if $0.strength != $1.strength { return $0.strength < $1.strength }
            if $0.last - $0.first != $1.last - $1.first { return $0.last - $0.first > $1.last - $1.first }
            return $0.first < $1.first
        }
        var used = [Bool](repeating: false, count: count)
        var chosen: [Hit] = []
        for hit in found where !(hit.first...hit.last).contains(where: { used[$0] }) {
            for g in hit.first...hit.last { used[g] = true }
            chosen.append(hit)
        }
        // 2026-0001/0002: a counter continuing the number before it.
        if index.shape.allowsUnpadded {
            var extra: [Hit] = []
            for hit in chosen where hit.invoices.count == 1 {
                guard let parts = index.components[Int(hit.invoices[0])] else { continue }
                var g = hit.last + 1
                while g < count, !used[g], groups[g].count == index.shape.counterWidth, dashed(g) {
                    var next = parts
                    next.counter = 0
                    for byte in groups[g] { next.counter = next.counter * 10 + Int(byte - 0x30) }
                    guard let invoices = index.byComponents[next], invoices.count == 1 else { break }
                    used[g] = true
                    extra.append(Hit(first: g, last: g, invoices: invoices, strength: .unpadded))
                    g += 1
                }
            }
            chosen += extra
        }
        chosen.sort { $0.first < $1.first }
        return chosen.map { NumberReference(invoices: $0.invoices, strength: $0.strength, keyword: keyword) }
    }

    /// Whether `length` digits of `value` read as a plausible `YYYYMMDD` date.
    private static func readsAsDate(length: Int, value: UInt64) -> Bool {
        guard length == 8 else { return false }
        return (1990...2099).contains(value / 10_000) && (1...12).contains(value / 100 % 100)
            && (1...31).contains(value % 100)
    }
}
