import Testing
@testable import KontorPDF

struct TextLayoutTests {
    private let samples = [
        "Sehr geehrte Damen und Herren, anbei erhalten Sie die Rechnung für die Übersetzung des Romans "
            + "„Die Brücke“ – Lektorat, Korrektur und Satz… Mit freundlichen Grüßen",
        "Ein Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenantragsformular ist sehr lang",
        "Kurz",
        "Zeile eins\nZeile zwei\n\nnach Leerzeile",
        "ŁódźŁódźŁódźŁódźŁódźŁódźŁódźŁódźŁódźŁódźŁódź€€€€€€€€€€€€€€€€",
    ]

    @Test func wrappedLinesNeverExceedTheBoxWidth() throws {
        let style = try TestSupport.style(size: 10)
        for text in samples {
            for width in stride(from: 20.0, through: 400, by: 7.5) {
                let lines = TextLayout.lines(text, width: width, style: style)
                for line in lines {
                    let measured = style.width(of: line)
                    // A single character wider than the box is the only allowed exception.
                    #expect(measured <= width + 1e-9 || line.count == 1,
                            "line '\(line)' is \(measured) pt wide in a \(width) pt box")
                }
                // No text is lost: all non-space characters come back in order.
                let original = text.filter { !$0.isWhitespace }
                let wrapped = lines.joined().filter { !$0.isWhitespace }
                #expect(original == wrapped)
            }
        }
    }

    @Test func breaksAtSpacesWhenPossible() throws {
        let style = try TestSupport.style(size: 10)
        let width = max(style.width(of: "Mit freundlichen"), style.width(of: "Grüßen aus Köln")) + 1
        let lines = TextLayout.lines("Mit freundlichen Grüßen aus Köln", width: width, style: style)
        #expect(lines == ["Mit freundlichen", "Grüßen aus Köln"])
    }

    @Test func breaksOverlongWordsBetweenCharacters() throws {
        let style = try TestSupport.style(size: 10)
        let word = String(repeating: "W", count: 40)
        let width = style.width(of: "WWWWWWWWWW") + 0.1
        let lines = TextLayout.lines(word, width: width, style: style)
        #expect(lines == Array(repeating: "WWWWWWWWWW", count: 4))
    }

    @Test func keepsParagraphsAndEmptyLines() throws {
        let style = try TestSupport.style(size: 10)
        let lines = TextLayout.lines("Eins\r\nZwei\n\nDrei", width: 500, style: style)
        #expect(lines == ["Eins", "Zwei", "", "Drei"])
        #expect(TextLayout.height(lineCount: lines.count, style: style) == 4 * style.lineHeight)
    }

    @Test func baselineSitsInsideTheLineBox() throws {
        let style = try TestSupport.style(size: 10)
        #expect(style.lineHeight == 12)
        // The glyph extent is centred: ascent below the top, descent above the bottom of the box.
        let ascent = style.font.ascent(size: 10)
        let descent = style.font.descent(size: 10)
        #expect(style.baselineOffset >= ascent - 0.5)
        #expect(style.baselineOffset - descent <= style.lineHeight + 0.5)
    }

    @Test func millimetreHelpersConvertToPoints() {
        #expect(abs(Double.mm(25.4) - 72) < 1e-9)
        #expect(abs(PDFSize.a4.width - 595.276) < 0.001)
        #expect(abs(PDFSize.a4.height - 841.89) < 0.001)
        #expect(abs(Double.mm(210).inMillimetres - 210) < 1e-9)
    }
}
