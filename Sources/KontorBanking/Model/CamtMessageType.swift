/// The camt message kind and version, read from the namespace (`urn:iso:std:iso:20022:tech:xsd:camt.053.001.08`)
/// or, when the file has none, from the element under `Document`.
public struct CamtMessageType: Sendable, Hashable, Codable, CustomStringConvertible {
    /// 52 (account report), 53 (statement) or 54 (debit/credit notification).
    public var message: Int
    /// The version, e.g. `"001.08"`, or nil when the file does not say.
    public var version: String?

    public init(message: Int, version: String?) {
        self.message = message
        self.version = version
    }

    /// `camt.053.001.08` (or `camt.053` without a version).
    public var description: String {
        let base = "camt.0" + String(message)
        return version.map { base + "." + $0 } ?? base
    }
}
