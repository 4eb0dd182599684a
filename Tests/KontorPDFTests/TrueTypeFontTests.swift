import Foundation
import Testing
@testable import KontorPDF

/// Parsing of the bundled DejaVu fonts; expected values were read with fontTools from the same files.
struct TrueTypeFontTests {
    @Test func readsHeaderAndMetricsOfDejaVuSans() throws {
        // Given the bundled regular font
        let font = try TestSupport.regular()
        // Then the header values match the file
        #expect(font.unitsPerEm == 2048)
        #expect(font.glyphCount == 6253)
        #expect(font.ascender == 1901)
        #expect(font.descender == -483)
        #expect(font.postScriptName == "DejaVuSans")
        #expect(font.familyName == "DejaVu Sans")
        #expect(font.weightClass == 400)
        #expect(font.isFixedPitch == false)
    }

    @Test func mapsCharactersThroughTheCmap() throws {
        let font = try TestSupport.regular()
        // '€' (U+20AC) is glyph "Euro" = 2948 with advance 1303; 'A' is glyph 36 with advance 1401.
        #expect(font.glyphID(for: "€") == 2948)
        #expect(font.advanceWidth(ofGlyph: 2948) == 1303)
        #expect(font.glyphID(for: "A") == 36)
        #expect(font.advanceWidth(ofGlyph: 36) == 1401)
        for scalar in "äöüÄÖÜß€éłç„“–…".unicodeScalars {
            #expect(font.glyphID(for: scalar) != nil, "missing glyph for U+\(String(scalar.value, radix: 16))")
        }
        // A private-use code point has no glyph and is drawn with the replacement glyph, never .notdef.
        #expect(font.glyphID(for: "\u{E000}") == nil)
        #expect(!font.canRender("a\u{E000}"))
        #expect(font.renderedGlyph(for: "\u{E000}") == font.glyphID(for: "\u{FFFD}"))
    }

    @Test func measuresTextFromAdvanceWidths() throws {
        let font = try TestSupport.regular()
        // "A€" = 1401 + 1303 units at 10 pt with 2048 units per em.
        let expected = Double(1401 + 1303) * 10 / 2048
        #expect(abs(font.width(of: "A€", size: 10) - expected) < 1e-9)
        // Control characters draw nothing; a tab is as wide as a space.
        #expect(font.width(of: "A\n\u{7}€", size: 10) == font.width(of: "A€", size: 10))
        #expect(font.width(of: "\t", size: 10) == font.width(of: " ", size: 10))
        // Digits are tabular, so right-aligned amounts line up.
        let widths = Set("0123456789".map { font.width(of: String($0), size: 10) })
        #expect(widths.count == 1)
    }

    @Test func boldFontHasItsOwnMetrics() throws {
        let regular = try TestSupport.regular()
        let bold = try TestSupport.bold()
        #expect(bold.postScriptName == "DejaVuSans-Bold")
        #expect(bold.weightClass == 700)
        #expect(bold.width(of: "Rechnung", size: 10) > regular.width(of: "Rechnung", size: 10))
    }

    @Test func parsesFontFromData() throws {
        // The public Data initialiser gives the same metrics as the bundled accessor.
        let data = try TrueTypeFont.bundledData(.dejaVuSansBold)
        let font = try TrueTypeFont(data: data)
        #expect(font.glyphID(for: "€") == (try TestSupport.bold()).glyphID(for: "€"))
    }

    @Test func rejectsDataThatIsNoTrueTypeFont() {
        #expect(throws: PDFError.self) { try TrueTypeFont(data: Data("not a font".utf8)) }
        #expect(throws: PDFError.self) { try TrueTypeFont(data: Data([0, 1, 0, 0, 0, 9])) }
        // OpenType with CFF outlines is named explicitly.
        #expect(throws: PDFError.invalidFont("OpenType/CFF outlines are not supported")) {
            try TrueTypeFont(data: Data([0x4F, 0x54, 0x54, 0x4F] + [UInt8](repeating: 0, count: 8)))
        }
    }

    @Test func subsetKeepsUsedOutlinesAndGlyphIDs() throws {
        // Given a subset with "Aä€"
        let font = try TestSupport.regular()
        var used = GlyphSet(glyphCount: font.glyphCount)
        for scalar in "Aä€".unicodeScalars { used.insert(font.renderedGlyph(for: scalar)) }
        let subsetter = FontSubsetter(font: font)
        let closure = subsetter.closure(of: used)
        let program = subsetter.subset(closure)
        // When the subset is parsed again
        let subset = try TrueTypeFont(data: Data(program))
        // Then ids and advances are unchanged, higher glyphs are dropped and the file is much smaller
        #expect(subset.glyphCount == 2949)
        #expect(subset.advanceWidth(ofGlyph: 2948) == 1303)
        #expect(subset.advanceWidth(ofGlyph: 36) == 1401)
        #expect(program.count < 40_000)
        func outline(_ font: TrueTypeFont, _ glyph: Int) -> ArraySlice<UInt8> {
            let base = font.tables["glyf"]!.offset
            return font.bytes[base + Int(font.glyphOffsets[glyph])..<base + Int(font.glyphOffsets[glyph + 1])]
        }
        #expect(outline(subset, 36) == outline(font, 36))
        // 'B' (37) was not used: its outline is empty.
        #expect(outline(subset, 37).isEmpty)
        // 'ä' is a composite in DejaVu: its components are kept.
        let aUmlaut = Int(font.renderedGlyph(for: "ä"))
        #expect(closure.sorted.count > used.sorted.count || outline(font, aUmlaut).count > 0)
        // The checksum adjustment makes the whole file sum to 0xB1B0AFBA.
        #expect(FontSubsetter.checksum(program[...]) == 0xB1B0_AFBA)
    }
}
