/// The patient escalation for a late payment: a friendly inquiry first, then two Mahnungen, then the
/// hand-over to the court dunning procedure. Steps never skip.
public enum DunningStep: String, NamedChoice, Codable, Comparable {
    /// Nachfrage: no threat, no fee; the invoice may have been overlooked.
    case inquiry
    /// 1. Mahnung: a new deadline; oral agreements oblige as written ones do.
    case firstNotice = "notice-1"
    /// 2. Mahnung: interest, lump sum, final deadline, announcement of the Mahnverfahren.
    case secondNotice = "notice-2"
    /// Hand-over: a dossier with the evidence and the claim for the online Mahnantrag.
    case handover

    /// The steps in order.
    public static let sequence: [DunningStep] = [.inquiry, .firstNotice, .secondNotice, .handover]

    private var rank: Int { DunningStep.sequence.firstIndex(of: self)! }
    public static func < (lhs: DunningStep, rhs: DunningStep) -> Bool { lhs.rank < rhs.rank }

    /// The step before this one, if any.
    public var previous: DunningStep? { rank == 0 ? nil : DunningStep.sequence[rank - 1] }

    /// What people call the step.
    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.inquiry, .de): "Freundliche Nachfrage"
        case (.firstNotice, .de): "1. Mahnung"
        case (.secondNotice, .de): "2. Mahnung"
        case (.handover, .de): "Übergabe ans Mahnverfahren"
        case (.inquiry, .en): "Friendly inquiry"
        case (.firstNotice, .en): "First reminder"
        case (.secondNotice, .en): "Final reminder"
        case (.handover, .en): "Hand-over to court dunning"
        }
    }
}
