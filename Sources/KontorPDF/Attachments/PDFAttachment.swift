public import Foundation

/// A file embedded in the PDF (PDF/A-3 "associated file"), such as machine-readable invoice data.
///
/// It is written as an `EmbeddedFile` stream with a file specification that is listed both in the
/// catalog's `/AF` array and in the `/EmbeddedFiles` name tree, so viewers show it as an attachment.
public struct PDFAttachment: Sendable {
    /// How the attachment relates to the document (`/AFRelationship`).
    public enum Relationship: String, Sendable, CaseIterable {
        /// The original source the document was made from.
        case source = "Source"
        /// Data the visual content is based on (e.g. tables).
        case data = "Data"
        /// An alternative representation of the same content (e.g. an e-invoice XML).
        case alternative = "Alternative"
        /// Supplementary material.
        case supplement = "Supplement"
        /// No particular relationship.
        case unspecified = "Unspecified"
    }

    /// File name shown to the user and used when saving (`/F`, `/UF`).
    public var fileName: String
    /// The file contents.
    public var data: Data
    /// MIME type, e.g. "text/xml" (`/Subtype`).
    public var mimeType: String
    /// Human-readable description (`/Desc`).
    public var description: String
    /// Relationship to the document.
    public var relationship: Relationship
    /// Modification time of the file (`/Params /ModDate`).
    public var modificationDate: Date

    /// An attachment.
    /// - Parameters:
    ///   - fileName: File name, e.g. "factur-x.xml".
    ///   - data: File contents.
    ///   - mimeType: MIME type, e.g. "text/xml".
    ///   - description: Description shown by viewers.
    ///   - relationship: `/AFRelationship` value.
    ///   - modificationDate: Modification time written into the file parameters.
    public init(
        fileName: String, data: Data, mimeType: String, description: String = "",
        relationship: Relationship = .unspecified, modificationDate: Date
    ) {
        self.fileName = fileName
        self.data = data
        self.mimeType = mimeType
        self.description = description
        self.relationship = relationship
        self.modificationDate = modificationDate
    }
}
