import Foundation
import KontorTestTools
import Testing
@testable import KontorPDF

struct AttachmentTests {
    private let scratch = ScratchDirectory()

    private static let xml = Data("""
        <?xml version="1.0" encoding="UTF-8"?>
        <rsm:CrossIndustryInvoice xmlns:rsm="urn:example">Grüße € „x“</rsm:CrossIndustryInvoice>
        """.utf8)
    private static let binary = Data((0..<5_000).map { UInt8(truncatingIfNeeded: $0 * 31 + $0 / 7) })

    private func makeDocument() throws -> PDFDocument {
        var document = try TestSupport.document { page in
            page.drawText("Mit Anhang", at: PDFPoint(x: 72, y: 72), style: try TestSupport.style())
        }
        document.attach(PDFAttachment(fileName: "factur-x.xml", data: Self.xml, mimeType: "text/xml",
                                      description: "Rechnungsdaten", relationship: .alternative,
                                      modificationDate: TestSupport.date))
        document.attach(PDFAttachment(fileName: "anlage.bin", data: Self.binary, mimeType: "application/octet-stream",
                                      description: "Binär", relationship: .data, modificationDate: TestSupport.date))
        document.additionalXMPDescriptions.append("""
            <rdf:Description rdf:about="" xmlns:test="urn:kontor:test">
            <test:DocumentType>INVOICE</test:DocumentType>
            </rdf:Description>
            """)
        return document
    }

    @Test func attachmentsRoundTripThroughPdfdetach() throws {
        // Given a document with two attachments
        let path = try scratch.write(try makeDocument().serialized())
        try PDFTools.expectValid(path)
        // When listing them
        let list = try PDFTools.run("pdfdetach", ["-list", path]).text
        #expect(list.contains("2 embedded files"))
        #expect(list.contains("factur-x.xml"))
        #expect(list.contains("anlage.bin"))
        // Then saving gives back the exact bytes
        for (name, data) in [("factur-x.xml", Self.xml), ("anlage.bin", Self.binary)] {
            let target = scratch.file(name)
            try PDFTools.run("pdfdetach", ["-savefile", name, "-o", target.path, path])
            #expect(try Data(contentsOf: target) == data, "\(name) differs")
        }
    }

    @Test func catalogListsAssociatedFilesWithRelationship() throws {
        let path = try scratch.write(try makeDocument().serialized())
        let catalog = try PDFTools.run("qpdf", ["--show-object=trailer", path]).text
        #expect(catalog.contains("/Root"))
        let root = try PDFTools.run("qpdf", ["--show-object=1", path]).text
        #expect(root.contains("/AF ["))
        #expect(root.contains("/EmbeddedFiles"))
        // The name tree is sorted: anlage.bin before factur-x.xml.
        let names = try #require(root.range(of: "(anlage.bin)")?.lowerBound)
        let facturX = try #require(root.range(of: "(factur-x.xml)")?.lowerBound)
        #expect(names < facturX)
        let raw = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        #expect(raw.contains("/AFRelationship /Alternative"))
        #expect(raw.contains("/AFRelationship /Data"))
        #expect(raw.contains("/Subtype /text#2Fxml"))
        #expect(raw.contains("/Params << /ModDate (D:20250101130000+01'00') /Size \(Self.xml.count) >>"))
        #expect(raw.contains("/UF (factur-x.xml)"))
        #expect(raw.contains("/Desc (Rechnungsdaten)"))
    }

    @Test func additionalXMPIsPlacedInThePacket() throws {
        let pdf = try makeDocument().serialized()
        let raw = String(decoding: pdf, as: UTF8.self)
        let packetStart = try #require(raw.range(of: "<x:xmpmeta"))
        let packetEnd = try #require(raw.range(of: "</x:xmpmeta>"))
        let packet = raw[packetStart.lowerBound..<packetEnd.upperBound]
        #expect(packet.contains("<test:DocumentType>INVOICE</test:DocumentType>"))
        // The extra description sits inside rdf:RDF.
        let extra = try #require(packet.range(of: "xmlns:test"))
        let rdfEnd = try #require(packet.range(of: "</rdf:RDF>"))
        #expect(extra.lowerBound < rdfEnd.lowerBound)
    }
}
