import KontorCore

/// One `PaymentMatcher.match` call: the evidence of every entry and what the invoices still have open.
struct MatchingRun {
    let index: InvoiceIndex
    let scanner: RemittanceScanner
    /// The scanner's arrays, kept from one payment's text to the next.
    private var scratch = RemittanceScanner.Scratch()
    /// Cents still open per invoice, reduced as matches are committed.
    var remaining: [Int64]

    init(index: InvoiceIndex) {
        self.index = index
        scanner = RemittanceScanner(index: index)
        remaining = index.invoices.map(\.openAmount.cents)
    }

    // MARK: - Evidence (independent of what is open)

    /// A customer the payer looks like.
    struct PayerCandidate {
        var slot: Int32
        var score: Double
        var ibanKnown: Bool
        var fits: Bool { ibanKnown || score >= MatchScore.similarName }
        var isClear: Bool { ibanKnown || score >= MatchScore.sameName }
    }

    /// What one payment (an entry, or one part of a collective booking) says.
    struct Evidence {
        var amount: Int64
        var references: [RemittanceScanner.NumberReference]
        var creditorReferences: [[Int32]]
        var payer: PartyName?
        var payerIBAN: String?
        /// Customers the payer fits (name ≥ 0.75 or known IBAN), best first.
        var payerCustomers: [PayerCandidate]
    }

    /// One entry to match: its position in the input and its payments (several for a collective booking).
    struct Work {
        var position: Int
        var parts: [Evidence]
    }

    mutating func work(for entry: StatementEntry, position: Int) -> Work {
        let parts = entry.transactions
        let partAmounts = parts.compactMap { $0.amount?.cents }
        if parts.count >= 2, partAmounts.count == parts.count, partAmounts.reduce(0, +) == entry.amount.cents,
            parts.allSatisfy({ $0.direction != .debit })
        {
            var evidence: [Evidence] = []
            for part in parts {
                var text = FoldedText()
                text.append(part.remittanceText)
                text.append(part.endToEndId)
                text.append(part.structuredReference)
                evidence.append(self.evidence(
                    amount: part.amount!.cents, text: text.bytes,
                    payerName: part.counterpartyName ?? entry.counterpartyName,
                    payerIBAN: part.counterpartyIBAN ?? entry.counterpartyIBAN))
            }
            return Work(position: position, parts: evidence)
        }
        var text = FoldedText()
        text.append(entry.remittanceText)
        text.append(entry.endToEndId)
        text.append(entry.structuredReference)
        for part in parts {
            text.append(part.remittanceText)
            text.append(part.endToEndId)
            text.append(part.structuredReference)
        }
        let single = evidence(
            amount: entry.amount.cents, text: text.bytes,
            payerName: entry.counterpartyName ?? parts.first?.counterpartyName,
            payerIBAN: entry.counterpartyIBAN ?? parts.first?.counterpartyIBAN)
        return Work(position: position, parts: [single])
    }

    /// The texts of a payment folded (`MatchText`) into one, joined by ` | `, for the scanner.
    private struct FoldedText {
        var bytes: [UInt8] = []

        mutating func append(_ text: String?) {
            guard let text, !text.isEmpty else { return }
            if !bytes.isEmpty { bytes.append(contentsOf: Self.separator) }
            MatchText.fold(text, into: &bytes)
        }

        private static let separator = Array(" | ".utf8)
    }

    /// Payer look-ups by name and IBAN as written: statements repeat payers, and comparing names is the costly
    /// part. Keyed by the bytes, not by `String`'s equality: hashing a name with umlauts as a `String` normalises it
    /// first, which cost more than the look-up saved.
    private var payerCache: [PayerKey: Payer] = [:]

    private struct PayerKey: Hashable {
        var name: String?
        var iban: String?

        static func == (lhs: Self, rhs: Self) -> Bool {
            sameBytes(lhs.name, rhs.name) && sameBytes(lhs.iban, rhs.iban)
        }

        func hash(into hasher: inout Hasher) {
            Self.hash(name, into: &hasher)
            Self.hash(iban, into: &hasher)
        }

        private static func sameBytes(_ lhs: String?, _ rhs: String?) -> Bool {
            guard let lhs, let rhs else { return lhs == nil && rhs == nil }
            return lhs.utf8.elementsEqual(rhs.utf8)
        }

        private static func hash(_ text: String?, into hasher: inout Hasher) {
            guard var text else {
                hasher.combine(-1)
                return
            }
            hasher.combine(text.utf8.count)
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }

    private struct Payer {
        var name: PartyName?
        var iban: String?
        var customers: [PayerCandidate]
    }

    mutating func evidence(amount: Int64, text: [UInt8], payerName: String?, payerIBAN: String?) -> Evidence {
        let scan = scanner.scan(text, scratch: &scratch)
        let key = PayerKey(name: payerName, iban: payerIBAN)
        let payer: Payer
        if let cached = payerCache[key] {
            payer = cached
        } else {
            let iban = payerIBAN.map(MatchText.compactIBAN).flatMap { $0.isEmpty ? nil : $0 }
            let name = payerName.map(PartyName.init).flatMap { $0.isEmpty ? nil : $0 }
            payer = Payer(name: name, iban: iban, customers: payerCustomers(payer: name, iban: iban))
            payerCache[key] = payer
        }
        return Evidence(
            amount: amount, references: scan.references, creditorReferences: scan.creditorReferences,
            payer: payer.name, payerIBAN: payer.iban, payerCustomers: payer.customers)
    }

    /// The customers the payer fits, found through the IBAN and name-word indexes (no scan over all customers):
    /// only customers sharing enough word beginnings with the payer are compared in full.
    func payerCustomers(payer: PartyName?, iban: String?) -> [PayerCandidate] {
        var slots: Set<Int32> = []
        if let iban, let known = index.customersByIBAN[iban] { slots.formUnion(known) }
        if let payer {
            // Words shared by many customers (Verlag, Medien, Café …) only count for customers found by a rarer word.
            let lists = payer.tokens.filter { $0.count >= 3 || payer.tokens.count == 1 }
                .map { index.customersByWordPrefix[Array($0.prefix(3))] ?? [] }
            let common = max(50, index.customers.count / 20)
            let hasRare = lists.contains { !$0.isEmpty && $0.count <= common }
            var hits: [Int32: Int] = [:]
            for list in lists where !hasRare || list.count <= common {
                for slot in list { hits[slot, default: 0] += 1 }
            }
            if hasRare {
                for list in lists where list.count > common {
                    for slot in list where hits[slot] != nil { hits[slot]! += 1 }
                }
            }
            for (slot, count) in hits {
                // A name similarity of 0.75 needs most words to pair; allow for typos and spacing with a margin.
                let words = index.customers[Int(slot)].name.tokens.count + payer.tokens.count
                if 2 * count * 2 >= words { slots.insert(slot) }
            }
        }
        var candidates: [PayerCandidate] = []
        for slot in slots {
            let candidate = support(slot, payer: payer, iban: iban)
            if candidate.fits { candidates.append(candidate) }
        }
        candidates.sort {
            if $0.ibanKnown != $1.ibanKnown { return $0.ibanKnown }
            if $0.score != $1.score { return $0.score > $1.score }
            return $0.slot < $1.slot
        }
        return candidates
    }

    func support(_ slot: Int32, payer: PartyName?, iban: String?) -> PayerCandidate {
        let customer = index.customers[Int(slot)]
        let ibanKnown = iban.map { customer.ibans.contains($0) } ?? false
        let score = payer.map { $0.similarity(to: customer.name) } ?? 0
        return PayerCandidate(slot: slot, score: score, ibanKnown: ibanKnown)
    }

    func support(_ slot: Int32, _ evidence: Evidence) -> PayerCandidate {
        if let known = evidence.payerCustomers.first(where: { $0.slot == slot }) { return known }
        return support(slot, payer: evidence.payer, iban: evidence.payerIBAN)
    }

    // MARK: - Greedy commit (rule 6)

    struct Proposal {
        var allocations: [(invoice: Int32, cents: Int64)]
        var overpayment: Int64
        var confidence: Int
        var reason: MatchReason
        /// For number matches: whether the amount fits the named invoices.
        var amountFits = true
        /// For number matches: whether the payer is the named invoices' customer.
        var payerFits = true
    }

    /// Commits proposals in order of descending confidence, re-evaluating each against what is still open.
    mutating func commitGreedily(_ works: [Work]) -> [(position: Int, proposal: Proposal)] {
        // A bucket queue over confidence 0…100; within a bucket, first in first out (statement order).
        var buckets = [[Int]](repeating: [], count: 101)
        var heads = [Int](repeating: 0, count: 101)
        for (w, work) in works.enumerated() {
            if let proposal = propose(work) { buckets[proposal.confidence].append(w) }
        }
        var committed: [(position: Int, proposal: Proposal)] = []
        var level = 100
        while level >= 0 {
            guard heads[level] < buckets[level].count else {
                level -= 1
                continue
            }
            let w = buckets[level][heads[level]]
            heads[level] += 1
            guard let proposal = propose(works[w]) else { continue }
            if proposal.confidence != level {
                // Others may outrank it now (or, rarely, it outranks what is left): queue it where it belongs.
                buckets[proposal.confidence].append(w)
                level = max(level, proposal.confidence)
                continue
            }
            for allocation in proposal.allocations { remaining[Int(allocation.invoice)] -= allocation.cents }
            committed.append((works[w].position, proposal))
        }
        return committed
    }
}
