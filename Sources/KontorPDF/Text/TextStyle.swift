/// Horizontal alignment of a line of text relative to its anchor or box.
public enum TextAlignment: Sendable, Hashable {
    /// The anchor is the left edge of the text.
    case left
    /// The anchor is the right edge of the text (amounts, dates, page numbers).
    case right
    /// The anchor is the centre of the text.
    case center
}

/// How text is drawn: font, size, line spacing and colour.
public struct TextStyle: Sendable {
    /// The font; its own metrics are used for measuring and wrapping.
    public var font: TrueTypeFont
    /// Font size in points.
    public var size: Double
    /// Distance between baselines of consecutive lines, in points (the "leading").
    public var lineHeight: Double
    /// Fill colour of the glyphs.
    public var color: PDFColor

    /// A text style.
    /// - Parameters:
    ///   - font: The font.
    ///   - size: Font size in points.
    ///   - lineHeight: Baseline-to-baseline distance in points; `nil` means 1.2 × `size`.
    ///   - color: Text colour, black by default.
    public init(font: TrueTypeFont, size: Double, lineHeight: Double? = nil, color: PDFColor = .black) {
        self.font = font
        self.size = size
        self.lineHeight = lineHeight ?? size * 1.2
        self.color = color
    }

    /// Width of one line of text in this style, in points.
    public func width(of text: String) -> Double {
        font.width(of: text, size: size)
    }

    /// Distance from the top of a line box to its baseline.
    ///
    /// The glyph extent (ascender to descender) is centred in the line box, so the space that the
    /// line height adds is split above and below, as CSS does ("half-leading").
    public var baselineOffset: Double {
        let ascent = font.ascent(size: size)
        let descent = font.descent(size: size)
        return (lineHeight - (ascent - descent)) / 2 + ascent
    }

    /// The same style with another size (line height scaled along).
    public func withSize(_ newSize: Double) -> TextStyle {
        TextStyle(font: font, size: newSize, lineHeight: lineHeight * newSize / size, color: color)
    }

    /// The same style with another font.
    public func withFont(_ newFont: TrueTypeFont) -> TextStyle {
        TextStyle(font: newFont, size: size, lineHeight: lineHeight, color: color)
    }

    /// The same style with another colour.
    public func withColor(_ newColor: PDFColor) -> TextStyle {
        TextStyle(font: font, size: size, lineHeight: lineHeight, color: newColor)
    }
}
