/// A dunning letter as the planner sees it: its step, and when it was sent or last skipped. Deciding the next step
/// needs no more of a letter, so the morning list reads these marks instead of whole letters with their texts.
public struct DunningMark: Sendable, Hashable {
    public var invoiceId: Int64
    public var step: DunningStep
    public var status: DunningLetterStatus
    public var sentOn: Day?
    public var skippedOn: Day?

    /// Creates a mark.
    public init(invoiceId: Int64, step: DunningStep, status: DunningLetterStatus, sentOn: Day?, skippedOn: Day?) {
        self.invoiceId = invoiceId
        self.step = step
        self.status = status
        self.sentOn = sentOn
        self.skippedOn = skippedOn
    }
}

extension DunningLetter {
    /// The letter as the planner sees it.
    public var mark: DunningMark {
        DunningMark(invoiceId: invoiceId, step: step, status: status, sentOn: sentOn, skippedOn: skippedOn)
    }
}
