import GRDB
import KontorApp
import KontorCore

/// The reports' figures added up in SQL, so that a report reads a handful of rows whatever the size of the book.
extension GRDBBook {
    func revenueByDay(from first: Day, through last: Day) throws -> [Day: (gross: Money, invoices: Int)] {
        // Every invoice issued in the range from one index alone, less the few cancelled ones: joining each of a
        // year's 60,000 invoices with its balance to ask whether it was cancelled cost ten times as much.
        let arguments: StatementArguments = [first.description, last.description]
        let issued = try Row.fetchAll(
            db,
            sql: """
                SELECT issueDate, SUM(grossCents), COUNT(*) FROM invoice
                WHERE kind = 'invoice' AND issueDate >= ? AND issueDate <= ? GROUP BY issueDate
                """,
            arguments: arguments)
        let cancelled = try Row.fetchAll(
            db,
            sql: """
                SELECT i.issueDate, SUM(i.grossCents), COUNT(*)
                FROM invoiceBalance b CROSS JOIN invoice i ON i.id = b.invoiceId
                WHERE b.cancelledByNumber IS NOT NULL AND i.kind = 'invoice' AND i.issueDate >= ? AND i.issueDate <= ?
                GROUP BY i.issueDate
                """,
            arguments: arguments)
        var days: [Day: (gross: Money, invoices: Int)] = [:]
        for row in issued {
            days[try Convert.day(row[0] as String)] = (Money(cents: row[1]), row[2])
        }
        for row in cancelled {
            let day = try Convert.day(row[0] as String)
            guard let all = days[day] else { continue }
            let remaining = (gross: all.gross - Money(cents: row[1]), invoices: all.invoices - (row[2] as Int))
            days[day] = remaining.invoices > 0 ? remaining : nil
        }
        return days
    }

    func inquiryTallies(receivedSince first: Day?) throws -> [InquiryConversion.Tally] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT i.channel, COUNT(*), COUNT(i.answeredOn),
                       COALESCE(SUM(CAST(julianday(i.answeredOn) - julianday(i.receivedOn) AS INTEGER)), 0),
                       SUM(i.status IN ('quoted', 'won') OR EXISTS (SELECT 1 FROM quote q WHERE q.inquiryId = i.id)),
                       SUM(i.status = 'won'), SUM(i.status = 'lost')
                FROM inquiry i WHERE i.receivedOn >= ? GROUP BY i.channel
                """,
            arguments: [first?.description ?? ""]
        ).map { row in
            InquiryConversion.Tally(
                channel: try Convert.choice(row[0] as String, as: InquiryChannel.self), inquiries: row[1],
                answered: row[2], answerDays: row[3], quoted: row[4], won: row[5], lost: row[6])
        }
    }

    func acceptedOrderValues(receivedSince first: Day?) throws -> [InquiryChannel: [Money]] {
        // The accepted quotes with their inquiry's channel, then all their lines, in two reads: one quote at a time
        // cost a second at scale 100.
        let quotes = try Row.fetchAll(
            db,
            sql: """
                SELECT q.*, i.channel AS inquiryChannel FROM inquiry i CROSS JOIN quote q ON q.inquiryId = i.id
                WHERE i.status = 'won' AND i.receivedOn >= ? AND q.status = 'accepted'
                """,
            arguments: [first?.description ?? ""])
        let records = try quotes.map { (record: try QuoteRecord(row: $0), channel: $0["inquiryChannel"] as String) }
        let lines = Dictionary(
            grouping: try QuoteLineRecord.fetchAll(
                db,
                sql: """
                    SELECT * FROM quoteLine WHERE quoteId IN (SELECT value FROM json_each(?)) ORDER BY quoteId, position
                    """,
                arguments: [try SnapshotJSON.encode(records.compactMap(\.record.id))]),
            by: \.quoteId)
        var values: [InquiryChannel: [Money]] = [:]
        for (record, channel) in records {
            guard let id = record.id else { continue }
            let quote = try record.domain(lines: (lines[id] ?? []).map { try $0.domain() })
            values[try Convert.choice(channel, as: InquiryChannel.self), default: []].append(quote.net)
        }
        return values
    }
}
