/// Why a payload could not be turned into a QR code.
public enum QREncodingError: Error, Sendable, Hashable {
    /// The payload does not fit into any allowed version at the requested error correction level.
    ///
    /// `maximumByteCount` is the largest payload version 40 can hold at that level.
    case dataTooLong(byteCount: Int, maximumByteCount: Int)
    /// The requested minimum version is outside 1...40.
    case invalidVersion(Int)
    /// The forced mask pattern is outside 0...7.
    case invalidMask(Int)
}
