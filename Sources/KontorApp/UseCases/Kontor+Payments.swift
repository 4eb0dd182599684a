public import KontorCore
import Foundation

/// The result of recording a payment.
public struct PaymentReceipt: Sendable, Codable {
    public var payment: Payment
    public var invoice: Invoice
    /// The part of the payment beyond what was open; kept as credit on the customer.
    public var overpayment: Money
    /// True when this payment made the customer a regular customer.
    public var becameRegular: Bool
}

extension Kontor {
    /// Records money received for an invoice. Partial payments are fine; an overpayment is kept as credit
    /// on the customer and reported; the first invoice paid in full makes the customer a regular.
    public func addPayment(
        invoice reference: String, amount: Money, on day: Day, note: String? = nil
    ) async throws -> PaymentReceipt {
        guard amount.cents > 0 else {
            throw amount.cents == 0
                ? InputError.zero(what: "payment amount")
                : InputError.negative(what: "payment amount", text: amount.decimalString)
        }
        return try await store.write { book in
            var invoice = try book.requireInvoice(reference)
            guard let number = invoice.number else { throw WorkflowError.invoiceNotIssued(id: invoice.id) }
            guard invoice.kind == .invoice else {
                throw InputError.invalid(what: "invoice \(number)", reason: "a cancellation invoice takes no payments")
            }
            if invoice.isCancelled { throw WorkflowError.invoiceCancelled(number: number) }
            let open = invoice.openAmount
            let payment = try book.insert(payment: Payment(
                invoiceId: invoice.id, customerId: invoice.customerId, amount: amount, receivedOn: day, note: note))
            invoice.paid += amount
            var becameRegular = false
            if invoice.status == .paid {
                let customer = try book.requireCustomer(invoice.customerId)
                if customer.status != .regular {
                    try book.promote(customerId: customer.id, to: .regular)
                    becameRegular = true
                }
            }
            return PaymentReceipt(
                payment: payment, invoice: invoice, overpayment: max(.zero, amount - open), becameRegular: becameRegular)
        }
    }

    /// Payments, optionally of one invoice or customer.
    public func payments(invoice reference: String? = nil, customerId: Int64? = nil) async throws -> [Payment] {
        try await store.read { book in
            let invoiceId = try reference.map { try book.requireInvoice($0).id }
            return try book.payments(invoiceId: invoiceId, customerId: customerId)
        }
    }
}
