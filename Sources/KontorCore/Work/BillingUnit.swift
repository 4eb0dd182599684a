/// The unit a writer charges by: per word, per standard line (55 characters), per standard page
/// (1,500 characters), per hour, or a flat fee.
public enum BillingUnit: String, NamedChoice, Codable {
    case word
    case line
    case page
    case hour
    case flat

    /// The label on documents, singular/plural agnostic.
    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.word, .de): "Wörter"
        case (.line, .de): "Normzeilen"
        case (.page, .de): "Normseiten"
        case (.hour, .de): "Stunden"
        case (.flat, .de): "pauschal"
        case (.word, .en): "words"
        case (.line, .en): "standard lines"
        case (.page, .en): "standard pages"
        case (.hour, .en): "hours"
        case (.flat, .en): "flat fee"
        }
    }

    /// The label after `quantity`: singular for exactly one ("1 Stunde", "1 Wort", "1 hour"), plural otherwise
    /// ("1,5 Stunden", "0,5 hours").
    public func label(_ language: Language, quantity: Quantity) -> String {
        guard quantity == Quantity(1) else { return label(language) }
        switch (self, language) {
        case (.word, .de): return "Wort"
        case (.line, .de): return "Normzeile"
        case (.page, .de): return "Normseite"
        case (.hour, .de): return "Stunde"
        case (.word, .en): return "word"
        case (.line, .en): return "standard line"
        case (.page, .en): return "standard page"
        case (.hour, .en): return "hour"
        case (.flat, _): return label(language)
        }
    }
}

/// A VAT rate in whole percent: 19 (standard), 7 (granting copyright licences) or 0.
public struct VATRate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let percent: Int64

    /// The standard rate, 19 %.
    public static let standard = VATRate(checked: 19)
    /// The reduced rate for copyright licences (§ 12 Abs. 2 Nr. 7c UStG), 7 %.
    public static let reduced = VATRate(checked: 7)
    /// No VAT (small business, reverse charge, outside the scope).
    public static let zero = VATRate(checked: 0)

    private init(checked percent: Int64) { self.percent = percent }

    /// Accepts 19, 7 or 0.
    public init(percent: Int64) throws(InputError) {
        guard [19, 7, 0].contains(percent) else {
            throw .invalidChoice(what: .vatRate, text: "\(percent)", allowed: ["19", "7", "0"])
        }
        self.percent = percent
    }

    /// Parses "19", "19%", "7 %".
    public init(parsing text: String) throws(InputError) {
        let digits = text.filter { $0 != "%" && $0 != " " }
        guard let value = Int64(digits) else {
            throw .invalidChoice(what: .vatRate, text: text, allowed: ["19", "7", "0"])
        }
        try self.init(percent: value)
    }

    public var description: String { "\(percent)" }
    public static func < (lhs: VATRate, rhs: VATRate) -> Bool { lhs.percent < rhs.percent }

    public init(from decoder: any Decoder) throws {
        percent = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(percent)
    }
}

/// An amount of work: how big an inquiry or job is (1,500 words, 3 pages, 8 hours).
public struct WorkSize: Sendable, Hashable, Codable {
    public var quantity: Quantity
    public var unit: BillingUnit

    /// Creates a size.
    public init(quantity: Quantity, unit: BillingUnit) {
        self.quantity = quantity
        self.unit = unit
    }
}
