/// One page being drawn: collects the content stream and the fonts and images it references.
///
/// All coordinates are in points from the page's **top-left** corner (y grows downwards); use
/// `.mm(…)` for millimetres. Drawing is cheap value mutation; nothing is serialised until the
/// document is written, which is also when page-number placeholders are resolved.
public struct PDFPage: Sendable {
    /// Page size in points.
    public let size: PDFSize

    var content = ContentStream()
    /// Fonts used on this page, in order of first use; the resource name of `fonts[i]` is `/F(i+1)`.
    var fonts: [PageFont] = []
    /// Images used on this page; the resource name of `images[i]` is `/Im(i+1)`.
    var images: [PDFImage] = []
    /// Text whose content is known only when the page count is (page numbers).
    var deferredTexts: [DeferredText] = []

    struct PageFont: Sendable {
        let font: TrueTypeFont
        var glyphs: GlyphSet
        /// Characters whose glyph is not the font's default reverse mapping (e.g. fallback glyphs).
        var unicodeOverrides: [UInt16: UInt32] = [:]
    }

    struct DeferredText: Sendable {
        let offset: Int
        let anchor: PDFPoint
        let style: TextStyle
        let alignment: TextAlignment
        let format: @Sendable (_ page: Int, _ pageCount: Int) -> String
    }

    /// An empty page.
    /// - Parameter size: Page size in points, A4 portrait by default.
    public init(size: PDFSize = .a4) {
        self.size = size
    }

    /// Converts a top-left-origin y coordinate to PDF's bottom-left origin.
    @inline(__always)
    func pdfY(_ y: Double) -> Double {
        size.height - y
    }

    // MARK: - Lines and shapes

    /// Draws a straight line.
    /// - Parameters:
    ///   - start: Start point.
    ///   - end: End point.
    ///   - lineWidth: Stroke width in points.
    ///   - color: Stroke colour.
    ///   - dash: Dash pattern in points (on, off, …); empty for a solid line.
    public mutating func drawLine(
        from start: PDFPoint, to end: PDFPoint, lineWidth: Double = 0.5, color: PDFColor = .black,
        dash: [Double] = []
    ) {
        content.setStroke(color)
        content.setLineWidth(lineWidth)
        content.line(from: (start.x, pdfY(start.y)), to: (end.x, pdfY(end.y)), dash: dash)
    }

    /// Outlines a rectangle.
    public mutating func strokeRect(_ rect: PDFRect, lineWidth: Double = 0.5, color: PDFColor = .black) {
        content.setStroke(color)
        content.setLineWidth(lineWidth)
        content.rectangle(x: rect.minX, y: pdfY(rect.maxY), width: rect.width, height: rect.height)
        content.strokePath()
    }

    /// Fills a rectangle.
    public mutating func fillRect(_ rect: PDFRect, color: PDFColor) {
        fillRects([rect], color: color)
    }

    /// Fills many rectangles as one path (one `f` operator), e.g. QR code modules.
    public mutating func fillRects(_ rects: [PDFRect], color: PDFColor) {
        guard !rects.isEmpty else { return }
        content.setFill(color)
        for rect in rects {
            content.rectangle(x: rect.minX, y: pdfY(rect.maxY), width: rect.width, height: rect.height)
        }
        content.fillPath()
    }

    /// Fills the cells of a square grid, such as the modules of a QR code, as one path.
    ///
    /// Horizontally adjacent filled cells are merged into one rectangle, which makes the stream
    /// smaller and avoids hairline gaps between modules in anti-aliased renderers.
    /// - Parameters:
    ///   - origin: Top-left corner of the grid.
    ///   - cellSize: Edge length of one cell in points.
    ///   - rows: Number of rows.
    ///   - columns: Number of columns.
    ///   - color: Fill colour.
    ///   - isFilled: Whether the cell at (row, column) is filled.
    public mutating func fillGrid(
        origin: PDFPoint, cellSize: Double, rows: Int, columns: Int, color: PDFColor = .black,
        isFilled: (_ row: Int, _ column: Int) -> Bool
    ) {
        // One cell is one unit under a matrix (y downwards, as the rows are), so each run is written as four
        // small integers: a QR code's thousand runs in page coordinates were most of an invoice page's stream.
        var started = false
        for row in 0..<rows {
            var column = 0
            while column < columns {
                guard isFilled(row, column) else {
                    column += 1
                    continue
                }
                let start = column
                while column < columns, isFilled(row, column) { column += 1 }
                if !started {
                    started = true
                    content.setFill(color)
                    content.append(ascii: "q ")
                    content.number(cellSize)
                    content.append(ascii: "0 0 ")
                    content.number(-cellSize)
                    content.number(origin.x)
                    content.number(pdfY(origin.y))
                    content.append(ascii: "cm\n")
                }
                content.cellRun(column: start, row: row, length: column - start)
            }
        }
        if started { content.append(ascii: "f\nQ\n") }
    }

    // MARK: - Images

    /// Draws an image stretched to fill `rect` (compute the rect from ``PDFImage/aspectRatio`` to keep
    /// proportions).
    public mutating func drawImage(_ image: PDFImage, in rect: PDFRect) {
        let index: Int
        if let existing = images.firstIndex(where: { $0 == image }) {
            index = existing
        } else {
            images.append(image)
            index = images.count - 1
        }
        content.image(name: index + 1, x: rect.minX, y: pdfY(rect.maxY), width: rect.width, height: rect.height)
    }
}
