extension PDFPage {
    /// Draws one line of text without wrapping.
    ///
    /// - Parameters:
    ///   - text: The text; characters missing from the font are drawn with its replacement glyph,
    ///     control characters are skipped and tabs drawn as spaces.
    ///   - point: The anchor on the baseline: the left end, right end or centre, per `alignment`.
    ///   - style: Font, size and colour.
    ///   - alignment: Which part of the text sits at `point.x`.
    public mutating func drawText(
        _ text: String, at point: PDFPoint, style: TextStyle, alignment: TextAlignment = .left
    ) {
        let fontIndex = registerFont(style.font)
        var glyphs: [UInt16] = []
        glyphs.reserveCapacity(text.utf8.count)
        var units = 0
        let font = style.font
        // The tables once, outside the loop: each access through the font would retain and release them.
        let advances = font.advances
        let unicodeForGlyph = font.unicodeForGlyph
        let fallback = font.fallbackGlyph
        for scalar in text.unicodeScalars {
            guard let glyph = font.drawnGlyph(for: scalar) else { continue }
            glyphs.append(glyph)
            units += Int(advances[Int(glyph)])
            fonts[fontIndex].glyphs.insert(glyph)
            // Remember the character when several map to one glyph, so extraction returns what was
            // written; a fallback glyph extracts as what it shows (U+FFFD or "?").
            if unicodeForGlyph[Int(glyph)] != scalar.value, glyph != fallback,
               fonts[fontIndex].unicodeOverrides[glyph] == nil {
                fonts[fontIndex].unicodeOverrides[glyph] = scalar.value
            }
        }
        let width = Double(units) * style.size / Double(font.unitsPerEm)
        let x = switch alignment {
        case .left: point.x
        case .right: point.x - width
        case .center: point.x - width / 2
        }
        content.setFill(style.color)
        content.text(glyphs: glyphs, fontName: fontIndex + 1, size: style.size, x: x, y: pdfY(point.y))
    }

    /// Draws text wrapped to a width, starting at the top of a box.
    ///
    /// - Parameters:
    ///   - text: The text; line feeds start new paragraphs.
    ///   - origin: Top-left corner of the box; the first baseline is ``TextStyle/baselineOffset`` below it.
    ///   - width: Box width; no line is wider.
    ///   - style: Font, size, line height and colour.
    ///   - alignment: Alignment of each line within the box.
    /// - Returns: The height used (number of lines × line height).
    @discardableResult
    public mutating func drawText(
        _ text: String, at origin: PDFPoint, width: Double, style: TextStyle, alignment: TextAlignment = .left
    ) -> Double {
        let lines = TextLayout.lines(text, width: width, style: style)
        drawLines(lines, at: origin, width: width, style: style, alignment: alignment)
        return TextLayout.height(lineCount: lines.count, style: style)
    }

    /// Draws already wrapped lines in a box of the given width.
    public mutating func drawLines(
        _ lines: [String], at origin: PDFPoint, width: Double, style: TextStyle, alignment: TextAlignment = .left
    ) {
        let anchorX = switch alignment {
        case .left: origin.x
        case .right: origin.x + width
        case .center: origin.x + width / 2
        }
        var baseline = origin.y + style.baselineOffset
        for line in lines {
            if !line.isEmpty {
                drawText(line, at: PDFPoint(x: anchorX, y: baseline), style: style, alignment: alignment)
            }
            baseline += style.lineHeight
        }
    }

    /// Draws text that depends on the final page number and page count, e.g. "Seite 2 von 9".
    ///
    /// The text is produced when the document is serialised, so it can be placed before later
    /// pages exist. Alignment is applied to the final text.
    /// - Parameters:
    ///   - point: Baseline anchor, as in ``drawText(_:at:style:alignment:)``.
    ///   - style: Font, size and colour.
    ///   - alignment: Which part of the text sits at `point.x`.
    ///   - format: Builds the text from the 1-based page number and the page count.
    public mutating func drawPageNumber(
        at point: PDFPoint, style: TextStyle, alignment: TextAlignment = .right,
        format: @escaping @Sendable (_ page: Int, _ pageCount: Int) -> String
    ) {
        _ = registerFont(style.font)
        deferredTexts.append(DeferredText(
            offset: content.count, anchor: point, style: style, alignment: alignment, format: format))
    }

    /// The page with its page-number texts generated and spliced into the content stream.
    func resolvingDeferredTexts(pageNumber: Int, pageCount: Int) -> PDFPage {
        guard !deferredTexts.isEmpty else { return self }
        var result = self
        result.deferredTexts = []
        // Later offsets first, so earlier insertion points stay valid.
        for deferred in deferredTexts.reversed() {
            var scratch = PDFPage(size: size)
            scratch.fonts = result.fonts
            scratch.content.append(raw: Array("q\n".utf8))
            scratch.drawText(deferred.format(pageNumber, pageCount), at: deferred.anchor,
                             style: deferred.style, alignment: deferred.alignment)
            scratch.content.append(raw: Array("Q\n".utf8))
            result.fonts = scratch.fonts
            result.content.insert(scratch.content.bytes, at: deferred.offset)
        }
        return result
    }

    /// Index of `font` in this page's font list, adding it on first use.
    mutating func registerFont(_ font: TrueTypeFont) -> Int {
        if let index = fonts.firstIndex(where: { $0.font.isSame(as: font) }) { return index }
        fonts.append(PageFont(font: font, glyphs: GlyphSet(glyphCount: font.glyphCount)))
        return fonts.count - 1
    }
}
