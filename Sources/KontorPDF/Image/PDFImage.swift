public import Foundation

/// A raster image prepared for embedding: PNG (8-bit gray, RGB, RGBA, gray+alpha, palette;
/// non-interlaced) or baseline/progressive JPEG (gray or RGB).
///
/// JPEG data and the compressed pixels of opaque PNGs are embedded unchanged (`DCTDecode`, or
/// `FlateDecode` with the PNG predictor), so embedding costs no re-encoding. PNG alpha becomes a
/// soft mask (`/SMask`), which PDF/A-2 and later allow.
public struct PDFImage: Sendable, Equatable {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int

    enum ColorSpace: Sendable, Equatable {
        case gray
        case rgb
        /// Palette of `count` RGB entries.
        case indexed(palette: [UInt8], count: Int)
    }

    enum Encoding: Sendable, Equatable {
        /// JPEG bytes as they are.
        case dct
        /// zlib data; `predictorColors` set when rows carry PNG filter bytes.
        case flate(predictorColors: Int?)
    }

    let colorSpace: ColorSpace
    let bitsPerComponent: Int
    let encoding: Encoding
    let streamData: [UInt8]
    /// zlib-compressed 8-bit alpha channel, if the image has one.
    let alphaData: [UInt8]?

    /// Width divided by height, to size the image on the page without distortion.
    public var aspectRatio: Double { Double(width) / Double(max(height, 1)) }

    /// Reads a PNG or JPEG image, recognised by its signature.
    /// - Throws: ``PDFError/unsupportedImage(_:)`` for other formats or unsupported variants
    ///   (interlaced or 16-bit PNG with alpha, CMYK JPEG, …).
    public init(data: Data) throws {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            self = try PNGReader(bytes: bytes).read()
        } else if bytes.starts(with: [0xFF, 0xD8]) {
            self = try JPEGReader(bytes: bytes).read()
        } else {
            throw PDFError.unsupportedImage("neither PNG nor JPEG")
        }
    }

    init(
        width: Int, height: Int, colorSpace: ColorSpace, bitsPerComponent: Int, encoding: Encoding,
        streamData: [UInt8], alphaData: [UInt8]?
    ) {
        self.width = width
        self.height = height
        self.colorSpace = colorSpace
        self.bitsPerComponent = bitsPerComponent
        self.encoding = encoding
        self.streamData = streamData
        self.alphaData = alphaData
    }
}
