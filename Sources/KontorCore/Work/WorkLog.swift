/// Work done on a job on one day: hours spent and, optionally, words written. The planner subtracts the hours from
/// the job's effort, so the agenda plans only what is left.
public struct WorkLog: Sendable, Hashable, Codable {
    public var id: Int64
    public var jobId: Int64
    public var day: Day
    public var hours: Quantity
    public var words: Int?

    /// Creates an entry (id 0 until stored).
    public init(id: Int64 = 0, jobId: Int64, day: Day, hours: Quantity, words: Int? = nil) {
        self.id = id
        self.jobId = jobId
        self.day = day
        self.hours = hours
        self.words = words
    }

    /// The most hours one entry may hold: a day.
    public static let maximumHours = Quantity(thousandths: 24_000)

    /// Checks typed input: more than zero and at most 24 hours, no negative word count, not in the future.
    public func checked(today: Day) throws -> WorkLog {
        guard hours.thousandths > 0 else { throw WorkLogError.noHours }
        guard hours.thousandths <= Self.maximumHours.thousandths else { throw WorkLogError.tooManyHours(hours) }
        if let words, words < 0 { throw WorkLogError.negativeWords(words) }
        guard day <= today else { throw WorkLogError.future(day) }
        return self
    }
}

/// Why a work log entry cannot be recorded; worded in German and English.
public enum WorkLogError: Error, Sendable, Equatable, CustomStringConvertible, BilingualError {
    case noHours
    case tooManyHours(Quantity)
    case negativeWords(Int)
    case future(Day)
    /// The job is delivered and accepted: there is no work left to log.
    case jobFinished(id: Int64)

    public var description: String { message(.en) }

    public func message(_ language: Language) -> String {
        let de = language == .de
        switch self {
        case .noHours:
            return de ? "Die Stunden fehlen: Wie lange wurde gearbeitet, z. B. 2,5?"
                : "The hours are missing: how long did you work, e.g. 2.5?"
        case let .tooManyHours(hours):
            return de ? "\(hours.formatted(.de)) Stunden sind mehr als ein Tag: höchstens 24 je Eintrag."
                : "\(hours.formatted(.en)) hours is more than a day: at most 24 per entry."
        case let .negativeWords(words):
            return de ? "Die Wortzahl darf nicht negativ sein (\(words))."
                : "The word count must not be negative (\(words))."
        case let .future(day):
            return de ? "Arbeit am \(day.formatted(.de)) liegt in der Zukunft; erfasst wird, was getan ist."
                : "Work on \(day.formatted(.en)) is in the future; log what is done."
        case let .jobFinished(id):
            return de ? "Auftrag \(id) ist abgenommen; es gibt keine Arbeit mehr zu erfassen."
                : "Job \(id) is accepted; there is no work left to log."
        }
    }
}
