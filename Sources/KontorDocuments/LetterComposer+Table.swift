import KontorCore
import KontorPDF

extension LetterComposer {
    /// The columns of a document's line table (165 mm wide).
    func lineTable() -> PDFTable {
        let columns = [
            PDFTableColumn(texts.position, width: .mm(10)),
            PDFTableColumn(texts.description, width: .mm(63)),
            PDFTableColumn(texts.quantity, width: .mm(17), alignment: .right),
            PDFTableColumn(texts.unit, width: .mm(20)),
            PDFTableColumn(texts.unitPrice, width: .mm(22), alignment: .right),
            PDFTableColumn(texts.vat, width: .mm(13), alignment: .right),
            PDFTableColumn(texts.amount, width: .mm(20), alignment: .right),
        ]
        return PDFTable(
            columns: columns, x: .mm(LetterLayout.leftMargin), headerStyle: bold.withSize(8.5), bodyStyle: body.withSize(9),
            cellPadding: 2, rowPadding: 2, headerBackground: .gray(0.92), headerRule: PDFTableRule(lineWidth: 0.6),
            rowRule: PDFTableRule(lineWidth: 0.2, color: .gray(0.75)))
    }

    /// The rows of `lines` as the table prints them.
    func rows(_ lines: [DocumentLine], language: Language) -> [PDFTableRow] {
        lines.enumerated().map { index, line in
            PDFTableRow([
                "\(index + 1)", line.description, line.quantity.formatted(language), line.unit.label(language),
                line.unitPrice.formatted(language), "\(line.vatRate.percent) %", line.net.formatted(language),
            ])
        }
    }

    /// Draws a table without carried-forward subtotals.
    mutating func plainTable(_ table: PDFTable, rows: [PDFTableRow]) {
        var document = self.document
        let end = document.layoutTable(
            table, rows: rows, at: PDFTablePosition(pageIndex: pageIndex, y: y), bottom: .mm(LetterLayout.bodyBottom),
            continuationTop: .mm(LetterLayout.continuationTop))
        replaceDocument(document, position: end)
        y += 4
    }

    /// Draws the line table; when it breaks across pages, the running net total is printed as "Übertrag"
    /// at the foot of the page and again at the top of the next.
    mutating func lineTable(_ lines: [DocumentLine], language: Language) {
        let table = lineTable()
        var runningTotals: [Money] = [.zero]
        for line in lines { runningTotals.append(runningTotals.last! + line.net) }
        let carryStyle = bold.withSize(9)
        let label = texts.carriedForward
        let right = Double.mm(LetterLayout.rightEdge) - 2
        var document = self.document
        let end = document.layoutTable(
            table, rows: rows(lines, language: language), at: PDFTablePosition(pageIndex: pageIndex, y: y),
            bottom: .mm(LetterLayout.bodyBottom) - carryStyle.lineHeight - 4, continuationTop: .mm(LetterLayout.continuationTop),
            beforeBreak: { page, pageBreak in
                let amount = runningTotals[pageBreak.rowsPlaced].formatted(language)
                let baseline = pageBreak.y + 3 + carryStyle.baselineOffset
                page.drawText(label, at: PDFPoint(x: .mm(110), y: baseline), style: carryStyle)
                page.drawText(amount, at: PDFPoint(x: right, y: baseline), style: carryStyle, alignment: .right)
            },
            afterBreak: { page, pageBreak in
                let amount = runningTotals[pageBreak.rowsPlaced].formatted(language)
                let baseline = pageBreak.y + carryStyle.baselineOffset
                page.drawText(label, at: PDFPoint(x: .mm(110), y: baseline), style: carryStyle)
                page.drawText(amount, at: PDFPoint(x: right, y: baseline), style: carryStyle, alignment: .right)
                return pageBreak.y + carryStyle.lineHeight + 4
            })
        replaceDocument(document, position: end)
        y += 4
    }
}
