import KontorCore

/// The open invoices arranged for fast look-up: by the digits of their numbers, by amount, and by customer.
///
/// Built once per `PaymentMatcher.match` call; every look-up is a dictionary access, so matching a statement costs
/// time proportional to the statement, not statement × invoices.
struct InvoiceIndex: Sendable {
    /// A digit string as typed: its length (leading zeros count) and value. Numbers of more than 19 digits are
    /// not indexed (no invoice number is that long; such digit runs are account numbers or references).
    struct DigitKey: Hashable, Sendable {
        var length: UInt8
        var value: UInt64

        init?<Digits: Collection>(_ digits: Digits) where Digits.Element == UInt8 {
            guard !digits.isEmpty, digits.count <= 19 else { return nil }
            var value: UInt64 = 0
            for byte in digits { value = value * 10 + UInt64(byte - 0x30) }
            self.init(length: digits.count, value: value)
        }

        /// The key of `length` digits (1…19) whose number is `value`.
        init(length: Int, value: UInt64) {
            self.length = UInt8(length)
            self.value = value
        }
    }

    /// A customer seen on the open invoices.
    struct Customer: Sendable {
        var id: Int64
        var name: PartyName
        var ibans: Set<String>
        /// Open invoices, oldest due date first.
        var invoices: [Int32]
    }

    let invoices: [OpenInvoiceCandidate]
    let shape: InvoiceNumberShape
    /// Number digits (`2026-0001` → `20260001`) → invoices.
    private(set) var byDigits: [DigitKey: [Int32]] = [:]
    /// The same without leading zeros, for creditor references that pad the number (`RF…0020260001`).
    private(set) var byStrippedDigits: [DigitKey: [Int32]] = [:]
    /// Bit `n` set when some number has `n` digits: digit groups of other lengths are not looked up.
    private(set) var digitLengths: UInt32 = 0
    /// Number parts (year digits + counter value) → invoices, for numbers typed without leading zeros.
    private(set) var byComponents: [InvoiceNumberShape.Components: [Int32]] = [:]
    /// Each invoice's number parts, when its number follows the pattern.
    private(set) var components: [InvoiceNumberShape.Components?] = []
    /// Per invoice, bit `n` set when a digit group may end after `n` digits when the number is typed in groups:
    /// where the printed number has a separator, and between the pattern's segments (`2026|0001`, `26|03|017`).
    private(set) var groupBoundaries: [UInt32] = []
    /// Open amount and gross (in cents) → invoices.
    private(set) var byAmount: [Int64: [Int32]] = [:]
    /// Invoice → its customer's slot in `customers`.
    private(set) var customerOf: [Int32] = []
    private(set) var customers: [Customer] = []
    /// First three letters of every name word → customers.
    private(set) var customersByWordPrefix: [[UInt8]: [Int32]] = [:]
    /// Known IBAN → customers.
    private(set) var customersByIBAN: [String: [Int32]] = [:]
    /// The most digit groups one number can be typed in (`2026 03 0001` is three).
    let maxGroups: Int

    init(invoices all: [OpenInvoiceCandidate], shape: InvoiceNumberShape) {
        // Only invoices with something open take part.
        let invoices = all.filter { $0.openAmount.cents > 0 }
        self.invoices = invoices
        self.shape = shape
        maxGroups = max(2, shape.numericSegmentCount + 1)
        components.reserveCapacity(invoices.count)
        customerOf.reserveCapacity(invoices.count)
        var slotOf: [Int64: Int32] = [:]
        for (position, invoice) in invoices.enumerated() {
            let index = Int32(position)
            let digits = MatchText.fold(invoice.number).filter(MatchText.isDigit)
            if let key = DigitKey(digits) {
                byDigits[key, default: []].append(index)
                digitLengths |= 1 << UInt32(key.length)
                if let stripped = DigitKey(digits.drop { $0 == 0x30 }) {
                    byStrippedDigits[stripped, default: []].append(index)
                }
            }
            groupBoundaries.append(shape.boundaries(ofNumber: invoice.number))
            let parts = shape.components(ofNumber: invoice.number)
            components.append(parts)
            if let parts { byComponents[parts, default: []].append(index) }
            byAmount[invoice.openAmount.cents, default: []].append(index)
            if invoice.gross != invoice.openAmount { byAmount[invoice.gross.cents, default: []].append(index) }

            let slot: Int32
            if let known = slotOf[invoice.customerId] {
                slot = known
            } else {
                slot = Int32(customers.count)
                slotOf[invoice.customerId] = slot
                customers.append(Customer(id: invoice.customerId, name: PartyName(invoice.customerName), ibans: [], invoices: []))
            }
            customerOf.append(slot)
            customers[Int(slot)].invoices.append(index)
            for iban in invoice.customerIBANs {
                let compact = MatchText.compactIBAN(iban)
                if !compact.isEmpty { customers[Int(slot)].ibans.insert(compact) }
            }
        }
        for slot in customers.indices {
            customers[slot].invoices.sort { Self.earlier(invoices[Int($0)], invoices[Int($1)]) }
            for word in customers[slot].name.tokens where word.count >= 3 || customers[slot].name.tokens.count == 1 {
                customersByWordPrefix[Array(word.prefix(3)), default: []].append(Int32(slot))
            }
            for iban in customers[slot].ibans { customersByIBAN[iban, default: []].append(Int32(slot)) }
        }
    }

    /// Due date first, then invoice date, then id: the order in which one transfer pays several invoices.
    static func earlier(_ a: OpenInvoiceCandidate, _ b: OpenInvoiceCandidate) -> Bool {
        if a.dueDate != b.dueDate { return a.dueDate < b.dueDate }
        if a.issueDate != b.issueDate { return a.issueDate < b.issueDate }
        return a.invoiceId < b.invoiceId
    }

    func hasDigitLength(_ length: Int) -> Bool { length < 32 && digitLengths & (1 << UInt32(length)) != 0 }
}
