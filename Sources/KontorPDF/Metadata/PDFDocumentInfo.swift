public import Foundation

/// Document metadata, written both to the Info dictionary and to the XMP packet (PDF/A requires
/// the two to agree).
///
/// Dates are parameters rather than read from the clock, so the same input always produces the
/// same file.
public struct PDFDocumentInfo: Sendable {
    /// Document title (`/Title`, `dc:title`); PDF/A viewers show it instead of the file name.
    public var title: String
    /// Author (`/Author`, `dc:creator`).
    public var author: String?
    /// Subject (`/Subject`, `dc:description`).
    public var subject: String?
    /// Keywords (`/Keywords`, `pdf:Keywords`), joined with ", ".
    public var keywords: [String]
    /// The application that created the content (`/Creator`, `xmp:CreatorTool`).
    public var creator: String?
    /// The program that wrote the PDF (`/Producer`, `pdf:Producer`).
    public var producer: String
    /// Creation time (`/CreationDate`, `xmp:CreateDate`).
    public var creationDate: Date
    /// Last modification time; the creation date when `nil`.
    public var modificationDate: Date?
    /// Time zone in which dates are written (local time plus offset).
    public var timeZone: TimeZone
    /// Natural language of the text as a BCP 47 tag (catalog `/Lang`), e.g. "de-DE".
    public var language: String?

    /// Document metadata.
    /// - Parameters:
    ///   - title: Document title.
    ///   - author: Author, if any.
    ///   - subject: Subject or short description, if any.
    ///   - keywords: Keywords.
    ///   - creator: Name of the creating application.
    ///   - producer: Name of the PDF writer.
    ///   - creationDate: Creation time.
    ///   - modificationDate: Modification time; defaults to the creation time.
    ///   - timeZone: Zone for writing dates; UTC by default.
    ///   - language: Language tag such as "de-DE".
    public init(
        title: String, author: String? = nil, subject: String? = nil, keywords: [String] = [],
        creator: String? = nil, producer: String = "KontorPDF", creationDate: Date,
        modificationDate: Date? = nil, timeZone: TimeZone = TimeZone(secondsFromGMT: 0) ?? .current,
        language: String? = nil
    ) {
        self.title = title
        self.author = author
        self.subject = subject
        self.keywords = keywords
        self.creator = creator
        self.producer = producer
        self.creationDate = creationDate
        self.modificationDate = modificationDate
        self.timeZone = timeZone
        self.language = language
    }
}
