/// Reads the tables of a TrueType file that PDF embedding needs: `head`, `hhea`, `maxp`, `hmtx`,
/// `loca`, `cmap` (formats 4 and 12), `name`, `OS/2` and `post`.
struct TrueTypeParser {
    let reader: ByteReader

    init(bytes: [UInt8]) {
        reader = ByteReader(bytes)
    }

    func parse() throws -> TrueTypeFont {
        let tables = try readTableDirectory()
        func table(_ tag: String) throws -> TrueTypeFont.TableRecord {
            guard let record = tables[tag] else { throw PDFError.invalidFont("missing table '\(tag)'") }
            return record
        }
        for tag in ["glyf", "loca", "hmtx", "hhea", "head", "maxp", "cmap"] { _ = try table(tag) }

        let head = try table("head").offset
        let unitsPerEm = Int(try reader.u16(head + 18))
        guard unitsPerEm >= 16 else { throw PDFError.invalidFont("unitsPerEm \(unitsPerEm)") }
        let boundingBox = try [36, 38, 40, 42].map { Int(try reader.i16(head + $0)) }
        let longOffsets = try reader.i16(head + 50) == 1

        let glyphCount = Int(try reader.u16(try table("maxp").offset + 4))
        guard glyphCount > 0 else { throw PDFError.invalidFont("no glyphs") }

        let hhea = try table("hhea").offset
        let ascender = Int(try reader.i16(hhea + 4))
        let descender = Int(try reader.i16(hhea + 6))
        let lineGap = Int(try reader.i16(hhea + 8))
        let metricCount = Int(try reader.u16(hhea + 34))
        let advances = try readAdvances(table: try table("hmtx"), metricCount: metricCount, glyphCount: glyphCount)
        let glyphOffsets = try readLoca(table: try table("loca"), glyf: try table("glyf"),
                                        glyphCount: glyphCount, longOffsets: longOffsets)

        let cmap = try CharacterMapReader(reader: reader, table: try table("cmap")).read()
        var unicodeForGlyph = [UInt32](repeating: 0, count: glyphCount)
        for codePoint in stride(from: 0x10000 - 1, through: 1, by: -1) {
            let glyph = Int(cmap.bmp[codePoint])
            if glyph != 0, glyph < glyphCount { unicodeForGlyph[glyph] = UInt32(codePoint) }
        }
        for (codePoint, glyph) in cmap.supplementary where Int(glyph) < glyphCount {
            if unicodeForGlyph[Int(glyph)] == 0 { unicodeForGlyph[Int(glyph)] = codePoint }
        }

        var weightClass = 400
        var capHeight = 0
        if let os2 = tables["OS/2"] {
            let version = try reader.u16(os2.offset)
            weightClass = Int(try reader.u16(os2.offset + 4))
            // Bit 1 alone means "restricted licence embedding": such fonts must not be embedded.
            let fsType = try reader.u16(os2.offset + 8)
            if fsType & 0x000F == 0x0002 { throw PDFError.invalidFont("licence forbids embedding (fsType 2)") }
            if version >= 2, os2.length >= 90 { capHeight = Int(try reader.i16(os2.offset + 88)) }
        }
        if capHeight == 0 {
            capHeight = try glyphTop(cmap.bmp[0x48], offsets: glyphOffsets, glyf: try table("glyf")) ?? ascender
        }

        var italicAngle = 0.0
        var isFixedPitch = false
        if let post = tables["post"] {
            italicAngle = try reader.fixed(post.offset + 4)
            isFixedPitch = try reader.u32(post.offset + 12) != 0
        }

        let names = try readNames(tables["name"])
        let postScriptName = sanitizedPostScriptName(names[6] ?? names[4] ?? "Font")
        let checksum = try reader.u32(head + 8)
        let fallback: UInt16 = [cmap.bmp[0xFFFD], cmap.bmp[0x3F], cmap.bmp[0x20]].first { $0 != 0 } ?? 0

        return TrueTypeFont(
            postScriptName: postScriptName, familyName: names[1] ?? postScriptName, unitsPerEm: unitsPerEm,
            ascender: ascender, descender: descender, lineGap: lineGap, capHeight: capHeight,
            italicAngle: italicAngle, weightClass: weightClass, isFixedPitch: isFixedPitch,
            boundingBox: boundingBox, bytes: reader.bytes, tables: tables, glyphOffsets: glyphOffsets,
            advances: advances, bmpGlyphs: cmap.bmp, supplementaryGlyphs: cmap.supplementary,
            unicodeForGlyph: unicodeForGlyph, fallbackGlyph: fallback,
            identifier: "\(postScriptName)-\(reader.bytes.count)-\(checksum)"
        )
    }

    // MARK: - Tables

    private func readTableDirectory() throws -> [String: TrueTypeFont.TableRecord] {
        let version = try reader.u32(0)
        if version == 0x4F54_544F { throw PDFError.invalidFont("OpenType/CFF outlines are not supported") }
        guard version == 0x0001_0000 || version == 0x7472_7565 else {
            throw PDFError.invalidFont("not a TrueType file")
        }
        let count = Int(try reader.u16(4))
        var tables: [String: TrueTypeFont.TableRecord] = [:]
        for index in 0..<count {
            let entry = 12 + index * 16
            let tagBytes = try (0..<4).map { try reader.u8(entry + $0) }
            let tag = String(decoding: tagBytes, as: Unicode.ASCII.self)
            let offset = Int(try reader.u32(entry + 8))
            let length = Int(try reader.u32(entry + 12))
            guard offset + length <= reader.bytes.count else { throw PDFError.invalidFont("table '\(tag)' truncated") }
            tables[tag] = .init(offset: offset, length: length)
        }
        return tables
    }

    private func readAdvances(table: TrueTypeFont.TableRecord, metricCount: Int, glyphCount: Int) throws -> [UInt16] {
        guard metricCount > 0, metricCount <= glyphCount, metricCount * 4 <= table.length else {
            throw PDFError.invalidFont("hmtx/hhea mismatch")
        }
        var advances = [UInt16](repeating: 0, count: glyphCount)
        for glyph in 0..<metricCount {
            advances[glyph] = try reader.u16(table.offset + glyph * 4)
        }
        // Monospaced tails repeat the last advance (the format stores it only once).
        let last = advances[metricCount - 1]
        for glyph in metricCount..<glyphCount { advances[glyph] = last }
        return advances
    }

    private func readLoca(
        table: TrueTypeFont.TableRecord, glyf: TrueTypeFont.TableRecord, glyphCount: Int, longOffsets: Bool
    ) throws -> [UInt32] {
        var offsets = [UInt32](repeating: 0, count: glyphCount + 1)
        for index in 0...glyphCount {
            offsets[index] = longOffsets
                ? try reader.u32(table.offset + index * 4)
                : UInt32(try reader.u16(table.offset + index * 2)) * 2
        }
        for index in 0..<glyphCount where offsets[index] > offsets[index + 1] || Int(offsets[index + 1]) > glyf.length {
            throw PDFError.invalidFont("loca entry \(index) out of range")
        }
        return offsets
    }

    private func glyphTop(_ glyph: UInt16, offsets: [UInt32], glyf: TrueTypeFont.TableRecord) throws -> Int? {
        let index = Int(glyph)
        guard glyph != 0, index + 1 < offsets.count, offsets[index + 1] > offsets[index] else { return nil }
        return Int(try reader.i16(glyf.offset + Int(offsets[index]) + 8))
    }

    /// Names by ID, preferring Windows Unicode (3,1) records and falling back to Macintosh Roman (1,0).
    private func readNames(_ table: TrueTypeFont.TableRecord?) throws -> [Int: String] {
        guard let table else { return [:] }
        let count = Int(try reader.u16(table.offset + 2))
        let storage = table.offset + Int(try reader.u16(table.offset + 4))
        var windows: [Int: String] = [:]
        var mac: [Int: String] = [:]
        for index in 0..<count {
            let record = table.offset + 6 + index * 12
            let platform = try reader.u16(record)
            let nameID = Int(try reader.u16(record + 6))
            let length = Int(try reader.u16(record + 8))
            let start = storage + Int(try reader.u16(record + 10))
            guard [0, 1, 2, 4, 6].contains(nameID), start + length <= reader.bytes.count else { continue }
            let raw = Array(reader.bytes[start..<start + length])
            if platform == 3 || platform == 0, windows[nameID] == nil {
                let units = stride(from: 0, to: raw.count - 1, by: 2).map { UInt16(raw[$0]) << 8 | UInt16(raw[$0 + 1]) }
                windows[nameID] = String(decoding: units, as: UTF16.self)
            } else if platform == 1, mac[nameID] == nil {
                mac[nameID] = String(decoding: raw, as: Unicode.ASCII.self)
            }
        }
        return windows.merging(mac) { first, _ in first }
    }

    /// PDF names may not contain spaces or delimiters; PostScript names should not either, but some fonts do.
    private func sanitizedPostScriptName(_ name: String) -> String {
        let allowed = name.unicodeScalars.filter { scalar in
            scalar.value > 0x20 && scalar.value < 0x7F && !"()<>[]{}/%#".unicodeScalars.contains(scalar)
        }
        let result = String(String.UnicodeScalarView(allowed))
        return result.isEmpty ? "Font" : result
    }
}
