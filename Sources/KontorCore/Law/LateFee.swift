/// The lump sum for late payment (§ 288 Abs. 5 BGB).
public enum LateFee {
    /// 40.00 EUR when the debtor is not a consumer, nothing for consumers.
    ///
    /// It is owed once per claim (also for instalments) and is set off against later costs of legal
    /// pursuit; `DunningClaim` applies that set-off.
    public static func lumpSum(debtor: CustomerKind) -> Money {
        switch debtor {
        case .business: return Money(cents: 4_000)
        case .consumer: return .zero
        }
    }
}
