/// Writes a TrueType file that contains only the glyph outlines a document uses.
///
/// Glyph ids stay unchanged (unused glyphs become empty entries in `glyf`), so the PDF can use
/// `/CIDToGIDMap /Identity` and composite glyphs keep valid component references. The long runs
/// of empty `loca`/`hmtx` entries this leaves compress to almost nothing under Flate.
struct FontSubsetter {
    let font: TrueTypeFont

    /// Tables copied verbatim: hinting programs keep rendering identical to the full font.
    private static let copiedTables = ["cvt ", "fpgm", "prep", "OS/2"]

    /// Adds the components of composite glyphs (recursively) and glyph 0, which TrueType requires.
    func closure(of glyphs: GlyphSet) -> GlyphSet {
        var result = glyphs
        result.insert(0)
        var pending = result.sorted
        while let glyph = pending.popLast() {
            for component in components(of: glyph) where !result.contains(component) {
                result.insert(component)
                pending.append(component)
            }
        }
        return result
    }

    /// The font file for the given glyphs (call ``closure(of:)`` first).
    func subset(_ glyphs: GlyphSet) -> [UInt8] {
        var tables: [(tag: String, data: [UInt8])] = []
        // Glyphs above the highest used id are dropped entirely: ids below stay valid.
        let count = min(font.glyphCount, Int(glyphs.sorted.last ?? 0) + 1)
        let (glyf, loca, longOffsets) = buildGlyphTables(glyphs, count: count)
        tables.append(("glyf", glyf))
        tables.append(("loca", loca))
        tables.append(("hmtx", buildMetrics(glyphs, count: count)))
        if var maxp = slice("maxp"), maxp.count >= 6 {
            maxp.setU16(UInt16(count), at: 4)
            tables.append(("maxp", maxp))
        }
        if var hhea = slice("hhea"), hhea.count >= 36 {
            hhea.setU16(UInt16(count), at: 34)  // numberOfHMetrics: every kept glyph has a full metric
            tables.append(("hhea", hhea))
        }
        if var head = slice("head") {
            head.setU32(0, at: 8)  // checkSumAdjustment, fixed after the whole file is assembled
            head.setU16(longOffsets ? 1 : 0, at: 50)
            tables.append(("head", head))
        }
        for tag in Self.copiedTables {
            if let data = slice(tag) { tables.append((tag, data)) }
        }
        if var post = slice("post"), post.count >= 32 {
            // Format 3 drops the glyph name list, which is large and unused by PDF renderers.
            post = Array(post[0..<32])
            post.setU32(0x0003_0000, at: 0)
            tables.append(("post", post))
        }
        if let name = buildNameTable() { tables.append(("name", name)) }
        tables.append(("cmap", buildCharacterMap(glyphs, count: count)))
        return assemble(tables)
    }

    /// Where the `glyf` table lies in a program `subset` wrote, read from its table directory.
    static func glyphDataRange(in program: [UInt8]) -> Range<Int>? {
        guard program.count >= 12 else { return nil }
        let count = Int(program[4]) << 8 | Int(program[5])
        for index in 0..<count {
            let entry = 12 + index * 16
            guard entry + 16 <= program.count else { return nil }
            guard program[entry] == 0x67, program[entry + 1] == 0x6C, program[entry + 2] == 0x79,
                  program[entry + 3] == 0x66  // "glyf"
            else { continue }
            func u32(_ at: Int) -> Int {
                Int(program[at]) << 24 | Int(program[at + 1]) << 16 | Int(program[at + 2]) << 8 | Int(program[at + 3])
            }
            let offset = u32(entry + 8)
            let length = u32(entry + 12)
            return offset + length <= program.count ? offset..<offset + length : nil
        }
        return nil
    }

    // MARK: - Glyph data

    private var glyfOffset: Int { font.tables["glyf"]?.offset ?? 0 }

    private func components(of glyph: UInt16) -> [UInt16] {
        let index = Int(glyph)
        guard index + 1 < font.glyphOffsets.count else { return [] }
        let start = glyfOffset + Int(font.glyphOffsets[index])
        let end = glyfOffset + Int(font.glyphOffsets[index + 1])
        let reader = ByteReader(font.bytes)
        guard end - start >= 10, let contours = try? reader.i16(start), contours < 0 else { return [] }
        var result: [UInt16] = []
        var position = start + 10
        while position + 4 <= end, let flags = try? reader.u16(position),
              let component = try? reader.u16(position + 2) {
            result.append(component)
            position += 4 + (flags & 0x0001 != 0 ? 4 : 2)  // ARG_1_AND_2_ARE_WORDS
            if flags & 0x0008 != 0 { position += 2 }  // WE_HAVE_A_SCALE
            else if flags & 0x0040 != 0 { position += 4 }  // WE_HAVE_AN_X_AND_Y_SCALE
            else if flags & 0x0080 != 0 { position += 8 }  // WE_HAVE_A_TWO_BY_TWO
            if flags & 0x0020 == 0 { break }  // MORE_COMPONENTS
        }
        return result
    }

    private func buildGlyphTables(_ glyphs: GlyphSet, count: Int) -> (glyf: [UInt8], loca: [UInt8], long: Bool) {
        let source = font.bytes
        let glyphOffsets = font.glyphOffsets
        let base = glyfOffset
        var glyf: [UInt8] = []
        var offsets = [UInt32](repeating: 0, count: count + 1)
        // Only the kept glyphs are visited; the empty entries between them repeat the running length.
        var unset = 0
        for glyph in glyphs.sorted where Int(glyph) < count {
            let id = Int(glyph)
            let length = UInt32(glyf.count)
            while unset <= id {
                offsets[unset] = length
                unset += 1
            }
            glyf.append(contentsOf: source[base + Int(glyphOffsets[id])..<base + Int(glyphOffsets[id + 1])])
            // 4-byte alignment keeps offsets even (needed by the short loca format) and is recommended.
            while glyf.count % 4 != 0 { glyf.append(0) }
        }
        while unset <= count {
            offsets[unset] = UInt32(glyf.count)
            unset += 1
        }
        let long = glyf.count > 0x1FFFC
        let entrySize = long ? 4 : 2
        let loca = [UInt8](unsafeUninitializedCapacity: offsets.count * entrySize) { buffer, initialized in
            var index = 0
            for offset in offsets {
                if long {
                    buffer[index] = UInt8(truncatingIfNeeded: offset >> 24)
                    buffer[index + 1] = UInt8(truncatingIfNeeded: offset >> 16)
                    buffer[index + 2] = UInt8(truncatingIfNeeded: offset >> 8)
                    buffer[index + 3] = UInt8(truncatingIfNeeded: offset)
                } else {
                    buffer[index] = UInt8(truncatingIfNeeded: offset >> 9)
                    buffer[index + 1] = UInt8(truncatingIfNeeded: offset >> 1)
                }
                index += entrySize
            }
            initialized = index
        }
        return (glyf, loca, long)
    }

    /// `hmtx` with one full metric per kept glyph; unused glyphs get zeros so the table compresses well.
    private func buildMetrics(_ glyphs: GlyphSet, count: Int) -> [UInt8] {
        guard let hmtx = font.tables["hmtx"], let hhea = font.tables["hhea"] else { return [] }
        // Read in place: copying the whole table out of the font cost more than the few metrics read.
        let source = font.bytes
        let advances = font.advances
        let metricCount = Int((try? ByteReader(source).u16(hhea.offset + 34)) ?? 0)
        var result = [UInt8](repeating: 0, count: count * 4)
        for glyph in glyphs.sorted where Int(glyph) < count {
            let index = Int(glyph)
            result.setU16(advances[index], at: index * 4)
            // Left side bearings of the monospaced tail are stored after the full metrics.
            let bearing = index < metricCount ? index * 4 + 2 : metricCount * 4 + (index - metricCount) * 2
            if bearing + 2 <= hmtx.length, hmtx.offset + bearing + 2 <= source.count {
                result[index * 4 + 2] = source[hmtx.offset + bearing]
                result[index * 4 + 3] = source[hmtx.offset + bearing + 1]
            }
        }
        return result
    }

    /// A Windows Unicode (3,1) format 4 `cmap` for the kept glyphs. PDF addresses glyphs by id, but
    /// strict font parsers and some preflight tools expect every TrueType program to have a `cmap`.
    private func buildCharacterMap(_ glyphs: GlyphSet, count: Int) -> [UInt8] {
        var pairs: [(code: Int, glyph: Int)] = []
        for glyph in glyphs.sorted where Int(glyph) < count {
            let code = font.unicodeForGlyph[Int(glyph)]
            if code != 0, code < 0xFFFF { pairs.append((Int(code), Int(glyph))) }
        }
        pairs.sort { $0.code < $1.code }
        // Runs where code and glyph both step by one share a segment (idDelta, no glyph array).
        var segments: [(start: Int, end: Int, delta: Int)] = []
        for pair in pairs {
            if let last = segments.last, last.end + 1 == pair.code, (pair.glyph - pair.code) & 0xFFFF == last.delta {
                segments[segments.count - 1].end = pair.code
            } else {
                segments.append((pair.code, pair.code, (pair.glyph - pair.code) & 0xFFFF))
            }
        }
        segments.append((0xFFFF, 0xFFFF, 1))  // required final segment
        let segmentCount = segments.count
        var entrySelector = 0
        while 1 << (entrySelector + 1) <= segmentCount { entrySelector += 1 }
        let searchRange = (1 << entrySelector) * 2
        var subtable: [UInt8] = []
        subtable.appendU16(4)
        subtable.appendU16(UInt16(16 + segmentCount * 8))
        subtable.appendU16(0)
        subtable.appendU16(UInt16(segmentCount * 2))
        subtable.appendU16(UInt16(searchRange))
        subtable.appendU16(UInt16(entrySelector))
        subtable.appendU16(UInt16(segmentCount * 2 - searchRange))
        for segment in segments { subtable.appendU16(UInt16(segment.end)) }
        subtable.appendU16(0)
        for segment in segments { subtable.appendU16(UInt16(segment.start)) }
        for segment in segments { subtable.appendU16(UInt16(segment.delta)) }
        for _ in segments { subtable.appendU16(0) }
        var table: [UInt8] = []
        table.appendU16(0)
        table.appendU16(1)
        table.appendU16(3)
        table.appendU16(1)
        table.appendU32(12)
        return table + subtable
    }

    // MARK: - Naming

    /// A small `name` table with the copyright, family and PostScript names (Windows Unicode records),
    /// leaving out the long licence text to keep the embedded program small.
    private func buildNameTable() -> [UInt8]? {
        guard let table = font.tables["name"] else { return nil }
        let reader = ByteReader(font.bytes)
        guard let count = try? reader.u16(table.offset + 2), let storageStart = try? reader.u16(table.offset + 4)
        else { return nil }
        var records: [(header: [UInt16], data: ArraySlice<UInt8>)] = []
        for index in 0..<Int(count) {
            let record = table.offset + 6 + index * 12
            guard let fields = try? (0..<6).map({ try reader.u16(record + $0 * 2) }) else { return nil }
            guard fields[0] == 3, fields[3] <= 6 else { continue }
            let start = table.offset + Int(storageStart) + Int(fields[5])
            let end = start + Int(fields[4])
            guard end <= font.bytes.count else { continue }
            records.append((Array(fields[0..<5]), font.bytes[start..<end]))
        }
        guard !records.isEmpty else { return nil }
        var result: [UInt8] = []
        result.appendU16(0)
        result.appendU16(UInt16(records.count))
        result.appendU16(UInt16(6 + records.count * 12))
        var storage: [UInt8] = []
        for record in records {
            for field in record.header { result.appendU16(field) }
            result.appendU16(UInt16(storage.count))
            storage.append(contentsOf: record.data)
        }
        return result + storage
    }

    // MARK: - File assembly

    private func slice(_ tag: String) -> [UInt8]? {
        guard let record = font.tables[tag] else { return nil }
        return Array(font.bytes[record.offset..<record.offset + record.length])
    }

    private func assemble(_ unsorted: [(tag: String, data: [UInt8])]) -> [UInt8] {
        let tables = unsorted.sorted { $0.tag.utf8.lexicographicallyPrecedes($1.tag.utf8) }
        let count = tables.count
        var entrySelector = 0
        while 1 << (entrySelector + 1) <= count { entrySelector += 1 }
        let searchRange = (1 << entrySelector) * 16

        var file: [UInt8] = []
        file.reserveCapacity(12 + count * 16 + tables.reduce(0) { $0 + ($1.data.count + 3) & ~3 })
        file.appendU32(0x0001_0000)
        file.appendU16(UInt16(count))
        file.appendU16(UInt16(searchRange))
        file.appendU16(UInt16(entrySelector))
        file.appendU16(UInt16(count * 16 - searchRange))
        var offset = 12 + count * 16
        var headOffset: Int?
        for table in tables {
            file.append(contentsOf: Array(table.tag.utf8))
            file.appendU32(Self.checksum(table.data[...]))
            file.appendU32(UInt32(offset))
            file.appendU32(UInt32(table.data.count))
            if table.tag == "head" { headOffset = offset }
            offset += (table.data.count + 3) & ~3
        }
        for table in tables {
            file.append(contentsOf: table.data)
            while file.count % 4 != 0 { file.append(0) }
        }
        if let headOffset {
            file.setU32(0xB1B0_AFBA &- Self.checksum(file[...]), at: headOffset + 8)
        }
        return file
    }

    /// Sum of big-endian 32-bit words, zero-padded at the end (the sfnt checksum).
    static func checksum(_ data: ArraySlice<UInt8>) -> UInt32 {
        data.withUnsafeBytes { buffer in
            var sum: UInt32 = 0
            var index = 0
            // Whole words straight from memory: the whole subset file is summed once per font and document.
            while index + 4 <= buffer.count {
                sum &+= UInt32(bigEndian: buffer.loadUnaligned(fromByteOffset: index, as: UInt32.self))
                index += 4
            }
            var shift: UInt32 = 24
            while index < buffer.count {
                sum &+= UInt32(buffer[index]) << shift
                shift -= 8
                index += 1
            }
            return sum
        }
    }
}
