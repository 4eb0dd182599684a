/// Confidence values of `PaymentMatcher` (see the table there).
enum MatchScore {
    static let typedNumber = 85
    static let compactNumber = 82
    static let weakNumber = 75
    static let keyword = 5
    static let amountFits = 10
    static let payerFits = 10
    static let uncorroboratedCap = 75
    static let conflictCap = 70
    static let creditorReference = 90
    static let alreadyCovered = 30
    static let amountIBANAndName = 92
    static let amountAndIBAN = 88
    static let amountAndSameName = 86
    static let amountAndSimilarName = 82
    static let combinedPenalty = 4
    static let otherCustomerPenalty = 5
    static let ambiguousCustomer = 60
    static let amountOnly = 40
    static let ibanOnly = 35
    static let nameOnly = 30
    static let unmatchedPartCap = 50
    /// Name similarity from which a payer counts as the customer.
    static let similarName = 0.75
    /// Name similarity from which a payer is clearly that customer.
    static let sameName = 0.9
}
