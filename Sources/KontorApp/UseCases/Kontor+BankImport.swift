public import Foundation
public import KontorBanking
public import KontorCore

/// What an import did with one statement file.
public struct ImportResult: Sendable, Codable {
    /// A payment booked from the statement.
    public struct Applied: Sendable, Codable {
        public var entry: String
        public var invoiceNumber: String
        public var amount: Money
        public var confidence: Int
        public var reason: MatchReason
    }

    public var file: String
    public var format: String
    public var dryRun: Bool
    /// Bookings in the file (camt Ntry, MT940 :61:, CSV rows).
    public var entries: Int
    /// Money-in bookings and their sums per currency.
    public var credits: Int
    public var creditSums: [String: Money]
    public var debits: Int
    public var alreadyImported: Int
    public var applied: [Applied]
    /// Credits waiting in the review queue (uncertain or unknown).
    public var queued: Int
    /// Debits, reversals and foreign currency.
    public var ignored: Int
    /// Rows the parser could not read and skipped (named in `warnings`).
    public var skippedRows: Int
    public var warnings: [ParseWarning]

    /// A result before any entry is counted.
    init(file: String, format: String, dryRun: Bool, skippedRows: Int, warnings: [ParseWarning]) {
        self.file = file
        self.format = format
        self.dryRun = dryRun
        entries = 0
        credits = 0
        creditSums = [:]
        debits = 0
        alreadyImported = 0
        applied = []
        queued = 0
        ignored = 0
        self.skippedRows = skippedRows
        self.warnings = warnings
    }
}

/// An entry in the review queue with the matcher's suggestion.
public struct ReviewItem: Sendable, Codable {
    public var entry: BankEntry
    public var suggestedInvoices: [String]
}

extension Kontor {
    /// Imports a bank statement (camt.053 XML or ZIP, MT940, CSV): every booking is stored once (the same file
    /// twice adds nothing), credits are matched to open invoices; confident matches become payments, the rest
    /// waits for review. A file that cannot be read imports nothing. `dryRun` reports without keeping anything.
    public func importStatement(
        data: Data, fileName: String, options: StatementParseOptions = StatementParseOptions(), dryRun: Bool,
        today: Day, progress: (@Sendable (Int) -> Void)? = nil
    ) async throws -> ImportResult {
        try Self.authorize(.importStatements)
        let source = StatementSource(url: nil, data: data, fileName: fileName, options: options, progress: progress)
        if let result = try await importStreamed(source, dryRun: dryRun, today: today) { return result }
        let parsed = Self.scoped(
            try StatementParser.parse(data: data, fileName: fileName, options: options, progress: progress))
        return try await importParsed(parsed, fileName: fileName, dryRun: dryRun, today: today)
    }

    /// As `importStatement(data:…)`, streaming a file from disk.
    public func importStatement(
        at url: URL, options: StatementParseOptions = StatementParseOptions(), dryRun: Bool, today: Day,
        progress: (@Sendable (Int) -> Void)? = nil
    ) async throws -> ImportResult {
        try Self.authorize(.importStatements)
        let source = StatementSource(
            url: url, data: nil, fileName: url.lastPathComponent, options: options, progress: progress)
        if let result = try await importStreamed(source, dryRun: dryRun, today: today) { return result }
        let parsed = Self.scoped(try StatementParser.parse(contentsOf: url, options: options, progress: progress))
        return try await importParsed(parsed, fileName: url.lastPathComponent, dryRun: dryRun, today: today)
    }

    /// A parsed file's entries in one array, each identity scoped to its account and direction.
    struct ScopedEntries: Sendable {
        var format: StatementFormat
        var warnings: [ParseWarning]
        var entries: [StatementEntry]
    }

    /// Moves the entries out of `file` and rewrites their identities in place: a large statement is held once,
    /// not as the parsed file plus a scoped copy (~30 MiB per copy of 100,000 entries).
    static func scoped(_ file: consuming StatementFile) -> ScopedEntries {
        var entries: [StatementEntry] = []
        for index in file.statements.indices {
            let account = file.statements[index].accountIBAN ?? file.statements[index].accountId ?? ""
            var list = file.statements[index].entries
            file.statements[index].entries = []
            scope(&list, account: account)
            if entries.isEmpty { entries = list } else { entries += list }
        }
        return ScopedEntries(format: file.format, warnings: file.warnings, entries: entries)
    }

    /// A bank reference is unique per account and direction only (one transfer shows up as a debit on one account
    /// and a credit on another), so the stored identity names both.
    static func scope(_ entries: inout [StatementEntry], account: String) {
        for position in entries.indices {
            let direction = entries[position].isCredit ? "C" : "D"
            entries[position].identity = "\(account)|\(direction)|\(entries[position].identity)"
        }
    }

    private func importParsed(_ parsed: ScopedEntries, fileName: String, dryRun: Bool, today: Day) async throws
        -> ImportResult
    {
        let initial = ImportResult(
            file: fileName, format: parsed.format.rawValue, dryRun: dryRun,
            skippedRows: parsed.warnings.filter { $0.kind == .skippedRow }.count, warnings: parsed.warnings)
        let recorder = BookActor.signedInName
        return try await store.writeOrRollBack(commit: !dryRun) { book in
            let matching = try MatchingStart(book)
            var session = matching.session()
            let evidence = parsed.entries.map { session.evidence(for: $0) }
            var booking = StatementBooking(book: book, result: initial, recorder: recorder)
            try booking.take(
                parsed.entries.map { BankEntry(imported: $0, fileName: fileName, today: today) },
                evidence: evidence)
            return try booking.finish(matching: session, numbers: matching.numbers)
        }
    }

    /// Where a statement comes from, for `importStreamed`.
    private struct StatementSource: Sendable {
        var url: URL?
        var data: Data?
        var fileName: String
        var options: StatementParseOptions
        var progress: (@Sendable (Int) -> Void)?
    }

    /// A camt XML file read on a thread of its own while the chunks read before are stored in the transaction
    /// (`StatementParser.streamCamt`, `ChunkHandoff`, `StatementBooking`): one core reads and weighs the evidence,
    /// the other stores, and no more than a few chunks are in memory. Nil, having kept nothing, when the file is
    /// to be read whole: it is not camt XML, or the byte scanner declined it (an unusual file, or an error that
    /// `StatementParser.parse` reports with its line).
    private func importStreamed(_ source: StatementSource, dryRun: Bool, today: Day) async throws -> ImportResult? {
        guard StatementParser.canStreamCamt(url: source.url, data: source.data, fileName: source.fileName,
                                            options: source.options)
        else { return nil }
        let initial = ImportResult(
            file: source.fileName, format: StatementFormat.camt.rawValue, dryRun: dryRun, skippedRows: 0, warnings: [])
        let recorder = BookActor.signedInName
        do {
            return try await store.writeOrRollBack(commit: !dryRun) { book in
                let matching = try MatchingStart(book)
                let handoff = ChunkHandoff<ReadChunk, PaymentMatchingSession?>(capacity: 2)
                // The reader's matches of all it read, made while the last chunks are stored (no chunks, just that).
                let ahead = ChunkHandoff<Never, StatementBooking.MatchedAhead?>(capacity: 1)
                let reader = Thread {
                    var session = matching.session()
                    var matchable: [PaymentMatchingSession.Evidence] = []
                    let complete = StatementParser.streamCamt(
                        url: source.url, data: source.data, fileName: source.fileName, options: source.options,
                        progress: source.progress
                    ) { account, entries in
                        var entries = entries
                        Kontor.scope(&entries, account: account)
                        let evidence = entries.map { session.evidence(for: $0) }
                        matchable += evidence.compactMap { $0 }
                        let stored = entries.map { BankEntry(imported: $0, fileName: source.fileName, today: today) }
                        return handoff.put(ReadChunk(entries: stored, evidence: evidence))
                    }
                    handoff.finish(complete ? session : nil)
                    let matches = complete ? session.commit(matchable) : nil
                    ahead.finish(matches.map { .init(evidenceCount: matchable.count, matches: $0) })
                }
                reader.start()
                var booking = StatementBooking(book: book, result: initial, recorder: recorder)
                do {
                    while let chunk = handoff.take() { try booking.take(chunk.entries, evidence: chunk.evidence) }
                } catch {
                    handoff.cancel()
                    _ = handoff.outcome()
                    throw error
                }
                guard let session = handoff.outcome() else { throw StreamDeclined() }
                return try booking.finish(matching: session, numbers: matching.numbers, matchedAhead: ahead.outcome)
            }
        } catch is StreamDeclined {
            return nil
        }
    }

    /// Entries read by the reading thread, as they are to be stored, with their evidence.
    private struct ReadChunk: Sendable {
        var entries: [BankEntry]
        var evidence: [PaymentMatchingSession.Evidence?]
    }

    /// Thrown inside the transaction of `importStreamed` to roll back what it stored before the scanner declined.
    private struct StreamDeclined: Error {}

    /// What matching a statement starts from: the open invoices as the matcher sees them.
    private struct MatchingStart: Sendable {
        let candidates: [OpenInvoiceCandidate]
        let pattern: String
        /// The invoices' numbers by id, for the result.
        let numbers: [Int64: String]

        init(_ book: any BookReader) throws {
            candidates = try Kontor.openCandidates(book)
            pattern = try book.requireProfile().numberFormat.pattern
            numbers = Dictionary(uniqueKeysWithValues: candidates.map { ($0.invoiceId, $0.number) })
        }

        func session() -> PaymentMatchingSession {
            PaymentMatchingSession(against: candidates, invoiceNumberPattern: pattern)
        }
    }

    /// The open issued invoices as the matcher sees them, with each customer's IBAN history. What a debtor pays
    /// after a Mahnung is the whole claim: principal plus the interest and costs it claimed.
    static func openCandidates(_ book: any BookReader) throws -> [OpenInvoiceCandidate] {
        // Balances, not invoices: the lines are not needed to say what is open, and an agency has thousands open.
        let open = try book.openBalances()
        let ibans = try book.customerIBANs(customerIds: Set(open.map(\.customerId)))
        let charges = Dictionary(
            grouping: try book.dunningCharges(invoiceIds: Set(open.map(\.invoiceId))), by: \.invoiceId)
        let chargedPayments = try book.payments(invoiceIds: Set(charges.keys))
        return open.map {
            let claim = InvoiceAccount.openClaim(
                principal: $0.open, charges: charges[$0.invoiceId] ?? [], payments: chargedPayments[$0.invoiceId] ?? [])
            return OpenInvoiceCandidate(
                invoiceId: $0.invoiceId, number: $0.number, customerId: $0.customerId, customerName: $0.buyerName,
                customerIBANs: ibans[$0.customerId] ?? [], openAmount: claim.total, gross: $0.gross,
                issueDate: $0.issueDate, dueDate: $0.dueDate)
        }
    }

    /// Books the allocations as payments; an overpayment goes onto the last invoice and stays credit there. Each
    /// payment is allocated like a typed one (§ 367 BGB over the invoice's account, the regular-customer rule).
    static func applyPayments(
        _ allocations: [MatchAllocation], overpayment: Money, entry: BankEntry, by recorder: String?,
        book: any BookWriter
    ) throws {
        for (index, allocation) in allocations.enumerated() {
            guard let invoice = try book.invoice(id: allocation.invoiceId) else {
                throw AppError.notFound(.invoice, id: "\(allocation.invoiceId)")
            }
            let amount = allocation.amount + (index == allocations.count - 1 ? overpayment : .zero)
            guard amount.cents > 0 else { continue }
            // The money is on the account: an overpayment is booked and shown as credit, not refused.
            _ = try book.bookReceived(
                amount, on: entry.bookingDate, invoice: invoice,
                note: "Kontoauszug: \(entry.counterpartyName ?? "") \(entry.text.prefix(60))", bankEntryId: entry.id,
                confirmOverpayment: true, by: recorder)
        }
    }

    /// The review queue, each entry with its suggestions best first (`ReviewSuggester`: the payer's IBAN and name
    /// history weighed with the amount, against what is open now).
    public func reviewQueue() async throws -> [ReviewItem] {
        try await store.read { book in
            let entries = try book.bankEntries(status: .review)
            guard !entries.isEmpty else { return [] }
            let candidates = try Kontor.openCandidates(book)
            let names = try book.customerPayerNames(customerIds: Set(candidates.map(\.customerId)))
            return entries.map { entry in
                let ranked = ReviewSuggester.rank(
                    amount: entry.amount, payerName: entry.counterpartyName, payerIBAN: entry.counterpartyIBAN,
                    invoices: candidates, payerNames: names)
                return ReviewItem(entry: entry, suggestedInvoices: ranked.map(\.number))
            }
        }
    }

    /// Assigns a reviewed (or any unassigned) bank entry to an invoice by hand and books the payment.
    public func assignBankEntry(id: Int64, invoice reference: String) async throws -> BankEntry {
        try Self.authorize(.importStatements)
        let recorder = BookActor.signedInName
        return try await store.write { book in
            guard var entry = try book.bankEntry(id: id) else { throw AppError.notFound(.bankEntry, id: "\(id)") }
            guard entry.status == .review, entry.isCredit else {
                throw WorkflowError.bankEntryNotInReview(id: id, status: entry.status)
            }
            let invoice = try book.requireInvoice(reference)
            guard invoice.isIssued, invoice.kind == .invoice, !invoice.isCancelled else {
                throw WorkflowError.notPayable(reference: reference)
            }
            entry.status = .assigned
            entry.invoiceIds = [invoice.id]
            try book.update(bankEntry: entry)
            try Kontor.applyPayments(
                [MatchAllocation(invoiceId: invoice.id, amount: entry.amount)], overpayment: .zero, entry: entry,
                by: recorder, book: book)
            return entry
        }
    }

    /// Removes an entry from the review queue (e.g. a refund that is not a customer payment).
    public func dismissBankEntry(id: Int64) async throws -> BankEntry {
        try Self.authorize(.importStatements)
        return try await store.write { book in
            guard var entry = try book.bankEntry(id: id) else { throw AppError.notFound(.bankEntry, id: "\(id)") }
            guard entry.status == .review else {
                throw WorkflowError.bankEntryNotInReview(id: id, status: entry.status)
            }
            entry.status = .dismissed
            try book.update(bankEntry: entry)
            return entry
        }
    }
}

/// Thrown inside a dry-run transaction to roll it back after computing the result.
struct DryRunRollback: Error {
    let result: any Sendable
}

extension BookStore {
    /// Runs `body` in a write transaction and keeps the changes only when `commit` is true.
    func writeOrRollBack<T: Sendable>(commit: Bool, _ body: @escaping @Sendable (any BookWriter) throws -> T) async throws -> T {
        guard !commit else { return try await write(body) }
        do {
            _ = try await write { book -> T in
                let result = try body(book)
                throw DryRunRollback(result: result)
            }
        } catch let rollback as DryRunRollback {
            guard let result = rollback.result as? T else { preconditionFailure("dry run result of another type") }
            return result
        }
        preconditionFailure("a dry run always rolls back")
    }
}
