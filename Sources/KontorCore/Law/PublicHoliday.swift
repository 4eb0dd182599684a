/// A public holiday (gesetzlicher Feiertag) with its German name.
public struct PublicHoliday: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The day of the holiday.
    public let day: Day
    /// The German name, e.g. `Fronleichnam`.
    public let name: String

    /// Creates a holiday entry.
    public init(day: Day, name: String) {
        self.day = day
        self.name = name
    }

    public var description: String { "\(day) \(name)" }
}
