/// Turns a ``PDFDocument`` into PDF bytes: resolves page numbers, merges font usage across pages,
/// and writes pages, fonts, images, metadata, output intent and attachments.
struct DocumentSerializer {
    let document: PDFDocument

    private struct DocumentFont {
        let font: TrueTypeFont
        var glyphs: GlyphSet
        var overrides: [UInt16: UInt32]
        let object: Int
    }

    func write() -> [UInt8] {
        let pageCount = document.pages.count
        let pages = document.pages.enumerated().map { index, page in
            page.resolvingDeferredTexts(pageNumber: index + 1, pageCount: pageCount)
        }
        var writer = PDFObjectWriter(compress: document.compressesStreams,
                                     capacity: 32_768 + pages.reduce(0) { $0 + $1.content.count })
        let catalog = writer.allocate()
        let pageTree = writer.allocate()
        let info = writer.allocate()

        // Fonts and images are shared across pages: one object each, merged glyph usage.
        var fonts: [DocumentFont] = []
        var images: [(image: PDFImage, object: Int)] = []
        var pageFontObjects: [[Int]] = []
        var pageImageObjects: [[Int]] = []
        for page in pages {
            var fontObjects: [Int] = []
            for pageFont in page.fonts {
                if let index = fonts.firstIndex(where: { $0.font.isSame(as: pageFont.font) }) {
                    fonts[index].glyphs.formUnion(pageFont.glyphs)
                    fonts[index].overrides.merge(pageFont.unicodeOverrides) { first, _ in first }
                    fontObjects.append(fonts[index].object)
                } else {
                    let object = writer.allocate()
                    fonts.append(DocumentFont(font: pageFont.font, glyphs: pageFont.glyphs,
                                              overrides: pageFont.unicodeOverrides, object: object))
                    fontObjects.append(object)
                }
            }
            pageFontObjects.append(fontObjects)
            var imageObjects: [Int] = []
            for image in page.images {
                if let existing = images.first(where: { $0.image == image }) {
                    imageObjects.append(existing.object)
                } else {
                    let object = writer.allocate()
                    images.append((image, object))
                    imageObjects.append(object)
                }
            }
            pageImageObjects.append(imageObjects)
        }

        let pageObjects = pages.map { _ in writer.allocate() }
        for (index, page) in pages.enumerated() {
            writePage(page, object: pageObjects[index], parent: pageTree, fonts: pageFontObjects[index],
                      images: pageImageObjects[index], into: &writer)
        }
        writer.object(pageTree) { bytes in
            bytes.append(ascii: "<< /Type /Pages /Kids [")
            for (index, object) in pageObjects.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: " ")) }
                bytes.appendReference(object)
            }
            bytes.append(ascii: "] /Count ")
            bytes.appendInteger(pageObjects.count)
            bytes.append(ascii: " >>")
        }
        for font in fonts {
            EmbeddedFontWriter(font: font.font, used: font.glyphs, unicodeOverrides: font.overrides)
                .write(into: &writer, type0: font.object)
        }
        for (image, object) in images {
            ImageWriter(image: image).write(into: &writer, object: object)
        }

        let metadata = writer.allocate()
        let xmp = XMPPacket(info: document.info, additionalDescriptions: document.additionalXMPDescriptions)
        // Uncompressed so that tools that do not parse PDF can still find the packet.
        writer.stream(metadata, data: xmp.build(), compressible: false) { bytes in
            bytes.append(ascii: " /Type /Metadata /Subtype /XML")
        }
        let profile = writer.allocate()
        if document.compressesStreams {
            writer.stream(profile, data: SRGBProfile.compressed, filter: "/Filter /FlateDecode") { bytes in
                bytes.append(ascii: " /N 3")
            }
        } else {
            writer.stream(profile, data: SRGBProfile.bytes) { $0.append(ascii: " /N 3") }
        }
        let attachments = AttachmentWriter(attachments: document.attachments, timeZone: document.info.timeZone)
            .write(into: &writer)

        writer.object(catalog) { bytes in
            bytes.append(ascii: "<< /Type /Catalog /Pages ")
            bytes.appendReference(pageTree)
            bytes.append(ascii: " /Metadata ")
            bytes.appendReference(metadata)
            bytes.append(ascii: " /OutputIntents [<< /Type /OutputIntent /S /GTS_PDFA1")
            bytes.append(ascii: " /OutputConditionIdentifier (sRGB IEC61966-2.1) /Info (sRGB IEC61966-2.1)")
            bytes.append(ascii: " /RegistryName (http://www.color.org) /DestOutputProfile ")
            bytes.appendReference(profile)
            bytes.append(ascii: " >>]")
            if let language = document.info.language {
                bytes.append(ascii: " /Lang ")
                bytes.appendTextString(language)
            }
            bytes.append(ascii: " /ViewerPreferences << /DisplayDocTitle true >>")
            attachments.writeCatalogEntries(into: &bytes)
            bytes.append(ascii: " >>")
        }
        writer.object(info) { writeInfo(into: &$0) }
        return writer.finish(root: catalog, info: info)
    }

    private func writePage(
        _ page: PDFPage, object: Int, parent: Int, fonts: [Int], images: [Int], into writer: inout PDFObjectWriter
    ) {
        let contents = writer.allocate()
        writer.object(object) { bytes in
            bytes.append(ascii: "<< /Type /Page /Parent ")
            bytes.appendReference(parent)
            bytes.append(ascii: " /MediaBox [0 0 ")
            bytes.appendNumber(page.size.width)
            bytes.append(UInt8(ascii: " "))
            bytes.appendNumber(page.size.height)
            bytes.append(ascii: "] /Resources <<")
            if !fonts.isEmpty {
                bytes.append(ascii: " /Font <<")
                for (index, font) in fonts.enumerated() {
                    bytes.append(ascii: " /F")
                    bytes.appendInteger(index + 1)
                    bytes.append(UInt8(ascii: " "))
                    bytes.appendReference(font)
                }
                bytes.append(ascii: " >>")
            }
            if !images.isEmpty {
                bytes.append(ascii: " /XObject <<")
                for (index, image) in images.enumerated() {
                    bytes.append(ascii: " /Im")
                    bytes.appendInteger(index + 1)
                    bytes.append(UInt8(ascii: " "))
                    bytes.appendReference(image)
                }
                bytes.append(ascii: " >>")
            }
            bytes.append(ascii: " >> /Contents ")
            bytes.appendReference(contents)
            bytes.append(ascii: " >>")
        }
        writer.stream(contents, data: page.content.bytes)
    }

    private func writeInfo(into bytes: inout [UInt8]) {
        let info = document.info
        bytes.append(ascii: "<< /Title ")
        bytes.appendTextString(info.title)
        if let author = info.author {
            bytes.append(ascii: " /Author ")
            bytes.appendTextString(author)
        }
        if let subject = info.subject {
            bytes.append(ascii: " /Subject ")
            bytes.appendTextString(subject)
        }
        if !info.keywords.isEmpty {
            bytes.append(ascii: " /Keywords ")
            bytes.appendTextString(info.keywords.joined(separator: ", "))
        }
        if let creator = info.creator {
            bytes.append(ascii: " /Creator ")
            bytes.appendTextString(creator)
        }
        bytes.append(ascii: " /Producer ")
        bytes.appendTextString(info.producer)
        bytes.append(ascii: " /CreationDate ")
        bytes.appendTextString(PDFDate(info.creationDate, timeZone: info.timeZone).pdfString)
        bytes.append(ascii: " /ModDate ")
        bytes.appendTextString(PDFDate(info.modificationDate ?? info.creationDate, timeZone: info.timeZone).pdfString)
        bytes.append(ascii: " >>")
    }
}
