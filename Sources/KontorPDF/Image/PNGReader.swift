/// Reads a PNG file into a ``PDFImage``.
///
/// Opaque images pass their IDAT stream straight through (PDF's `/Predictor 15` understands
/// PNG row filters). Images with alpha are inflated, unfiltered and split into colour and
/// alpha planes, because PDF keeps the alpha channel in a separate soft-mask image.
struct PNGReader {
    let bytes: [UInt8]

    func read() throws -> PDFImage {
        var position = 8
        var header: (width: Int, height: Int, depth: Int, colorType: Int, interlace: Int)?
        var palette: [UInt8] = []
        var idat: [UInt8] = []
        while position + 8 <= bytes.count {
            let length = Int(bytes[position]) << 24 | Int(bytes[position + 1]) << 16
                | Int(bytes[position + 2]) << 8 | Int(bytes[position + 3])
            let type = String(decoding: bytes[position + 4..<position + 8], as: Unicode.ASCII.self)
            let start = position + 8
            guard length >= 0, start + length + 4 <= bytes.count else {
                throw PDFError.unsupportedImage("PNG chunk '\(type)' truncated")
            }
            let chunk = bytes[start..<start + length]
            switch type {
            case "IHDR":
                guard length >= 13 else { throw PDFError.unsupportedImage("PNG header too short") }
                let reader = ByteReader(Array(chunk))
                header = (Int(try reader.u32(0)), Int(try reader.u32(4)), Int(chunk[start + 8]),
                          Int(chunk[start + 9]), Int(chunk[start + 12]))
            case "PLTE": palette = Array(chunk)
            case "IDAT": idat.append(contentsOf: chunk)
            case "IEND": position = bytes.count
            default: break
            }
            position = min(bytes.count, start + length + 4)
        }
        guard let header, header.width > 0, header.height > 0 else {
            throw PDFError.unsupportedImage("PNG without IHDR")
        }
        guard header.interlace == 0 else { throw PDFError.unsupportedImage("interlaced PNG") }
        guard !idat.isEmpty else { throw PDFError.unsupportedImage("PNG without image data") }
        let (width, height, depth) = (header.width, header.height, header.depth)

        switch header.colorType {
        case 0, 2:
            let colors = header.colorType == 0 ? 1 : 3
            let allowed = colors == 1 ? [1, 2, 4, 8, 16] : [8, 16]
            guard allowed.contains(depth) else { throw PDFError.unsupportedImage("PNG bit depth \(depth)") }
            return PDFImage(width: width, height: height, colorSpace: colors == 1 ? .gray : .rgb,
                            bitsPerComponent: depth, encoding: .flate(predictorColors: colors),
                            streamData: idat, alphaData: nil)
        case 3:
            guard [1, 2, 4, 8].contains(depth), !palette.isEmpty, palette.count % 3 == 0 else {
                throw PDFError.unsupportedImage("PNG palette")
            }
            return PDFImage(width: width, height: height,
                            colorSpace: .indexed(palette: palette, count: palette.count / 3),
                            bitsPerComponent: depth, encoding: .flate(predictorColors: 1),
                            streamData: idat, alphaData: nil)
        case 4, 6:
            guard depth == 8 else { throw PDFError.unsupportedImage("PNG with alpha needs 8 bits, has \(depth)") }
            let colors = header.colorType == 4 ? 1 : 3
            let pixels = try unfilter(try Inflater.inflate(zlib: idat), width: width, height: height,
                                      bytesPerPixel: colors + 1)
            var color = [UInt8]()
            var alpha = [UInt8]()
            color.reserveCapacity(width * height * colors)
            alpha.reserveCapacity(width * height)
            var index = 0
            while index < pixels.count {
                for channel in 0..<colors { color.append(pixels[index + channel]) }
                alpha.append(pixels[index + colors])
                index += colors + 1
            }
            return PDFImage(width: width, height: height, colorSpace: colors == 1 ? .gray : .rgb,
                            bitsPerComponent: 8, encoding: .flate(predictorColors: nil),
                            streamData: Deflate.zlib(color), alphaData: Deflate.zlib(alpha))
        default:
            throw PDFError.unsupportedImage("PNG colour type \(header.colorType)")
        }
    }

    /// Reverses the PNG row filters (None, Sub, Up, Average, Paeth) and drops the filter bytes.
    private func unfilter(_ data: [UInt8], width: Int, height: Int, bytesPerPixel: Int) throws -> [UInt8] {
        let stride = width * bytesPerPixel
        guard data.count >= (stride + 1) * height else { throw PDFError.unsupportedImage("PNG data too short") }
        var output = [UInt8](repeating: 0, count: stride * height)
        for row in 0..<height {
            let filter = data[row * (stride + 1)]
            let source = row * (stride + 1) + 1
            let target = row * stride
            for column in 0..<stride {
                let raw = data[source + column]
                let left = column >= bytesPerPixel ? Int(output[target + column - bytesPerPixel]) : 0
                let up = row > 0 ? Int(output[target - stride + column]) : 0
                let upLeft = row > 0 && column >= bytesPerPixel
                    ? Int(output[target - stride + column - bytesPerPixel]) : 0
                let predicted: Int
                switch filter {
                case 0: predicted = 0
                case 1: predicted = left
                case 2: predicted = up
                case 3: predicted = (left + up) / 2
                case 4:
                    let estimate = left + up - upLeft
                    let (distanceLeft, distanceUp, distanceUpLeft) =
                        (abs(estimate - left), abs(estimate - up), abs(estimate - upLeft))
                    predicted = distanceLeft <= distanceUp && distanceLeft <= distanceUpLeft
                        ? left : (distanceUp <= distanceUpLeft ? up : upLeft)
                default: throw PDFError.unsupportedImage("PNG filter type \(filter)")
                }
                output[target + column] = UInt8(truncatingIfNeeded: Int(raw) + predicted)
            }
        }
        return output
    }
}
