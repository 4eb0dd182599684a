/// The error correction level of a QR code (ISO/IEC 18004, 7.5.1).
///
/// Higher levels survive more damage but need more space, so the same payload
/// may need a larger version. `.medium` is what EPC payment codes (GiroCode) require.
public enum QRErrorCorrection: Sendable, Hashable, CaseIterable {
    /// Recovers roughly 7 % of the codewords.
    case low
    /// Recovers roughly 15 % of the codewords.
    case medium
    /// Recovers roughly 25 % of the codewords.
    case quartile
    /// Recovers roughly 30 % of the codewords.
    case high

    /// Row index into the per-level tables in `VersionTable`.
    var tableIndex: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .quartile: 2
        case .high: 3
        }
    }

    /// The two bits the standard assigns to the level in the format information.
    /// They are deliberately not in "strength" order (ISO/IEC 18004, Table 12).
    var formatBits: Int {
        switch self {
        case .low: 0b01
        case .medium: 0b00
        case .quartile: 0b11
        case .high: 0b10
        }
    }
}
