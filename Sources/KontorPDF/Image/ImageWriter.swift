/// Writes a ``PDFImage`` as an image XObject, with its alpha channel as a soft mask.
struct ImageWriter {
    let image: PDFImage

    func write(into writer: inout PDFObjectWriter, object: Int) {
        var mask: Int?
        if let alpha = image.alphaData {
            let maskObject = writer.allocate()
            writer.stream(maskObject, data: alpha, filter: "/Filter /FlateDecode") { bytes in
                writeHeader(into: &bytes, colorSpace: "/DeviceGray", bitsPerComponent: 8)
            }
            mask = maskObject
        }
        let filter: String
        switch image.encoding {
        case .dct:
            filter = "/Filter /DCTDecode"
        case .flate(let colors?):
            filter = "/Filter /FlateDecode /DecodeParms << /Predictor 15 /Colors \(colors)"
                + " /BitsPerComponent \(image.bitsPerComponent) /Columns \(image.width) >>"
        case .flate(nil):
            filter = "/Filter /FlateDecode"
        }
        writer.stream(object, data: image.streamData, filter: filter) { bytes in
            writeHeader(into: &bytes, colorSpace: colorSpace, bitsPerComponent: image.bitsPerComponent)
            if let mask {
                bytes.append(ascii: " /SMask ")
                bytes.appendReference(mask)
            }
        }
    }

    private var colorSpace: String {
        switch image.colorSpace {
        case .gray: return "/DeviceGray"
        case .rgb: return "/DeviceRGB"
        case .indexed(let palette, let count):
            var bytes: [UInt8] = []
            bytes.appendHexString(palette)
            return "[/Indexed /DeviceRGB \(count - 1) " + String(decoding: bytes, as: UTF8.self) + "]"
        }
    }

    private func writeHeader(into bytes: inout [UInt8], colorSpace: String, bitsPerComponent: Int) {
        bytes.append(ascii: " /Type /XObject /Subtype /Image /Width ")
        bytes.appendInteger(image.width)
        bytes.append(ascii: " /Height ")
        bytes.appendInteger(image.height)
        bytes.append(ascii: " /ColorSpace ")
        bytes.append(colorSpace)
        bytes.append(ascii: " /BitsPerComponent ")
        bytes.appendInteger(bitsPerComponent)
    }
}
