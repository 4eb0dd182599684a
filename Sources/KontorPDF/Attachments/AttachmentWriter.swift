import Foundation

/// Writes embedded files and the catalog entries that reference them (`/AF`, `/Names /EmbeddedFiles`).
struct AttachmentWriter {
    let attachments: [PDFAttachment]
    let timeZone: TimeZone

    struct Written {
        /// (file name, file specification object), sorted by name for the name tree.
        let specifications: [(name: String, object: Int)]

        func writeCatalogEntries(into bytes: inout [UInt8]) {
            guard !specifications.isEmpty else { return }
            bytes.append(ascii: " /AF [")
            for (index, specification) in specifications.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: " ")) }
                bytes.appendReference(specification.object)
            }
            bytes.append(ascii: "] /Names << /EmbeddedFiles << /Names [")
            for specification in specifications {
                bytes.append(UInt8(ascii: " "))
                bytes.appendTextString(specification.name)
                bytes.append(UInt8(ascii: " "))
                bytes.appendReference(specification.object)
            }
            bytes.append(ascii: " ] >> >>")
        }
    }

    func write(into writer: inout PDFObjectWriter) -> Written {
        var specifications: [(name: String, object: Int)] = []
        for attachment in attachments {
            let file = writer.allocate()
            let specification = writer.allocate()
            let modified = PDFDate(attachment.modificationDate, timeZone: timeZone).pdfString
            writer.stream(file, data: [UInt8](attachment.data)) { bytes in
                bytes.append(ascii: " /Type /EmbeddedFile /Subtype ")
                bytes.appendName(attachment.mimeType)
                bytes.append(ascii: " /Params << /ModDate ")
                bytes.appendTextString(modified)
                bytes.append(ascii: " /Size ")
                bytes.appendInteger(attachment.data.count)
                bytes.append(ascii: " >>")
            }
            writer.object(specification) { bytes in
                bytes.append(ascii: "<< /Type /Filespec /F ")
                bytes.appendTextString(attachment.fileName)
                bytes.append(ascii: " /UF ")
                bytes.appendTextString(attachment.fileName)
                bytes.append(ascii: " /Desc ")
                bytes.appendTextString(attachment.description)
                bytes.append(ascii: " /AFRelationship ")
                bytes.appendName(attachment.relationship.rawValue)
                bytes.append(ascii: " /EF << /F ")
                bytes.appendReference(file)
                bytes.append(ascii: " /UF ")
                bytes.appendReference(file)
                bytes.append(ascii: " >> >>")
            }
            specifications.append((attachment.fileName, specification))
        }
        // Name tree keys must be sorted by their byte values.
        let sorted = specifications.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        return Written(specifications: sorted)
    }
}
