import GRDB
import KontorApp
import KontorCore

/// The reports' figures added up in SQL, so that a report reads a handful of rows whatever the size of the book.
extension GRDBBook {
    func revenueByMonth(from first: Day, through last: Day) throws -> [Day: (gross: Money, invoices: Int)] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT substr(i.issueDate, 1, 7) || '-01', SUM(b.grossCents), COUNT(*)
                FROM invoice i JOIN invoiceBalance b ON b.invoiceId = i.id
                WHERE i.kind = 'invoice' AND b.cancelledByNumber IS NULL AND i.issueDate >= ? AND i.issueDate <= ?
                GROUP BY 1
                """,
            arguments: [first.description, last.description])
        var months: [Day: (gross: Money, invoices: Int)] = [:]
        for row in rows {
            months[try Convert.day(row[0] as String)] = (Money(cents: row[1]), row[2])
        }
        return months
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
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT q.id, i.channel FROM quote q JOIN inquiry i ON i.id = q.inquiryId
                WHERE q.status = 'accepted' AND i.status = 'won' AND i.receivedOn >= ?
                """,
            arguments: [first?.description ?? ""])
        var values: [InquiryChannel: [Money]] = [:]
        for row in rows {
            guard let quote = try quote(id: row[0]) else { continue }
            values[try Convert.choice(row[1] as String, as: InquiryChannel.self), default: []].append(quote.net)
        }
        return values
    }
}
