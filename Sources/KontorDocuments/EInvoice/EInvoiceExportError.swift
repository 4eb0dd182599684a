/// Why an e-invoice cannot be written; every message says what to add.
public enum EInvoiceExportError: Error, Sendable, Equatable, CustomStringConvertible {
    case notIssued
    case missingSellerField(String)
    case missingBuyerField(String, customerId: Int64)

    public var description: String {
        switch self {
        case .notIssued:
            return "Only issued invoices have an e-invoice. Issue the draft first with 'kontor invoice issue'."
        case let .missingSellerField(field):
            return "An XRechnung needs your \(field). Add it with 'kontor profile set'."
        case let .missingBuyerField(field, customerId):
            return "An XRechnung needs the customer's \(field). Add it with 'kontor customer edit \(customerId)'."
        }
    }
}
