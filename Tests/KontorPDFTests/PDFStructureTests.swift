import Foundation
import KontorTestTools
import Testing
@testable import KontorPDF

/// The file structure PDF/A-3b asks for, checked on the bytes (no PDF/A validator is available here).
struct PDFStructureTests {
    private let scratch = ScratchDirectory()

    private func makeDocument(date: Date = TestSupport.date, compress: Bool = true) throws -> PDFDocument {
        var info = TestSupport.info(title: "Rechnung „2025-001“")
        info.creationDate = date
        info.keywords = ["Rechnung", "Übersetzung"]
        var document = PDFDocument(info: info, compressesStreams: compress)
        var page = PDFPage()
        let style = try TestSupport.style()
        for index in 0..<40 {
            page.drawText("Zeile \(index) – Grüße", at: PDFPoint(x: 72, y: 72 + Double(index) * 14), style: style)
        }
        page.fillGrid(origin: PDFPoint(x: 400, y: 600), cellSize: 2, rows: 25, columns: 25) { ($0 ^ $1) & 1 == 0 }
        document.append(page)
        return document
    }

    @Test func outputIsDeterministic() throws {
        let first = try makeDocument().serialized()
        let second = try makeDocument().serialized()
        #expect(first == second)
        let later = try makeDocument(date: TestSupport.date.addingTimeInterval(60)).serialized()
        #expect(first != later)
    }

    @Test func headerXrefAndTrailerAreWellFormed() throws {
        let bytes = [UInt8](try makeDocument().serialized())
        // Header and binary comment line
        #expect(Array(bytes[0..<10]) == Array("%PDF-1.7\n%".utf8))
        #expect(bytes[10..<14].allSatisfy { $0 >= 128 })
        let text = String(decoding: bytes, as: UTF8.self)
        // startxref points at the xref table
        let startxref = try #require(text.range(of: "startxref\n", options: .backwards))
        let offsetText = text[startxref.upperBound...].prefix { $0.isNumber }
        let xrefOffset = try #require(Int(offsetText))
        #expect(Array(bytes[xrefOffset..<xrefOffset + 5]) == Array("xref\n".utf8))
        // Every entry is exactly 20 bytes and points at "n 0 obj"
        var position = xrefOffset + 5
        let subsectionEnd = try #require(bytes[position...].firstIndex(of: 0x0A))
        let header = String(decoding: bytes[position..<subsectionEnd], as: UTF8.self).split(separator: " ")
        #expect(header.first == "0")
        let count = try #require(Int(header[1]))
        position = subsectionEnd + 1
        for object in 0..<count {
            let entry = Array(bytes[position..<position + 20])
            #expect(entry[18] == 0x0D && entry[19] == 0x0A, "entry \(object) does not end in CR LF")
            let offset = try #require(Int(String(decoding: entry[0..<10], as: UTF8.self)))
            if object == 0 {
                #expect(String(decoding: entry, as: UTF8.self) == "0000000000 65535 f\r\n")
            } else {
                let marker = Array("\(object) 0 obj".utf8)
                #expect(Array(bytes[offset..<offset + marker.count]) == marker, "object \(object) offset \(offset)")
            }
            position += 20
        }
        #expect(Array(bytes[position..<position + 7]) == Array("trailer".utf8))
        // File identifier, no encryption
        #expect(text.range(of: "/ID \\[<[0-9A-F]{32}> <[0-9A-F]{32}>\\]", options: .regularExpression) != nil)
        #expect(!text.contains("/Encrypt"))
        #expect(text.hasSuffix("%%EOF\n"))
    }

    @Test func metadataIdentifiesPDFA3BAndMatchesInfo() throws {
        let text = String(decoding: try makeDocument().serialized(), as: UTF8.self)
        #expect(text.contains("<pdfaid:part>3</pdfaid:part>"))
        #expect(text.contains("<pdfaid:conformance>B</pdfaid:conformance>"))
        #expect(text.contains("<rdf:li xml:lang=\"x-default\">Rechnung „2025-001“</rdf:li>"))
        #expect(text.contains("<xmp:CreateDate>2025-01-01T13:00:00+01:00</xmp:CreateDate>"))
        #expect(text.contains("/CreationDate (D:20250101130000+01'00')"))
        #expect(text.contains("<pdf:Keywords>Rechnung, Übersetzung</pdf:Keywords>"))
        #expect(text.contains("<pdf:Producer>KontorPDF</pdf:Producer>"))
        #expect(text.contains("/Lang (de-DE)"))
        #expect(text.contains("<?xpacket end=\"w\"?>"))
        // The Info title is UTF-16BE because of the typographic quotes.
        #expect(text.contains("/Title <FEFF"))
    }

    @Test func outputIntentEmbedsAValidSRGBProfile() throws {
        let path = try scratch.write(try makeDocument().serialized())
        let catalog = try PDFTools.run("qpdf", ["--show-object=1", path]).text
        #expect(catalog.contains("/S /GTS_PDFA1"))
        #expect(catalog.contains("/OutputConditionIdentifier (sRGB IEC61966-2.1)"))
        let reference = try #require(catalog.range(of: "/DestOutputProfile (\\d+) 0 R", options: .regularExpression))
        let number = catalog[reference].split(separator: " ")[1]
        let arguments = ["--show-object=\(number)", "--filtered-stream-data", path]
        let profile = [UInt8](try PDFTools.run("qpdf", arguments).stdout)
        // ICC header: declared size, signature, class, colour space, PCS, version 2.1
        let reader = ByteReader(profile)
        #expect(Int(try reader.u32(0)) == profile.count)
        #expect(String(decoding: profile[36..<40], as: UTF8.self) == "acsp")
        #expect(String(decoding: profile[12..<16], as: UTF8.self) == "mntr")
        #expect(String(decoding: profile[16..<20], as: UTF8.self) == "RGB ")
        #expect(String(decoding: profile[20..<24], as: UTF8.self) == "XYZ ")
        #expect(try reader.u32(8) == 0x0210_0000)
        // Tag table: the tags of a matrix/TRC display profile, each inside the file
        let tagCount = Int(try reader.u32(128))
        var tags: Set<String> = []
        for index in 0..<tagCount {
            let entry = 132 + index * 12
            let offset = Int(try reader.u32(entry + 4))
            let size = Int(try reader.u32(entry + 8))
            #expect(offset % 4 == 0 && offset + size <= profile.count)
            tags.insert(String(decoding: profile[entry..<entry + 4], as: UTF8.self))
        }
        #expect(tags == ["desc", "cprt", "wtpt", "rXYZ", "gXYZ", "bXYZ", "rTRC", "gTRC", "bTRC"])
        // The tone curve is the sRGB one: 50 % encoded ≈ 21.4 % linear.
        let curveEntry = 132 + 6 * 12
        let curveOffset = Int(try reader.u32(curveEntry + 4))
        let middle = Double(try reader.u16(curveOffset + 12 + 512 * 2)) / 65535
        #expect(abs(middle - 0.2145) < 0.002)
    }

    @Test func uncompressedOutputIsValidToo() throws {
        let pdf = try makeDocument(compress: false).serialized()
        let path = try scratch.write(pdf)
        try PDFTools.expectValid(path)
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(text.contains("BT\n/F1 10 Tf"))
        #expect(!text.contains("/FlateDecode"))
        #expect(try PDFTools.text(path).contains("Zeile 39 – Grüße"))
    }

    @Test func qrStyleGridIsOnePathWithMergedRuns() throws {
        // Given a grid where each row has alternating cells
        var page = PDFPage()
        page.fillGrid(origin: PDFPoint(x: 0, y: 0), cellSize: 1, rows: 4, columns: 6) { _, column in column < 3 }
        let content = String(decoding: page.content.bytes, as: UTF8.self)
        // Then each row's three adjacent cells become one rectangle, all filled by one operator
        #expect(content.components(separatedBy: " re\n").count - 1 == 4)
        #expect(content.components(separatedBy: "f\n").count - 1 == 1)
    }

    @Test func serialisingTwiceGivesTheSameBytes() throws {
        // Speed is measured by kontor-bench ("invoice PDF, 1 page"); here only that output is reproducible.
        let document = try makeDocument()
        #expect(document.serialized() == document.serialized())
    }
}
