/// Expands a font's Unicode `cmap` subtable (format 12 preferred, else format 4) into lookup tables.
struct CharacterMapReader {
    let reader: ByteReader
    let table: TrueTypeFont.TableRecord

    struct Result {
        var bmp: [UInt16]
        var supplementary: [UInt32: UInt16]
    }

    func read() throws -> Result {
        let count = Int(try reader.u16(table.offset + 2))
        var format4: Int?
        var format12: Int?
        for index in 0..<count {
            let record = table.offset + 4 + index * 8
            let platform = try reader.u16(record)
            let encoding = try reader.u16(record + 2)
            let subtable = table.offset + Int(try reader.u32(record + 4))
            let format = try reader.u16(subtable)
            let isUnicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10))
            guard isUnicode else { continue }
            if format == 12, format12 == nil { format12 = subtable }
            if format == 4, format4 == nil { format4 = subtable }
        }
        var result = Result(bmp: [UInt16](repeating: 0, count: 0x10000), supplementary: [:])
        if let format12 {
            try readFormat12(at: format12, into: &result)
        } else if let format4 {
            try readFormat4(at: format4, into: &result)
        } else {
            throw PDFError.invalidFont("no Unicode cmap (format 4 or 12)")
        }
        return result
    }

    private func readFormat4(at offset: Int, into result: inout Result) throws {
        let segmentCount = Int(try reader.u16(offset + 6)) / 2
        let endCodes = offset + 14
        let startCodes = endCodes + segmentCount * 2 + 2
        let deltas = startCodes + segmentCount * 2
        let rangeOffsets = deltas + segmentCount * 2
        for segment in 0..<segmentCount {
            let end = Int(try reader.u16(endCodes + segment * 2))
            let start = Int(try reader.u16(startCodes + segment * 2))
            let delta = Int(try reader.u16(deltas + segment * 2))
            let rangeOffsetPosition = rangeOffsets + segment * 2
            let rangeOffset = Int(try reader.u16(rangeOffsetPosition))
            guard start <= end else { continue }
            for codePoint in start...end where codePoint != 0xFFFF {
                var glyph: Int
                if rangeOffset == 0 {
                    glyph = (codePoint + delta) & 0xFFFF
                } else {
                    // The offset is relative to the idRangeOffset entry itself (a quirk of the format).
                    let address = rangeOffsetPosition + rangeOffset + (codePoint - start) * 2
                    glyph = Int(try reader.u16(address))
                    if glyph != 0 { glyph = (glyph + delta) & 0xFFFF }
                }
                result.bmp[codePoint] = UInt16(glyph)
            }
        }
    }

    private func readFormat12(at offset: Int, into result: inout Result) throws {
        let groupCount = Int(try reader.u32(offset + 12))
        for group in 0..<groupCount {
            let record = offset + 16 + group * 12
            let start = try reader.u32(record)
            let end = try reader.u32(record + 4)
            let firstGlyph = try reader.u32(record + 8)
            guard start <= end, end <= 0x10FFFF else { continue }
            for codePoint in start...end {
                let glyph = firstGlyph + (codePoint - start)
                guard glyph <= 0xFFFF else { break }
                if codePoint < 0x10000 {
                    result.bmp[Int(codePoint)] = UInt16(glyph)
                } else {
                    result.supplementary[codePoint] = UInt16(glyph)
                }
            }
        }
    }
}
