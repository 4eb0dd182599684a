import Foundation

/// Address lists (`"Wolff, Ines" <ines@x.de>, bob@y.de`) and Message-ID lists (`<a@x> <b@y>`) of headers.
enum MailAddressList {
    static func parse(_ header: String) -> [MailAddress] {
        var entries: [String] = []
        var current = ""
        var quoted = false
        var angle = false
        for character in header {
            switch character {
            case "\"": quoted.toggle()
            case "<" where !quoted: angle = true
            case ">" where !quoted: angle = false
            case "," where !quoted && !angle:
                entries.append(current)
                current = ""
                continue
            default: break
            }
            current.append(character)
        }
        entries.append(current)
        return entries.compactMap(address)
    }

    private static func address(_ entry: String) -> MailAddress? {
        let entry = entry.trimmingSpaces
        if let open = entry.lastIndex(of: "<"), let close = entry[open...].firstIndex(of: ">") {
            let address = entry[entry.index(after: open)..<close].trimmingSpaces
            var name = entry[..<open].trimmingSpaces
            if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 {
                name = String(name.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
            }
            name = MailText.decodeEncodedWords(name)
            guard address.contains("@") else { return nil }
            return MailAddress(name: name.isEmpty ? nil : name, address: address)
        }
        // `ines@x.de (Ines Wolff)`: the comment is the name.
        let parts = entry.split(separator: "(", maxSplits: 1)
        let address = parts.first.map { $0.trimmingSpaces } ?? ""
        guard address.contains("@"), !address.contains(" ") else { return nil }
        let comment = parts.count > 1 ? parts[1].trimmingSpaces.replacingOccurrences(of: ")", with: "") : ""
        return MailAddress(name: comment.isEmpty ? nil : MailText.decodeEncodedWords(comment), address: address)
    }

    /// Every `<…>` in the header, without the brackets.
    static func messageIDs(_ header: String) -> [String] {
        var ids: [String] = []
        var rest = Substring(header)
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            let id = rest[rest.index(after: open)..<close]
            if !id.isEmpty { ids.append(String(id)) }
            rest = rest[rest.index(after: close)...]
        }
        return ids
    }
}

/// The `Date` header (RFC 5322 § 3.3, with the obsolete forms mail programs still write).
enum MailDate {
    static func parse(_ header: String) -> Date? {
        // Drop a trailing comment like "(CET)" and a leading weekday.
        var text = header.trimmingSpaces
        if let comment = text.firstIndex(of: "(") { text = text[..<comment].trimmingSpaces }
        if let comma = text.firstIndex(of: ",") { text = text[text.index(after: comma)...].trimmingSpaces }
        let words = text.split(separator: " ").map(String.init)
        guard words.count >= 4, let day = Int(words[0]), var year = Int(words[2]),
            let month = months.firstIndex(of: words[1].lowercased().prefix(3).description)
        else { return nil }
        if year < 50 { year += 2000 } else if year < 100 { year += 1900 }
        let time = words[3].split(separator: ":").compactMap { Int($0) }
        guard time.count >= 2 else { return nil }
        var components = DateComponents()
        components.year = year
        components.month = month + 1
        components.day = day
        components.hour = time[0]
        components.minute = time[1]
        components.second = time.count > 2 ? time[2] : 0
        components.timeZone = words.count > 4 ? zone(words[4]) : TimeZone(secondsFromGMT: 0)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        return calendar.date(from: components)
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    private static func zone(_ text: String) -> TimeZone? {
        if let sign = text.first, sign == "+" || sign == "-", text.count == 5, let value = Int(text.dropFirst()) {
            let seconds = (value / 100 * 3600 + value % 100 * 60) * (sign == "-" ? -1 : 1)
            return TimeZone(secondsFromGMT: seconds)
        }
        let named = ["UT": 0, "GMT": 0, "Z": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6,
                     "PST": -8, "PDT": -7, "CET": 1, "CEST": 2]
        return named[text.uppercased()].flatMap { TimeZone(secondsFromGMT: $0 * 3600) } ?? TimeZone(secondsFromGMT: 0)
    }
}
