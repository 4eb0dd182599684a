import KontorCore
import KontorPDF

extension LetterComposer {
    /// The columns of a document's line table (165 mm wide). Without tax (§ 19, reverse charge, outside the
    /// scope) there is no VAT column: a rate printed there would be a tax owed (§ 14c UStG). The widths are the
    /// most each number column may take ("1.234,567" and "-123.456,78 €" on one line); `fitted(to:)` narrows
    /// them to what the rows print, so that the description gets the rest and wraps only when it must.
    func lineTable(showsTax: Bool = true, grossAmounts: Bool = false) -> PDFTable {
        var columns = [
            PDFTableColumn(texts.position, width: .mm(10)),
            PDFTableColumn(texts.description, width: .mm(showsTax ? 54 : 65)),
            PDFTableColumn(texts.quantity, width: .mm(19), alignment: .right),
            PDFTableColumn(texts.unit, width: .mm(22)),
            PDFTableColumn(grossAmounts ? texts.unitPriceGross : texts.unitPrice, width: .mm(24), alignment: .right),
        ]
        if showsTax { columns.append(PDFTableColumn(texts.vat, width: .mm(11), alignment: .right)) }
        let amount = grossAmounts ? texts.amountGross : texts.amount
        columns.append(PDFTableColumn(amount, width: .mm(25), alignment: .right))
        // 9 pt on 11.25 pt with 1.4 pt above and below: a one-line row is 5 mm, as dense as a printed price
        // list and still easy to read; the rules between rows keep the lines apart. 3 pt padding leaves 2 mm
        // between columns, enough to tell "19 %" from "1.080,00 €" beside it.
        return PDFTable(
            columns: columns, x: .mm(LetterLayout.leftMargin),
            headerStyle: TextStyle(font: fonts.bold, size: 8.5, lineHeight: 10.5),
            bodyStyle: TextStyle(font: fonts.regular, size: 9, lineHeight: 11.25), cellPadding: 3, rowPadding: 1.4,
            headerBackground: .gray(0.92), headerRule: PDFTableRule(lineWidth: 0.6),
            rowRule: PDFTableRule(lineWidth: 0.2, color: .gray(0.75)))
    }

    /// The rows of `lines` as the table prints them, rates and categories from `taxes`. With `grossAmounts`
    /// (quotes to consumers, § 3 PAngV) prices include the line's VAT.
    func rows(_ lines: [DocumentLine], language: Language, taxes: TaxBreakdown, grossAmounts: Bool = false)
        -> [PDFTableRow]
    {
        lines.enumerated().map { index, line in
            let rate = taxes.category(of: line).rate.percent
            var price = line.unitPrice
            var amount = line.net
            if grossAmounts {
                price.tenThousandths = (Money(cents: price.tenThousandths).percentage(100 + rate)).cents
                amount = amount.percentage(100 + rate)
            }
            var cells = [
                "\(index + 1)", line.description, line.quantity.formatted(language),
                line.unit.label(language, quantity: line.quantity), price.formatted(language),
            ]
            if taxes.showsTax { cells.append("\(rate) %") }
            cells.append(amount.formatted(language))
            return PDFTableRow(cells)
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
    mutating func lineTable(
        _ lines: [DocumentLine], language: Language, taxes: TaxBreakdown, grossAmounts: Bool = false
    ) {
        let rows = rows(lines, language: language, taxes: taxes, grossAmounts: grossAmounts)
        let table = lineTable(showsTax: taxes.showsTax, grossAmounts: grossAmounts).fitted(to: rows, flexible: 1)
        var runningTotals: [Money] = [.zero]
        for line in lines {
            let rate = taxes.category(of: line).rate.percent
            runningTotals.append(runningTotals.last! + (grossAmounts ? line.net.percentage(100 + rate) : line.net))
        }
        let carryStyle = bold.withSize(9)
        let label = texts.carriedForward
        let right = Double.mm(LetterLayout.rightEdge) - 2
        var document = self.document
        let end = document.layoutTable(
            table, rows: rows, at: PDFTablePosition(pageIndex: pageIndex, y: y),
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
