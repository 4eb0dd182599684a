/// Net, VAT and gross of a document as EN 16931 computes them: each line rounded to the cent, VAT per
/// rate on the sum of that rate's lines, gross = net + VAT.
public struct InvoiceTotals: Sendable, Hashable, Codable {
    /// The VAT breakdown: one group per rate actually charged.
    public var breakdown: [VATGroup]
    public var net: Money
    public var vat: Money
    public var gross: Money

    /// Totals of nothing.
    public static let zero = InvoiceTotals(breakdown: [], net: .zero, vat: .zero, gross: .zero)

    /// Creates totals.
    public init(breakdown: [VATGroup], net: Money, vat: Money, gross: Money) {
        self.breakdown = breakdown
        self.net = net
        self.vat = vat
        self.gross = gross
    }

    /// Computes the totals of `lines` under `treatment`, from the one ``TaxBreakdown``.
    public init(lines: [DocumentLine], treatment: TaxTreatment) {
        self.init(TaxBreakdown(lines: lines, treatment: treatment))
    }

    /// The totals of a breakdown: one group per category and rate.
    public init(_ taxes: TaxBreakdown) {
        breakdown = taxes.groups.map { VATGroup(rate: $0.category.rate, net: $0.basis, vat: $0.tax) }
        net = taxes.net
        vat = taxes.tax
        gross = taxes.gross
    }
}

/// The taxable amount and tax of one VAT rate.
public struct VATGroup: Sendable, Hashable, Codable {
    public var rate: VATRate
    public var net: Money
    public var vat: Money

    /// Creates a group.
    public init(rate: VATRate, net: Money, vat: Money) {
        self.rate = rate
        self.net = net
        self.vat = vat
    }
}

/// The loyalty discount as lines of their own, one per VAT rate so that each rate's base shrinks by it.
public enum LoyaltyDiscount {
    /// The discount lines for `lines` at `percent` (1–9); empty when there is nothing to discount.
    public static func lines(for lines: [DocumentLine], percent: Int64, language: Language) -> [DocumentLine] {
        guard percent > 0 else { return [] }
        var bases: [VATRate: Money] = [:]
        for line in lines where !line.isDiscount { bases[line.vatRate, default: .zero] += line.net }
        let rates = bases.keys.sorted(by: >)
        return rates.compactMap { rate in
            let amount = bases[rate]!.percentage(percent)
            guard amount.cents > 0 else { return nil }
            var text = language == .de ? "Stammkundenrabatt \(percent) %" : "Loyalty discount \(percent) %"
            if rates.count > 1 { text += language == .de ? " auf \(rate.percent) %-Leistungen" : " on \(rate.percent) % items" }
            return DocumentLine(
                description: text, quantity: Quantity(1), unit: .flat,
                unitPrice: UnitPrice(tenThousandths: -amount.cents * 100), vatRate: rate, isDiscount: true)
        }
    }
}
