import Foundation
import KontorPDF

/// Seed inputs the fixtures do not provide, written by `scripts/fuzz.sh` before fuzzing.
enum Seeds {
    /// `make-zugferd XML PDF`: a ZUGFeRD-like PDF from KontorPDF's writer carrying `XML` as `factur-x.xml`, in
    /// both the compressed and the plain form (the second as `PDF` with `-plain` before the extension).
    static func makeZUGFeRD(xml: String, pdf: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: xml))
        let date = Date(timeIntervalSince1970: 1_735_732_800)
        for compress in [true, false] {
            let info = PDFDocumentInfo(title: "Rechnung", creationDate: date)
            var document = PDFDocument(info: info, compressesStreams: compress)
            _ = document.addPage()
            document.attach(
                PDFAttachment(
                    fileName: "factur-x.xml", data: data, mimeType: "text/xml", description: "Factur-X invoice",
                    relationship: .alternative, modificationDate: date))
            let url = URL(fileURLWithPath: pdf)
            let target = compress
                ? url : url.deletingPathExtension().appendingPathExtension("plain").appendingPathExtension("pdf")
            try document.serialized().write(to: target)
        }
    }

    /// `make-vcards DIR`: vCards as address books write them (3.0 and 4.0, folded lines, groups, parameters).
    static func makeVCards(directory: String) throws {
        let cards = [
            "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Anna Beispiel\r\nN:Beispiel;Anna;;Frau Dr.;\r\n"
                + "EMAIL;TYPE=work:anna@beispiel.de\r\nTEL;VALUE=uri:tel:+49-30-1234567\r\n"
                + "ADR;TYPE=work:;;Hauptstr. 1;Berlin;BE;10115;DE\r\nLANG:de\r\nEND:VCARD\r\n",
            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Verlag M\u{FC}ller GmbH\r\nORG:Verlag M\u{FC}ller GmbH;Lektorat\r\n"
                + "item1.EMAIL;type=INTERNET:lektorat@mueller.example\r\nNOTE:Lange Notiz\\, die umbrochen\r\n"
                + " wird\\n\u{FC}ber zwei Zeilen\r\nUID:urn:kontor:customer:7\r\nX-KONTOR-VATID:DE123456789\r\n"
                + "END:VCARD\r\n",
            "BEGIN:VCARD\nVERSION:4.0\nKIND:org\nORG:A\\;B\nEND:VCARD\nBEGIN:VCARD\nFN:Zweite\nEND:VCARD\n",
        ]
        let folder = URL(fileURLWithPath: directory)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (index, card) in cards.enumerated() {
            try Data(card.utf8).write(to: folder.appendingPathComponent("seed-\(index + 1).vcf"))
        }
    }
}
