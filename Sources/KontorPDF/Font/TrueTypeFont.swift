public import Foundation

/// A parsed TrueType font: metrics, character map and the raw glyph outlines needed to embed a subset.
///
/// Parsing a font is comparatively expensive (the whole character map is expanded into a lookup
/// table), so parse once and reuse the value: it is an immutable `Sendable` value that can be shared
/// across documents and threads. The bundled DejaVu fonts are parsed once per process
/// (see ``TrueTypeFont/bundled(_:)``).
///
/// Only TrueType outlines (`glyf`) are supported; OpenType/CFF fonts are rejected.
public struct TrueTypeFont: Sendable {
    /// The PostScript name from the `name` table (ID 6), used as the PDF `/BaseFont` after the subset tag.
    public var postScriptName: String { storage.postScriptName }
    /// The family name from the `name` table (ID 1).
    public var familyName: String { storage.familyName }
    /// Font design units per em square (`head.unitsPerEm`); all metrics below are in these units.
    public var unitsPerEm: Int { storage.unitsPerEm }
    /// Typographic ascender above the baseline (`hhea.ascender`), in font units.
    public var ascender: Int { storage.ascender }
    /// Typographic descender (`hhea.descender`), negative below the baseline, in font units.
    public var descender: Int { storage.descender }
    /// Extra gap between lines recommended by the font (`hhea.lineGap`), in font units.
    public var lineGap: Int { storage.lineGap }
    /// Height of capital letters, in font units (`OS/2.sCapHeight`, or the height of "H" in older fonts).
    public var capHeight: Int { storage.capHeight }
    /// Italic angle in degrees counter-clockwise from vertical (`post.italicAngle`).
    public var italicAngle: Double { storage.italicAngle }
    /// Weight class from `OS/2` (400 regular, 700 bold).
    public var weightClass: Int { storage.weightClass }
    /// Whether all glyphs have the same advance width (`post.isFixedPitch`).
    public var isFixedPitch: Bool { storage.isFixedPitch }
    /// Number of glyphs in the font (`maxp.numGlyphs`).
    public var glyphCount: Int { storage.glyphCount }
    /// Font bounding box `[xMin, yMin, xMax, yMax]` in font units (`head`).
    var boundingBox: [Int] { storage.boundingBox }
    /// The complete font file; tables are sliced from it when a subset is written.
    var bytes: [UInt8] { storage.bytes }
    /// Table directory: tag → (offset, length).
    var tables: [String: TableRecord] { storage.tables }
    /// `loca` expanded to byte offsets into `glyf`, `glyphCount + 1` entries.
    var glyphOffsets: [UInt32] { storage.glyphOffsets }
    /// Advance width of every glyph id, in font units.
    var advances: [UInt16] { storage.advances }
    /// Direct lookup for the Basic Multilingual Plane: index = code point, value = glyph id (0 = missing).
    var bmpGlyphs: [UInt16] { storage.bmpGlyphs }
    /// Code points above U+FFFF, from a format 12 subtable.
    var supplementaryGlyphs: [UInt32: UInt16] { storage.supplementaryGlyphs }
    /// Smallest code point mapped to each glyph (0 = none); the default for the PDF ToUnicode map.
    var unicodeForGlyph: [UInt32] { storage.unicodeForGlyph }
    /// Glyph drawn for characters the font lacks: U+FFFD if present, else "?"; never .notdef (PDF/A).
    var fallbackGlyph: UInt16 { storage.fallbackGlyph }
    /// Distinguishes fonts inside one document (fonts with equal names but different files).
    var identifier: String { storage.identifier }

    /// Whether both are the same font: the same parse (one reference), or equal files parsed twice.
    @inline(__always)
    func isSame(as other: TrueTypeFont) -> Bool {
        storage === other.storage || storage.identifier == other.storage.identifier
    }

    /// The parsed tables, shared by every copy: a font travels inside every `TextStyle` and page, and one
    /// reference is cheaper to copy than the dozen arrays and strings it holds.
    final class Storage: Sendable {
        let postScriptName: String
        let familyName: String
        let unitsPerEm: Int
        let ascender: Int
        let descender: Int
        let lineGap: Int
        let capHeight: Int
        let italicAngle: Double
        let weightClass: Int
        let isFixedPitch: Bool
        let glyphCount: Int
        let boundingBox: [Int]
        let bytes: [UInt8]
        let tables: [String: TableRecord]
        let glyphOffsets: [UInt32]
        let advances: [UInt16]
        let bmpGlyphs: [UInt16]
        let supplementaryGlyphs: [UInt32: UInt16]
        let unicodeForGlyph: [UInt32]
        let fallbackGlyph: UInt16
        let identifier: String

        init(
            postScriptName: String, familyName: String, unitsPerEm: Int, ascender: Int, descender: Int,
            lineGap: Int, capHeight: Int, italicAngle: Double, weightClass: Int, isFixedPitch: Bool,
            glyphCount: Int, boundingBox: [Int], bytes: [UInt8], tables: [String: TableRecord],
            glyphOffsets: [UInt32], advances: [UInt16], bmpGlyphs: [UInt16], supplementaryGlyphs: [UInt32: UInt16],
            unicodeForGlyph: [UInt32], fallbackGlyph: UInt16, identifier: String
        ) {
            self.postScriptName = postScriptName
            self.familyName = familyName
            self.unitsPerEm = unitsPerEm
            self.ascender = ascender
            self.descender = descender
            self.lineGap = lineGap
            self.capHeight = capHeight
            self.italicAngle = italicAngle
            self.weightClass = weightClass
            self.isFixedPitch = isFixedPitch
            self.glyphCount = glyphCount
            self.boundingBox = boundingBox
            self.bytes = bytes
            self.tables = tables
            self.glyphOffsets = glyphOffsets
            self.advances = advances
            self.bmpGlyphs = bmpGlyphs
            self.supplementaryGlyphs = supplementaryGlyphs
            self.unicodeForGlyph = unicodeForGlyph
            self.fallbackGlyph = fallbackGlyph
            self.identifier = identifier
        }
    }

    let storage: Storage

    struct TableRecord: Sendable {
        let offset: Int
        let length: Int
    }

    // MARK: - Initialization

    /// Parses a TrueType font file.
    ///
    /// - Parameter data: The contents of a `.ttf` file.
    /// - Throws: ``PDFError/invalidFont(_:)`` when the file is not a TrueType font with `glyf` outlines,
    ///   lacks a Unicode character map, or forbids embedding (`OS/2.fsType` restricted licence).
    public init(data: Data) throws {
        let parsed = try TrueTypeParser(bytes: [UInt8](data)).parse()
        self = parsed
    }

    init(
        postScriptName: String, familyName: String, unitsPerEm: Int, ascender: Int, descender: Int,
        lineGap: Int, capHeight: Int, italicAngle: Double, weightClass: Int, isFixedPitch: Bool,
        boundingBox: [Int], bytes: [UInt8], tables: [String: TableRecord], glyphOffsets: [UInt32],
        advances: [UInt16], bmpGlyphs: [UInt16], supplementaryGlyphs: [UInt32: UInt16],
        unicodeForGlyph: [UInt32], fallbackGlyph: UInt16, identifier: String
    ) {
        storage = Storage(
            postScriptName: postScriptName, familyName: familyName, unitsPerEm: unitsPerEm, ascender: ascender,
            descender: descender, lineGap: lineGap, capHeight: capHeight, italicAngle: italicAngle,
            weightClass: weightClass, isFixedPitch: isFixedPitch, glyphCount: advances.count,
            boundingBox: boundingBox, bytes: bytes, tables: tables, glyphOffsets: glyphOffsets, advances: advances,
            bmpGlyphs: bmpGlyphs, supplementaryGlyphs: supplementaryGlyphs, unicodeForGlyph: unicodeForGlyph,
            fallbackGlyph: fallbackGlyph, identifier: identifier)
    }

    // MARK: - Lookup

    /// The glyph id the font's character map assigns to a character, or `nil` if the font lacks it.
    public func glyphID(for scalar: Unicode.Scalar) -> UInt16? {
        let value = scalar.value
        let glyph = value < 0x10000 ? bmpGlyphs[Int(value)] : (supplementaryGlyphs[value] ?? 0)
        return glyph == 0 ? nil : glyph
    }

    /// Whether every character of `text` has a glyph in this font.
    public func canRender(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { glyphID(for: $0) != nil }
    }

    /// The advance width of a glyph in font units (0 for ids outside the font).
    public func advanceWidth(ofGlyph glyph: UInt16) -> Int {
        Int(glyph) < advances.count ? Int(advances[Int(glyph)]) : 0
    }

    /// The glyph that is drawn for `scalar`: its own glyph, or the fallback glyph for missing characters.
    @inline(__always)
    func renderedGlyph(for scalar: Unicode.Scalar) -> UInt16 {
        let value = scalar.value
        let glyph = value < 0x10000 ? bmpGlyphs[Int(value)] : (supplementaryGlyphs[value] ?? 0)
        return glyph == 0 ? fallbackGlyph : glyph
    }

    // MARK: - Measuring

    /// The advance width of a single line of text in points, from the font's own `hmtx` metrics.
    ///
    /// Control characters have no width and a tab counts as a space, as when drawing; split
    /// paragraphs first (``TextLayout`` does this). No kerning is applied, matching how text is drawn.
    /// - Parameters:
    ///   - text: The text to measure.
    ///   - size: The font size in points.
    public func width(of text: String, size: Double) -> Double {
        Double(widthInUnits(of: text.unicodeScalars)) * size / Double(unitsPerEm)
    }

    /// Sum of advances in font units; integer arithmetic keeps measuring exact and fast.
    func widthInUnits(of scalars: some Sequence<Unicode.Scalar>) -> Int {
        let advances = storage.advances
        var total = 0
        for scalar in scalars {
            if let glyph = drawnGlyph(for: scalar) { total += Int(advances[Int(glyph)]) }
        }
        return total
    }

    /// The glyph drawn for `scalar` in a line of text: control characters draw nothing (a stray line
    /// feed must not show up as a replacement box) and a tab is drawn as a space.
    @inline(__always)
    func drawnGlyph(for scalar: Unicode.Scalar) -> UInt16? {
        guard scalar.value >= 0x20 else { return scalar == "\t" ? renderedGlyph(for: " ") : nil }
        return renderedGlyph(for: scalar)
    }

    /// Ascender in points at `size`.
    public func ascent(size: Double) -> Double {
        Double(ascender) * size / Double(unitsPerEm)
    }

    /// Descender in points at `size` (negative: below the baseline).
    public func descent(size: Double) -> Double {
        Double(descender) * size / Double(unitsPerEm)
    }
}
