import KontorCore

/// Matches incoming bank credits to open invoices. Pure: no database, no I/O, no clock.
///
/// ## Rules
/// 1. **Invoice number.** A number anywhere in the remittance text, end-to-end id or (non-RF) structured reference,
///    however it is typed: `RE 2026-0001`, `Rg.Nr. 2026 0001`, `Rechnung 2026/0001`, `20260001`, `re2026-0001`,
///    and `2026-1` when that is unambiguous. Numbers are compared by their digits; IBANs, dates, amounts and phone
///    numbers are hidden first (see `RemittanceScanner`). Several numbers in one text pay several invoices: when the
///    amount equals their open sum each is paid in full (high confidence), otherwise the amount goes to them in order
///    of due date.
/// 2. **Creditor reference.** A valid ISO 11649 reference (`RF18 …`, check digits verified) whose digits are an
///    invoice number (leading zeros ignored) — in the structured reference or typed into the text.
/// 3. **Amount and payer.** Without a number: the amount equals an invoice's open amount (or its gross) and the
///    payer's name is similar to the customer's (`PartyName`: case, umlauts, legal forms, punctuation, word order,
///    truncation) or the payer's IBAN is one the customer paid from before → medium-high confidence. A customer's
///    open invoices paid together without numbers (amount = their open sum) count too, a little lower. The amount
///    alone, when it is unique among open invoices → low (review). The payer alone → low (review), allocated to
///    that customer's invoices by due date.
/// 4. **Partial and over-payments.** Less than open → the amount is allocated (by due date over several invoices).
///    More than open → each invoice gets what it has open and the rest is `overpayment`.
/// 5. **Never** debits, reversals, `info` entries, entries in another currency than EUR, or amounts of zero.
///    No invoice ever gets more than it has open.
/// 6. **Greedy over the statement.** Entries are committed in order of descending confidence (then statement order);
///    each commit reduces what the invoices have open, and an entry whose proposal changed by that is re-evaluated
///    before it is committed. So an invoice covered by a more confident entry cannot be allocated again; a later
///    transfer naming only covered invoices becomes a low-confidence match with everything as `overpayment`
///    (a double payment to review), and two equal transfers from one customer pay two equal invoices.
///
/// ## Confidence (0…100; `MatchingPolicy.autoApplyThreshold` is 80 by default)
/// | Evidence | Confidence |
/// |---|---|
/// | Number typed in groups (`2026-0001`) / one group (`20260001`) / date-like group or `2026-1` | 85 / 82 / 75 |
/// |   + keyword before it (RE, Rg., Rechnung, Nr. …) | +5 |
/// |   + amount equals open sum or gross sum | +10 |
/// |   + payer name similar (≥ 0.75) or IBAN known | +10 |
/// |   neither amount nor payer fits (a number alone could be a customer's order number) | at most 75 |
/// |   payer is clearly another customer | at most 70 |
/// | Valid `RF` reference (+10 when amount or payer fits) | 90 (100) |
/// | Amount and IBAN and name / IBAN / name ≥ 0.9 / name ≥ 0.75 | 92 / 88 / 86 / 82 |
/// |   several open invoices of the customer paid together: −4; another customer fits as well: −5 or 60 |
/// | Amount only (unique) / IBAN only / name only | 40 / 35 / 30 |
/// | Only invoices already covered (double payment) | 30 |
///
/// A camt collective booking whose parts carry amounts is matched part by part; its confidence is the lowest of its
/// parts, and a part that matches nothing adds its amount to `overpayment` and caps the confidence at 50.
public enum PaymentMatcher {
    /// For each credit entry (debits are ignored), the best match or nil.
    ///
    /// - Parameters:
    ///   - entries: Statement entries; only EUR credits that are not reversals or `info` entries are matched.
    ///   - invoices: The open invoices (invoices with nothing open are ignored).
    ///   - invoiceNumberPattern: The pattern the numbers were made with (`InvoiceNumberFormat.pattern`); it lets the
    ///     matcher read numbers typed without leading zeros (`2026-1`) and know the pattern's literal words.
    ///   - excluding: Identities not to match (entries imported before); the same as leaving those entries out.
    /// - Returns: Matches keyed by `StatementEntry.identity`; entries without any match are absent. When two entries
    ///   share an identity, the first one in the array is matched.
    public static func match(
        _ entries: [StatementEntry], against invoices: [OpenInvoiceCandidate],
        invoiceNumberPattern: String = "{YYYY}-{NNNN}", excluding: Set<String> = []
    ) -> [String: PaymentMatch] {
        var session = PaymentMatchingSession(against: invoices, invoiceNumberPattern: invoiceNumberPattern)
        var seen = excluding
        var evidence: [PaymentMatchingSession.Evidence] = []
        for entry in entries where isMatchable(entry) && seen.insert(entry.identity).inserted {
            if let item = session.evidence(for: entry) { evidence.append(item) }
        }
        var result: [String: PaymentMatch] = [:]
        for (_, match) in session.commit(evidence) { result[match.entryIdentity] = match }
        return result
    }

    /// Rule 5: only booked or pending EUR credits that are not reversals.
    static func isMatchable(_ entry: StatementEntry) -> Bool {
        entry.isCredit && !entry.isReversal && entry.status != .info && entry.amount.cents > 0
            && entry.currency.uppercased() == "EUR"
    }
}
