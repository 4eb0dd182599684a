public import KontorCore

/// An open invoice as the matcher sees it: what is still owed, by whom, and how the customer has paid before.
public struct OpenInvoiceCandidate: Sendable, Hashable, Codable {
    /// The invoice's database id.
    public var invoiceId: Int64
    /// The invoice number as printed, e.g. `2026-0001`.
    public var number: String
    /// The customer's database id.
    public var customerId: Int64
    /// The customer's name as on the invoice, e.g. `Müller & Söhne GmbH`.
    public var customerName: String
    /// IBANs this customer has paid from before (any spacing and case).
    public var customerIBANs: [String]
    /// What is still open (gross minus payments so far); invoices with nothing open are ignored.
    public var openAmount: Money
    /// The invoice's gross total.
    public var gross: Money
    /// The invoice date.
    public var issueDate: Day
    /// The due date; several invoices paid by one transfer are served in order of due date.
    public var dueDate: Day

    /// Creates a candidate.
    /// - Parameters:
    ///   - invoiceId: The invoice's database id.
    ///   - number: The invoice number as printed.
    ///   - customerId: The customer's database id.
    ///   - customerName: The customer's name.
    ///   - customerIBANs: IBANs seen from this customer before.
    ///   - openAmount: What is still open.
    ///   - gross: The gross total.
    ///   - issueDate: The invoice date.
    ///   - dueDate: The due date.
    public init(
        invoiceId: Int64, number: String, customerId: Int64, customerName: String, customerIBANs: [String] = [],
        openAmount: Money, gross: Money, issueDate: Day, dueDate: Day
    ) {
        self.invoiceId = invoiceId
        self.number = number
        self.customerId = customerId
        self.customerName = customerName
        self.customerIBANs = customerIBANs
        self.openAmount = openAmount
        self.gross = gross
        self.issueDate = issueDate
        self.dueDate = dueDate
    }
}
