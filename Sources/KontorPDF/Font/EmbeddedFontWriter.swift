/// Writes a font as a composite PDF font: Type0 with `Identity-H` encoding over a CIDFontType2
/// (CID = glyph id, `/CIDToGIDMap /Identity`), a subset `FontFile2`, a `/W` widths array and a
/// ToUnicode CMap so that text extraction gives back the original characters.
struct EmbeddedFontWriter {
    let font: TrueTypeFont
    /// Glyphs drawn directly (without composite components).
    let used: GlyphSet
    /// Glyph → character for glyphs whose character differs from the font's reverse cmap.
    let unicodeOverrides: [UInt16: UInt32]

    func write(into writer: inout PDFObjectWriter, type0: Int) {
        let subsetter = FontSubsetter(font: font)
        let glyphs = subsetter.closure(of: used)
        let program = subsetter.subset(glyphs)
        let baseName = subsetTag(glyphs) + "+" + font.postScriptName

        let fontFile = writer.allocate()
        let descriptor = writer.allocate()
        let cidFont = writer.allocate()
        let toUnicode = writer.allocate()

        // The outlines are stored, not compressed: they shrink by a fifth at most, and searching them for
        // repeats took a tenth of writing a one-page invoice. The rest of the program compresses well.
        writer.stream(fontFile, data: program, stored: FontSubsetter.glyphDataRange(in: program)) { dictionary in
            dictionary.append(ascii: " /Length1 ")
            dictionary.appendInteger(program.count)
        }
        writer.object(descriptor) { writeDescriptor(into: &$0, name: baseName, fontFile: fontFile) }
        writer.object(cidFont) { bytes in
            bytes.append(ascii: "<< /Type /Font /Subtype /CIDFontType2 /BaseFont ")
            bytes.appendName(baseName)
            bytes.append(ascii: " /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>")
            bytes.append(ascii: " /FontDescriptor ")
            bytes.appendReference(descriptor)
            bytes.append(ascii: " /DW ")
            bytes.appendNumber(scaled(font.advanceWidth(ofGlyph: 0)))
            bytes.append(ascii: " /W ")
            writeWidths(into: &bytes)
            bytes.append(ascii: " /CIDToGIDMap /Identity >>")
        }
        writer.stream(toUnicode, data: toUnicodeCMap())
        writer.object(type0) { bytes in
            bytes.append(ascii: "<< /Type /Font /Subtype /Type0 /BaseFont ")
            bytes.appendName(baseName)
            bytes.append(ascii: " /Encoding /Identity-H /DescendantFonts [")
            bytes.appendReference(cidFont)
            bytes.append(ascii: "] /ToUnicode ")
            bytes.appendReference(toUnicode)
            bytes.append(ascii: " >>")
        }
    }

    /// Font units → PDF glyph space (1000 units per em).
    private func scaled(_ units: Int) -> Double {
        Double(units) * 1000 / Double(font.unitsPerEm)
    }

    /// Six capital letters derived from the glyph set, as PDF requires for subset fonts;
    /// derived rather than random so output stays deterministic.
    private func subsetTag(_ glyphs: GlyphSet) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in font.identifier.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        for word in glyphs.words { hash = (hash ^ word) &* 0x0000_0100_0000_01B3 }
        var letters = ""
        for _ in 0..<6 {
            letters.append(Character(Unicode.Scalar(UInt8(65 + hash % 26))))
            hash /= 26
        }
        return letters
    }

    private func writeDescriptor(into bytes: inout [UInt8], name: String, fontFile: Int) {
        // Flags: 32 = non-symbolic (Latin text), 1 = fixed pitch, 64 = italic.
        var flags = 32
        if font.isFixedPitch { flags |= 1 }
        if font.italicAngle != 0 { flags |= 64 }
        // PDF wants a stem width; estimated from the weight class as is common practice.
        let stemV = 10 + 220 * max(0, font.weightClass - 50) / 900
        bytes.append(ascii: "<< /Type /FontDescriptor /FontName ")
        bytes.appendName(name)
        bytes.append(ascii: " /Flags ")
        bytes.appendInteger(flags)
        bytes.append(ascii: " /FontBBox [")
        for (index, value) in font.boundingBox.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: " ")) }
            bytes.appendNumber(scaled(value), decimals: 0)
        }
        bytes.append(ascii: "] /ItalicAngle ")
        bytes.appendNumber(font.italicAngle)
        bytes.append(ascii: " /Ascent ")
        bytes.appendNumber(scaled(font.ascender), decimals: 0)
        bytes.append(ascii: " /Descent ")
        bytes.appendNumber(scaled(font.descender), decimals: 0)
        bytes.append(ascii: " /CapHeight ")
        bytes.appendNumber(scaled(font.capHeight), decimals: 0)
        bytes.append(ascii: " /StemV ")
        bytes.appendInteger(stemV)
        bytes.append(ascii: " /FontFile2 ")
        bytes.appendReference(fontFile)
        bytes.append(ascii: " >>")
    }

    /// `/W [first [w1 w2 …] …]`, grouping consecutive glyph ids.
    private func writeWidths(into bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "["))
        var previous: Int?
        for glyph in used.sorted {
            let id = Int(glyph)
            if let last = previous, last + 1 == id {
                bytes.append(UInt8(ascii: " "))
            } else {
                if previous != nil { bytes.append(ascii: "] ") }
                bytes.appendInteger(id)
                bytes.append(ascii: " [")
            }
            bytes.appendNumber(scaled(font.advanceWidth(ofGlyph: glyph)))
            previous = id
        }
        if previous != nil { bytes.append(UInt8(ascii: "]")) }
        bytes.append(UInt8(ascii: "]"))
    }

    private func toUnicodeCMap() -> [UInt8] {
        var entries: [(UInt16, UInt32)] = []
        for glyph in used.sorted {
            let scalar = unicodeOverrides[glyph] ?? font.unicodeForGlyph[Int(glyph)]
            if scalar != 0 { entries.append((glyph, scalar)) }
        }
        var cmap: [UInt8] = []
        cmap.append(ascii: """
            /CIDInit /ProcSet findresource begin
            12 dict begin
            begincmap
            /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
            /CMapName /Adobe-Identity-UCS def
            /CMapType 2 def
            1 begincodespacerange
            <0000> <FFFF>
            endcodespacerange

            """)
        // At most 100 entries per bfchar block (PostScript CMap limit).
        var start = 0
        while start < entries.count {
            let chunk = entries[start..<min(start + 100, entries.count)]
            cmap.appendInteger(chunk.count)
            cmap.append(ascii: " beginbfchar\n")
            for (glyph, scalar) in chunk {
                cmap.append(UInt8(ascii: "<"))
                cmap.appendHex16(glyph)
                cmap.append(ascii: "> <")
                for unit in String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf16 { cmap.appendHex16(unit) }
                cmap.append(ascii: ">\n")
            }
            cmap.append(ascii: "endbfchar\n")
            start += 100
        }
        cmap.append(ascii: "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
        return cmap
    }
}
