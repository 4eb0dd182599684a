/// A column of a ``PDFTable``.
public struct PDFTableColumn: Sendable {
    /// Header text.
    public var title: String
    /// Column width in points, including cell padding.
    public var width: Double
    /// Alignment of header and body text (right for amounts).
    public var alignment: TextAlignment

    /// A column.
    /// - Parameters:
    ///   - title: Header text.
    ///   - width: Width in points.
    ///   - alignment: Text alignment in the column.
    public init(_ title: String, width: Double, alignment: TextAlignment = .left) {
        self.title = title
        self.width = width
        self.alignment = alignment
    }
}

/// One body row of a ``PDFTable``.
public struct PDFTableRow: Sendable {
    /// Cell texts, one per column (missing cells are empty); long texts wrap within the column.
    public var cells: [String]
    /// Style for this row instead of the table's body style (e.g. bold for a sum row).
    public var style: TextStyle?

    /// A row.
    public init(_ cells: [String], style: TextStyle? = nil) {
        self.cells = cells
        self.style = style
    }
}

/// A horizontal line drawn under the header or between rows.
public struct PDFTableRule: Sendable {
    /// Line width in points.
    public var lineWidth: Double
    /// Line colour.
    public var color: PDFColor

    /// A rule.
    public init(lineWidth: Double = 0.5, color: PDFColor = .black) {
        self.lineWidth = lineWidth
        self.color = color
    }
}

/// Layout of a table whose rows flow over as many pages as needed, repeating the header row.
///
/// The table only describes geometry and styles;
/// ``PDFDocument/layoutTable(_:rows:at:bottom:continuationTop:newPage:beforeBreak:afterBreak:)``
/// places the rows and calls hooks at page breaks.
public struct PDFTable: Sendable {
    /// The columns, left to right.
    public var columns: [PDFTableColumn]
    /// Left edge of the table in points.
    public var x: Double
    /// Style of the header row.
    public var headerStyle: TextStyle
    /// Default style of body rows.
    public var bodyStyle: TextStyle
    /// Horizontal space between the column edge and its text, on both sides.
    public var cellPadding: Double
    /// Vertical space above and below the text of each row.
    public var rowPadding: Double
    /// Optional fill behind the header row.
    public var headerBackground: PDFColor?
    /// Optional line under the header row.
    public var headerRule: PDFTableRule?
    /// Optional line under each body row.
    public var rowRule: PDFTableRule?

    /// A table.
    /// - Parameters:
    ///   - columns: Column definitions.
    ///   - x: Left edge in points.
    ///   - headerStyle: Header text style.
    ///   - bodyStyle: Body text style.
    ///   - cellPadding: Horizontal padding inside cells.
    ///   - rowPadding: Vertical padding inside rows.
    ///   - headerBackground: Fill colour behind the header.
    ///   - headerRule: Line under the header.
    ///   - rowRule: Line under each body row.
    public init(
        columns: [PDFTableColumn], x: Double, headerStyle: TextStyle, bodyStyle: TextStyle,
        cellPadding: Double = 2, rowPadding: Double = 1.5, headerBackground: PDFColor? = nil,
        headerRule: PDFTableRule? = PDFTableRule(), rowRule: PDFTableRule? = nil
    ) {
        self.columns = columns
        self.x = x
        self.headerStyle = headerStyle
        self.bodyStyle = bodyStyle
        self.cellPadding = cellPadding
        self.rowPadding = rowPadding
        self.headerBackground = headerBackground
        self.headerRule = headerRule
        self.rowRule = rowRule
    }

    /// Total width of all columns.
    public var width: Double {
        columns.reduce(0) { $0 + $1.width }
    }

    /// Height of the header row.
    public var headerHeight: Double {
        layout(columns.map(\.title), style: headerStyle).height
    }

    /// Height a body row will take, with its cells wrapped.
    public func height(of row: PDFTableRow) -> Double {
        layout(row.cells, style: row.style ?? bodyStyle).height
    }

    /// The table with its columns sized to `rows`: every column but `flexible` shrinks to its widest text
    /// (header or body, unwrapped, plus padding) and never grows past its given width; the width saved goes
    /// to `flexible`, so the table keeps its total width.
    ///
    /// Numbers need little room but fixed widths must allow for the largest amount; sizing them to what
    /// is printed gives a description column room to stay on one line instead of wrapping every row.
    /// - Parameters:
    ///   - rows: The body rows the table will print.
    ///   - flexible: Index of the column that takes the remaining width (e.g. a description).
    public func fitted(to rows: [PDFTableRow], flexible: Int) -> PDFTable {
        guard columns.indices.contains(flexible) else { return self }
        // Integer font units per column: summing and comparing units is exact, as in `TextLayout`.
        var widest = [Double](repeating: 0, count: columns.count)
        func measure(_ cells: [String], style: TextStyle) {
            let font = style.font
            let scale = style.size / Double(font.unitsPerEm)
            for index in columns.indices where index != flexible && index < cells.count {
                var units = 0
                for line in TextLayout.paragraphs(of: cells[index]) {
                    units = Swift.max(units, font.widthInUnits(of: line.unicodeScalars))
                }
                widest[index] = Swift.max(widest[index], Double(units) * scale)
            }
        }
        measure(columns.map(\.title), style: headerStyle)
        for row in rows { measure(row.cells, style: row.style ?? bodyStyle) }
        var result = self
        var saved = 0.0
        for index in columns.indices where index != flexible {
            // A hundredth of a point keeps rounding in the wrap check from breaking a text that exactly fits.
            let natural = (widest[index] + 2 * cellPadding + 0.01).rounded(.up)
            let width = Swift.min(columns[index].width, natural)
            saved += columns[index].width - width
            result.columns[index].width = width
        }
        result.columns[flexible].width += saved
        return result
    }

    /// A row's cells wrapped into lines, and the resulting row height.
    struct RowLayout {
        let lines: [[String]]
        let style: TextStyle
        let height: Double
    }

    func layout(_ cells: [String], style: TextStyle) -> RowLayout {
        var lines: [[String]] = []
        var maxLines = 1
        for (index, column) in columns.enumerated() {
            let text = index < cells.count ? cells[index] : ""
            let cellLines = text.isEmpty
                ? [] : TextLayout.lines(text, width: column.width - 2 * cellPadding, style: style)
            maxLines = max(maxLines, cellLines.count)
            lines.append(cellLines)
        }
        return RowLayout(lines: lines, style: style, height: Double(maxLines) * style.lineHeight + 2 * rowPadding)
    }

    /// Draws a laid-out row with its top at `y`.
    func draw(_ row: RowLayout, on page: inout PDFPage, y: Double, rule: PDFTableRule?, background: PDFColor? = nil) {
        if let background {
            page.fillRect(PDFRect(x: x, y: y, width: width, height: row.height), color: background)
        }
        var columnX = x
        for (index, column) in columns.enumerated() {
            page.drawLines(row.lines[index], at: PDFPoint(x: columnX + cellPadding, y: y + rowPadding),
                           width: column.width - 2 * cellPadding, style: row.style, alignment: column.alignment)
            columnX += column.width
        }
        if let rule {
            let ruleY = y + row.height
            page.drawLine(from: PDFPoint(x: x, y: ruleY), to: PDFPoint(x: x + width, y: ruleY),
                          lineWidth: rule.lineWidth, color: rule.color)
        }
    }
}
