import Foundation

/// One line of a quote or an invoice: what, how much, at which price and VAT rate.
public struct DocumentLine: Sendable, Hashable, Codable {
    public var description: String
    public var quantity: Quantity
    public var unit: BillingUnit
    public var unitPrice: UnitPrice
    public var vatRate: VATRate
    /// True for the loyalty discount line that Kontor adds itself (its price is negative).
    public var isDiscount: Bool

    /// Creates a line.
    public init(
        description: String, quantity: Quantity, unit: BillingUnit, unitPrice: UnitPrice, vatRate: VATRate,
        isDiscount: Bool = false
    ) {
        self.description = description
        self.quantity = quantity
        self.unit = unit
        self.unitPrice = unitPrice
        self.vatRate = vatRate
        self.isDiscount = isDiscount
    }

    /// Quantity × unit price, rounded half away from zero to the cent (rounding per line).
    public var net: Money { unitPrice.net(for: quantity) }

    /// Checks that a typed line has a description.
    public func validate() throws(InputError) {
        guard !description.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .missing(what: .lineDescription, fix: "--description \"Blogartikel\"")
        }
    }
}
