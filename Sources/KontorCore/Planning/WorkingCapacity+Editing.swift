import Foundation

extension WorkingCapacity {
    /// Reads typed writing hours for one weekday: like a quantity (`2,5`, `2.5`), but 0 is a day without writing.
    public static func hours(parsing text: String) throws(InputError) -> Quantity {
        Quantity(thousandths: try FixedPoint.parse(text, scale: 3, what: .writingHours))
    }

    /// Writing hours Monday to Sunday as typed, e.g. "6,6,6,6,4,0,0" (thousandths, 0 for a day without writing);
    /// `validate()` checks there are seven.
    public static func week(parsing text: String) throws(InputError) -> [Int64] {
        var week: [Int64] = []
        for part in text.split(separator: ",") {
            week.append(try hours(parsing: part.trimmingCharacters(in: .whitespaces)).thousandths)
        }
        return week
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
