/// Errors thrown while reading fonts or images or while assembling a PDF.
///
/// Each case names the input that was rejected so that a caller can tell the user what to fix.
public enum PDFError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The font data is not a TrueType font this library can read (the reason says which part failed).
    case invalidFont(String)
    /// A bundled font resource is missing from the package's resource bundle.
    case missingResource(String)
    /// The image data is not a supported PNG or JPEG (the reason says why).
    case unsupportedImage(String)
    /// Compressed data could not be inflated.
    case invalidCompressedData(String)

    /// A sentence for logs and error messages.
    public var description: String {
        switch self {
        case .invalidFont(let reason): "Invalid TrueType font: \(reason)"
        case .missingResource(let name): "Missing bundled resource: \(name)"
        case .unsupportedImage(let reason): "Unsupported image: \(reason)"
        case .invalidCompressedData(let reason): "Invalid compressed data: \(reason)"
        }
    }
}
