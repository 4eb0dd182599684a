public import KontorCore
import Foundation

/// The result of recording a payment.
public struct PaymentReceipt: Sendable, Codable {
    public var payment: Payment
    public var invoice: Invoice
    /// The part of the payment beyond everything owed; kept as credit on the customer.
    public var overpayment: Money
    /// True when this payment made the customer a regular customer.
    public var becameRegular: Bool
}

/// The result of reversing a payment.
public struct PaymentReversal: Sendable, Codable {
    /// The counter-entry.
    public var reversal: Payment
    public var invoice: Invoice
    /// The bank entry the payment came from, now back in the review queue.
    public var bankEntryReturned: Int64?
    /// The customer's new status when the reversal took back what made it a regular customer.
    public var customerStatus: CustomerStatus?
}

/// Credit a customer has from overpayments, and where it sits.
public struct CustomerCredit: Sendable, Codable {
    public var customerId: Int64
    public var total: Money
    /// The invoices holding credit (paid beyond their amount, or paid and then cancelled).
    public var sources: [Source]

    /// One invoice's credit.
    public struct Source: Sendable, Codable {
        public var invoiceId: Int64
        public var number: String
        public var amount: Money
    }
}

extension Kontor {
    /// Records money received for an invoice, allocated by § 367 BGB to claimed costs, interest, then principal.
    /// Partial payments are fine. More than is owed — or anything on a paid or cancelled invoice — is refused
    /// unless `confirmOverpayment`, and then kept as credit on the customer.
    public func addPayment(
        invoice reference: String, amount: Money, on day: Day, note: String? = nil, confirmOverpayment: Bool = false
    ) async throws -> PaymentReceipt {
        try Self.authorize(.bookPayments)
        guard amount.cents > 0 else {
            throw amount.cents == 0
                ? InputError.zero(what: .paymentAmount)
                : InputError.negative(what: .paymentAmount, text: amount.decimalString)
        }
        let recorder = BookActor.signedInName
        return try await store.write { book in
            let invoice = try book.requireInvoice(reference)
            return try book.bookReceived(
                amount, on: day, invoice: invoice, note: note, bankEntryId: nil, confirmOverpayment: confirmOverpayment,
                by: recorder)
        }
    }

    /// Takes a payment back with a dated counter-entry (never deleting it): the invoice's open amount, status
    /// and dunning follow, a payment from a bank import sends its bank entry back to the review queue, and a
    /// customer who was regular only because of it becomes `new` again.
    public func reversePayment(id: Int64, on day: Day, reason: String) async throws -> PaymentReversal {
        try Self.authorize(.bookPayments)
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else {
            throw InputError.missing(what: .reason, fix: "--reason \"Rücklastschrift\"")
        }
        let recorder = BookActor.signedInName
        return try await store.write { book in
            guard let payment = try book.payment(id: id) else { throw AppError.notFound(.payment, id: "\(id)") }
            guard payment.kind.isReversible else { throw WorkflowError.paymentNotReversible(id: id, kind: payment.kind) }
            let siblings = try book.payments(invoiceId: payment.invoiceId, customerId: nil)
            guard !siblings.contains(where: { $0.kind == .reversal && $0.relatedPaymentId == id }) else {
                throw WorkflowError.paymentAlreadyReversed(id: id)
            }
            var counterEntry = payment.reversal(on: day, reason: reason)
            counterEntry.recordedBy = recorder
            let reversal = try book.insert(payment: counterEntry)
            var returned: Int64?
            if let entryId = payment.bankEntryId, var entry = try book.bankEntry(id: entryId) {
                entry.status = .review
                entry.reason = "reversed"
                try book.update(bankEntry: entry)
                returned = entryId
            }
            let invoice = try book.requireInvoice("\(payment.invoiceId)")
            let status = try book.reconsiderRegularStatus(customerId: payment.customerId, on: day, invoiceId: invoice.id)
            return PaymentReversal(
                reversal: reversal, invoice: invoice, bankEntryReturned: returned, customerStatus: status)
        }
    }

    /// One payment.
    public func payment(id: Int64) async throws -> Payment {
        try await store.read { book in
            guard let payment = try book.payment(id: id) else { throw AppError.notFound(.payment, id: "\(id)") }
            return payment
        }
    }

    /// The customer's credit from overpayments, by invoice.
    public func credit(customerId: Int64) async throws -> CustomerCredit {
        try await store.read { book in
            _ = try book.requireCustomer(customerId)
            return try book.credit(customerId: customerId)
        }
    }

    /// Moves credit of the customer onto another of its open invoices (all that fits, or `amount`): a negative
    /// entry on each invoice holding credit and a positive one on the target.
    public func applyCredit(
        customerId: Int64, to reference: String, amount: Money? = nil, on day: Day
    ) async throws -> PaymentReceipt {
        try Self.authorize(.bookPayments)
        let recorder = BookActor.signedInName
        return try await store.write { book in
            _ = try book.requireCustomer(customerId)
            let credit = try book.credit(customerId: customerId)
            let target = try book.requireInvoice(reference)
            guard target.customerId == customerId else {
                throw WorkflowError.belongsToAnotherCustomer(.invoice(reference))
            }
            guard let number = target.number else { throw WorkflowError.invoiceNotIssued(id: target.id) }
            let owed = try book.account(of: target).openClaim.total
            guard owed.cents > 0 else { throw WorkflowError.nothingOpen(number: number) }
            let wanted = amount ?? min(owed, credit.total)
            guard wanted.cents > 0 else { throw WorkflowError.creditTooSmall(customerId: customerId, available: credit.total, requested: owed) }
            guard wanted <= credit.total else {
                throw WorkflowError.creditTooSmall(customerId: customerId, available: credit.total, requested: wanted)
            }
            guard wanted <= owed else { throw WorkflowError.overpayment(number: number, owed: owed, amount: wanted) }
            var left = wanted
            var firstOut: Payment?
            for source in credit.sources where left.cents > 0 && source.invoiceId != target.id {
                let part = min(left, source.amount)
                let out = try book.insert(payment: Payment(
                    invoiceId: source.invoiceId, customerId: customerId, amount: -part, receivedOn: day,
                    note: "Guthaben verrechnet mit \(number)", kind: .creditOut, recordedBy: recorder))
                firstOut = firstOut ?? out
                left -= part
            }
            var receipt = try book.bookReceived(
                wanted - left, on: day, invoice: target, note: "Guthaben aus früheren Zahlungen", bankEntryId: nil,
                confirmOverpayment: false, by: recorder, kind: .creditIn, relatedPaymentId: firstOut?.id)
            receipt.overpayment = .zero
            return receipt
        }
    }

    /// Records that credit was paid back to the customer (all of it, or `amount`).
    public func refundCredit(customerId: Int64, amount: Money? = nil, on day: Day, note: String?) async throws -> [Payment] {
        try Self.authorize(.bookPayments)
        let recorder = BookActor.signedInName
        return try await store.write { book in
            _ = try book.requireCustomer(customerId)
            let credit = try book.credit(customerId: customerId)
            let wanted = amount ?? credit.total
            guard wanted.cents > 0, wanted <= credit.total else {
                throw WorkflowError.creditTooSmall(customerId: customerId, available: credit.total, requested: wanted)
            }
            var left = wanted
            var entries: [Payment] = []
            for source in credit.sources where left.cents > 0 {
                let part = min(left, source.amount)
                entries.append(try book.insert(payment: Payment(
                    invoiceId: source.invoiceId, customerId: customerId, amount: -part, receivedOn: day,
                    note: note ?? "Guthaben erstattet", kind: .refund, recordedBy: recorder)))
                left -= part
            }
            return entries
        }
    }

    /// Payments, optionally of one invoice or customer.
    public func payments(invoice reference: String? = nil, customerId: Int64? = nil) async throws -> [Payment] {
        try await store.read { book in
            let invoiceId = try reference.map { try book.requireInvoice($0).id }
            return try book.payments(invoiceId: invoiceId, customerId: customerId)
        }
    }

    /// An invoice's account: principal, dunning charges and payments with their allocation.
    public func account(invoice reference: String) async throws -> InvoiceAccount {
        try await store.read { book in try book.account(of: try book.requireInvoice(reference)) }
    }
}

extension BookReader {
    /// The account of one invoice, read in two small queries.
    func account(of invoice: Invoice) throws -> InvoiceAccount {
        InvoiceAccount(
            invoice: invoice, charges: try dunningCharges(invoiceIds: [invoice.id]),
            payments: try payments(invoiceId: invoice.id, customerId: nil))
    }

    /// Whether a Mahnung (not the friendly inquiry) was sent for the invoice.
    func mahnungSent(invoiceId: Int64) throws -> Bool {
        try dunningLetters(status: .sent, invoiceIds: [invoiceId]).contains { $0.step >= .firstNotice }
    }

    /// The customer's credit: what each of its invoices holds beyond its amount.
    func credit(customerId: Int64) throws -> CustomerCredit {
        let invoices = try invoices(InvoiceQuery(customerId: customerId))
        let sources = invoices.compactMap { invoice -> CustomerCredit.Source? in
            guard let number = invoice.number, invoice.overpaid.cents > 0 else { return nil }
            return CustomerCredit.Source(invoiceId: invoice.id, number: number, amount: invoice.overpaid)
        }
        return CustomerCredit(customerId: customerId, total: sources.map(\.amount).sum(), sources: sources)
    }
}

extension BookWriter {
    /// Books money received on an invoice — typed, imported or moved from credit — by one rule: allocation by
    /// § 367 BGB over the invoice's account, the overpayment check, and the regular-customer rule.
    func bookReceived(
        _ amount: Money, on day: Day, invoice: Invoice, note: String?, bankEntryId: Int64?, confirmOverpayment: Bool,
        by recorder: String?, kind: PaymentKind = .received, relatedPaymentId: Int64? = nil
    ) throws -> PaymentReceipt {
        guard let number = invoice.number else { throw WorkflowError.invoiceNotIssued(id: invoice.id) }
        guard invoice.kind == .invoice else {
            throw WorkflowError.cancellationTakesNoPayments(number: number)
        }
        let account = try account(of: invoice)
        let owed = account.openClaim.total
        if amount > owed && !confirmOverpayment {
            throw WorkflowError.overpayment(number: number, owed: owed, amount: amount)
        }
        let allocation = account.allocate(amount)
        let payment = try insert(payment: Payment(
            invoiceId: invoice.id, customerId: invoice.customerId, amount: amount, receivedOn: day, note: note,
            kind: kind, relatedPaymentId: relatedPaymentId, toCosts: allocation.toCosts,
            toInterest: allocation.toInterest, bankEntryId: bankEntryId, recordedBy: recorder))
        var updated = invoice
        updated.paid += payment.toPrincipal
        var becameRegular = false
        let customer = try requireCustomer(invoice.customerId)
        if customer.status != .regular,
            RegularCustomerRule.qualifies(updated, mahnungSent: try mahnungSent(invoiceId: invoice.id))
        {
            try changeStatus(of: customer, to: .regular, because: .paidWithoutReminder, on: day, invoiceId: invoice.id)
            becameRegular = true
        }
        return PaymentReceipt(
            payment: payment, invoice: updated, overpayment: max(.zero, amount - owed), becameRegular: becameRegular)
    }

    /// Sets a customer's status and records why in its timeline.
    func changeStatus(
        of customer: Customer, to status: CustomerStatus, because reason: CustomerStatusReason, on day: Day,
        invoiceId: Int64?
    ) throws {
        var changed = customer
        changed.status = status
        try update(customer: changed)
        _ = try insert(note: RegularCustomerRule.note(
            customerId: customer.id, to: status, because: reason, on: day, invoiceId: invoiceId))
    }

    /// After a reversal: a customer who was regular only by a payment rule and has no qualifying invoice left
    /// becomes `new` again. Returns the new status when it changed.
    func reconsiderRegularStatus(customerId: Int64, on day: Day, invoiceId: Int64) throws -> CustomerStatus? {
        let customer = try requireCustomer(customerId)
        guard customer.status == .regular else { return nil }
        let lastChange = try notes(customerId: customerId).compactMap(RegularCustomerRule.change(in:)).last?.reason
        let invoices = try invoices(InvoiceQuery(customerId: customerId)).filter { $0.status == .paid }
        let warned = Set(try dunningLetters(status: .sent, invoiceIds: Set(invoices.map(\.id)))
            .filter { $0.step >= .firstNotice }.map(\.invoiceId))
        let anyQualifies = invoices.contains { RegularCustomerRule.qualifies($0, mahnungSent: warned.contains($0.id)) }
        guard let status = RegularCustomerRule.statusAfterReversal(
            current: customer.status, lastChange: lastChange, anyInvoiceQualifies: anyQualifies)
        else { return nil }
        try changeStatus(of: customer, to: status, because: .paymentReversed, on: day, invoiceId: invoiceId)
        return status
    }
}
