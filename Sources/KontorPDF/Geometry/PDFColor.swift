/// A fill or stroke colour in the device colour spaces, which PDF/A accepts together with the
/// document's sRGB output intent.
public enum PDFColor: Sendable, Hashable {
    /// Gray level from 0 (black) to 1 (white).
    case gray(Double)
    /// Red, green and blue components from 0 to 1.
    case rgb(Double, Double, Double)

    /// Black.
    public static let black = PDFColor.gray(0)
    /// White.
    public static let white = PDFColor.gray(1)

    /// An RGB colour from 8-bit components, e.g. `.rgb255(0x1F, 0x4E, 0x79)`.
    public static func rgb255(_ red: UInt8, _ green: UInt8, _ blue: UInt8) -> PDFColor {
        .rgb(Double(red) / 255, Double(green) / 255, Double(blue) / 255)
    }
}
