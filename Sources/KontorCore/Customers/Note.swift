/// A dated entry in a customer's correspondence: a plain note, a promise to pay, an objection to the work,
/// or the settling of an objection. Promises pause the dunning of the invoice (or all invoices) they concern;
/// an open objection stops it and asks for personal attention.
public struct Note: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var customerId: Int64
    public var writtenOn: Day
    public var text: String
    public var kind: NoteKind
    /// The invoice it concerns; nil for all of the customer's invoices.
    public var invoiceId: Int64?
    /// For a promise: the day the customer said the money will arrive.
    public var promisedFor: Day?

    /// Who wrote it down, when someone signed in to the web app did (nil at the machine, from an import or a rule).
    public var createdBy: String?

    /// Creates a note.
    public init(
        id: Int64 = 0, customerId: Int64, writtenOn: Day, text: String, kind: NoteKind = .note,
        invoiceId: Int64? = nil, promisedFor: Day? = nil, createdBy: String? = nil
    ) {
        self.id = id
        self.customerId = customerId
        self.writtenOn = writtenOn
        self.text = text
        self.kind = kind
        self.invoiceId = invoiceId
        self.promisedFor = promisedFor
        self.createdBy = createdBy
    }

    /// Whether the note concerns `invoiceId` (notes without an invoice concern all of them).
    public func concerns(invoiceId other: Int64) -> Bool { invoiceId == nil || invoiceId == other }
}

/// What a note records.
public enum NoteKind: String, NamedChoice, Codable {
    case note
    case promise
    case objection
    case objectionResolved = "objection-resolved"
    /// The customer's status changed; `text` holds the `CustomerStatusReason` and the new status.
    case statusChange = "status-change"

    /// The kinds a person writes; status changes are written by the rules only.
    public static let written: [NoteKind] = [.note, .promise, .objection, .objectionResolved]
}

extension Sequence where Element == Note {
    /// Whether an objection concerning the invoice is open: the last objection-related entry is an objection.
    public func objectionOpen(for invoiceId: Int64) -> Bool {
        let relevant = filter { $0.concerns(invoiceId: invoiceId) && ($0.kind == .objection || $0.kind == .objectionResolved) }
        return relevant.max { ($0.writtenOn, $0.id) < ($1.writtenOn, $1.id) }?.kind == .objection
    }

    /// The day the last objection concerning the invoice was settled, when it is settled now (nil while one is
    /// open or none was ever raised).
    public func objectionSettled(for invoiceId: Int64) -> Day? {
        let relevant = filter {
            $0.concerns(invoiceId: invoiceId) && ($0.kind == .objection || $0.kind == .objectionResolved)
        }
        guard let last = relevant.max(by: { ($0.writtenOn, $0.id) < ($1.writtenOn, $1.id) }),
              last.kind == .objectionResolved else { return nil }
        return last.writtenOn
    }

    /// Whether the timeline ever held an objection concerning the invoice.
    public func everObjected(to invoiceId: Int64) -> Bool {
        contains { $0.kind == .objection && $0.concerns(invoiceId: invoiceId) }
    }

    /// The promised payment days concerning the invoice.
    public func promises(for invoiceId: Int64) -> [Day] {
        filter { $0.kind == .promise && $0.concerns(invoiceId: invoiceId) }.compactMap(\.promisedFor)
    }
}
