import Foundation
import KontorTestTools
import Testing
@testable import KontorPDF

/// Checks what a reader gets back from generated PDFs, with Poppler and qpdf as independent readers.
struct DocumentTextTests {
    private let scratch = ScratchDirectory()

    static let specialLine = "Grüße: ä ö ü Ä Ö Ü ß € é ł ç „Zitat“ – Ende…"
    static let amounts = ["1,00 €", "12,50 €", "1.234,56 €", "123.456,78 €"]
    static let rightEdge = 500.0

    private func makeDocument() throws -> PDFDocument {
        let style = try TestSupport.style(size: 11)
        let bold = style.withFont(try TestSupport.bold())
        return TestSupport.document { page in
            page.drawText(Self.specialLine, at: PDFPoint(x: 72, y: 100), style: style)
            for (index, amount) in Self.amounts.enumerated() {
                page.drawText(amount, at: PDFPoint(x: Self.rightEdge, y: 140 + Double(index) * 16),
                              style: index == 3 ? bold : style, alignment: .right)
            }
            page.drawText("Mitte", at: PDFPoint(x: 300, y: 250), style: style, alignment: .center)
            page.drawLine(from: PDFPoint(x: 72, y: 120), to: PDFPoint(x: 500, y: 120), lineWidth: 0.5)
            page.strokeRect(PDFRect(x: 72, y: 300, width: 200, height: 50), color: .rgb(0.8, 0, 0))
            page.fillRect(PDFRect(x: 300, y: 300, width: 50, height: 50), color: .gray(0.5))
        }
    }

    @Test func extractedTextMatchesExactly() throws {
        // Given a page with German special characters and typographic quotes
        let path = try scratch.write(try makeDocument().serialized())
        // When pdftotext extracts it
        let text = try PDFTools.text(path)
        let lines = text.split(separator: "\n").map(String.init)
        // Then the line comes back character for character
        #expect(lines.contains(Self.specialLine), "extracted: \(lines)")
        for amount in Self.amounts { #expect(lines.contains(amount), "missing \(amount) in \(lines)") }
        try PDFTools.expectValid(path)
    }

    @Test func rightAlignedNumbersEndAtTheSameEdge() throws {
        let path = try scratch.write(try makeDocument().serialized())
        let words = try BoundingBoxes.words(path)
        // Each amount is two words ("1,00" and "€"); the € signs must end at the right edge.
        let euroSigns = words.filter { $0.text == "€" }
        #expect(euroSigns.count == Self.amounts.count + 1)  // plus the one in the special line
        let rightAligned = euroSigns.filter { $0.yMin > 120 }
        #expect(rightAligned.count == Self.amounts.count)
        for word in rightAligned {
            #expect(abs(word.xMax - Self.rightEdge) < 0.6, "€ ends at \(word.xMax), expected \(Self.rightEdge)")
        }
        let centred = try #require(words.first { $0.text == "Mitte" })
        #expect(abs((centred.xMin + centred.xMax) / 2 - 300) < 0.6)
    }

    @Test func allFontsAreEmbeddedSubsets() throws {
        let path = try scratch.write(try makeDocument().serialized())
        let output = try PDFTools.run("pdffonts", [path]).text
        let rows = output.split(separator: "\n").dropFirst(2)
        #expect(rows.count == 2, "\(output)")
        for row in rows {
            let columns = row.split(separator: " ", omittingEmptySubsequences: true)
            let name = String(columns[0])
            #expect(name.range(of: "^[A-Z]{6}\\+DejaVuSans", options: .regularExpression) != nil, "\(row)")
            #expect(row.contains("CID TrueType"))
            #expect(row.contains("Identity-H"))
            // emb, sub and uni columns
            let flags = columns.suffix(5).prefix(3).map(String.init)
            #expect(flags == ["yes", "yes", "yes"], "\(row)")
        }
    }

    @Test func missingCharactersUseAReplacementGlyphNotNotdef() throws {
        let document = try TestSupport.document { page in
            page.drawText("A\u{E000}B", at: PDFPoint(x: 72, y: 72), style: try TestSupport.style())
        }
        let path = try scratch.write(document.serialized())
        try PDFTools.expectValid(path)
        let text = try PDFTools.text(path)
        #expect(text.contains("A\u{FFFD}B"))
    }

    @Test func rendersWithoutErrors() throws {
        let path = try scratch.write(try makeDocument().serialized())
        let prefix = scratch.file("page").path
        let output = try PDFTools.run("pdftoppm", ["-r", "50", "-png", "-f", "1", "-l", "1", path, prefix])
        #expect(output.stderr.isEmpty, "pdftoppm reported: \(output.stderr)")
        let rendered = prefix + "-1.png"
        #expect(FileManager.default.fileExists(atPath: rendered))
        let size = (try FileManager.default.attributesOfItem(atPath: rendered)[.size] as? Int) ?? 0
        #expect(size > 1_000)
    }
}

/// Word boxes from `pdftotext -bbox` (points, top-left origin, like the library's API).
enum BoundingBoxes {
    struct Word {
        let text: String
        let xMin, yMin, xMax, yMax: Double
    }

    static func words(_ path: String, page: Int = 1) throws -> [Word] {
        let html = try PDFTools.run("pdftotext", ["-bbox", "-f", "\(page)", "-l", "\(page)", path, "-"]).text
        var result: [Word] = []
        for line in html.split(separator: "\n") where line.contains("<word ") {
            func value(_ name: String) -> Double {
                guard let range = line.range(of: name + "=\"") else { return .nan }
                let rest = line[range.upperBound...]
                return Double(rest.prefix { $0 != "\"" }) ?? .nan
            }
            guard let start = line.firstIndex(of: ">"), let end = line.range(of: "</word>")?.lowerBound else {
                continue
            }
            let text = String(line[line.index(after: start)..<end])
                .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<")
                .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
            result.append(Word(text: text, xMin: value("xMin"), yMin: value("yMin"), xMax: value("xMax"),
                               yMax: value("yMax")))
        }
        return result
    }
}
