/// Measures and word-wraps text with a font's own metrics.
///
/// Wrapping is greedy: words are separated by spaces, paragraphs by line feeds, and a word wider
/// than the box is broken between characters so that no line exceeds the width.
public enum TextLayout {
    /// Splits text into lines that each fit into `width` points.
    ///
    /// - Parameters:
    ///   - text: The text; "\n" (and "\r\n") start a new paragraph, tabs count as spaces.
    ///   - width: Available width in points.
    ///   - style: Font and size used for measuring.
    /// - Returns: The lines, without trailing spaces. An empty paragraph gives an empty line.
    public static func lines(_ text: String, width: Double, style: TextStyle) -> [String] {
        let font = style.font
        // Comparing integer font units avoids rounding drift between measuring and checking.
        let limit = Int((width * Double(font.unitsPerEm) / style.size).rounded(.down))
        let space = font.advanceWidth(ofGlyph: font.renderedGlyph(for: " "))
        if fitsAsIs(text, limit: limit, font: font) { return [text] }
        var result: [String] = []
        for paragraph in paragraphs(of: text) {
            wrap(paragraph, limit: limit, spaceWidth: space, font: font, into: &result)
        }
        return result
    }

    /// Height in points of `lineCount` lines in `style`.
    public static func height(lineCount: Int, style: TextStyle) -> Double {
        Double(lineCount) * style.lineHeight
    }

    /// Whether `text` is one line that the wrapping below would return unchanged: no line break or tab,
    /// single spaces between words, none at either end, and narrow enough. Most table cells and short
    /// paragraphs are; checking scalar by scalar spares them splitting into characters and words.
    private static func fitsAsIs(_ text: String, limit: Int, font: TrueTypeFont) -> Bool {
        let advances = font.advances
        var width = 0
        var previousWasSpace = true  // a leading space is trimmed by wrapping, so it does not fit as is
        var any = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n", "\r", "\t", "\u{85}", "\u{2028}", "\u{2029}", "\u{0B}", "\u{0C}":
                return false
            case " ":
                if previousWasSpace { return false }
                previousWasSpace = true
            default:
                previousWasSpace = false
            }
            any = true
            if let glyph = font.drawnGlyph(for: scalar) { width += Int(advances[Int(glyph)]) }
            if width > limit { return false }
        }
        return any && !previousWasSpace
    }

    static func paragraphs(of text: String) -> [Substring] {
        // "\r\n" is a single Character in Swift, so it is matched as a whole.
        text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
    }

    private static func wrap(
        _ paragraph: Substring, limit: Int, spaceWidth: Int, font: TrueTypeFont, into result: inout [String]
    ) {
        var line = ""
        var lineWidth = 0
        let words = paragraph.split(omittingEmptySubsequences: true) { $0 == " " || $0 == "\t" }
        if words.isEmpty {
            result.append("")
            return
        }
        for word in words {
            var wordWidth = font.widthInUnits(of: word.unicodeScalars)
            if !line.isEmpty, lineWidth + spaceWidth + wordWidth <= limit {
                line += " "
                line += word
                lineWidth += spaceWidth + wordWidth
                continue
            }
            if !line.isEmpty {
                result.append(line)
                line = ""
                lineWidth = 0
            }
            var remainder = Substring(word)
            while wordWidth > limit {
                let (head, headWidth) = longestPrefix(of: remainder, fitting: limit, font: font)
                result.append(String(head))
                remainder = remainder[head.endIndex...]
                wordWidth -= headWidth
            }
            line = String(remainder)
            lineWidth = wordWidth
        }
        result.append(line)
    }

    /// The longest prefix that fits (at least one character, so that wrapping always progresses).
    private static func longestPrefix(
        of word: Substring, fitting limit: Int, font: TrueTypeFont
    ) -> (Substring, Int) {
        var width = 0
        var end = word.startIndex
        for index in word.indices {
            let characterWidth = font.widthInUnits(of: word[index].unicodeScalars)
            if width + characterWidth > limit, end != word.startIndex { break }
            width += characterWidth
            end = word.index(after: index)
        }
        return (word[word.startIndex..<end], width)
    }
}
