public import KontorCore

/// The inputs of the default-interest calculator (`kontor interest`), as people know them.
public struct InterestQuestion: Sendable {
    public var amount: Money
    public var dueDate: Day
    /// The due date was agreed beforehand (e.g. in an accepted quote): a calendar date in the sense of § 286 Abs. 2.
    public var agreed: Bool
    public var invoiceReceived: Day?
    public var paymentRequestReceived: Day?
    public var paidOn: Day
    public var debtor: CustomerKind
    public var consumerNotice: Bool
    public var state: GermanState?

    /// Creates a question.
    public init(
        amount: Money, dueDate: Day, agreed: Bool, invoiceReceived: Day?, paymentRequestReceived: Day?, paidOn: Day,
        debtor: CustomerKind, consumerNotice: Bool, state: GermanState?
    ) {
        self.amount = amount
        self.dueDate = dueDate
        self.agreed = agreed
        self.invoiceReceived = invoiceReceived
        self.paymentRequestReceived = paymentRequestReceived
        self.paidOn = paidOn
        self.debtor = debtor
        self.consumerNotice = consumerNotice
        self.state = state
    }
}

/// When default began, by which rule, and what it costs the debtor.
public struct InterestAnswer: Sendable {
    public var start: DefaultStart?
    public var calculation: InterestCalculation
    public var lumpSum: Money
}

extension Kontor {
    /// The base rates in force: the shipped table plus what the user added.
    public func baseRates() async throws -> BaseRateTable {
        try await store.read { try $0.profile()?.effectiveBaseRates ?? .standard }
    }

    /// Adds the base rate of a new half-year (published by the Bundesbank every 1 January and 1 July).
    public func addBaseRate(_ rate: BaseRate) async throws -> BaseRateTable {
        try await updateProfile { profile in
            profile.baseRates = try profile.effectiveBaseRates.adding(rate)
        }.effectiveBaseRates
    }

    /// Default interest (§ 288 BGB) from the day default began (§ 286 BGB) to the payment day, and the
    /// 40 € lump sum for business debtors. Nothing is owed when no rule puts the debtor in default.
    public func defaultInterest(_ question: InterestQuestion) async throws -> InterestAnswer {
        guard question.amount.cents > 0 else { throw InputError.zero(what: .amount) }
        let table = try await baseRates()
        let start = DefaultStart.determine(
            dueDate: question.dueDate, dueDateAgreed: question.agreed, invoiceReceived: question.invoiceReceived,
            paymentRequestReceived: question.paymentRequestReceived, debtor: question.debtor,
            invoiceHasConsumerNotice: question.consumerNotice, state: question.state)
        guard let start, start.firstDay <= question.paidOn else {
            return InterestAnswer(start: start, calculation: .none, lumpSum: .zero)
        }
        let calculation = try DefaultInterest.compute(
            principal: question.amount, defaultFrom: start.firstDay, through: question.paidOn, debtor: question.debtor,
            table: table)
        return InterestAnswer(start: start, calculation: calculation, lumpSum: LateFee.lumpSum(debtor: question.debtor))
    }
}
