extension WorkingCapacity {
    /// Reads typed writing hours for one weekday: like a quantity (`2,5`, `2.5`), but 0 is a day without writing.
    public static func hours(parsing text: String) throws(InputError) -> Quantity {
        Quantity(thousandths: try FixedPoint.parse(text, scale: 3, what: .writingHours))
    }

    /// Adds a vacation, first and last day inclusive; refuses one that ends before it starts.
    public mutating func addVacation(first: Day, last: Day) throws(InputError) {
        guard first <= last else {
            throw .endsBeforeStart(what: .vacation)
        }
        vacations.append(ClosedDayRange(first: first, last: last))
        vacations.sort { $0.first < $1.first }
    }

    /// Adds a single day off (once).
    public mutating func addDayOff(_ day: Day) {
        guard !daysOff.contains(day) else { return }
        daysOff.append(day)
        daysOff.sort()
    }
}
