public import Foundation

/// The fonts shipped in this package's resource bundle (DejaVu, Bitstream Vera licence,
/// see `Fonts/LICENSE-DejaVu.txt`).
public enum BundledFont: String, Sendable, CaseIterable {
    /// DejaVu Sans Book: wide Latin, Greek and Cyrillic coverage including €, „“, – and ….
    case dejaVuSans = "DejaVuSans"
    /// DejaVu Sans Bold.
    case dejaVuSansBold = "DejaVuSans-Bold"
}

extension TrueTypeFont {
    /// A bundled font, parsed on first use and then shared for the life of the process.
    ///
    /// - Throws: ``PDFError/missingResource(_:)`` when the resource bundle is not installed next to
    ///   the binary, or ``PDFError/invalidFont(_:)`` if the file is damaged.
    public static func bundled(_ font: BundledFont) throws -> TrueTypeFont {
        // Swift initialises static lets lazily and thread-safely, which gives a process-wide cache.
        switch font {
        case .dejaVuSans: try dejaVuSans.get()
        case .dejaVuSansBold: try dejaVuSansBold.get()
        }
    }

    /// The raw bytes of a bundled font file, e.g. to write it elsewhere.
    public static func bundledData(_ font: BundledFont) throws -> Data {
        guard let url = Bundle.module.url(forResource: font.rawValue, withExtension: "ttf", subdirectory: "Fonts")
        else { throw PDFError.missingResource("Fonts/\(font.rawValue).ttf") }
        return try Data(contentsOf: url)
    }

    private static let dejaVuSans = Result { try TrueTypeFont(data: bundledData(.dejaVuSans)) }
    private static let dejaVuSansBold = Result { try TrueTypeFont(data: bundledData(.dejaVuSansBold)) }
}
