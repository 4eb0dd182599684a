import Foundation

/// When a customer becomes a regular one, and when not any more: reliability makes a regular customer — the
/// first invoice paid in full without a Mahnung (a friendly inquiry does not count) — or the user says so by
/// hand. The one place for this rule; typed and imported payments and reversals all ask it.
public enum RegularCustomerRule {
    /// Whether paying `invoice` shows the reliability that makes a regular customer.
    /// - Parameter mahnungSent: whether a Mahnung (not the friendly inquiry) was sent for the invoice.
    public static func qualifies(_ invoice: Invoice, mahnungSent: Bool) -> Bool {
        invoice.kind == .invoice && invoice.status == .paid && !mahnungSent
    }

    /// The status after a payment of the customer was reversed: back to `new` when the status was earned
    /// automatically and no invoice qualifies any more; nil when nothing changes.
    public static func statusAfterReversal(
        current: CustomerStatus, lastChange: CustomerStatusReason?, anyInvoiceQualifies: Bool
    ) -> CustomerStatus? {
        guard current == .regular, lastChange != .byHand, !anyInvoiceQualifies else { return nil }
        return .new
    }

    /// The note that records a status change with its reason (the timeline says why).
    public static func note(
        customerId: Int64, to status: CustomerStatus, because reason: CustomerStatusReason, on day: Day,
        invoiceId: Int64?
    ) -> Note {
        Note(customerId: customerId, writtenOn: day, text: "\(status.rawValue): \(reason.rawValue)",
             kind: .statusChange, invoiceId: invoiceId)
    }

    /// The new status and the reason a status-change note records, if it is one.
    public static func change(in note: Note) -> (status: CustomerStatus, reason: CustomerStatusReason)? {
        guard note.kind == .statusChange else { return nil }
        let parts = note.text.split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let status = CustomerStatus(rawValue: parts[0]),
            let reason = CustomerStatusReason(rawValue: parts[1])
        else { return nil }
        return (status, reason)
    }
}

/// Why a customer's status changed.
public enum CustomerStatusReason: String, NamedChoice, Codable {
    /// An invoice was paid in full without a Mahnung.
    case paidWithoutReminder = "paid-without-reminder"
    /// The payment that made the customer regular was reversed.
    case paymentReversed = "payment-reversed"
    /// The user set the status.
    case byHand = "by-hand"
}
