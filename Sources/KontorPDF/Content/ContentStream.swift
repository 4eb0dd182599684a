/// Builds a page content stream: PDF drawing operators in PDF's bottom-left coordinate space.
///
/// It remembers the current colours and line width so that consecutive operations with the same
/// style do not repeat the operators, which keeps table-heavy pages small.
struct ContentStream: Sendable {
    private(set) var bytes: [UInt8] = []
    private var fill: PDFColor?
    private var stroke: PDFColor?
    private var lineWidth: Double?

    init() {
        bytes.reserveCapacity(4096)
    }

    // MARK: - State

    mutating func setFill(_ color: PDFColor) {
        guard fill != color else { return }
        fill = color
        appendColor(color, gray: "g\n", rgb: "rg\n")
    }

    mutating func setStroke(_ color: PDFColor) {
        guard stroke != color else { return }
        stroke = color
        appendColor(color, gray: "G\n", rgb: "RG\n")
    }

    mutating func setLineWidth(_ width: Double) {
        guard lineWidth != width else { return }
        lineWidth = width
        bytes.appendNumber(width)
        bytes.append(ascii: " w\n")
    }

    private mutating func appendColor(_ color: PDFColor, gray: StaticString, rgb: StaticString) {
        switch color {
        case .gray(let level):
            bytes.appendNumber(level.clamped)
            bytes.append(UInt8(ascii: " "))
            bytes.append(ascii: gray)
        case .rgb(let red, let green, let blue):
            number(red.clamped)
            number(green.clamped)
            number(blue.clamped)
            bytes.append(ascii: rgb)
        }
    }

    // MARK: - Paths

    /// Appends numbers separated and followed by spaces.
    mutating func numbers(_ values: [Double]) {
        for value in values { number(value) }
    }

    /// Appends a number and a space. The drawing operators call this once per operand rather than passing
    /// an array: an array literal per rectangle or text position was a heap allocation each.
    @inline(__always)
    mutating func number(_ value: Double) {
        bytes.appendNumber(value)
        bytes.append(UInt8(ascii: " "))
    }

    mutating func line(from start: (Double, Double), to end: (Double, Double), dash: [Double]) {
        if !dash.isEmpty {
            bytes.append(ascii: "q [")
            numbers(dash)
            bytes.append(ascii: "] 0 d\n")
        }
        number(start.0)
        number(start.1)
        bytes.append(ascii: "m ")
        number(end.0)
        number(end.1)
        bytes.append(ascii: "l S\n")
        if !dash.isEmpty { bytes.append(ascii: "Q\n") }
    }

    /// A rectangle subpath (`re`); callers finish the path with ``fillPath()`` or ``strokePath()``.
    mutating func rectangle(x: Double, y: Double, width: Double, height: Double) {
        number(x)
        number(y)
        number(width)
        number(height)
        bytes.append(ascii: "re\n")
    }

    /// A rectangle of `length` × 1 units at (`column`, `row`), for grids drawn under a scaling matrix.
    mutating func cellRun(column: Int, row: Int, length: Int) {
        bytes.appendInteger(column)
        bytes.append(UInt8(ascii: " "))
        bytes.appendInteger(row)
        bytes.append(UInt8(ascii: " "))
        bytes.appendInteger(length)
        bytes.append(ascii: " 1 re\n")
    }

    mutating func fillPath() {
        bytes.append(ascii: "f\n")
    }

    mutating func strokePath() {
        bytes.append(ascii: "S\n")
    }

    // MARK: - Text

    /// Shows glyphs at a baseline position with a font resource that the page has registered.
    mutating func text(glyphs: [UInt16], fontName: Int, size: Double, x: Double, y: Double) {
        bytes.append(ascii: "BT\n/F")
        bytes.appendInteger(fontName)
        bytes.append(UInt8(ascii: " "))
        bytes.appendNumber(size)
        bytes.append(ascii: " Tf\n")
        number(x)
        number(y)
        bytes.append(ascii: "Td\n<")
        bytes.reserveCapacity(bytes.count + glyphs.count * 4 + 16)
        for glyph in glyphs { bytes.appendHex16(glyph) }
        bytes.append(ascii: "> Tj\nET\n")
    }

    // MARK: - Images

    mutating func image(name: Int, x: Double, y: Double, width: Double, height: Double) {
        bytes.append(ascii: "q ")
        numbers([width, 0, 0, height, x, y])
        bytes.append(ascii: "cm /Im")
        bytes.appendInteger(name)
        bytes.append(ascii: " Do Q\n")
    }

    // MARK: - Raw

    mutating func append(ascii text: StaticString) {
        bytes.append(ascii: text)
    }

    mutating func append(raw: [UInt8]) {
        bytes.append(contentsOf: raw)
    }

    mutating func insert(_ raw: [UInt8], at offset: Int) {
        bytes.insert(contentsOf: raw, at: offset)
    }

    var count: Int { bytes.count }
}

extension Double {
    /// Colour components outside 0...1 are an error in PDF; clamp instead of writing a broken file.
    fileprivate var clamped: Double { Swift.min(1, Swift.max(0, self)) }
}
