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
        let parsed = Self.scoped(
            try StatementParser.parse(data: data, fileName: fileName, options: options, progress: progress))
        return try await importParsed(parsed, fileName: fileName, dryRun: dryRun, today: today)
    }

    /// As `importStatement(data:…)`, streaming a file from disk.
    public func importStatement(
        at url: URL, options: StatementParseOptions = StatementParseOptions(), dryRun: Bool, today: Day,
        progress: (@Sendable (Int) -> Void)? = nil
    ) async throws -> ImportResult {
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
        // A bank reference is unique per account and direction only (one transfer shows up as a debit on one
        // account and a credit on another), so the stored identity names both.
        var entries: [StatementEntry] = []
        for index in file.statements.indices {
            let account = file.statements[index].accountIBAN ?? file.statements[index].accountId ?? ""
            var list = file.statements[index].entries
            file.statements[index].entries = []
            for position in list.indices {
                let direction = list[position].isCredit ? "C" : "D"
                list[position].identity = "\(account)|\(direction)|\(list[position].identity)"
            }
            if entries.isEmpty { entries = list } else { entries += list }
        }
        return ScopedEntries(format: file.format, warnings: file.warnings, entries: entries)
    }

    private func importParsed(_ parsed: ScopedEntries, fileName: String, dryRun: Bool, today: Day) async throws
        -> ImportResult
    {
        let entries = parsed.entries
        let credits = entries.reduce(0) { $0 + ($1.isCredit ? 1 : 0) }
        var result = ImportResult(
            file: fileName, format: parsed.format.rawValue, dryRun: dryRun, entries: entries.count,
            credits: credits, creditSums: [:], debits: entries.count - credits,
            alreadyImported: 0, applied: [], queued: 0, ignored: 0,
            skippedRows: parsed.warnings.filter { $0.kind == .skippedRow }.count,
            warnings: parsed.warnings)
        for entry in entries where entry.isCredit { result.creditSums[entry.currency, default: .zero] += entry.amount }
        let initial = result
        let outcome = try await store.writeOrRollBack(commit: !dryRun) { book in
            try Kontor.book(entries, into: book, result: initial, fileName: fileName, today: today)
        }
        return outcome
    }

    /// Stores and matches the entries inside one transaction.
    static func book(
        _ entries: [StatementEntry], into book: any BookWriter, result initial: ImportResult, fileName: String, today: Day
    ) throws -> ImportResult {
        var result = initial
        // Overlapping statements (or the same booking in two files of a ZIP) carry the same identity: once only.
        // The entries are not copied into a "fresh" array: the matcher skips the known ones itself.
        let known = try book.knownBankEntries(identities: Set(entries.map(\.identity)))
        let profile = try book.requireProfile()
        let candidates = try openCandidates(book)
        let numbers = Dictionary(uniqueKeysWithValues: candidates.map { ($0.invoiceId, $0.number) })
        let matches = PaymentMatcher.match(
            entries, against: candidates, invoiceNumberPattern: profile.numberFormat.pattern, excluding: known)
        let threshold = MatchingPolicy().autoApplyThreshold
        var seen = known
        // Entries nobody needs the id of wait here and are stored several per statement, in file order (the
        // waiting ones go first whenever an applied entry is stored on its own).
        var waiting: [BankEntry] = []
        waiting.reserveCapacity(batchSize)
        func flush() throws {
            try book.insert(bankEntries: waiting)
            waiting.removeAll(keepingCapacity: true)
        }
        for entry in entries {
            guard seen.insert(entry.identity).inserted else {
                result.alreadyImported += 1
                continue
            }
            var stored = BankEntry(
                identity: entry.identity, bookingDate: entry.bookingDate, amount: entry.amount, isCredit: entry.isCredit,
                currency: entry.currency, counterpartyName: entry.counterpartyName,
                counterpartyIBAN: entry.counterpartyIBAN, text: entry.remittanceText, status: .ignored,
                importedOn: today, sourceFile: fileName)
            guard entry.isCredit, !entry.isReversal, entry.currency == "EUR", entry.status == .booked else {
                result.ignored += 1
                waiting.append(stored)
                if waiting.count == batchSize { try flush() }
                continue
            }
            let match = matches[entry.identity]
            stored.invoiceIds = match?.allocations.map(\.invoiceId) ?? []
            stored.confidence = match?.confidence ?? 0
            stored.reason = match?.reason.rawValue
            if let match, match.confidence >= threshold {
                stored.status = .applied
                try flush()
                let saved = try book.insert(bankEntry: stored)
                try applyPayments(match.allocations, overpayment: match.overpayment, entry: saved, book: book)
                for allocation in match.allocations {
                    result.applied.append(ImportResult.Applied(
                        entry: entry.identity, invoiceNumber: numbers[allocation.invoiceId] ?? "?",
                        amount: allocation.amount, confidence: match.confidence, reason: match.reason))
                }
            } else {
                stored.status = .review
                waiting.append(stored)
                if waiting.count == batchSize { try flush() }
                result.queued += 1
            }
        }
        try flush()
        return result
    }

    /// Entries stored per call of `insert(bankEntries:)`.
    private static let batchSize = 1_024

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
        _ allocations: [MatchAllocation], overpayment: Money, entry: BankEntry, book: any BookWriter
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
                confirmOverpayment: true)
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
        try await store.write { book in
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
                book: book)
            return entry
        }
    }

    /// Removes an entry from the review queue (e.g. a refund that is not a customer payment).
    public func dismissBankEntry(id: Int64) async throws -> BankEntry {
        try await store.write { book in
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
