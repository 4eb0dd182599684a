import Foundation
import KontorPDF
import KontorTestTools

/// Builds hybrid PDFs with KontorPDF and rewrites them with qpdf, so the reader meets the shapes
/// real ZUGFeRD files have (xref streams, object streams, encryption).
enum PDFFixtures {
    static let date = Date(timeIntervalSince1970: 1_735_732_800)  // 2025-01-01 12:00:00 UTC

    /// A one-page PDF/A-3-style document with the given attachments.
    static func pdf(attachments: [PDFAttachment], compress: Bool = true) throws -> Data {
        var page = PDFPage()
        let style = TextStyle(font: try TrueTypeFont.bundled(.dejaVuSans), size: 11)
        page.drawText("Rechnung – siehe eingebettete XML-Datei", at: PDFPoint(x: 72, y: 72), style: style)
        var document = PDFDocument(info: PDFDocumentInfo(title: "Rechnung", creationDate: date), compressesStreams: compress)
        document.append(page)
        for attachment in attachments { document.attach(attachment) }
        return document.serialized()
    }

    /// A ZUGFeRD-like PDF carrying `xml` as `factur-x.xml` (relationship Alternative).
    static func zugferd(_ xml: Data, fileName: String = "factur-x.xml") throws -> Data {
        try pdf(attachments: [
            PDFAttachment(fileName: fileName, data: xml, mimeType: "text/xml", description: "Factur-X invoice",
                          relationship: .alternative, modificationDate: date),
        ])
    }

    struct ToolFailure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs qpdf on `input` with `arguments` (between input and output) and returns the output file.
    /// qpdf must be installed (`apt-get install -y qpdf`); a missing tool fails the test.
    static func qpdf(_ input: Data, _ arguments: [String]) throws -> Data {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-einv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let inputURL = directory.appendingPathComponent("in.pdf")
        let outputURL = directory.appendingPathComponent("out.pdf")
        try input.write(to: inputURL)
        let result = try Subprocess.run("qpdf", arguments + [inputURL.path, outputURL.path])
        // Exit status 3 means "succeeded with warnings".
        guard result.status == 0 || result.status == 3 else {
            throw ToolFailure(description: "qpdf \(arguments) exited with \(result.status); "
                + "install it with `apt-get install -y qpdf`")
        }
        return try Data(contentsOf: outputURL)
    }

    /// Replaces every occurrence of `old` by `new` (same length, so byte offsets stay valid).
    static func patch(_ data: Data, _ old: String, _ new: String) -> Data {
        precondition(old.utf8.count == new.utf8.count)
        var bytes = [UInt8](data)
        let needle = Array(old.utf8)
        let replacement = Array(new.utf8)
        var index = 0
        while index + needle.count <= bytes.count {
            if bytes[index..<index + needle.count].elementsEqual(needle) {
                bytes.replaceSubrange(index..<index + needle.count, with: replacement)
                index += needle.count
            } else {
                index += 1
            }
        }
        return Data(bytes)
    }

    static func contains(_ data: Data, _ text: String) -> Bool {
        data.range(of: Data(text.utf8)) != nil
    }
}
