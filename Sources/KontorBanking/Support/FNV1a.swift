import Foundation
/// FNV-1a, 64 bit: a small, stable, non-cryptographic hash for entry identities (no crypto dependency).
enum FNV1a {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// The hash of the UTF-8 bytes of `text`.
    static func hash(_ text: String) -> UInt64 {
        var value = offsetBasis
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* prime
        }
        return value
    }

    /// The hash as 16 lower-case hex digits.
    static func hex(_ text: String) -> String { hex(hash(text)) }

    /// `value` as 16 lower-case hex digits.
    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// Hashes more bytes onto `value` (FNV-1a is a running hash: parts hashed one after another give the hash of
    /// their concatenation).
    static func combine(_ value: inout UInt64, _ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* prime
        }
    }
}
