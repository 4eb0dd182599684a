import Foundation
public import KontorCore

/// What `kontor migrate` copied and what it compared to prove the copy equal.
public struct BookCopyReport: Sendable, Equatable, Codable {
    /// Rows per table, the same in the original and the copy.
    public var rows: [String: Int]
    /// Invoices whose record, PDF and XML were compared.
    public var invoices: Int
    /// Documents compared byte for byte (each issued invoice's PDF and XML).
    public var documents: Int
    /// Customers whose timeline was compared.
    public var timelines: Int

    /// The total number of records.
    public var records: Int { rows.values.reduce(0, +) }
}

extension Kontor {
    /// `kontor migrate --from FILE --to postgres://…`: copies this book, with its history (every record, the audit
    /// journal and the kept documents), into the empty book of `target` in one transaction, then proves the copy
    /// equal by reading both: every row of every table, every invoice with its PDF and XML byte for byte, every
    /// customer's timeline, and the receivables. A difference is an error naming it (the copy stays for a look,
    /// and is not to be used).
    public func copyBook(to target: Kontor, today: Day) async throws -> BookCopyReport {
        let source = try archive
        let destination = try target.archive
        let schema = try await source.schema()
        guard schema == source.knownSchema() else {
            throw ArchiveError.schemaMismatch(
                export: "\(schema.last ?? "-") (\(schema.count))",
                book: "\(source.knownSchema().last ?? "-") (\(source.knownSchema().count))")
        }
        guard try await destination.isEmpty() else { throw ArchiveError.bookNotEmpty(command: "migrate") }
        let original = try await source.dump()
        try await destination.load(original)

        let proof = try await differences(from: target, today: today)
        guard proof.differences.isEmpty else { throw ArchiveError.copyDiffers(differences: proof.differences) }
        return BookCopyReport(
            rows: Dictionary(uniqueKeysWithValues: original.tables.map { ($0.table, $0.rows.count) }),
            invoices: proof.invoices, documents: proof.documents, timelines: proof.timelines)
    }

    /// The proof of `copyBook`, also on its own: where the book of `other` differs from this one — every row of
    /// every table, every invoice with its PDF and XML byte for byte, every customer's timeline, the receivables —
    /// and how much was compared. No differences: the books are equal. Neither book is changed.
    public func differences(from target: Kontor, today: Day) async throws -> BookComparison {
        var differences = BookComparison.rows(try await archive.dump(), try await target.archive.dump())
        var invoiceCount = 0
        var documents = 0
        for invoice in try await invoices(InvoiceQuery()) {
            invoiceCount += 1
            let reference = invoice.number ?? String(invoice.id)
            if try await target.invoice(reference) != invoice {
                differences.append("invoice \(reference): the record differs")
            }
            guard invoice.isIssued else { continue }
            // Rendered without keeping them: comparing must change neither book.
            let pairs = [
                ("PDF", try await renderedInvoicePDF(reference).1, try await target.renderedInvoicePDF(reference).1),
                ("XML", try await renderedInvoiceXML(reference).1, try await target.renderedInvoiceXML(reference).1),
            ]
            for (kind, mine, theirs) in pairs {
                documents += 1
                if mine.data != theirs.data || mine.fileName != theirs.fileName {
                    differences.append("invoice \(reference): the \(kind) differs")
                }
            }
        }
        let customers = try await customers()
        for customer in customers where try await timeline(customerId: customer.id)
            != target.timeline(customerId: customer.id)
        {
            differences.append("customer \(customer.id): the timeline differs")
        }
        if try await receivablesReport(today: today) != target.receivablesReport(today: today) {
            differences.append("the receivables differ")
        }
        return BookComparison(
            differences: differences, invoices: invoiceCount, documents: documents, timelines: customers.count)
    }
}

/// Where two books differ (`Kontor.differences(from:today:)`) and how much was compared.
public struct BookComparison: Sendable, Equatable {
    /// One line per difference; empty when the books are equal.
    public var differences: [String]
    /// Invoices whose record was compared (and, when issued, their PDF and XML).
    public var invoices: Int
    /// Documents compared byte for byte.
    public var documents: Int
    /// Customers whose timeline was compared.
    public var timelines: Int

    /// Compares two dumps row by row, by column name (two stores may order a table's columns differently).
    static func rows(_ original: BookDump, _ copy: BookDump) -> [String] {
        var differences: [String] = []
        let copied = Dictionary(copy.tables.map { ($0.table, $0) }, uniquingKeysWith: { first, _ in first })
        for table in original.tables {
            guard let other = copied[table.table] else {
                differences.append("table \(table.table): missing in the copy")
                continue
            }
            guard Set(table.columns) == Set(other.columns) else {
                differences.append("table \(table.table): other columns in the copy")
                continue
            }
            guard table.rows.count == other.rows.count else {
                differences.append("table \(table.table): \(table.rows.count) rows, \(other.rows.count) in the copy")
                continue
            }
            let positions = table.columns.map { column in other.columns.firstIndex(of: column)! }
            for (index, (row, copiedRow)) in zip(table.rows, other.rows).enumerated()
            where row != positions.map({ copiedRow[$0] }) {
                differences.append("table \(table.table): row \(index + 1) differs")
            }
        }
        return differences
    }
}
