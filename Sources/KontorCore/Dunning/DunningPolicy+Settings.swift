extension DunningPolicy {
    /// The keys of ``applying(settings:)``, as the help and the error messages list them.
    public static let settingKeys = [
        "inquiry", "pay-by", "notice1", "deadline1", "notice2", "deadline2", "handover", "grace", "skip", "settled",
        "patience", "costs", "day-count", "payment-day",
    ]

    /// This policy with the settings of a `KEY=VALUE` list changed, e.g. `inquiry=10,patience=200,costs=2,50`.
    /// - Throws: `InputError` naming the setting that cannot be read; the result is validated.
    public func applying(settings text: String) throws(InputError) -> DunningPolicy {
        var policy = self
        for (key, value) in try SettingsList.parse(text, what: .dunningSetting, allowed: Self.settingKeys) {
            switch key {
            case "costs": policy.materialCosts = try Money(parsingNonNegative: value, what: .materialCosts)
            case "day-count":
                // LAW.md 3.4: no statute fixes the convention; the user chooses.
                guard let convention = DayCountConvention(rawValue: value) else {
                    throw .invalidChoice(what: .dayCount, text: value, allowed: DayCountConvention.allCases.map(\.rawValue))
                }
                policy.dayCount = convention
            case "payment-day":
                guard let counts = ["yes": true, "no": false][value.lowercased()] else {
                    throw .invalidChoice(what: .paymentDay, text: value, allowed: ["yes", "no"])
                }
                policy.countsPaymentDay = counts
            default:
                guard let number = Int(value) else {
                    throw .invalidNumber(what: .dunningSetting, text: "\(key)=\(value)", form: .wholeNumber)
                }
                policy.set(key, to: number)
            }
        }
        try policy.validate()
        return policy
    }

    private mutating func set(_ key: String, to value: Int) {
        switch key {
        case "inquiry": inquiryAfterDays = value
        case "pay-by": inquiryDeadlineDays = value
        case "settled": objectionSettledWaitDays = value
        case "notice1": firstNoticeAfterDays = value
        case "deadline1": firstNoticeDeadlineDays = value
        case "notice2": secondNoticeAfterDeadlineDays = value
        case "deadline2": secondNoticeDeadlineDays = value
        case "handover": handoverAfterDeadlineDays = value
        case "grace": promiseGraceDays = value
        case "skip": skipPostponeDays = value
        default: patientFactorPercent = value
        }
    }
}
