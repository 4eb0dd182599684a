import Foundation
public import KontorCore

/// Writes deadlines and planned work as an iCalendar file (RFC 5545) that calendar programs subscribe to.
public enum ICalendarWriter {
    /// An all-day event.
    public struct Event: Sendable {
        public var uid: String
        public var day: Day
        public var summary: String
        public var description: String?

        /// Creates an event.
        public init(uid: String, day: Day, summary: String, description: String? = nil) {
            self.uid = uid
            self.day = day
            self.summary = summary
            self.description = description
        }
    }

    /// The calendar; `stamp` is the day the feed was made (DTSTAMP).
    public static func calendar(name: String, events: [Event], stamp: Day) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Kontor//Agenda//DE", "CALSCALE:GREGORIAN",
                     "X-WR-CALNAME:\(ContentLines.escape(name))"]
        for event in events {
            lines.append("BEGIN:VEVENT")
            lines.append("UID:\(event.uid)")
            lines.append("DTSTAMP:\(compact(stamp))T000000Z")
            lines.append("DTSTART;VALUE=DATE:\(compact(event.day))")
            lines.append("DTEND;VALUE=DATE:\(compact(event.day.adding(days: 1)))")
            lines.append("SUMMARY:\(ContentLines.escape(event.summary))")
            if let description = event.description { lines.append("DESCRIPTION:\(ContentLines.escape(description))") }
            lines.append("TRANSP:TRANSPARENT")
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(ContentLines.fold).joined(separator: "\r\n") + "\r\n"
    }

    static func compact(_ day: Day) -> String { day.description.replacingOccurrences(of: "-", with: "") }
}
