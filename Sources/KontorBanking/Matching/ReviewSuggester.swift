public import KontorCore

/// Ranks open invoices for one bank entry waiting in the review queue, best first, against what is open now.
///
/// The payer counts as much as the amount: a customer the payer is known as — an IBAN they paid from before, their
/// name, or a name they paid under before — makes that customer's invoices come first. So a known customer's open
/// invoice wins over another customer's invoice of the same amount, and a payer's own invoices of another amount
/// still come before strangers' invoices that merely share the amount.
///
/// | payer is the customer | amount = open | amount = gross | otherwise |
/// |---|---|---|---|
/// | by IBAN and name / IBAN or name | 100 / 95 | 85 / 80 | 60 / 55 (oldest due first) |
/// | no | 40 (20 when the payer is clearly someone else) | 30 (15) | not suggested |
public enum ReviewSuggester {
    /// One suggestion: the invoice and how strongly the evidence supports it.
    public struct Suggestion: Sendable, Hashable {
        public var invoiceId: Int64
        public var number: String
        public var customerId: Int64
        /// 0…100, see the table in `ReviewSuggester`.
        public var score: Int
    }

    /// Suggestions for a payment of `amount` from `payerName`/`payerIBAN`, best first.
    /// - Parameters:
    ///   - invoices: Open invoices with their customers' IBAN history (`customerIBANs`).
    ///   - payerNames: Names each customer (by id) paid under before, from earlier bank entries.
    ///   - limit: At most this many suggestions.
    public static func rank(
        amount: Money, payerName: String?, payerIBAN: String?, invoices: [OpenInvoiceCandidate],
        payerNames: [Int64: [String]] = [:], limit: Int = 5
    ) -> [Suggestion] {
        let payer = payerName.map(PartyName.init).flatMap { $0.isEmpty ? nil : $0 }
        let iban = payerIBAN.map(MatchText.compactIBAN).flatMap { $0.isEmpty ? nil : $0 }
        var support: [Int64: (iban: Bool, name: Bool)] = [:]
        for invoice in invoices where support[invoice.customerId] == nil {
            let ibanKnown = iban.map { known in invoice.customerIBANs.contains { MatchText.compactIBAN($0) == known } }
                ?? false
            let names = [invoice.customerName] + (payerNames[invoice.customerId] ?? [])
            let nameFits = payer.map { payer in
                names.contains { payer.similarity(to: PartyName($0)) >= MatchScore.similarName }
            } ?? false
            support[invoice.customerId] = (ibanKnown, nameFits)
        }
        let someoneElse = support.values.contains { $0.iban || $0.name }
        var ranked: [(suggestion: Suggestion, due: Day)] = []
        for invoice in invoices where invoice.openAmount.cents > 0 {
            let known = support[invoice.customerId] ?? (false, false)
            let exact = invoice.openAmount == amount
            let gross = !exact && invoice.gross == amount
            let score: Int
            if known.iban || known.name {
                let both = known.iban && known.name
                score = exact ? (both ? 100 : 95) : gross ? (both ? 85 : 80) : (both ? 60 : 55)
            } else if exact {
                score = someoneElse ? 20 : 40
            } else if gross {
                score = someoneElse ? 15 : 30
            } else {
                continue
            }
            ranked.append((Suggestion(invoiceId: invoice.invoiceId, number: invoice.number,
                                      customerId: invoice.customerId, score: score), invoice.dueDate))
        }
        ranked.sort {
            if $0.suggestion.score != $1.suggestion.score { return $0.suggestion.score > $1.suggestion.score }
            if $0.due != $1.due { return $0.due < $1.due }
            return $0.suggestion.invoiceId < $1.suggestion.invoiceId
        }
        return ranked.prefix(limit).map(\.suggestion)
    }
}
