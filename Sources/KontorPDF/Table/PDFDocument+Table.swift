/// Where a table's flow stands: a page of the document and a vertical position on it.
public struct PDFTablePosition: Sendable, Hashable {
    /// Index into ``PDFDocument/pages``.
    public var pageIndex: Int
    /// Distance from the top of the page in points.
    public var y: Double

    /// A position.
    public init(pageIndex: Int, y: Double) {
        self.pageIndex = pageIndex
        self.y = y
    }
}

/// What a page-break hook learns about the break.
public struct PDFTableBreak: Sendable, Hashable {
    /// The page being finished (`beforeBreak`) or started (`afterBreak`).
    public let pageIndex: Int
    /// Number of body rows placed before the break: rows `0..<rowsPlaced` are on earlier pages
    /// (e.g. to compute a carried-forward subtotal).
    public let rowsPlaced: Int
    /// `beforeBreak`: where the table ended on the finished page; `afterBreak`: the continuation top.
    public let y: Double
}

extension PDFDocument {
    /// Lays out table rows from a position, adding pages as needed and repeating the header row.
    ///
    /// A row never splits: if it does not fit above `bottom`, the page is finished and the row
    /// continues on a new page (a row taller than a whole page is placed anyway).
    /// - Parameters:
    ///   - table: Columns, position and styles.
    ///   - rows: Body rows.
    ///   - start: Page and y for the top of the header row.
    ///   - bottom: No row extends below this y; leave room here for footers the hooks draw.
    ///   - continuationTop: y at which the table continues on new pages.
    ///   - newPage: Makes each continuation page (e.g. with a running header already drawn).
    ///   - beforeBreak: Draws on the finished page before the break (e.g. a subtotal "carried forward").
    ///   - afterBreak: Draws at the top of the new page and returns the y where the header row goes.
    /// - Returns: The position just below the last row.
    @discardableResult
    public mutating func layoutTable(
        _ table: PDFTable, rows: [PDFTableRow], at start: PDFTablePosition, bottom: Double, continuationTop: Double,
        newPage: () -> PDFPage = { PDFPage() },
        beforeBreak: (inout PDFPage, PDFTableBreak) -> Void = { _, _ in },
        afterBreak: (inout PDFPage, PDFTableBreak) -> Double = { _, pageBreak in pageBreak.y }
    ) -> PDFTablePosition {
        precondition(pages.indices.contains(start.pageIndex), "table start page does not exist")
        let header = table.layout(table.columns.map(\.title), style: table.headerStyle)
        var pageIndex = start.pageIndex
        var y = start.y
        var rowsOnPage = 0

        func breakPage(rowsPlaced: Int) {
            beforeBreak(&pages[pageIndex], PDFTableBreak(pageIndex: pageIndex, rowsPlaced: rowsPlaced, y: y))
            pages.append(newPage())
            pageIndex = pages.count - 1
            y = afterBreak(&pages[pageIndex],
                           PDFTableBreak(pageIndex: pageIndex, rowsPlaced: rowsPlaced, y: continuationTop))
            rowsOnPage = 0
        }

        func drawHeader() {
            table.draw(header, on: &pages[pageIndex], y: y, rule: table.headerRule, background: table.headerBackground)
            y += header.height
        }

        // Do not leave a header alone at the bottom of the first page.
        if let first = rows.first, y + header.height + table.height(of: first) > bottom {
            breakPage(rowsPlaced: 0)
        }
        drawHeader()
        for (index, row) in rows.enumerated() {
            let layout = table.layout(row.cells, style: row.style ?? table.bodyStyle)
            if y + layout.height > bottom, rowsOnPage > 0 {
                breakPage(rowsPlaced: index)
                drawHeader()
            }
            table.draw(layout, on: &pages[pageIndex], y: y, rule: table.rowRule)
            y += layout.height
            rowsOnPage += 1
        }
        return PDFTablePosition(pageIndex: pageIndex, y: y)
    }
}
