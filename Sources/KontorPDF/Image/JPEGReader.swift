/// Reads the frame header of a JPEG file; the data itself is embedded unchanged (`DCTDecode`).
struct JPEGReader {
    let bytes: [UInt8]

    func read() throws -> PDFImage {
        var position = 2
        while position + 4 <= bytes.count {
            guard bytes[position] == 0xFF else { throw PDFError.unsupportedImage("JPEG marker expected") }
            let marker = bytes[position + 1]
            if marker == 0xFF {  // fill byte
                position += 1
                continue
            }
            if marker == 0xD8 || (0xD0...0xD7).contains(marker) || marker == 0x01 {
                position += 2
                continue
            }
            let length = Int(bytes[position + 2]) << 8 | Int(bytes[position + 3])
            // SOF0…SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                guard position + 10 <= bytes.count else { break }
                let precision = Int(bytes[position + 4])
                let height = Int(bytes[position + 5]) << 8 | Int(bytes[position + 6])
                let width = Int(bytes[position + 7]) << 8 | Int(bytes[position + 8])
                let components = Int(bytes[position + 9])
                guard precision == 8 else { throw PDFError.unsupportedImage("JPEG precision \(precision)") }
                guard width > 0, height > 0 else { throw PDFError.unsupportedImage("JPEG without size") }
                let colorSpace: PDFImage.ColorSpace
                switch components {
                case 1: colorSpace = .gray
                case 3: colorSpace = .rgb
                default:
                    // CMYK would conflict with the document's sRGB output intent under PDF/A.
                    throw PDFError.unsupportedImage("JPEG with \(components) components")
                }
                return PDFImage(width: width, height: height, colorSpace: colorSpace, bitsPerComponent: 8,
                                encoding: .dct, streamData: bytes, alphaData: nil)
            }
            position += 2 + length
        }
        throw PDFError.unsupportedImage("JPEG frame header not found")
    }
}
