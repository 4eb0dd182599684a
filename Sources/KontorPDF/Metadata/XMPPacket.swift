/// Builds the document's XMP metadata packet with the PDF/A-3B identification.
struct XMPPacket {
    let info: PDFDocumentInfo
    /// Extra `rdf:Description` elements supplied by the caller (e.g. a Factur-X extension schema).
    let additionalDescriptions: [String]

    func build() -> [UInt8] {
        let created = PDFDate(info.creationDate, timeZone: info.timeZone).xmpString
        let modified = PDFDate(info.modificationDate ?? info.creationDate, timeZone: info.timeZone).xmpString
        var xml = "<?xpacket begin=\"\u{FEFF}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
        xml += "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
        xml += "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
        xml += "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
        xml += "<pdfaid:part>3</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n"
        xml += "</rdf:Description>\n"
        xml += "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
        xml += "<dc:format>application/pdf</dc:format>\n"
        xml += "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">\(escape(info.title))</rdf:li></rdf:Alt></dc:title>\n"
        if let author = info.author {
            xml += "<dc:creator><rdf:Seq><rdf:li>\(escape(author))</rdf:li></rdf:Seq></dc:creator>\n"
        }
        if let subject = info.subject {
            xml += "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">\(escape(subject))</rdf:li></rdf:Alt>"
            xml += "</dc:description>\n"
        }
        xml += "</rdf:Description>\n"
        xml += "<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n"
        if let creator = info.creator { xml += "<xmp:CreatorTool>\(escape(creator))</xmp:CreatorTool>\n" }
        xml += "<xmp:CreateDate>\(created)</xmp:CreateDate>\n"
        xml += "<xmp:ModifyDate>\(modified)</xmp:ModifyDate>\n"
        xml += "<xmp:MetadataDate>\(modified)</xmp:MetadataDate>\n"
        xml += "</rdf:Description>\n"
        xml += "<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
        xml += "<pdf:Producer>\(escape(info.producer))</pdf:Producer>\n"
        if !info.keywords.isEmpty {
            xml += "<pdf:Keywords>\(escape(info.keywords.joined(separator: ", ")))</pdf:Keywords>\n"
        }
        xml += "</rdf:Description>\n"
        for description in additionalDescriptions { xml += description + "\n" }
        xml += "</rdf:RDF>\n</x:xmpmeta>\n"
        // Padding lets tools update the packet in place, as the XMP specification recommends.
        xml += String(repeating: String(repeating: " ", count: 99) + "\n", count: 20)
        xml += "<?xpacket end=\"w\"?>"
        return Array(xml.utf8)
    }

    /// Escapes the characters that are markup in XML text and attribute values.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default: result.append(character)
            }
        }
        return result
    }

    private func escape(_ text: String) -> String { Self.escape(text) }
}
