import Foundation
import KontorApp
import KontorCore
import PostgresNIO

/// The reports' figures added up in SQL (`GRDBBook+Reports`), so that a report reads a handful of rows whatever the
/// size of the book.
extension PostgresBook {
    func revenueByDay(from first: Day, through last: Day) throws -> [Day: (gross: Money, invoices: Int)] {
        // Every invoice issued in the range, less the few cancelled ones, as the SQLite store adds them up.
        let issued = try rows(
            #"""
            SELECT "issueDate", COALESCE(SUM("grossCents"), 0)::bigint AS "gross", COUNT(*) AS "invoices"
            FROM "invoice"
            WHERE "kind" = 'invoice' AND "issueDate" >= \#(first.description) AND "issueDate" <= \#(last.description)
            GROUP BY "issueDate"
            """#
        ) { (day: try $0.day("issueDate"), gross: try $0.money("gross"), invoices: try $0("invoices", as: Int.self)) }
        let cancelled = try rows(
            #"""
            SELECT i."issueDate", COALESCE(SUM(i."grossCents"), 0)::bigint AS "gross", COUNT(*) AS "invoices"
            FROM "invoiceBalance" b JOIN "invoice" i ON i."id" = b."invoiceId"
            WHERE b."cancelledByNumber" IS NOT NULL AND i."kind" = 'invoice'
              AND i."issueDate" >= \#(first.description) AND i."issueDate" <= \#(last.description)
            GROUP BY i."issueDate"
            """#
        ) { (day: try $0.day("issueDate"), gross: try $0.money("gross"), invoices: try $0("invoices", as: Int.self)) }
        var days: [Day: (gross: Money, invoices: Int)] = [:]
        for row in issued { days[row.day] = (row.gross, row.invoices) }
        for row in cancelled {
            guard let all = days[row.day] else { continue }
            let remaining = (gross: all.gross - row.gross, invoices: all.invoices - row.invoices)
            days[row.day] = remaining.invoices > 0 ? remaining : nil
        }
        return days
    }

    func inquiryTallies(receivedSince first: Day?) throws -> [InquiryConversion.Tally] {
        // SQLite's `julianday(answeredOn) - julianday(receivedOn)` of two days is the days between them, as the
        // difference of two dates is here.
        try rows(
            #"""
            SELECT i."channel", COUNT(*) AS "inquiries", COUNT(i."answeredOn") AS "answered",
                   COALESCE(SUM(i."answeredOn"::date - i."receivedOn"::date), 0)::bigint AS "answerDays",
                   COUNT(*) FILTER (WHERE i."status" IN ('quoted', 'won')
                                    OR EXISTS (SELECT 1 FROM "quote" q WHERE q."inquiryId" = i."id")) AS "quoted",
                   COUNT(*) FILTER (WHERE i."status" = 'won') AS "won",
                   COUNT(*) FILTER (WHERE i."status" = 'lost') AS "lost"
            FROM "inquiry" i WHERE i."receivedOn" >= \#(first?.description ?? "") GROUP BY i."channel"
            """#
        ) { c in
            InquiryConversion.Tally(
                channel: try c.choice("channel"), inquiries: try c("inquiries"), answered: try c("answered"),
                answerDays: try c("answerDays"), quoted: try c("quoted"), won: try c("won"), lost: try c("lost"))
        }
    }

    func acceptedOrderValues(receivedSince first: Day?) throws -> [InquiryChannel: [Money]] {
        // The accepted quotes with their inquiry's channel, then all their lines: two reads, not one per quote.
        let quotes = try rows(
            #"""
            SELECT q.*, i."channel" AS "inquiryChannel" FROM "inquiry" i JOIN "quote" q ON q."inquiryId" = i."id"
            WHERE i."status" = 'won' AND i."receivedOn" >= \#(first?.description ?? "") AND q."status" = 'accepted'
            """#
        ) { c in
            (
                channel: try c.choice("inquiryChannel", as: InquiryChannel.self),
                quote: try c.quote(lines: [])
            )
        }
        guard !quotes.isEmpty else { return [:] }
        let lines = try rows(
            #"""
            SELECT * FROM "quoteLine" WHERE "quoteId" = ANY(\#(quotes.map { $0.quote.id }))
            ORDER BY "quoteId", "position"
            """#
        ) { (quoteId: try $0("quoteId", as: Int64.self), line: try $0.documentLine()) }
        let byQuote = Dictionary(grouping: lines) { $0.quoteId }
        var values: [InquiryChannel: [Money]] = [:]
        for (channel, quote) in quotes {
            var quote = quote
            quote.lines = byQuote[quote.id]?.map { $0.line } ?? []
            values[channel, default: []].append(quote.net)
        }
        return values
    }
}
