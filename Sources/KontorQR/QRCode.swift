/// An encoded QR code symbol (ISO/IEC 18004, model 2): a square grid of dark and light modules.
///
/// The payload is always encoded in byte mode, so scanners return exactly the bytes that went in.
/// Coordinates are zero-based with `(0, 0)` at the top-left corner; the quiet zone is not included.
public struct QRCode: Sendable, Hashable {
    /// The symbol version, 1...40; the symbol has `4 * version + 17` modules per side.
    public let version: Int
    /// The error correction level the symbol was encoded with.
    public let errorCorrection: QRErrorCorrection
    /// The data mask pattern, 0...7, recorded in the symbol's format information.
    public let mask: Int
    /// Number of modules per side.
    public let size: Int
    /// Row-major module colours; one flat buffer instead of nested arrays keeps lookups cheap.
    private let darkModules: [Bool]

    /// Encodes `bytes` in byte mode; see the byte-array `encode(_:errorCorrection:minimumVersion:mask:)`.
    public init(
        _ bytes: [UInt8],
        errorCorrection: QRErrorCorrection = .medium,
        minimumVersion: Int = 1,
        mask: Int? = nil
    ) throws(QREncodingError) {
        self = try QRCode.encode(bytes, errorCorrection: errorCorrection, minimumVersion: minimumVersion, mask: mask)
    }

    /// Encodes the UTF-8 bytes of `text` in byte mode.
    public init(
        _ text: String,
        errorCorrection: QRErrorCorrection = .medium,
        minimumVersion: Int = 1,
        mask: Int? = nil
    ) throws(QREncodingError) {
        self = try QRCode.encode(Array(text.utf8), errorCorrection: errorCorrection,
                                 minimumVersion: minimumVersion, mask: mask)
    }

    init(version: Int, errorCorrection: QRErrorCorrection, mask: Int, darkModules: [Bool]) {
        self.version = version
        self.errorCorrection = errorCorrection
        self.mask = mask
        self.size = VersionTable.size(of: version)
        self.darkModules = darkModules
    }

    /// Encodes `bytes` in byte mode.
    ///
    /// - Parameters:
    ///   - bytes: The payload, taken as-is (no character set conversion, no ECI header).
    ///   - errorCorrection: The error correction level; `.medium` by default.
    ///   - minimumVersion: The smallest version to use, 1...40. The smallest version
    ///     from there on that holds the payload is chosen.
    ///   - mask: Forces a mask pattern 0...7; `nil` picks the pattern with the lowest penalty score
    ///     (ISO/IEC 18004, 7.8.3), scored before format and version information are drawn, the way
    ///     the reference encoder segno does it, so both choose the same mask.
    /// - Throws: ``QREncodingError`` if an argument is out of range or the payload is too long.
    public static func encode(
        _ bytes: [UInt8],
        errorCorrection: QRErrorCorrection = .medium,
        minimumVersion: Int = 1,
        mask: Int? = nil
    ) throws(QREncodingError) -> QRCode {
        try QREncoder.encode(bytes, errorCorrection: errorCorrection, minimumVersion: minimumVersion, mask: mask)
    }

    /// Encodes the UTF-8 bytes of `text` in byte mode.
    ///
    /// See the byte-array `encode(_:errorCorrection:minimumVersion:mask:)` for the parameters.
    public static func encode(
        _ text: String,
        errorCorrection: QRErrorCorrection = .medium,
        minimumVersion: Int = 1,
        mask: Int? = nil
    ) throws(QREncodingError) -> QRCode {
        try QREncoder.encode(Array(text.utf8), errorCorrection: errorCorrection,
                             minimumVersion: minimumVersion, mask: mask)
    }

    /// The largest byte-mode payload, in bytes, that `version` holds at `errorCorrection`.
    ///
    /// Returns 0 for a version outside 1...40.
    public static func byteCapacity(version: Int, errorCorrection: QRErrorCorrection) -> Int {
        guard VersionTable.versions.contains(version) else { return 0 }
        return VersionTable.byteCapacity(version: version, errorCorrection: errorCorrection)
    }

    /// Whether the module at `row`, `column` is dark.
    ///
    /// Coordinates outside the symbol count as light, as they fall into the quiet zone;
    /// renderers can therefore draw a margin without extra bounds checks.
    public func isDark(row: Int, column: Int) -> Bool {
        guard row >= 0, row < size, column >= 0, column < size else { return false }
        return darkModules[row * size + column]
    }

    /// The modules as rows of `size` values each, `true` meaning dark.
    public var modules: [[Bool]] {
        (0..<size).map { row in Array(darkModules[(row * size)..<((row + 1) * size)]) }
    }
}
