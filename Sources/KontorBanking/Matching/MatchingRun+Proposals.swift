import KontorCore

/// The proposals of rules 1–4 for one payment, against what is still open.
extension MatchingRun {
    /// Whether `propose` could ever make a proposal for `work`: only a part that names invoices, whose payer is a
    /// customer or whose amount some invoice has (open or gross) leads to one (`byNumber`, `byAmount`, `byPayer`).
    func mayPropose(_ work: Work) -> Bool {
        work.parts.contains {
            !$0.references.isEmpty || !$0.creditorReferences.isEmpty || !$0.payerCustomers.isEmpty
                || index.byAmount[$0.amount] != nil
        }
    }

    func propose(_ work: Work) -> Proposal? {
        if work.parts.count == 1 {
            return propose(work.parts[0], taken: [:])
        }
        // A collective booking: part by part, each seeing what the parts before it took.
        var taken: [Int32: Int64] = [:]
        var allocations: [(invoice: Int32, cents: Int64)] = []
        var overpayment: Int64 = 0
        var confidence = 100
        var reason = MatchReason.invoiceNumber
        var matchedParts = 0
        for part in work.parts {
            guard let proposal = propose(part, taken: taken) else {
                overpayment += part.amount
                confidence = min(confidence, MatchScore.unmatchedPartCap)
                continue
            }
            matchedParts += 1
            for allocation in proposal.allocations {
                taken[allocation.invoice, default: 0] += allocation.cents
                if let k = allocations.firstIndex(where: { $0.invoice == allocation.invoice }) {
                    allocations[k].cents += allocation.cents
                } else {
                    allocations.append(allocation)
                }
            }
            overpayment += proposal.overpayment
            if proposal.confidence < confidence || matchedParts == 1 { reason = proposal.reason }
            confidence = min(confidence, proposal.confidence)
        }
        if matchedParts == 0 { return nil }
        return Proposal(allocations: allocations, overpayment: overpayment, confidence: confidence, reason: reason)
    }

    /// The best proposal for one payment; `taken` holds what earlier parts of the same booking allocated.
    func propose(_ evidence: Evidence, taken: [Int32: Int64]) -> Proposal? {
        let open: (Int32) -> Int64 = { [remaining, taken] in remaining[Int($0)] - (taken[$0] ?? 0) }
        var best: Proposal?
        func consider(_ proposal: Proposal?) {
            guard let proposal else { return }
            if best == nil || proposal.confidence > best!.confidence { best = proposal }
        }
        if !evidence.creditorReferences.isEmpty {
            let named = evidence.creditorReferences.map { Named(invoices: $0, strength: nil, keyword: false) }
            consider(byNumber(evidence, named, reason: .structuredReference, open: open))
        }
        if !evidence.references.isEmpty {
            let named = evidence.references.map { Named(invoices: $0.invoices, strength: $0.strength, keyword: $0.keyword) }
            consider(byNumber(evidence, named, reason: .invoiceNumber, open: open))
        }
        if let byAmount = byAmount(evidence, open: open) {
            // The payer names one of their invoices, but the amount fits another of their invoices exactly
            // (a typo in the number, or a partial payment that happens to equal another invoice): ask.
            if var number = best, number.reason == .invoiceNumber, byAmount.reason == .amountAndName,
                !number.allocations.isEmpty, !number.amountFits, number.payerFits,
                Set(byAmount.allocations.map(\.invoice)).isDisjoint(with: number.allocations.map(\.invoice))
            {
                var alternative = byAmount
                number.confidence = min(number.confidence, MatchScore.conflictCap)
                alternative.confidence = min(alternative.confidence, MatchScore.conflictCap - 1)
                best = number
                consider(alternative)
            } else {
                consider(byAmount)
            }
        }
        if best == nil { consider(byPayer(evidence, open: open)) }
        return best
    }

    /// One number found in the text (`strength` nil: a creditor reference).
    struct Named {
        var invoices: [Int32]
        var strength: RemittanceScanner.NumberStrength?
        var keyword: Bool
    }

    /// Rules 1, 2 and 4: the invoices named in the text or creditor reference.
    func byNumber(_ evidence: Evidence, _ named: [Named], reason: MatchReason, open: (Int32) -> Int64) -> Proposal? {
        let amount = evidence.amount
        func invoice(_ i: Int32) -> OpenInvoiceCandidate { index.invoices[Int(i)] }
        func fits(_ i: Int32) -> Bool { support(index.customerOf[Int(i)], evidence).fits }
        // One invoice per number; a number shared by several invoices is settled by payer, then amount.
        var chosen: [(invoice: Int32, named: Named)] = []
        for reference in named {
            var candidates = reference.invoices
            if candidates.count > 1 { candidates = candidates.filter { open($0) > 0 } }
            if candidates.count > 1, candidates.contains(where: fits) { candidates = candidates.filter(fits) }
            if candidates.count > 1 {
                let exact = candidates.filter { open($0) == amount || invoice($0).gross.cents == amount }
                if !exact.isEmpty { candidates = exact }
            }
            guard candidates.count == 1 else { continue }
            if let k = chosen.firstIndex(where: { $0.invoice == candidates[0] }) {
                // Named twice (text and end-to-end id): keep the clearer spelling.
                if let strength = reference.strength, let old = chosen[k].named.strength, strength < old {
                    chosen[k].named = reference
                }
            } else {
                chosen.append((candidates[0], reference))
            }
        }
        if chosen.isEmpty { return nil }
        var live = chosen.filter { open($0.invoice) > 0 }.sorted { InvoiceIndex.earlier(invoice($0.invoice), invoice($1.invoice)) }
        if live.isEmpty {
            // Everything named is already paid: a double payment to review.
            return Proposal(allocations: [], overpayment: amount, confidence: MatchScore.alreadyCovered, reason: reason)
        }
        // The amount is what the invoices have open now, had open before this statement, or their gross.
        func amountFits(_ list: [Int32]) -> Bool {
            list.reduce(0) { $0 + open($1) } == amount
                || list.reduce(0) { $0 + invoice($1).openAmount.cents } == amount
                || list.reduce(0) { $0 + invoice($1).gross.cents } == amount
        }
        var fitsAmount = amountFits(live.map(\.invoice))
            || (chosen.count > live.count && amountFits(chosen.map(\.invoice)))
        if !fitsAmount, live.count > 1 {
            // Several numbers, but the amount is exactly the one spelled most clearly (the others: a date-like
            // end-to-end id, an order number that looks like an invoice number): keep that one. Else keep the
            // payer's own invoices.
            func rank(_ n: Named) -> Int { (n.strength?.rawValue ?? -1) * 2 + (n.keyword ? 0 : 1) }
            if let exact = live.first(where: { amountFits([$0.invoice]) }),
                live.allSatisfy({ $0.invoice == exact.invoice || rank($0.named) > rank(exact.named) })
            {
                live = [exact]
                fitsAmount = true
            } else if live.contains(where: { fits($0.invoice) }) {
                live = live.filter { fits($0.invoice) }
            }
        }
        let customers = Set(live.map { index.customerOf[Int($0.invoice)] })
        let payerFits = customers.contains { support($0, evidence).fits }
        let conflict = !payerFits && evidence.payerCustomers.contains { $0.isClear && !customers.contains($0.slot) }

        var confidence: Int
        if reason == .structuredReference {
            confidence = MatchScore.creditorReference + (fitsAmount || payerFits ? 10 : 0)
        } else {
            switch live.compactMap(\.named.strength).max() ?? .typed {
            case .typed: confidence = MatchScore.typedNumber
            case .compact: confidence = MatchScore.compactNumber
            case .compactDate, .unpadded: confidence = MatchScore.weakNumber
            }
            if live.allSatisfy(\.named.keyword) { confidence += MatchScore.keyword }
            if fitsAmount { confidence += MatchScore.amountFits }
            if payerFits { confidence += MatchScore.payerFits }
            if !fitsAmount && !payerFits { confidence = min(confidence, MatchScore.uncorroboratedCap) }
        }
        if conflict { confidence = min(confidence, MatchScore.conflictCap) }
        let (allocations, overpayment) = allocate(amount, to: live.map(\.invoice), open: open)
        return Proposal(
            allocations: allocations, overpayment: overpayment, confidence: min(100, confidence), reason: reason,
            amountFits: fitsAmount, payerFits: payerFits)
    }

    /// Pays `invoices` in the given order, each at most what it has open; the rest is overpayment.
    func allocate(_ amount: Int64, to invoices: [Int32], open: (Int32) -> Int64)
        -> ([(invoice: Int32, cents: Int64)], Int64)
    {
        var rest = amount
        var allocations: [(invoice: Int32, cents: Int64)] = []
        for invoice in invoices where rest > 0 {
            let part = min(rest, open(invoice))
            if part > 0 {
                allocations.append((invoice, part))
                rest -= part
            }
        }
        return (allocations, rest)
    }

    /// Rule 3 with an amount: amount and payer, a customer's invoices together, or the amount alone.
    func byAmount(_ evidence: Evidence, open: (Int32) -> Int64) -> Proposal? {
        let candidates = (index.byAmount[evidence.amount] ?? []).filter { open($0) > 0 }
        // Amount and payer.
        var perCustomer: [Int32: (support: PayerCandidate, invoices: [Int32])] = [:]
        for invoice in candidates {
            let slot = index.customerOf[Int(invoice)]
            if perCustomer[slot] != nil {
                perCustomer[slot]!.invoices.append(invoice)
                continue
            }
            if let payer = evidence.payerCustomers.first(where: { $0.slot == slot }) { perCustomer[slot] = (payer, [invoice]) }
        }
        let ranked = perCustomer.values.sorted { Self.ranks($0.support, above: $1.support) }
        if let top = ranked.first {
            // The customer's invoice with exactly this open amount, oldest due first; else one whose gross it is.
            let invoices = top.invoices.sorted { a, b in
                let aExact = open(a) == evidence.amount
                let bExact = open(b) == evidence.amount
                if aExact != bExact { return aExact }
                return InvoiceIndex.earlier(index.invoices[Int(a)], index.invoices[Int(b)])
            }
            var confidence = Self.payerConfidence(top.support)
            if ranked.count > 1 {
                let second = ranked[1].support
                let close = second.ibanKnown == top.support.ibanKnown && top.support.score - second.score < 0.1
                confidence = close ? MatchScore.ambiguousCustomer : confidence - MatchScore.otherCustomerPenalty
            }
            let (allocations, overpayment) = allocate(evidence.amount, to: [invoices[0]], open: open)
            // More than is open: the gross paid on a partly paid invoice, or a part already covered by a more
            // confident transfer in this statement. Ask.
            if overpayment > 0 { confidence = min(confidence, MatchScore.conflictCap) }
            return Proposal(allocations: allocations, overpayment: overpayment, confidence: confidence, reason: .amountAndName)
        }
        // Several open invoices of the payer's customer paid together without numbers.
        for payer in evidence.payerCustomers {
            let invoices = index.customers[Int(payer.slot)].invoices.filter { open($0) > 0 }
            guard invoices.count >= 2, invoices.reduce(0, { $0 + open($1) }) == evidence.amount else { continue }
            let (allocations, overpayment) = allocate(evidence.amount, to: invoices, open: open)
            return Proposal(
                allocations: allocations, overpayment: overpayment,
                confidence: Self.payerConfidence(payer) - MatchScore.combinedPenalty, reason: .amountAndName)
        }
        // The amount alone, when only one open invoice has it.
        if candidates.count == 1 {
            let (allocations, overpayment) = allocate(evidence.amount, to: candidates, open: open)
            return Proposal(allocations: allocations, overpayment: overpayment, confidence: MatchScore.amountOnly, reason: .amountOnly)
        }
        return nil
    }

    /// Rule 3 without an amount: the payer is a customer; their invoices are served by due date.
    func byPayer(_ evidence: Evidence, open: (Int32) -> Int64) -> Proposal? {
        let fitting = evidence.payerCustomers.filter { payer in
            index.customers[Int(payer.slot)].invoices.contains { open($0) > 0 }
        }
        guard let top = fitting.first else { return nil }
        if fitting.count > 1, fitting[1].ibanKnown == top.ibanKnown, top.score - fitting[1].score < 0.1 {
            return nil  // two customers fit equally well
        }
        let invoices = index.customers[Int(top.slot)].invoices.filter { open($0) > 0 }
        let (allocations, overpayment) = allocate(evidence.amount, to: invoices, open: open)
        return Proposal(
            allocations: allocations, overpayment: overpayment,
            confidence: top.ibanKnown ? MatchScore.ibanOnly : MatchScore.nameOnly, reason: .nameOnly)
    }

    static func ranks(_ a: PayerCandidate, above b: PayerCandidate) -> Bool {
        if a.ibanKnown != b.ibanKnown { return a.ibanKnown }
        if a.score != b.score { return a.score > b.score }
        return a.slot < b.slot
    }

    static func payerConfidence(_ payer: PayerCandidate) -> Int {
        if payer.ibanKnown && payer.score >= MatchScore.sameName { return MatchScore.amountIBANAndName }
        if payer.ibanKnown { return MatchScore.amountAndIBAN }
        if payer.score >= MatchScore.sameName { return MatchScore.amountAndSameName }
        return MatchScore.amountAndSimilarName
    }
}
