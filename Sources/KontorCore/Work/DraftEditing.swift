import Foundation

/// Which fields of a document line to change; a nil field stays as it is.
public struct LineChange: Sendable, Hashable {
    public var description: String?
    public var quantity: Quantity?
    public var unit: BillingUnit?
    public var unitPrice: UnitPrice?
    public var vatRate: VATRate?

    /// Creates a change; all fields are optional.
    public init(
        description: String? = nil, quantity: Quantity? = nil, unit: BillingUnit? = nil, unitPrice: UnitPrice? = nil,
        vatRate: VATRate? = nil
    ) {
        self.description = description
        self.quantity = quantity
        self.unit = unit
        self.unitPrice = unitPrice
        self.vatRate = vatRate
    }

    /// Whether the change names no field at all.
    public var isEmpty: Bool {
        description == nil && quantity == nil && unit == nil && unitPrice == nil && vatRate == nil
    }

    /// The line with the given fields replaced, checked as a typed line is.
    public func applied(to line: DocumentLine) throws(InputError) -> DocumentLine {
        var result = line
        if let description { result.description = description }
        if let quantity { result.quantity = quantity }
        if let unit { result.unit = unit }
        if let unitPrice { result.unitPrice = unitPrice }
        if let vatRate { result.vatRate = vatRate }
        try result.validate()
        return result
    }
}

/// The typed lines of a quote or draft, addressed by the 1-based positions that `show` prints.
/// Loyalty discount lines are not among them: Kontor computes those from the typed lines.
public enum DraftLines {
    /// The array index of `position`, or an error that says which positions exist.
    public static func index(
        of position: Int, in lines: [DocumentLine]
    ) throws(InputError) -> Int {
        guard !lines.isEmpty else {
            throw .invalid(what: .linePosition, rule: .noLinesYet)
        }
        guard (1...lines.count).contains(position) else {
            throw .invalid(what: .linePosition, rule: .noSuchLine(position: position, count: lines.count))
        }
        return position - 1
    }

    /// Changes the line at `position`.
    public static func edit(
        _ lines: inout [DocumentLine], at position: Int, _ change: LineChange
    ) throws(InputError) {
        guard !change.isEmpty else {
            throw .missing(what: .change, fix: "--description, --quantity, --unit, --price or --vat")
        }
        let index = try index(of: position, in: lines)
        lines[index] = try change.applied(to: lines[index])
    }

    /// Removes the line at `position`; the lines after it move up.
    public static func remove(_ lines: inout [DocumentLine], at position: Int) throws(InputError) {
        lines.remove(at: try index(of: position, in: lines))
    }

    /// Moves the line at `position` so that it becomes line `target`; the others keep their order.
    public static func move(
        _ lines: inout [DocumentLine], from position: Int, to target: Int
    ) throws(InputError) {
        let from = try index(of: position, in: lines)
        let to = try index(of: target, in: lines)
        let line = lines.remove(at: from)
        lines.insert(line, at: to)
    }
}

extension Quote {
    /// Checks the fields a person can edit: a title, validity not before the quote's date, a payment term of
    /// 0 to 120 days and no negative number of revision rounds.
    public func validateTerms() throws(InputError) {
        guard !title.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .missing(what: .quoteTitle, fix: "--title")
        }
        guard validUntil >= createdOn else {
            throw .invalid(what: .validityDate, rule: .beforeQuoteDate(validUntil, quoteDate: createdOn))
        }
        try PaymentTerm.check(paymentTermDays)
        if let deliveryDate, deliveryDate < createdOn {
            throw .invalid(what: .deliveryDate, rule: .beforeQuoteDate(deliveryDate, quoteDate: createdOn))
        }
        if let firstPartDate {
            guard let deliveryDate, firstPartDate < deliveryDate, firstPartDate >= createdOn else {
                throw .invalid(what: .firstPartDate, rule: .firstPartBetweenQuoteAndDelivery)
            }
        }
        guard includedRevisions >= 0 else {
            throw .negative(what: .numberOfRevisions, text: "\(includedRevisions)")
        }
    }
}

extension Job {
    /// Whether the job's title, deadline and effort may still change: not once the customer accepted the work.
    public var isEditable: Bool { status != .accepted }

    /// Checks the fields a person can edit: a title and, if given, an effort above zero.
    public func validateTerms() throws(InputError) {
        guard !title.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .missing(what: .jobTitle, fix: "--title")
        }
        if let effortHours, effortHours.thousandths <= 0 { throw .zero(what: .effort) }
    }
}

extension Inquiry {
    /// Whether the inquiry's own words may still change: not once it is won or lost.
    public var isEditable: Bool { status != .won && status != .lost }

    /// Checks the fields a person can edit: a subject.
    public func validateTerms() throws(InputError) {
        guard !subject.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .missing(what: .subject, fix: "--subject")
        }
    }
}

/// A job's deadline was moved (or first set): kept so that the customer's timeline shows who agreed to what
/// and when, e.g. when the customer asked for more time.
public struct DeadlineChange: Sendable, Hashable, Codable {
    public var jobId: Int64
    public var customerId: Int64
    public var changedOn: Day
    /// The deadline before; nil when the job had none.
    public var previous: Day?
    public var deadline: Day

    /// Creates the record of a change.
    public init(jobId: Int64, customerId: Int64, changedOn: Day, previous: Day?, deadline: Day) {
        self.jobId = jobId
        self.customerId = customerId
        self.changedOn = changedOn
        self.previous = previous
        self.deadline = deadline
    }
}
