/// The writer's prices and pace per unit: what a quote costs and how long the work takes.
public struct RateCard: Sendable, Hashable, Codable {
    public var pricePerWord: UnitPrice
    public var pricePerLine: UnitPrice
    public var pricePerPage: UnitPrice
    public var pricePerHour: UnitPrice
    /// The price of one revision round beyond the included ones; 0 means "ask": Kontor proposes the line on the
    /// invoice draft and leaves the price to the user.
    public var pricePerRevision: UnitPrice
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
        wordsPerHour: Int64 = 400, linesPerHour: Int64 = 30, pagesPerTenHours: Int64 = 15,
        pricePerRevision: UnitPrice = UnitPrice(tenThousandths: 0)
    ) {
        self.pricePerRevision = pricePerRevision
        self.pricePerWord = pricePerWord
        self.pricePerLine = pricePerLine
        self.pricePerPage = pricePerPage
        self.pricePerHour = pricePerHour
        self.wordsPerHour = wordsPerHour
        self.linesPerHour = linesPerHour
        self.pagesPerTenHours = pagesPerTenHours
    }

    /// Reads a stored card; cards saved before the revision price existed have none (0, "ask").
    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        pricePerWord = try values.decode(UnitPrice.self, forKey: .pricePerWord)
        pricePerLine = try values.decode(UnitPrice.self, forKey: .pricePerLine)
        pricePerPage = try values.decode(UnitPrice.self, forKey: .pricePerPage)
        pricePerHour = try values.decode(UnitPrice.self, forKey: .pricePerHour)
        pricePerRevision = try values.decodeIfPresent(UnitPrice.self, forKey: .pricePerRevision)
            ?? UnitPrice(tenThousandths: 0)
        wordsPerHour = try values.decode(Int64.self, forKey: .wordsPerHour)
        linesPerHour = try values.decode(Int64.self, forKey: .linesPerHour)
        pagesPerTenHours = try values.decode(Int64.self, forKey: .pagesPerTenHours)
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

    /// The effort of agreed work in thousandths of an hour, the one estimate for quotes, jobs and inquiries: the
    /// hours the quote bills; else its words, lines or pages at the card's pace; else the inquiry's size at that
    /// pace; else the planner's estimate for work of unknown size (`DeliveryPlanner.smallJobHours`).
    public func effort(quoteLines: [DocumentLine], inquirySize: WorkSize?) -> Int64 {
        let work = quoteLines.filter { !$0.isDiscount && $0.quantity.thousandths > 0 }
        let billedHours = work.filter { $0.unit == .hour }.map(\.quantity.thousandths).reduce(0, +)
        if billedHours > 0 { return billedHours }
        let sized = work.filter { $0.unit == .word || $0.unit == .line || $0.unit == .page }
        if !sized.isEmpty {
            return sized.map { hours(for: WorkSize(quantity: $0.quantity, unit: $0.unit)) }.reduce(0, +)
        }
        return inquirySize.map(hours(for:)) ?? DeliveryPlanner.smallJobHours
    }

    /// The net price of the size at the card's rate.
    public func price(for size: WorkSize) -> Money { price(for: size.unit).net(for: size.quantity) }
}
