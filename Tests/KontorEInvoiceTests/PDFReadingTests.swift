import Foundation
import KontorEInvoice
import Testing
@testable import KontorPDF

/// ZUGFeRD/Factur-X: the invoice XML travels inside a PDF and must come out unchanged.
struct PDFReadingTests {
    private static let sample = "01.01a-INVOICE_uncefact.xml"

    /// Reads `pdf` with the internal reader and reports whether it needed any scanning fallback, so
    /// that a broken primary path (xref streams, predictors, object streams) cannot hide behind the
    /// fallbacks.
    private func pathTaken(_ pdf: Data) throws -> (intact: Bool, recovered: Int, names: [String]) {
        let reader = try PDFFileReader(bytes: [UInt8](pdf))
        let files = try reader.embeddedFiles()
        return (reader.crossReferencesIntact, reader.recoveredObjects, files.map(\.fileName))
    }

    @Test func zugferdPDFReadsLikeTheXML() throws {
        // Given a CII sample and a PDF that carries it as factur-x.xml
        let xml = try TestSuiteFiles.data(Self.sample)
        let pdf = try PDFFixtures.zugferd(xml)
        // When both are read
        let direct = try EInvoiceReader.read(data: xml, fileName: Self.sample)
        let fromPDF = try EInvoiceReader.read(data: pdf, fileName: "rechnung.pdf")
        // Then the results are identical
        #expect(fromPDF == direct)
        #expect(fromPDF.number == direct.number && !fromPDF.lines.isEmpty)
        let path = try pathTaken(pdf)
        #expect(path.intact && path.recovered == 0 && path.names == ["factur-x.xml"])
    }

    @Test func embeddedFileKeepsBytesNameTypeAndRelationship() throws {
        let xml = try TestSuiteFiles.data(Self.sample)
        let png = Data((0..<3_000).map { UInt8(truncatingIfNeeded: $0 &* 7) })
        let pdf = try PDFFixtures.pdf(attachments: [
            PDFAttachment(fileName: "factur-x.xml", data: xml, mimeType: "text/xml", description: "Rechnungsdaten",
                          relationship: .alternative, modificationDate: PDFFixtures.date),
            PDFAttachment(fileName: "Stundenzettel März.png", data: png, mimeType: "image/png",
                          relationship: .supplement, modificationDate: PDFFixtures.date),
        ])
        let files = try PDFEmbeddedFiles.extract(from: pdf)
        #expect(files.count == 2)
        let invoice = try #require(files.first { $0.fileName == "factur-x.xml" })
        #expect(invoice.data == xml)
        #expect(invoice.mimeType == "text/xml")
        #expect(invoice.relationship == .alternative)
        #expect(invoice.description == "Rechnungsdaten")
        // A non-ASCII name (written as UTF-16) and binary data survive as well.
        let image = try #require(files.first { $0.fileName == "Stundenzettel März.png" })
        #expect(image.data == png)
        #expect(image.relationship == .supplement)
        #expect(try EInvoiceReader.embeddedInvoiceXML(inPDF: pdf).fileName == "factur-x.xml")
    }

    @Test func uncompressedPDFIsRead() throws {
        let xml = try TestSuiteFiles.data(Self.sample)
        let pdf = try PDFFixtures.pdf(attachments: [
            PDFAttachment(fileName: "zugferd-invoice.xml", data: xml, mimeType: "text/xml",
                          relationship: .alternative, modificationDate: PDFFixtures.date),
        ], compress: false)
        #expect(try EInvoiceReader.read(data: pdf) == EInvoiceReader.read(data: xml))
    }

    @Test func objectStreamsAndXRefStreamsFromQPDF() throws {
        // Given the PDF rewritten as PDF 1.5 with object streams (as most ZUGFeRD producers write)
        let xml = try TestSuiteFiles.data("01.01_comprehensive_test_ubl.xml")
        let rewritten = try PDFFixtures.qpdf(try PDFFixtures.zugferd(xml, fileName: "xrechnung.xml"),
                                             ["--object-streams=generate"])
        #expect(PDFFixtures.contains(rewritten, "/ObjStm"))
        #expect(PDFFixtures.contains(rewritten, "/XRef"))
        #expect(!PDFFixtures.contains(rewritten, "\ntrailer"))
        // Then the invoice still comes out
        let invoice = try EInvoiceReader.read(data: rewritten, fileName: "rechnung.pdf")
        #expect(invoice == (try EInvoiceReader.read(data: xml)))
        #expect(try PDFEmbeddedFiles.extract(from: rewritten).first?.data == xml)
        let path = try pathTaken(rewritten)
        #expect(path.intact && path.recovered == 0 && path.names == ["xrechnung.xml"])
    }

    @Test func handBuiltObjectStreamWithPredictorAndNameTreeKids() throws {
        let xml = try TestSuiteFiles.data("01.05_minimal_test_ubl.xml")
        var pdf = HandBuiltPDF()
        pdf.stream(3, dictionary: "/Type /EmbeddedFile /Subtype /text#2Fxml", data: [UInt8](xml))
        pdf.objectStream(7, objects: [
            (1, "<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles 5 0 R >> >>"),
            (2, "<< /Type /Pages /Kids [] /Count 0 >>"),
            // "Rechnung-ä.xml" as UTF-16BE with byte order mark
            (4, "<< /Type /Filespec /F (Rechnung-a.xml) /UF <FEFF0052006500630068006E0075006E0067002D00E4002E0078006D006C> "
                + "/EF << /F 3 0 R >> /AFRelationship /Data >>"),
            (5, "<< /Kids [6 0 R] >>"),
            (6, "<< /Limits [(a) (z)] /Names [(Rechnung-a.xml) 4 0 R] >>"),
        ])
        let entries: [HandBuiltPDF.Entry] = [
            .free, .compressed(stream: 7, index: 0), .compressed(stream: 7, index: 1), .offset(pdf.offsets[3]!),
            .compressed(stream: 7, index: 2), .compressed(stream: 7, index: 3), .compressed(stream: 7, index: 4),
            .offset(pdf.offsets[7]!),
        ]
        pdf.finishWithXRefStream(8, entries: entries, trailer: "/Root 1 0 R")

        let files = try PDFEmbeddedFiles.extract(from: pdf.data)
        #expect(files.count == 1)
        #expect(files.first?.fileName == "Rechnung-ä.xml")
        #expect(files.first?.mimeType == "text/xml")
        #expect(files.first?.relationship == .data)
        #expect(files.first?.data == xml)
        #expect(try EInvoiceReader.read(data: pdf.data) == EInvoiceReader.read(data: xml))
        let path = try pathTaken(pdf.data)
        #expect(path.intact && path.recovered == 0)
    }

    @Test func incrementalUpdateReplacesTheAttachment() throws {
        // Given a file whose first version carries invoice A and whose appended update points the
        // same file specification at invoice B (classic xref table with /Prev to an xref stream)
        let first = try TestSuiteFiles.data("01.05_minimal_test_ubl.xml")
        let second = try TestSuiteFiles.data("01.06_minimal_test_ubl.xml")
        var pdf = HandBuiltPDF()
        pdf.stream(3, dictionary: "/Type /EmbeddedFile", data: [UInt8](first))
        pdf.objectStream(7, objects: [
            (1, "<< /Type /Catalog /Pages 2 0 R /AF [4 0 R] >>"),
            (2, "<< /Type /Pages /Kids [] /Count 0 >>"),
            (4, "<< /Type /Filespec /F (xrechnung.xml) /EF << /F 3 0 R >> >>"),
        ])
        pdf.finishWithXRefStream(8, entries: [
            .free, .compressed(stream: 7, index: 0), .compressed(stream: 7, index: 1), .offset(pdf.offsets[3]!),
            .compressed(stream: 7, index: 2), .free, .free, .offset(pdf.offsets[7]!),
        ], trailer: "/Root 1 0 R")
        let previousOffset = try #require(pdf.lastXRefOffset)
        pdf.stream(9, dictionary: "/Type /EmbeddedFile", data: [UInt8](second), flate: false)
        pdf.object(4, "<< /Type /Filespec /F (xrechnung.xml) /EF << /F 9 0 R >> >>")
        pdf.finishWithTable(numbers: [4, 9], trailer: "/Size 10 /Root 1 0 R /Prev \(previousOffset)")
        // When reading it
        let invoice = try EInvoiceReader.read(data: pdf.data)
        // Then the updated attachment wins
        let expected = try EInvoiceReader.read(data: second)
        #expect(invoice == expected)
        #expect(invoice != (try EInvoiceReader.read(data: first)))
        let path = try pathTaken(pdf.data)
        #expect(path.intact && path.recovered == 0 && path.names == ["xrechnung.xml"])
    }

    @Test func catalogWithoutAttachmentListsIsScanned() throws {
        // Given a PDF whose catalog no longer lists the attachment (keys renamed, same length)
        let xml = try TestSuiteFiles.data(Self.sample)
        let original = try PDFFixtures.zugferd(xml)
        let hidden = PDFFixtures.patch(PDFFixtures.patch(original, "/AF [", "/XX ["), "/EmbeddedFiles", "/EmbeddedFilez")
        #expect(hidden != original)
        // Then the file specification is still found by scanning all objects
        #expect(try EInvoiceReader.read(data: hidden) == EInvoiceReader.read(data: xml))
    }

    @Test func brokenCrossReferenceFallsBackToScanning() throws {
        let xml = try TestSuiteFiles.data(Self.sample)
        let pdf = try PDFFixtures.zugferd(xml)
        var bytes = [UInt8](pdf)
        // Point startxref at the start of the file: the table cannot be found there.
        let marker = try #require(pdf.range(of: Data("startxref\n".utf8), options: .backwards))
        var index = marker.upperBound
        #expect(bytes[index] != 0x30)
        while index < bytes.count, bytes[index] >= 0x30 && bytes[index] <= 0x39 {
            bytes[index] = 0x30
            index += 1
        }
        #expect(try EInvoiceReader.read(data: Data(bytes)) == EInvoiceReader.read(data: xml))
        let path = try pathTaken(Data(bytes))
        #expect(!path.intact && path.names == ["factur-x.xml"])
    }

    @Test func brokenCrossReferenceStreamFallsBackToObjectStreams() throws {
        // Given a PDF 1.5 with object streams whose startxref points nowhere
        let xml = try TestSuiteFiles.data(Self.sample)
        let pdf = try PDFFixtures.qpdf(try PDFFixtures.zugferd(xml), ["--object-streams=generate"])
        var bytes = [UInt8](pdf)
        let marker = try #require(pdf.range(of: Data("startxref\n".utf8), options: .backwards))
        var index = marker.upperBound
        while index < bytes.count, bytes[index] >= 0x30 && bytes[index] <= 0x39 {
            bytes[index] = 0x30
            index += 1
        }
        // Then the catalog and the file specification are found inside the object streams
        #expect(try EInvoiceReader.read(data: Data(bytes)) == EInvoiceReader.read(data: xml))
        let path = try pathTaken(Data(bytes))
        #expect(!path.intact && path.names == ["factur-x.xml"])
    }

    @Test func pdfWithoutAttachmentSaysSo() throws {
        let pdf = try PDFFixtures.pdf(attachments: [])
        #expect(throws: EInvoiceError.noEmbeddedInvoice(attachments: [])) {
            try EInvoiceReader.read(data: pdf, fileName: "rechnung.pdf")
        }
        let message = String(describing: EInvoiceError.noEmbeddedInvoice(attachments: []))
        #expect(message.contains("carries no e-invoice"))
    }

    @Test func pdfWithOnlyAnImageAttachmentSaysSoAndNamesIt() throws {
        let pdf = try PDFFixtures.pdf(attachments: [
            PDFAttachment(fileName: "logo.png", data: Data([0x89, 0x50, 0x4E, 0x47]), mimeType: "image/png",
                          modificationDate: PDFFixtures.date),
        ])
        do {
            _ = try EInvoiceReader.read(data: pdf)
            Issue.record("expected an error")
        } catch {
            #expect(error == .noEmbeddedInvoice(attachments: ["logo.png"]))
            #expect(error.description.contains("logo.png"))
        }
    }

    @Test func realWorldPDFWithHybridXRefHasNoInvoice() throws {
        // The comprehensive CII sample carries a real PDF 1.5 (hybrid xref, object streams) as a
        // supporting document (BG-24); it has no embedded files.
        let invoice = try EInvoiceReader.read(data: try TestSuiteFiles.data("01.01_comprehensive_test_uncefact.xml"))
        let pdf = try #require(invoice.supportingDocuments.first?.data)
        #expect(PDFEmbeddedFiles.isPDF(pdf))
        #expect(PDFFixtures.contains(pdf, "/XRefStm"))
        #expect(try PDFEmbeddedFiles.extract(from: pdf).isEmpty)
        #expect(throws: EInvoiceError.noEmbeddedInvoice(attachments: [])) { try EInvoiceReader.read(data: pdf) }
    }

    @Test func encryptedPDFIsRejectedClearly() throws {
        let pdf = try PDFFixtures.qpdf(try PDFFixtures.zugferd(try TestSuiteFiles.data(Self.sample)),
                                       ["--encrypt", "user", "owner", "256", "--"])
        #expect(throws: PDFReadError.encrypted) { try PDFEmbeddedFiles.extract(from: pdf) }
        do {
            _ = try EInvoiceReader.read(data: pdf)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("encrypted"))
        }
    }

    @Test func notAPDFIsRejectedByTheExtractor() {
        #expect(throws: PDFReadError.notPDF) { try PDFEmbeddedFiles.extract(from: Data("hello".utf8)) }
    }
}
