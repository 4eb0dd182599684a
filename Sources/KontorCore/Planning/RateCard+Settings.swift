extension RateCard {
    /// The keys of ``applying(settings:)``: the billing units with a price, and `revision` for an extra round.
    public static let settingKeys = ["word", "line", "page", "hour", "revision"]

    /// This rate card with the prices of a `UNIT=EUR` list changed, e.g. `word=0,12,hour=85,revision=60`.
    /// - Throws: `InputError` naming the pair or price that cannot be read.
    public func applying(settings text: String) throws(InputError) -> RateCard {
        var card = self
        for (key, value) in try SettingsList.parse(text, what: .rate, allowed: Self.settingKeys) {
            let price = try UnitPrice(parsing: value)
            switch key {
            case "word": card.pricePerWord = price
            case "line": card.pricePerLine = price
            case "page": card.pricePerPage = price
            case "hour": card.pricePerHour = price
            default: card.pricePerRevision = price
            }
        }
        return card
    }
}
