public import KontorCore

/// A balance line (camt `Bal`, MT940 `:60F:`/`:62F:`/`:64:` …).
public struct StatementBalance: Sendable, Hashable, Codable {
    /// camt type code (`OPBD`, `CLBD`, `PRCD`, `ITBD`, `OPAV`, `CLAV` …) or MT940 tag (`60F`, `60M`, `62F`, `62M`, `64`, `65`).
    public var type: String
    /// Signed amount: negative for a debit balance.
    public var amount: Money
    /// The balance's own currency (camt allows a different one per balance).
    public var currency: String
    /// The balance date.
    public var date: Day?

    public init(type: String, amount: Money, currency: String, date: Day?) {
        self.type = type
        self.amount = amount
        self.currency = currency
        self.date = date
    }
}
