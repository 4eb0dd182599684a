import Foundation

/// Finds invalid UTF-8 before Foundation's XMLParser sees it: on Linux, XMLParser brings the whole process
/// down on some invalid sequences (e.g. inside comments) instead of reporting an error.
enum UTF8Guard {
    /// The line of the first invalid UTF-8 sequence, or nil when the bytes are valid UTF-8 (or the XML
    /// declaration names another encoding, which the parser then converts itself).
    static func firstInvalidLine<S: Sequence>(in chunks: S) -> Int? where S.Element == Data {
        var line = 1
        var pending = 0  // continuation bytes still expected
        var first = true
        for chunk in chunks {
            if first {
                first = false
                if declaresOtherEncoding(chunk.prefix(200)) { return nil }
            }
            for byte in chunk {
                if pending > 0 {
                    guard byte & 0xC0 == 0x80 else { return line }
                    pending -= 1
                    continue
                }
                switch byte {
                case 0x0A: line += 1
                case 0x00...0x7F: break
                case 0xC2...0xDF: pending = 1
                case 0xE0...0xEF: pending = 2
                case 0xF0...0xF4: pending = 3
                default: return line
                }
            }
        }
        return pending > 0 ? line : nil
    }

    static func declaresOtherEncoding(_ head: Data) -> Bool {
        let text = String(decoding: head, as: UTF8.self).lowercased()
        guard text.hasPrefix("<?xml"), let range = text.range(of: "encoding=") else { return false }
        let value = text[range.upperBound...].dropFirst().prefix { $0 != "\"" && $0 != "'" }
        return !(value == "utf-8" || value == "utf8")
    }

    /// Reads a file in chunks of 1 MiB.
    static func chunks(of url: URL) -> AnySequence<Data> {
        AnySequence { () -> AnyIterator<Data> in
            let handle = try? FileHandle(forReadingFrom: url)
            return AnyIterator {
                guard let handle, let data = try? handle.read(upToCount: 1 << 20), !data.isEmpty else {
                    try? handle?.close()
                    return nil
                }
                return data
            }
        }
    }
}
