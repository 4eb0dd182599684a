import Foundation
@testable import KontorPDF

/// Shared fonts, styles and a fixed date (the library never reads the clock; tests pass dates in).
enum TestSupport {
    static let date = Date(timeIntervalSince1970: 1_735_732_800)  // 2025-01-01 12:00:00 UTC

    static func regular() throws -> TrueTypeFont { try TrueTypeFont.bundled(.dejaVuSans) }
    static func bold() throws -> TrueTypeFont { try TrueTypeFont.bundled(.dejaVuSansBold) }

    static func style(size: Double = 10) throws -> TextStyle {
        TextStyle(font: try regular(), size: size)
    }

    static func info(title: String = "Test") -> PDFDocumentInfo {
        PDFDocumentInfo(title: title, author: "Kontor Tests", subject: "Test document", creator: "KontorPDFTests",
                        creationDate: date, timeZone: TimeZone(identifier: "Europe/Berlin") ?? .current,
                        language: "de-DE")
    }

    /// A one-page document with the given drawing applied.
    static func document(_ draw: (inout PDFPage) throws -> Void) rethrows -> PDFDocument {
        var page = PDFPage()
        try draw(&page)
        var document = PDFDocument(info: info())
        document.append(page)
        return document
    }
}
