import KontorCore

/// `PaymentMatcher` for a statement that arrives in parts: the evidence of each entry is gathered as the entry is
/// read (`evidence(for:)`, the costly half), and `commit` decides over all of them at the end, greedily by
/// confidence exactly as `PaymentMatcher.match` does (rule 6 needs the whole statement). The gathered evidence is
/// small next to the entries, so the entries themselves need not be kept.
public struct PaymentMatchingSession: Sendable {
    private var run: MatchingRun

    /// What one matchable entry says, to be handed back to `commit`.
    public struct Evidence: Sendable {
        /// The entry's identity (`StatementEntry.identity`).
        public let identity: String
        fileprivate var work: MatchingRun.Work
    }

    /// - Parameters:
    ///   - invoices: The open invoices (invoices with nothing open are ignored).
    ///   - invoiceNumberPattern: The pattern the numbers were made with (`InvoiceNumberFormat.pattern`).
    public init(against invoices: [OpenInvoiceCandidate], invoiceNumberPattern: String = "{YYYY}-{NNNN}") {
        run = MatchingRun(index: InvoiceIndex(invoices: invoices, shape: InvoiceNumberShape(pattern: invoiceNumberPattern)))
    }

    /// The evidence of `entry`, or nil when the entry can never be matched: it is not matchable (`PaymentMatcher`
    /// rule 5), or it names no invoice, its payer is no customer and its amount is no invoice's (what stays open
    /// only shrinks while the statement is matched, so nothing can make a match of it later).
    public mutating func evidence(for entry: StatementEntry) -> Evidence? {
        guard PaymentMatcher.isMatchable(entry) else { return nil }
        let work = run.work(for: entry, position: 0)
        guard run.mayPropose(work) else { return nil }
        return Evidence(identity: entry.identity, work: work)
    }

    /// The matches of `evidence` (one element per entry, each entry once, in statement order), committed greedily;
    /// keyed by the position in `evidence`, in that order.
    public consuming func commit(_ evidence: [Evidence]) -> [(position: Int, match: PaymentMatch)] {
        var works: [MatchingRun.Work] = []
        works.reserveCapacity(evidence.count)
        for (position, item) in evidence.enumerated() {
            var work = item.work
            work.position = position
            works.append(work)
        }
        let index = run.index
        return run.commitGreedily(works).sorted { $0.position < $1.position }.map { position, proposal in
            let match = PaymentMatch(
                entryIdentity: evidence[position].identity,
                allocations: proposal.allocations.map {
                    MatchAllocation(invoiceId: index.invoices[Int($0.invoice)].invoiceId, amount: Money(cents: $0.cents))
                },
                confidence: proposal.confidence, reason: proposal.reason, overpayment: Money(cents: proposal.overpayment))
            return (position, match)
        }
    }
}
