/// A dated note about a customer: a phone call, an answer, anything worth remembering.
public struct Note: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var customerId: Int64
    public var writtenOn: Day
    public var text: String

    /// Creates a note.
    public init(id: Int64 = 0, customerId: Int64, writtenOn: Day, text: String) {
        self.id = id
        self.customerId = customerId
        self.writtenOn = writtenOn
        self.text = text
    }
}
