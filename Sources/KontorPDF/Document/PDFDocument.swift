public import Foundation

/// A PDF document under construction: pages, metadata, attachments and extra XMP.
///
/// Build pages, append them, then call ``serialized()``. Output is PDF 1.7 with the structure
/// PDF/A-3b requires (embedded subset fonts, sRGB output intent, XMP identification, file ID,
/// no encryption); it is byte-for-byte deterministic for equal input.
///
/// ```swift
/// let font = try TrueTypeFont.bundled(.dejaVuSans)
/// var page = PDFPage()
/// page.drawText("Grüße", at: .mm(x: 25, y: 50), style: TextStyle(font: font, size: 10))
/// var document = PDFDocument(info: PDFDocumentInfo(title: "Brief", creationDate: date))
/// document.append(page)
/// let pdf: Data = document.serialized()
/// ```
public struct PDFDocument: Sendable {
    /// Metadata for the Info dictionary and XMP packet.
    public var info: PDFDocumentInfo
    /// The pages in order; mutate them in place (`document.pages[i].drawText(…)`).
    public var pages: [PDFPage]
    /// Embedded files.
    public var attachments: [PDFAttachment]
    /// Additional complete `<rdf:Description …>…</rdf:Description>` elements inserted into the XMP
    /// packet, e.g. an extension schema description and its properties. The caller is responsible
    /// for well-formed XML with declared namespaces.
    public var additionalXMPDescriptions: [String]
    /// Whether content streams, fonts and attachments are Flate-compressed (on by default; turn it
    /// off to read content streams in a text editor when debugging).
    public var compressesStreams: Bool

    /// An empty document.
    /// - Parameters:
    ///   - info: Metadata; its dates are the only dates written into the file.
    ///   - compressesStreams: Whether to Flate-compress streams.
    public init(info: PDFDocumentInfo, compressesStreams: Bool = true) {
        self.info = info
        pages = []
        attachments = []
        additionalXMPDescriptions = []
        self.compressesStreams = compressesStreams
    }

    /// Appends a page.
    public mutating func append(_ page: PDFPage) {
        pages.append(page)
    }

    /// Appends an empty page and returns its index in ``pages``.
    @discardableResult
    public mutating func addPage(size: PDFSize = .a4) -> Int {
        pages.append(PDFPage(size: size))
        return pages.count - 1
    }

    /// Adds an embedded file.
    public mutating func attach(_ attachment: PDFAttachment) {
        attachments.append(attachment)
    }

    /// The complete PDF file.
    public func serialized() -> Data {
        Data(DocumentSerializer(document: self).write())
    }
}
