import Foundation

/// What a customer's mail may mean for the dunning of their invoices, offered to the writer for one click and
/// never applied on its own: a promise to pay by a named day, or an objection to the work or the invoice.
/// The word lists are kept small on purpose: a missed suggestion costs a click, a wrong one costs trust.
public enum MailSuggestion: Sendable, Equatable {
    /// "bis zum 15.12.", "am 20. Dezember überweise ich", "by 15 December": a promise to pay until that day.
    case promise(until: Day)
    /// The customer disputes the work or the invoice.
    case objection

    /// Words that dispute the work or the invoice (matched in the lowercased text, own words only).
    static let objectionWords = [
        // German
        "reklamation", "reklamier", "beanstand", "einspruch", "widerspruch", "widerspreche", "nicht einverstanden",
        "mangelhaft", "fehlerhaft", "nicht bestellt", "nicht beauftragt", "nicht vereinbart", "unzufrieden",
        "nicht zufrieden",
        // English
        "dispute", "disagree", "object to", "objection", "not satisfied", "dissatisfied", "did not order",
        "never ordered", "not what we agreed", "complaint",
    ]

    /// Words that show the date is about paying.
    static let paymentWords = [
        "zahl", "überweis", "ueberweis", "begleich", "geld", "betrag", "pay", "transfer", "settle", "remit",
        "money", "amount",
    ]

    static let germanMonths = [
        "januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november",
        "dezember",
    ]
    static let englishMonths = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december",
    ]

    /// The suggestion for a mail's text received on `receivedOn`, or nil. Quoted lines (`>`) and everything after
    /// a quote header ("Am … schrieb", "On … wrote", "-----Original") are the writer's own words coming back and
    /// are ignored. An objection wins over a date. A date without a year is the next such day from `receivedOn`.
    public static func detect(in text: String, receivedOn: Day) -> MailSuggestion? {
        let own = ownWords(text).lowercased()
        if objectionWords.contains(where: own.contains) { return .objection }
        guard paymentWords.contains(where: own.contains), let day = firstDate(in: own, receivedOn: receivedOn) else {
            return nil
        }
        return .promise(until: day)
    }

    /// The mail's own lines: without quoted lines and without the quoted message below a quote header.
    static func ownWords(_ text: String) -> String {
        var lines: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let lower = trimmed.lowercased()
            if lower.hasPrefix("-----original") || lower.hasPrefix("-----ursprüngliche")
                || (lower.hasPrefix("am ") && lower.hasSuffix("schrieb:"))
                || (lower.hasPrefix("on ") && lower.hasSuffix("wrote:"))
            {
                break
            }
            if trimmed.hasPrefix(">") { continue }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    // MARK: - Dates

    private static let numeric = pattern(#"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.(\d{4}|\d{2}(?!\d))?"#)
    private static let germanDayMonth = pattern(
        #"(?<!\d)(\d{1,2})\.?\s*(\#(germanMonths.joined(separator: "|")))(?:\s+(\d{4}))?"#)
    private static let englishDayMonth = pattern(
        #"(?<!\d)(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(\#(englishMonths.joined(separator: "|")))\b(?:,?\s+(\d{4}))?"#)
    private static let englishMonthDay = pattern(
        #"\b(\#(englishMonths.joined(separator: "|")))\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?"#)

    private static func pattern(_ text: String) -> NSRegularExpression {
        // The patterns are constants of this file: a typo traps in every test that reads a date.
        try! NSRegularExpression(pattern: text)
    }

    /// The first date named in `text` (lowercased), whichever way it is written.
    static func firstDate(in text: String, receivedOn: Day) -> Day? {
        let whole = NSRange(text.startIndex..., in: text)
        var found: [(position: Int, day: Day)] = []
        func group(_ match: NSTextCheckingResult, _ index: Int) -> String? {
            Range(match.range(at: index), in: text).map { String(text[$0]) }
        }
        for match in numeric.matches(in: text, range: whole) {
            if let day = group(match, 1).flatMap(Int.init), let month = group(match, 2).flatMap(Int.init),
                let date = resolve(day: day, month: month, year: group(match, 3).flatMap(Int.init), receivedOn)
            {
                found.append((match.range.location, date))
            }
        }
        for (regex, months) in [(germanDayMonth, germanMonths), (englishDayMonth, englishMonths)] {
            for match in regex.matches(in: text, range: whole) {
                if let day = group(match, 1).flatMap(Int.init), let name = group(match, 2),
                    let month = months.firstIndex(of: name),
                    let date = resolve(day: day, month: month + 1, year: group(match, 3).flatMap(Int.init), receivedOn)
                {
                    found.append((match.range.location, date))
                }
            }
        }
        for match in englishMonthDay.matches(in: text, range: whole) {
            if let name = group(match, 1), let month = englishMonths.firstIndex(of: name),
                let day = group(match, 2).flatMap(Int.init),
                let date = resolve(day: day, month: month + 1, year: group(match, 3).flatMap(Int.init), receivedOn)
            {
                found.append((match.range.location, date))
            }
        }
        return found.min { $0.position < $1.position }?.day
    }

    /// A day from its parts; without a year the next such day on or after `receivedOn`.
    private static func resolve(day: Int, month: Int, year: Int?, _ receivedOn: Day) -> Day? {
        if let year { return Day(year: year < 100 ? 2000 + year : year, month: month, day: day) }
        guard let thisYear = Day(year: receivedOn.year, month: month, day: day) else {
            return Day(year: receivedOn.year + 1, month: month, day: day)  // 29 Feb
        }
        return thisYear < receivedOn ? Day(year: receivedOn.year + 1, month: month, day: day) : thisYear
    }
}
