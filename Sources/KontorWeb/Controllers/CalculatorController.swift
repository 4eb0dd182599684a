import Hummingbird
import KontorApp
import KontorCore

/// The legal calculators of `kontor interest` and `kontor due-date` in the browser: default interest with the
/// day default began, and a due date moved off weekends and public holidays. Plain GET forms: nothing is stored,
/// and a result can be bookmarked.
struct CalculatorController: Sendable {
    let services: AppServices

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self)
            .get(use: self.show)
    }

    /// GET /dunning/calculator?amount=…&due=…: interest; GET /dunning/calculator?date=…: the due-date shift.
    @Sendable func show(request: Request, context: AppRequestContext) async throws -> Response {
        let texts = Texts(context.language)
        let query = FormData(urlEncoded: request.uri.query ?? "")
        var interest = FormReader(query, texts: texts)
        var dueDate = FormReader(query, texts: texts)
        var interestResult: InterestResultView?
        var dueDateResult: String?
        var status = HTTPResponse.Status.ok
        if query["amount"] != nil || query["due"] != nil {
            interestResult = try await calculateInterest(&interest, texts: texts)
            if interest.hasErrors { status = .unprocessableContent }
        } else {
            interest.state = FormState(values: ["paid": services.today().description, "debtor": "business"])
        }
        if query["date"] != nil {
            let day = dueDate.day("date", required: true)
            let state = dueDate.choice("dateState", GermanState.self)
            if let day {
                let shifted = DueDateShift.shifted(day, state: state)
                dueDateResult = shifted == day
                    ? texts.format("calc_due_unchanged", texts.day(day))
                    : texts.format("calc_due_shifted", texts.day(day), texts.day(shifted))
            } else {
                status = .unprocessableContent
            }
        }
        let page = CalculatorPage(
            interest: interest.state, result: interestResult, dueDate: dueDate.state, dueDateResult: dueDateResult,
            texts: texts)
        return try services.page("dunning/calculator", area: .dunning, title: texts["calc_title"], page,
                                 request: request, context: context, status: status)
    }

    private func calculateInterest(_ reader: inout FormReader, texts: Texts) async throws -> InterestResultView? {
        let amount = reader.money("amount", required: true)
        let due = reader.day("due", required: true)
        let received = reader.day("received")
        let paymentRequest = reader.day("request")
        let paid = reader.day("paid") ?? services.today()
        let debtor = reader.choice("debtor", CustomerKind.self) ?? .business
        let state = reader.choice("state", GermanState.self)
        guard !reader.hasErrors, let amount, let due else { return nil }
        let question = InterestQuestion(
            amount: amount, dueDate: due, agreed: reader.form.flag("agreed"), invoiceReceived: received,
            paymentRequestReceived: paymentRequest, paidOn: paid, debtor: debtor,
            consumerNotice: reader.form.flag("consumerNotice"), state: state)
        do {
            return InterestResultView(
                try await services.kontor.defaultInterest(question), amount: amount, paidOn: paid, texts: texts)
        } catch {
            try ErrorText(texts).place(error, into: &reader.state, fields: [.amount: "amount"])
            return nil
        }
    }
}

/// What the interest calculator found.
struct InterestResultView: Sendable, Encodable {
    struct Period: Sendable, Encodable {
        let fromText: String
        let toText: String
        let days: Int
        let rateText: String
        let amountText: String
    }

    let startText: String
    let inDefault: Bool
    let hasPeriods: Bool
    let periods: [Period]
    let interestText: String
    let hasLumpSum: Bool
    let lumpSumText: String
    let totalText: String

    init(_ answer: InterestAnswer, amount: Money, paidOn: Day, texts: Texts) {
        inDefault = answer.start.map { $0.firstDay <= paidOn } ?? false
        if let start = answer.start, start.firstDay > paidOn {
            startText = texts.format("calc_paid_before", texts.day(start.firstDay), texts["calc_rule_\(start.rule)"])
        } else if let start = answer.start {
            startText = texts.format("calc_default_from", texts.day(start.firstDay), texts["calc_rule_\(start.rule)"])
        } else {
            startText = texts["calc_no_default"]
        }
        periods = answer.calculation.periods.map {
            Period(fromText: texts.day($0.from), toText: texts.day($0.to), days: $0.days,
                   rateText: "\($0.ratePercentText) %", amountText: texts.money($0.amount))
        }
        hasPeriods = !periods.isEmpty
        interestText = texts.money(answer.calculation.total)
        hasLumpSum = answer.lumpSum.cents > 0
        lumpSumText = texts.money(answer.lumpSum)
        totalText = texts.money(amount + answer.calculation.total + answer.lumpSum)
    }
}

/// The calculator page: two forms, each with its result.
struct CalculatorPage: Sendable, Encodable {
    let interestFields: [FieldView]
    let hasInterestError: Bool
    let interestError: String
    let result: InterestResultView?
    let dueDateFields: [FieldView]
    let dueDateResult: String?

    init(interest: FormState, result: InterestResultView?, dueDate: FormState, dueDateResult: String?, texts: Texts) {
        let make = FieldFactory(state: interest, texts: texts, idPrefix: "interest-")
        let states = GermanState.allCases.map { ($0.rawValue, $0.rawValue) }
        interestFields = [
            make.amount("amount", "calc_amount", required: true, hint: texts["h_calc_amount"]),
            make.date("due", "calc_due", required: true),
            make.checkbox("agreed", "calc_agreed"),
            make.date("received", "calc_received", hint: texts["h_calc_received"]),
            make.date("request", "calc_request", hint: texts["h_calc_request"]),
            make.date("paid", "calc_paid"),
            make.select("debtor", "calc_debtor", options: [
                ("business", texts["calc_debtor_business"]), ("consumer", texts["calc_debtor_consumer"]),
            ]),
            make.checkbox("consumerNotice", "calc_consumer_notice"),
            make.select("state", "f_state", options: states, blank: "–", hint: texts["h_calc_state"]),
        ]
        hasInterestError = interest.general != nil
        interestError = interest.generalText
        self.result = result
        let dueMake = FieldFactory(state: dueDate, texts: texts, idPrefix: "due-")
        dueDateFields = [
            dueMake.date("date", "calc_date", required: true),
            dueMake.select("dateState", "f_state", options: states, blank: "–"),
        ]
        self.dueDateResult = dueDateResult
    }
}
