/// Small helpers for monospaced plain-text layout: padding, word wrapping and table columns.
enum PlainTextLayout {
    /// Pads or keeps `text` to `width` characters, left or right aligned.
    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return right ? padding + text : text + padding
    }

    /// Wraps `text` at word boundaries into lines of at most `width` characters (longer words are cut).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var current = ""
            for word in paragraph.split(separator: " ") {
                var word = String(word)
                while word.count > width {
                    if !current.isEmpty {
                        lines.append(current)
                        current = ""
                    }
                    lines.append(String(word.prefix(width)))
                    word = String(word.dropFirst(width))
                }
                if current.isEmpty {
                    current = word
                } else if current.count + 1 + word.count <= width {
                    current += " " + word
                } else {
                    lines.append(current)
                    current = word
                }
            }
            lines.append(current)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.isEmpty ? [""] : lines
    }

    /// A label–value line with the value starting at column `labelWidth`.
    static func field(_ label: String, _ value: String, labelWidth: Int = 24, indent: String = "") -> String {
        let head = indent + pad(label + ":", labelWidth)
        let continuation = String(repeating: " ", count: head.count)
        let wrapped = wrap(value, width: max(20, 96 - head.count))
        return ([head + wrapped[0]] + wrapped.dropFirst().map { continuation + $0 }).joined(separator: "\n")
    }

    /// A label and an amount aligned at the right edge of `width`.
    static func amountLine(_ label: String, _ amount: String, width: Int = 60, indent: String = "  ") -> String {
        let space = max(1, width - indent.count - label.count - amount.count)
        return indent + label + String(repeating: " ", count: space) + amount
    }
}
