import Foundation
import KontorTestTools
import Testing
@testable import KontorPDF

struct ImageTests {
    private let scratch = ScratchDirectory()

    /// Where each fixture is drawn (points, top-left origin) and the colour expected at a sample point.
    private struct Placement {
        let name: String
        let data: [UInt8]
        let rect: PDFRect
        /// Sample points relative to the rect (fractions) with expected RGB.
        let samples: [(x: Double, y: Double, rgb: (Int, Int, Int))]
    }

    private static let placements: [Placement] = [
        Placement(name: "png rgb", data: Fixtures.pngRGB, rect: PDFRect(x: 40, y: 40, width: 128, height: 96),
                  samples: [(0.25, 0.25, (200, 30, 40)), (0.75, 0.75, (20, 30, 220))]),
        Placement(name: "png gray", data: Fixtures.pngGray, rect: PDFRect(x: 200, y: 40, width: 128, height: 96),
                  samples: [(0.01, 0.5, (0, 0, 0))]),
        Placement(name: "png rgba", data: Fixtures.pngRGBA, rect: PDFRect(x: 360, y: 40, width: 128, height: 96),
                  samples: [(0.25, 0.5, (0, 0, 255)), (0.75, 0.5, (255, 255, 255))]),
        Placement(name: "png gray+alpha", data: Fixtures.pngGrayAlpha,
                  rect: PDFRect(x: 40, y: 200, width: 128, height: 96),
                  samples: [(0.5, 0.25, (0, 0, 0)), (0.5, 0.75, (127, 127, 127))]),
        Placement(name: "png palette", data: Fixtures.pngPalette, rect: PDFRect(x: 200, y: 200, width: 128, height: 96),
                  samples: [(0.25, 0.25, (200, 30, 40))]),
        Placement(name: "jpeg rgb", data: Fixtures.jpegRGB, rect: PDFRect(x: 360, y: 200, width: 128, height: 96),
                  samples: [(0.5, 0.5, (20, 160, 60))]),
        Placement(name: "jpeg gray", data: Fixtures.jpegGray, rect: PDFRect(x: 40, y: 360, width: 128, height: 96),
                  samples: [(0.5, 0.5, (90, 90, 90))]),
        Placement(name: "png rgba gradient", data: Fixtures.pngRGBAGradient,
                  rect: PDFRect(x: 200, y: 360, width: 128, height: 96), samples: []),
    ]

    private func makeDocument() throws -> PDFDocument {
        try TestSupport.document { page in
            for placement in Self.placements {
                page.drawImage(try PDFImage(data: Data(placement.data)), in: placement.rect)
            }
            // The same image twice is embedded once.
            page.drawImage(try PDFImage(data: Data(Fixtures.jpegRGB)),
                           in: PDFRect(x: 360, y: 360, width: 64, height: 48))
            page.drawText("Bilder", at: PDFPoint(x: 40, y: 30), style: try TestSupport.style())
        }
    }

    @Test func imagesEmbedAndRenderWithTheirColours() throws {
        // Given a page with every supported image kind
        let document = try makeDocument()
        let path = try scratch.write(document.serialized())
        // Then the file is valid
        try PDFTools.expectValid(path)
        #expect(document.pages[0].images.count == Self.placements.count)
        // And pdftoppm renders it (at 72 dpi one pixel is one point) with the expected colours
        let prefix = scratch.file("images").path
        let output = try PDFTools.run("pdftoppm", ["-r", "72", "-singlefile", path, prefix])
        #expect(output.stderr.isEmpty, "pdftoppm: \(output.stderr)")
        let image = try PixelMap(ppm: Data(contentsOf: URL(fileURLWithPath: prefix + ".ppm")))
        for placement in Self.placements {
            for sample in placement.samples {
                let x = Int(placement.rect.minX + sample.x * placement.rect.width)
                let y = Int(placement.rect.minY + sample.y * placement.rect.height)
                let pixel = image.pixel(x: x, y: y)
                let expected = sample.rgb
                let distance = max(abs(pixel.0 - expected.0), abs(pixel.1 - expected.1), abs(pixel.2 - expected.2))
                #expect(distance <= 8, "\(placement.name) at (\(x), \(y)): \(pixel), expected \(expected)")
            }
        }
        // And a PNG render at 50 dpi works too
        let small = try PDFTools.run("pdftoppm", ["-r", "50", "-png", "-f", "1", "-l", "1", path,
                                                   scratch.file("small").path])
        #expect(small.stderr.isEmpty)
    }

    @Test func imageXObjectsUseTheRightFilters() throws {
        let pdf = try makeDocument().serialized()
        let raw = String(decoding: pdf, as: UTF8.self)
        #expect(raw.contains("/Filter /DCTDecode"))
        #expect(raw.contains("/DecodeParms << /Predictor 15 /Colors 3 /BitsPerComponent 8 /Columns 32 >>"))
        #expect(raw.contains("/SMask "))
        #expect(raw.contains("/ColorSpace [/Indexed /DeviceRGB "))
        // One object per distinct image (the repeated JPEG shares its object), plus a soft mask for
        // each of the three images with alpha.
        #expect(raw.components(separatedBy: "/Subtype /Image").count - 1 == Self.placements.count + 3)
    }

    @Test func pngAlphaIsSplitIntoColourAndMask() throws {
        // Given an RGBA PNG whose rows use several PNG filters
        let image = try PDFImage(data: Data(Fixtures.pngRGBAGradient))
        #expect(image.width == 32 && image.height == 24)
        #expect(image.aspectRatio == 32.0 / 24.0)
        // Then colour and alpha planes hold the generator's values
        let colour = try Inflater.inflate(zlib: image.streamData)
        let alpha = try Inflater.inflate(zlib: try #require(image.alphaData))
        #expect(colour.count == 32 * 24 * 3 && alpha.count == 32 * 24)
        for y in 0..<24 {
            for x in 0..<32 {
                let index = y * 32 + x
                #expect(colour[index * 3] == UInt8((x * 8) % 256))
                #expect(colour[index * 3 + 1] == UInt8((y * 10) % 256))
                #expect(colour[index * 3 + 2] == UInt8((255 - x * 8 + 256) % 256))
                #expect(alpha[index] == UInt8((x * y * 3) % 256))
            }
        }
    }

    @Test func rejectsUnsupportedImages() {
        #expect(throws: PDFError.self) { try PDFImage(data: Data("GIF89a".utf8)) }
        // A PNG with a truncated header chunk.
        #expect(throws: PDFError.self) {
            try PDFImage(data: Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48]))
        }
        // An interlaced PNG: the interlace byte of the fixture's IHDR set to 1.
        var interlaced = Fixtures.pngRGB
        interlaced[28] = 1
        #expect(throws: PDFError.unsupportedImage("interlaced PNG")) { try PDFImage(data: Data(interlaced)) }
        // A JPEG frame with four components (CMYK).
        let cmyk: [UInt8] = [0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x14, 8, 0, 16, 0, 16, 4] + [UInt8](repeating: 0, count: 12)
        #expect(throws: PDFError.unsupportedImage("JPEG with 4 components")) { try PDFImage(data: Data(cmyk)) }
    }
}

/// A decoded binary PPM (P6) as written by pdftoppm.
struct PixelMap {
    let width: Int
    let height: Int
    let pixels: [UInt8]

    init(ppm: Data) throws {
        let bytes = [UInt8](ppm)
        var fields: [String] = []
        var index = 0
        while fields.count < 4, index < bytes.count {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A { index += 1 }
            var field = ""
            while index < bytes.count, bytes[index] != 0x20, bytes[index] != 0x0A {
                field.append(Character(Unicode.Scalar(bytes[index])))
                index += 1
            }
            fields.append(field)
        }
        index += 1
        guard fields.first == "P6", fields.count == 4, let width = Int(fields[1]), let height = Int(fields[2]) else {
            throw PDFError.unsupportedImage("not a binary PPM")
        }
        self.width = width
        self.height = height
        pixels = Array(bytes[index...])
    }

    func pixel(x: Int, y: Int) -> (Int, Int, Int) {
        let offset = (y * width + x) * 3
        return (Int(pixels[offset]), Int(pixels[offset + 1]), Int(pixels[offset + 2]))
    }
}
