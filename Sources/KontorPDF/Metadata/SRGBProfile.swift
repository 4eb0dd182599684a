import Foundation

/// A minimal ICC v2.1 display profile for sRGB (IEC 61966-2.1), built from its published primaries
/// and transfer curve, for the PDF/A output intent.
///
/// Generating it avoids shipping a binary profile with its own licence. It is a standard
/// matrix/TRC profile: D50-adapted colorants (Bradford), D65 media white point and a 1024-entry
/// tone curve of the sRGB formula.
enum SRGBProfile {
    /// The profile bytes (built once per process).
    static let bytes: [UInt8] = build()

    /// The profile, zlib-compressed once per process because every document embeds it.
    static let compressed: [UInt8] = Deflate.zlib(bytes)

    private static func build() -> [UInt8] {
        var tags: [(signature: String, data: [UInt8])] = []
        tags.append(("desc", textDescription("sRGB IEC61966-2.1")))
        tags.append(("cprt", text("No copyright, use freely")))
        tags.append(("wtpt", xyz(0.9505, 1.0, 1.0891)))
        tags.append(("rXYZ", xyz(0.436066, 0.222488, 0.013916)))
        tags.append(("gXYZ", xyz(0.385147, 0.716873, 0.097076)))
        tags.append(("bXYZ", xyz(0.143066, 0.060608, 0.714096)))
        let curve = toneCurve()

        // Header (128 bytes) + tag count + 12 bytes per tag entry; the three TRC tags share one curve.
        let tagCount = tags.count + 3
        var offset = 128 + 4 + tagCount * 12
        var table: [UInt8] = []
        var data: [UInt8] = []
        table.appendU32(UInt32(tagCount))
        for tag in tags {
            table.append(contentsOf: Array(tag.signature.utf8))
            table.appendU32(UInt32(offset))
            table.appendU32(UInt32(tag.data.count))
            data.append(contentsOf: tag.data)
            while data.count % 4 != 0 { data.append(0) }
            offset = 128 + 4 + tagCount * 12 + data.count
        }
        for signature in ["rTRC", "gTRC", "bTRC"] {
            table.append(contentsOf: Array(signature.utf8))
            table.appendU32(UInt32(offset))
            table.appendU32(UInt32(curve.count))
        }
        data.append(contentsOf: curve)
        while data.count % 4 != 0 { data.append(0) }

        var header = [UInt8](repeating: 0, count: 128)
        let size = 128 + table.count + data.count
        header.setU32(UInt32(size), at: 0)
        header.setU32(0x0210_0000, at: 8)  // version 2.1
        header.replaceSubrange(12..<16, with: Array("mntr".utf8))
        header.replaceSubrange(16..<20, with: Array("RGB ".utf8))
        header.replaceSubrange(20..<24, with: Array("XYZ ".utf8))
        for (index, value) in [2024, 1, 1, 0, 0, 0].enumerated() {  // fixed date keeps output deterministic
            header.setU16(UInt16(value), at: 24 + index * 2)
        }
        header.replaceSubrange(36..<40, with: Array("acsp".utf8))
        header.setU32(UInt32(bitPattern: fixed(0.9642)), at: 68)  // PCS illuminant D50
        header.setU32(UInt32(bitPattern: fixed(1.0)), at: 72)
        header.setU32(UInt32(bitPattern: fixed(0.8249)), at: 76)
        return header + table + data
    }

    private static func fixed(_ value: Double) -> Int32 {
        Int32((value * 65536).rounded())
    }

    private static func xyz(_ x: Double, _ y: Double, _ z: Double) -> [UInt8] {
        var result = Array("XYZ ".utf8) + [0, 0, 0, 0]
        for value in [x, y, z] { result.appendU32(UInt32(bitPattern: fixed(value))) }
        return result
    }

    private static func text(_ string: String) -> [UInt8] {
        Array("text".utf8) + [0, 0, 0, 0] + Array(string.utf8) + [0]
    }

    /// textDescriptionType (ICC v2): ASCII, empty Unicode and empty ScriptCode parts.
    private static func textDescription(_ string: String) -> [UInt8] {
        var result = Array("desc".utf8) + [0, 0, 0, 0]
        result.appendU32(UInt32(string.utf8.count + 1))
        result += Array(string.utf8) + [0]
        result.appendU32(0)  // Unicode language code
        result.appendU32(0)  // Unicode character count
        result.appendU16(0)  // ScriptCode code
        result.append(0)  // ScriptCode count
        result += [UInt8](repeating: 0, count: 67)
        return result
    }

    /// curveType with 1024 samples of the sRGB electro-optical transfer function.
    private static func toneCurve() -> [UInt8] {
        var result = Array("curv".utf8) + [0, 0, 0, 0]
        let count = 1024
        result.appendU32(UInt32(count))
        for index in 0..<count {
            let encoded = Double(index) / Double(count - 1)
            let linear = encoded <= 0.04045 ? encoded / 12.92 : pow((encoded + 0.055) / 1.055, 2.4)
            result.appendU16(UInt16((linear * 65535).rounded()))
        }
        return result
    }
}
