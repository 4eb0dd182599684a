import Foundation

/// The regular-customer discount (Stammkundenrabatt): thresholds by invoices paid in full, 1–9 % each.
public struct LoyaltyPolicy: Sendable, Hashable, Codable, CustomStringConvertible {
    /// One step: from this many paid invoices on, this percentage.
    public struct Tier: Sendable, Hashable, Codable {
        public let paidInvoices: Int
        public let percent: Int64

        /// Creates a tier; the percentage must be 1–9.
        public init(paidInvoices: Int, percent: Int64) throws(InputError) {
            guard (1...9).contains(percent) else { throw .invalidLoyaltyPercent(percent) }
            guard paidInvoices >= 1 else {
                throw .invalid(what: .loyaltyThreshold, rule: .loyaltyThresholdFromOne)
            }
            self.paidInvoices = paidInvoices
            self.percent = percent
        }
    }

    /// The tiers, ascending by threshold.
    public let tiers: [Tier]

    /// Creates a policy from tiers (sorted by threshold).
    public init(tiers: [Tier]) { self.tiers = tiers.sorted { $0.paidInvoices < $1.paidInvoices } }

    /// The default: from the 3rd paid invoice 3 %, from the 10th 5 %.
    public static let standard = LoyaltyPolicy(tiers: [
        try! Tier(paidInvoices: 3, percent: 3), try! Tier(paidInvoices: 10, percent: 5),
    ])

    /// No discount at all.
    public static let none = LoyaltyPolicy(tiers: [])

    /// Parses `3:3,10:5` (paid invoices : percent), or `none`.
    public init(parsing text: String) throws(InputError) {
        if text.lowercased() == "none" || text.isEmpty {
            self = .none
            return
        }
        var tiers: [Tier] = []
        for part in text.split(separator: ",") {
            let pieces = part.split(separator: ":")
            guard pieces.count == 2, let count = Int(pieces[0].trimmingCharacters(in: .whitespaces)),
                let percent = Int64(pieces[1].trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "%", with: ""))
            else {
                throw .malformed(what: .loyaltyPolicy, text: text, example: "3:3,10:5 (PAID:PERCENT pairs)")
            }
            tiers.append(try Tier(paidInvoices: count, percent: percent))
        }
        self.init(tiers: tiers)
    }

    /// The discount percentage for a customer with `paidInvoices` invoices paid in full (0 when none applies).
    public func percent(forPaidInvoices paidInvoices: Int) -> Int64 {
        tiers.last { paidInvoices >= $0.paidInvoices }?.percent ?? 0
    }

    public var description: String {
        tiers.isEmpty ? "none" : tiers.map { "\($0.paidInvoices):\($0.percent)" }.joined(separator: ",")
    }
}
