/// Reduces an HTML-only mail to plain text: tags dropped, scripts and styles with their content, block ends as
/// line breaks, entities decoded. The result is text to show escaped, never markup.
enum HTMLText {
    static func plainText(_ html: String) -> String {
        var out = ""
        var index = html.startIndex
        var skippingUntil: String?
        while index < html.endIndex {
            let character = html[index]
            if character == "<" {
                guard let close = html[index...].firstIndex(of: ">") else { break }
                let tag = html[html.index(after: index)..<close].lowercased()
                let name = tag.split(whereSeparator: { $0 == " " || $0 == "/" || $0 == "\n" }).first.map(String.init) ?? ""
                index = html.index(after: close)
                if let skipping = skippingUntil {
                    if tag.hasPrefix("/" + skipping) { skippingUntil = nil }
                    continue
                }
                if name == "script" || name == "style" || name == "head" {
                    skippingUntil = name
                } else if ["br", "p", "/p", "div", "/div", "tr", "/tr", "li", "h1", "h2", "h3", "/h1", "/h2", "/h3",
                           "blockquote", "/blockquote"].contains(name) || tag.hasPrefix("/p") {
                    out += "\n"
                }
                continue
            }
            if skippingUntil != nil {
                index = html.index(after: index)
                continue
            }
            if character == "&", let semicolon = html[index...].prefix(10).firstIndex(of: ";"),
                let decoded = entity(String(html[html.index(after: index)..<semicolon]))
            {
                out.append(decoded)
                index = html.index(after: semicolon)
                continue
            }
            out.append(character == "\r\n" || character == "\n" || character == "\t" ? " " : character)
            index = html.index(after: index)
        }
        return tidy(out)
    }

    private static func entity(_ name: String) -> Character? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return " "
        case "euro": return "€"
        case "auml": return "ä"
        case "ouml": return "ö"
        case "uuml": return "ü"
        case "Auml": return "Ä"
        case "Ouml": return "Ö"
        case "Uuml": return "Ü"
        case "szlig": return "ß"
        default:
            guard name.hasPrefix("#") else { return nil }
            let digits = name.dropFirst()
            let value = digits.hasPrefix("x") || digits.hasPrefix("X")
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init).map(Character.init)
        }
    }

    /// Source line breaks are spaces in HTML; runs of spaces collapse; at most one empty line in a row.
    private static func tidy(_ text: String) -> String {
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let words = line.split(whereSeparator: { $0 == " " }).joined(separator: " ")
            if words.isEmpty, lines.last?.isEmpty ?? true { continue }
            lines.append(words)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}
