/// The one rule for payment terms of profiles, quotes and invoices.
public enum PaymentTerm {
    /// Days a payment term may have: up to about four months, beyond which a term stops being one.
    public static let allowedDays = 0...120

    /// - Throws: `InputError.outOfRange` naming the allowed days.
    public static func check(_ days: Int) throws(InputError) {
        guard allowedDays.contains(days) else {
            throw .outOfRange(what: .paymentTerm, value: "\(days)", range: allowedDays, unit: .days)
        }
    }
}
