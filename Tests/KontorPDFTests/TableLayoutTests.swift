import Foundation
import KontorTestTools
import Testing
@testable import KontorPDF

struct TableLayoutTests {
    private let scratch = ScratchDirectory()

    static let rowCount = 400
    static let bottom = Double.mm(262)

    /// Every 7th row has a description that wraps over several lines.
    static func description(_ row: Int) -> String {
        row % 7 == 0
            ? "Anfang\(row) Lektorat und Korrektur eines sehr langen Kapitels mit Fußnoten, Register und Ende\(row)"
            : "Position \(row) Übersetzung"
    }

    static func carried(_ rows: Int) -> String {
        "Übertrag: \(rows * (rows + 1) / 2),00 €"
    }

    private func makeDocument() throws -> PDFDocument {
        let style = try TestSupport.style(size: 9)
        let bold = style.withFont(try TestSupport.bold())
        var document = PDFDocument(info: TestSupport.info(title: "Tabelle"))
        document.addPage()
        document.pages[0].drawText("Erste Seite mit Briefkopf", at: .mm(x: 25, y: 30), style: bold)
        let table = PDFTable(
            columns: [PDFTableColumn("Pos.", width: .mm(15)),
                      PDFTableColumn("Beschreibung", width: .mm(110)),
                      PDFTableColumn("Betrag", width: .mm(35), alignment: .right)],
            x: .mm(25), headerStyle: bold, bodyStyle: style, headerBackground: .gray(0.9), rowRule: PDFTableRule(
                lineWidth: 0.25, color: .gray(0.6)))
        let rows = (1...Self.rowCount).map { PDFTableRow(["\($0)", Self.description($0), "\($0),00 €"]) }
        let end = document.layoutTable(
            table, rows: rows, at: PDFTablePosition(pageIndex: 0, y: .mm(100)), bottom: Self.bottom,
            continuationTop: .mm(20),
            beforeBreak: { page, pageBreak in
                page.drawText(Self.carried(pageBreak.rowsPlaced), at: PDFPoint(x: .mm(185), y: pageBreak.y + 14),
                              style: bold, alignment: .right)
            },
            afterBreak: { page, pageBreak in
                page.drawText(Self.carried(pageBreak.rowsPlaced), at: PDFPoint(x: .mm(185), y: pageBreak.y + 10),
                              style: bold, alignment: .right)
                return pageBreak.y + 18
            })
        document.pages[end.pageIndex].drawText("Summe", at: PDFPoint(x: .mm(25), y: end.y + 14), style: bold)
        for index in document.pages.indices {
            document.pages[index].drawPageNumber(at: .mm(x: 185, y: 285), style: style) { "Seite \($0) von \($1)" }
        }
        return document
    }

    @Test func breaksAcrossPagesWithRepeatedHeaderAndPageNumbers() throws {
        // Given 400 rows laid out from the middle of the first page
        let document = try makeDocument()
        let path = try scratch.write(document.serialized())
        try PDFTools.expectValid(path)
        // Then the table spans several pages
        let pageCount = try PDFTools.pageCount(path)
        #expect(pageCount == document.pages.count)
        #expect(pageCount >= 5)

        var seenRows: [Int] = []
        var rowsBefore = 0
        for page in 1...pageCount {
            let text = try PDFTools.text(path, page: page, layout: true)
            let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            // The header row is repeated on every page, once.
            let headers = lines.filter { $0.hasPrefix("Pos.") && $0.contains("Beschreibung") && $0.hasSuffix("Betrag") }
            #expect(headers.count == 1, "page \(page): \(lines.prefix(5))")
            // The page number knows the total page count.
            #expect(lines.contains("Seite \(page) von \(pageCount)"), "page \(page)")
            // Rows on this page, in order.
            let rows = lines.compactMap { line -> Int? in
                let parts = line.split(separator: " ", omittingEmptySubsequences: true)
                guard parts.count >= 3, let number = Int(parts[0]), parts.last == "€" else { return nil }
                return number
            }
            #expect(!rows.isEmpty)
            seenRows += rows
            // A carried-forward subtotal of all earlier rows tops every continuation page
            // and ends every page but the last.
            if page > 1 { #expect(lines.contains(Self.carried(rowsBefore)), "page \(page) top") }
            rowsBefore += rows.count
            if page < pageCount {
                #expect(lines.contains(Self.carried(rowsBefore)), "page \(page) bottom")
            } else {
                #expect(lines.contains { $0.hasPrefix("Summe") })
            }
            // Wrapped rows never split across pages.
            for row in rows where row % 7 == 0 {
                #expect(text.contains("Anfang\(row)") && text.contains("Ende\(row)"), "row \(row) split")
            }
        }
        #expect(seenRows == Array(1...Self.rowCount))
    }

    @Test func rowsStayAboveTheBottomLimit() throws {
        let document = try makeDocument()
        let path = try scratch.write(document.serialized())
        for page in 1...document.pages.count {
            let words = try BoundingBoxes.words(path, page: page)
            let rowWords = words.filter { $0.text.hasPrefix("Position") || $0.text.hasPrefix("Ende") }
            for word in rowWords {
                #expect(word.yMax <= Self.bottom, "page \(page): \(word.text) ends at \(word.yMax)")
            }
        }
    }

    @Test func rowHeightsFollowWrappedLines() throws {
        let style = try TestSupport.style(size: 9)
        let table = PDFTable(columns: [PDFTableColumn("A", width: 60), PDFTableColumn("B", width: 40)], x: 0,
                             headerStyle: style, bodyStyle: style, rowPadding: 2)
        #expect(table.width == 100)
        let single = table.height(of: PDFTableRow(["kurz", "1"]))
        let wrapped = table.height(of: PDFTableRow(["ein deutlich längerer Text, der umbricht", "1"]))
        #expect(single == style.lineHeight + 4)
        #expect(wrapped > single)
        #expect((wrapped - 4).truncatingRemainder(dividingBy: style.lineHeight) < 1e-9)
    }

    @Test func fittedColumnsGiveTheFlexibleColumnWhatTheNumbersDoNotNeed() throws {
        // Given a description between number columns that allow for far larger numbers than printed
        let style = try TestSupport.style(size: 9)
        let bold = style.withFont(try TestSupport.bold())
        let table = PDFTable(
            columns: [PDFTableColumn("Pos.", width: .mm(10)), PDFTableColumn("Beschreibung", width: .mm(56)),
                      PDFTableColumn("Menge", width: .mm(19), alignment: .right),
                      PDFTableColumn("Betrag", width: .mm(30), alignment: .right)],
            x: .mm(25), headerStyle: bold, bodyStyle: style, cellPadding: 2)
        let text = "Produkttext Art. 10203 (Regal Ålesund)"
        let rows = [PDFTableRow(["1", text, "1", "45,50 €"]), PDFTableRow(["2", "kurz", "12", "1.020,00 €"])]
        #expect(table.height(of: rows[0]) > table.height(of: rows[1]), "wraps in the fixed 57 mm")
        // When the columns are fitted to the rows
        let fitted = table.fitted(to: rows, flexible: 1)
        // Then the table keeps its width, each number column holds its widest text (header included) on one
        // line, and the description gets the rest and no longer wraps
        #expect(abs(fitted.width - table.width) < 1e-9)
        for index in [0, 2, 3] {
            let widest = rows.map { style.width(of: $0.cells[index]) }
                .reduce(bold.width(of: table.columns[index].title), max)
            #expect(fitted.columns[index].width >= widest + 4 && fitted.columns[index].width < widest + 5.1)
            #expect(fitted.columns[index].width <= table.columns[index].width)
        }
        #expect(fitted.columns[1].width > table.columns[1].width)
        #expect(fitted.height(of: rows[0]) == style.lineHeight + 2 * fitted.rowPadding)
        #expect(fitted.headerHeight == table.headerHeight)
    }

    @Test func fittedColumnsNeverGrowPastTheirWidth() throws {
        // Given a number column whose text is wider than the column allows
        let style = try TestSupport.style(size: 9)
        let table = PDFTable(
            columns: [PDFTableColumn("Text", width: 100), PDFTableColumn("Zahl", width: 30, alignment: .right)],
            x: 0, headerStyle: style, bodyStyle: style)
        let fitted = table.fitted(to: [PDFTableRow(["a", "123.456.789,00 €"])], flexible: 0)
        // Then it keeps its width (and wraps) rather than squeezing the flexible column
        #expect(fitted.columns[1].width == 30 && fitted.columns[0].width == 100)
    }
}
