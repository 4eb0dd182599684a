/// The writer's prices and pace per unit: what a quote costs and how long the work takes.
public struct RateCard: Sendable, Hashable, Codable {
    public var pricePerWord: UnitPrice
    public var pricePerLine: UnitPrice
    public var pricePerPage: UnitPrice
    public var pricePerHour: UnitPrice
    /// Writing pace, used to turn an inquiry's size into hours.
    public var wordsPerHour: Int64
    public var linesPerHour: Int64
    /// Standard pages per ten hours (1.500 characters each).
    public var pagesPerTenHours: Int64

    /// Typical German rates: 0,12 € per word, 1,40 € per standard line, 45 € per standard page, 85 € per hour;
    /// 400 words, 30 lines or 1,5 pages per hour.
    public init(
        pricePerWord: UnitPrice = UnitPrice(tenThousandths: 1200), pricePerLine: UnitPrice = UnitPrice(tenThousandths: 14_000),
        pricePerPage: UnitPrice = UnitPrice(tenThousandths: 450_000), pricePerHour: UnitPrice = UnitPrice(tenThousandths: 850_000),
        wordsPerHour: Int64 = 400, linesPerHour: Int64 = 30, pagesPerTenHours: Int64 = 15
    ) {
        self.pricePerWord = pricePerWord
        self.pricePerLine = pricePerLine
        self.pricePerPage = pricePerPage
        self.pricePerHour = pricePerHour
        self.wordsPerHour = wordsPerHour
        self.linesPerHour = linesPerHour
        self.pagesPerTenHours = pagesPerTenHours
    }

    /// The price of one unit.
    public func price(for unit: BillingUnit) -> UnitPrice {
        switch unit {
        case .word: pricePerWord
        case .line: pricePerLine
        case .page: pricePerPage
        case .hour, .flat: pricePerHour
        }
    }

    /// Estimated hours (thousandths) for a size, at least one hour.
    public func hours(for size: WorkSize) -> Int64 {
        let q = size.quantity.thousandths
        let hours: Int64 = switch size.unit {
        case .word: q / max(1, wordsPerHour)
        case .line: q / max(1, linesPerHour)
        case .page: q * 10 / max(1, pagesPerTenHours)
        case .hour, .flat: q
        }
        return max(1000, hours)
    }

    /// The net price of the size at the card's rate.
    public func price(for size: WorkSize) -> Money { price(for: size.unit).net(for: size.quantity) }
}
