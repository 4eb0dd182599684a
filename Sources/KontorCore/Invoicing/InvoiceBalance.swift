/// The side of an issued invoice that still moves after issue: what was paid towards its principal and whether a
/// cancellation invoice took it back. Every store keeps this beside the frozen invoice and moves it by these rules
/// only, so the open amount a list filters on and the one an invoice shows cannot disagree.
public struct InvoiceBalance: Sendable, Hashable {
    public var kind: InvoiceKind
    public var gross: Money
    /// The principal parts of all payments so far (counter-entries subtract).
    public var paid: Money
    /// The number of the cancellation invoice that took this one back.
    public var cancelledByNumber: String?

    /// The balance of an invoice just issued: nothing paid, not cancelled.
    public init(kind: InvoiceKind, gross: Money, paid: Money = .zero, cancelledByNumber: String? = nil) {
        self.kind = kind
        self.gross = gross
        self.paid = paid
        self.cancelledByNumber = cancelledByNumber
    }

    /// The balance an issued invoice starts with.
    public init(issued invoice: Invoice) {
        self.init(kind: invoice.kind, gross: invoice.totals.gross)
    }

    public var isCancelled: Bool { cancelledByNumber != nil }

    /// The principal still open.
    public var open: Money { Self.open(kind: kind, gross: gross, paid: paid, isCancelled: isCancelled) }

    /// What is open on an issued invoice: nothing once cancelled or for a cancellation invoice, never less than
    /// nothing (overpayments are credit, not a negative claim).
    public static func open(kind: InvoiceKind, gross: Money, paid: Money, isCancelled: Bool) -> Money {
        guard kind == .invoice, !isCancelled else { return .zero }
        return max(.zero, gross - paid)
    }

    /// The status of the issued invoice: the one rule behind `Invoice.status` and every store's status filter.
    public var status: InvoiceStatus {
        Self.status(kind: kind, gross: gross, paid: paid, isCancelled: isCancelled)
    }

    /// The status of an issued invoice from its balance. A store that filters by status in its query language
    /// states exactly this (the contract suite compares every filter with it).
    public static func status(kind: InvoiceKind, gross: Money, paid: Money, isCancelled: Bool) -> InvoiceStatus {
        if isCancelled { return .cancelled }
        if kind == .cancellation { return .issued }
        if gross.cents > 0 && paid >= gross { return .paid }
        return paid.cents > 0 ? .partiallyPaid : .issued
    }

    /// Books a payment: only its principal part moves the balance (costs and interest are receivables of their
    /// own, § 367 BGB), and a counter-entry moves it back.
    public mutating func book(_ payment: Payment) {
        paid += payment.toPrincipal
    }

    /// Marks the invoice as taken back by the cancellation invoice `number`.
    public mutating func cancel(byNumber number: String) {
        cancelledByNumber = number
    }
}
