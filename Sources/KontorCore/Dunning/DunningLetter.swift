import Foundation

/// A dunning step prepared for one invoice: drafted, then sent (approved) or skipped. Its texts are fixed when
/// it is drafted, so what the user previewed is what goes out.
public struct DunningLetter: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var invoiceId: Int64
    public var invoiceNumber: String
    public var customerId: Int64
    public var step: DunningStep
    public var status: DunningLetterStatus
    public var createdOn: Day
    public var sentOn: Day?
    public var skippedOn: Day?
    /// The login name of who approved the letter in the web app of a shared book ("freigegeben von lena"); nil when
    /// it was approved at the machine (CLI, single-user web app) or before roles existed.
    public var approvedBy: String?
    /// The payment deadline the letter sets, if any.
    public var deadline: Day?
    public var openAmount: Money
    public var interest: Money
    public var lumpSum: Money
    public var costs: Money
    public var subject: String
    /// The letter's paragraphs, separated by blank lines (also the e-mail text).
    public var body: String

    /// Creates a letter.
    public init(
        id: Int64 = 0, invoiceId: Int64, invoiceNumber: String, customerId: Int64, step: DunningStep,
        status: DunningLetterStatus = .draft, createdOn: Day, sentOn: Day? = nil, skippedOn: Day? = nil,
        deadline: Day? = nil, openAmount: Money, interest: Money = .zero, lumpSum: Money = .zero, costs: Money = .zero,
        subject: String, body: String, approvedBy: String? = nil
    ) {
        self.approvedBy = approvedBy
        self.id = id
        self.invoiceId = invoiceId
        self.invoiceNumber = invoiceNumber
        self.customerId = customerId
        self.step = step
        self.status = status
        self.createdOn = createdOn
        self.sentOn = sentOn
        self.skippedOn = skippedOn
        self.deadline = deadline
        self.openAmount = openAmount
        self.interest = interest
        self.lumpSum = lumpSum
        self.costs = costs
        self.subject = subject
        self.body = body
    }

    /// The total the letter claims: open amount, interest, lump sum and costs (no VAT on the last three).
    public var claimTotal: Money { openAmount + interest + lumpSum + costs }

    /// The paragraphs of the body.
    public var paragraphs: [String] {
        body.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }
}

/// Where a prepared dunning letter stands.
public enum DunningLetterStatus: String, NamedChoice, Codable {
    case draft
    case sent
    case skipped
}
