public import KontorBanking
public import KontorCore

/// Books a statement's entries inside one write transaction as they arrive, a chunk at a time: every new entry is
/// stored at once (credits to review, the rest ignored), the matchable ones leave their evidence behind, and
/// `finish` matches all of them greedily over the whole statement, marks the matched entries and books the
/// confident ones as payments. So a statement of 100,000 entries is never held whole, and the result is the one
/// `PaymentMatcher.match` gives for the whole statement at once.
struct StatementBooking {
    private let book: any BookWriter
    /// Who books the payments (`BookActor.signedInName`), read before the transaction.
    private let recorder: String?
    private(set) var result: ImportResult
    /// The stored entries that may match, in statement order.
    private var pending: [Pending] = []
    /// Entries not stored yet: stored several per statement (see `insertNew(bankEntries:)`).
    private var waiting: [BankEntry] = []
    /// The evidence of each entry in `waiting`, position by position.
    private var waitingEvidence: [PaymentMatchingSession.Evidence?] = []

    private struct Pending {
        var evidence: PaymentMatchingSession.Evidence
        /// Whether a match is booked: EUR credits that are booked, not reversals. A pending credit is matched (its
        /// match takes from what is open, as in one `PaymentMatcher.match` call) but stays ignored.
        var bookable: Bool
    }

    /// Entries stored per call of `insertNew(bankEntries:)` (each call is one journal entry).
    private static let batchSize = 1_024

    init(book: any BookWriter, result: ImportResult, recorder: String?) {
        self.book = book
        self.result = result
        self.recorder = recorder
        waiting.reserveCapacity(Self.batchSize)
        waitingEvidence.reserveCapacity(Self.batchSize)
    }

    /// Counts `entries` (`BankEntry(imported:fileName:today:)`) and stores them, several calls' worth at a time;
    /// `evidence` holds each entry's `PaymentMatchingSession.evidence(for:)`, nil for those never matched.
    mutating func take(_ entries: [BankEntry], evidence: [PaymentMatchingSession.Evidence?]) throws {
        precondition(entries.count == evidence.count)
        for (entry, evidence) in zip(entries, evidence) {
            result.entries += 1
            if entry.isCredit {
                result.credits += 1
                result.creditSums[entry.currency, default: .zero] += entry.amount
            } else {
                result.debits += 1
            }
            waiting.append(entry)
            waitingEvidence.append(evidence)
            if waiting.count == Self.batchSize { try flush() }
        }
    }

    /// The matches of every entry that may match, made by the reading thread while the last entries were stored,
    /// on the assumption that all of them are new (`finish` uses them only then).
    struct MatchedAhead: Sendable {
        /// How many entries with evidence they were made for.
        var evidenceCount: Int
        var matches: [(position: Int, match: PaymentMatch)]
    }

    /// Stores what waits, matches every stored entry that may match, marks the matched ones and books the
    /// confident matches as payments (in statement order). When every entry was new, the entries that may match
    /// are all that were read, and `matchedAhead` (which may wait for them) gives their matches if it has them.
    consuming func finish(
        matching session: consuming PaymentMatchingSession, numbers: [Int64: String],
        matchedAhead: () -> MatchedAhead? = { nil }
    ) throws -> ImportResult {
        try flush()
        let threshold = MatchingPolicy().autoApplyThreshold
        let matches: [(position: Int, match: PaymentMatch)]
        if result.alreadyImported == 0, let ahead = matchedAhead(), ahead.evidenceCount == pending.count {
            matches = ahead.matches
        } else {
            matches = session.commit(pending.map(\.evidence))
        }
        for (position, match) in matches where pending[position].bookable {
            guard var entry = try book.bankEntry(identity: match.entryIdentity) else {
                throw AppError.notFound(.bankEntry, id: match.entryIdentity)
            }
            entry.invoiceIds = match.allocations.map(\.invoiceId)
            entry.confidence = match.confidence
            entry.reason = match.reason.rawValue
            let applies = match.confidence >= threshold
            if applies { entry.status = .applied }
            try book.update(bankEntry: entry)
            guard applies else { continue }
            result.queued -= 1
            try Kontor.applyPayments(
                match.allocations, overpayment: match.overpayment, entry: entry, by: recorder, book: book)
            for allocation in match.allocations {
                result.applied.append(ImportResult.Applied(
                    entry: entry.identity, invoiceNumber: numbers[allocation.invoiceId] ?? "?",
                    amount: allocation.amount, confidence: match.confidence, reason: match.reason))
            }
        }
        return result
    }

    /// Stores what waits. Overlapping statements (or the same booking in two files of a ZIP) carry the same
    /// identity: the book stores each once, whether it held it before this import or an earlier entry of it, and
    /// says which it stored (`insertNew`); only those are counted as new and may be matched.
    private mutating func flush() throws {
        guard !waiting.isEmpty else { return }
        let stored = try book.insertNew(bankEntries: waiting)
        for (position, isStored) in stored.enumerated() {
            guard isStored else {
                result.alreadyImported += 1
                continue
            }
            let bookable = waiting[position].status == .review
            if bookable { result.queued += 1 } else { result.ignored += 1 }
            if let evidence = waitingEvidence[position] {
                pending.append(Pending(evidence: evidence, bookable: bookable))
            }
        }
        waiting.removeAll(keepingCapacity: true)
        waitingEvidence.removeAll(keepingCapacity: true)
    }
}

extension BankEntry {
    /// The bank entry an import stores for `entry` (identity already scoped): a booked EUR credit that is no
    /// reversal waits for review (it may pay an invoice), everything else is ignored. Made by whoever reads the
    /// statement — in a streamed import the reading thread, so that the storing thread, the longer of the two, gets
    /// entries ready to store.
    public init(imported entry: StatementEntry, fileName: String, today: Day) {
        let bookable = entry.isCredit && !entry.isReversal && entry.currency == "EUR" && entry.status == .booked
        self.init(
            identity: entry.identity, bookingDate: entry.bookingDate, amount: entry.amount, isCredit: entry.isCredit,
            currency: entry.currency, counterpartyName: entry.counterpartyName,
            counterpartyIBAN: entry.counterpartyIBAN, text: entry.remittanceText,
            status: bookable ? .review : .ignored, importedOn: today, sourceFile: fileName)
    }
}
