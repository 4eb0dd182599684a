import Foundation
import KontorCore

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

    /// `value` as 16 lower-case hex digits, after `prefix` (ASCII).
    static func hex(_ value: UInt64, prefix: StaticString = "") -> String {
        // Written into the string's own storage: every entry without a bank reference gets one of these, and
        // `String(radix:)`, the padding and the concatenation made three strings for it.
        let count = prefix.utf8CodeUnitCount
        return String(unsafeUninitializedCapacity: count + 16) { buffer in
            prefix.withUTF8Buffer { head in
                for index in 0..<count { buffer[index] = head[index] }
            }
            let digits: StaticString = "0123456789abcdef"
            digits.withUTF8Buffer { digits in
                for index in 0..<16 {
                    buffer[count + index] = digits[Int(truncatingIfNeeded: value >> UInt64(60 - 4 * index)) & 0xF]
                }
            }
            return count + 16
        }
    }

    /// Hashes the bytes of `day.description` (`YYYY-MM-DD`) onto `value`, without making the string.
    static func combine(_ value: inout UInt64, day: Day) {
        let (year, month, dayOfMonth) = day.components
        guard (0...9999).contains(year) else { return combine(&value, day.description.utf8) }
        combine(&value, digit: year / 1000)
        combine(&value, digit: year / 100 % 10)
        combine(&value, digit: year / 10 % 10)
        combine(&value, digit: year % 10)
        combine(&value, CollectionOfOne(UInt8(ascii: "-")))
        combine(&value, digit: month / 10)
        combine(&value, digit: month % 10)
        combine(&value, CollectionOfOne(UInt8(ascii: "-")))
        combine(&value, digit: dayOfMonth / 10)
        combine(&value, digit: dayOfMonth % 10)
    }

    /// Hashes the bytes of `String(number)` onto `value`, without making the string.
    static func combine(_ value: inout UInt64, decimal number: Int64) {
        if number < 0 { combine(&value, CollectionOfOne(UInt8(ascii: "-"))) }
        let magnitude = number.magnitude
        var divisor: UInt64 = 1
        while magnitude / divisor >= 10 { divisor *= 10 }
        while divisor > 0 {
            combine(&value, digit: Int(magnitude / divisor % 10))
            divisor /= 10
        }
    }

    private static func combine(_ value: inout UInt64, digit: Int) {
        combine(&value, CollectionOfOne(UInt8(truncatingIfNeeded: 0x30 + digit)))
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
