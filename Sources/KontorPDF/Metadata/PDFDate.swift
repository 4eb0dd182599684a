import Foundation

/// Formats instants as PDF date strings (`D:YYYYMMDDHHmmSS+HH'mm'`) and XMP/ISO 8601 dates.
struct PDFDate {
    let year, month, day, hour, minute, second: Int
    /// Offset from UTC in minutes.
    let offsetMinutes: Int

    init(_ date: Date, timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        year = parts.year ?? 1970
        month = parts.month ?? 1
        day = parts.day ?? 1
        hour = parts.hour ?? 0
        minute = parts.minute ?? 0
        second = parts.second ?? 0
        offsetMinutes = timeZone.secondsFromGMT(for: date) / 60
    }

    /// `D:20250131120000+01'00'` as used in the Info dictionary and file specifications.
    var pdfString: String {
        let sign = offsetMinutes < 0 ? "-" : "+"
        let offset = abs(offsetMinutes)
        return "D:" + pad(year, 4) + pad(month) + pad(day) + pad(hour) + pad(minute) + pad(second)
            + sign + pad(offset / 60) + "'" + pad(offset % 60) + "'"
    }

    /// `2025-01-31T12:00:00+01:00` as used in XMP.
    var xmpString: String {
        let sign = offsetMinutes < 0 ? "-" : "+"
        let offset = abs(offsetMinutes)
        return pad(year, 4) + "-" + pad(month) + "-" + pad(day) + "T" + pad(hour) + ":" + pad(minute) + ":"
            + pad(second) + sign + pad(offset / 60) + ":" + pad(offset % 60)
    }

    private func pad(_ value: Int, _ width: Int = 2) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
