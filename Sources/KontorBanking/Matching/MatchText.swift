import Foundation

/// Folds text to upper-case ASCII bytes for matching, so that `Müller`, `MUELLER` and `Mueller` compare equal.
///
/// Umlauts become `AE`/`OE`/`UE`, `ß` becomes `SS`, other accented Latin letters lose their accent (`é` → `E`),
/// `€` becomes ` EUR `, and anything else outside ASCII (and control characters) becomes a space.
enum MatchText {
    static func fold(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 8)
        fold(text, into: &out)
        return out
    }

    /// Appends `text` folded to `out`: what `fold(_:)` returns, without an array of its own.
    static func fold(_ text: String, into out: inout [UInt8]) {
        // Most texts are ASCII with a few umlauts: read from the UTF-8 bytes; anything beyond U+00FF sends the text
        // the slow way, scalar by scalar.
        let start = out.count
        let folded = text.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
            var i = 0
            while i < utf8.count {
                let byte = utf8[i]
                if byte < 0x80 {
                    out.append(foldASCII(byte))
                    i += 1
                } else if byte == 0xC3, i + 1 < utf8.count, utf8[i + 1] & 0xC0 == 0x80 {
                    out.append(contentsOf: latin1[Int(utf8[i + 1] & 0x3F)])
                    i += 2
                } else {
                    return false
                }
            }
            return true
        }
        guard folded != true else { return }
        out.removeSubrange(start...)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                out.append(foldASCII(UInt8(value)))
            } else if value >= 0xC0 && value <= 0xFF {
                out.append(contentsOf: latin1[Int(value - 0xC0)])
            } else {
                out.append(contentsOf: foldOther(scalar).utf8)
            }
        }
    }

    /// An ASCII byte folded: lower-case letters to upper case, control characters to a space.
    @inline(__always) private static func foldASCII(_ byte: UInt8) -> UInt8 {
        if byte >= 0x61 && byte <= 0x7A { return byte - 0x20 }
        if byte < 0x20 || byte == 0x7F { return 0x20 }
        return byte
    }

    /// Upper-case ASCII for U+00C0…U+00FF (lower-case letters fold to the same as upper-case ones).
    private static let latin1: [[UInt8]] = [
        "A", "A", "A", "A", "AE", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I", "I",  // C0–CF
        "D", "N", "O", "O", "O", "O", "OE", " ", "O", "U", "U", "U", "UE", "Y", "TH", "SS",  // D0–DF
        "A", "A", "A", "A", "AE", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I", "I",  // E0–EF
        "D", "N", "O", "O", "O", "O", "OE", " ", "O", "U", "U", "U", "UE", "Y", "TH", "Y",  // F0–FF
    ].map { Array($0.utf8) }

    private static func foldOther(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x20AC: return " EUR "
        case 0x1E9E: return "SS"
        case 0x0131: return "I"
        case 0x0141, 0x0142: return "L"
        case 0x0110, 0x0111: return "D"
        case 0x0152, 0x0153: return "OE"
        default: break
        }
        guard scalar.properties.isAlphabetic else { return " " }
        // Latin letters with diacritics (ł, š, ğ …): keep the base letter of the canonical decomposition.
        let decomposed = String(Character(scalar)).decomposedStringWithCanonicalMapping.unicodeScalars
        if let base = decomposed.first, base.isASCII, base.properties.isAlphabetic {
            return String(base).uppercased()
        }
        return " "
    }

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    @inline(__always) static func isLetter(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
    @inline(__always) static func isAlnum(_ byte: UInt8) -> Bool { isDigit(byte) || isLetter(byte) }

    /// ISO 7064 mod 97-10 of an alphanumeric reference after moving its first four characters to the end
    /// (the check used by IBANs and ISO 11649 `RF` references; 1 means valid).
    static func mod97Rearranged(_ chars: [UInt8]) -> Int {
        guard chars.count > 4 else { return -1 }
        var remainder = 0
        for byte in chars[4...] + chars[..<4] {
            if isDigit(byte) {
                remainder = (remainder * 10 + Int(byte - 0x30)) % 97
            } else if isLetter(byte) {
                remainder = (remainder * 100 + Int(byte - 0x41) + 10) % 97
            } else {
                return -1
            }
        }
        return remainder
    }

    /// An IBAN in electronic form (upper case, no spaces) for comparing.
    static func compactIBAN(_ text: String) -> String {
        String(decoding: fold(text).filter(isAlnum), as: UTF8.self)
    }
}
