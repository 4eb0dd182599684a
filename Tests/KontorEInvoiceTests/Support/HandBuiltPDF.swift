import Foundation
@testable import KontorPDF

/// Writes PDF 1.5 files byte by byte, for structures KontorPDF itself never produces: object
/// streams, cross-reference streams with PNG predictors, incremental updates.
struct HandBuiltPDF {
    private(set) var bytes: [UInt8] = Array("%PDF-1.5\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3, 0x0A]
    private(set) var offsets: [Int: Int] = [:]
    /// Where the last cross-reference section starts (for `/Prev` of an update).
    private(set) var lastXRefOffset: Int?

    mutating func object(_ number: Int, _ body: String) {
        offsets[number] = bytes.count
        bytes += Array("\(number) 0 obj\n\(body)\nendobj\n".utf8)
    }

    mutating func stream(_ number: Int, dictionary: String, data: [UInt8], flate: Bool = true) {
        let payload = flate ? Deflate.zlib(data) : data
        offsets[number] = bytes.count
        let filter = flate ? " /Filter /FlateDecode" : ""
        bytes += Array("\(number) 0 obj\n<< \(dictionary)\(filter) /Length \(payload.count) >>\nstream\n".utf8)
        bytes += payload
        bytes += Array("\nendstream\nendobj\n".utf8)
    }

    /// An object stream holding `objects` (number, body), Flate-compressed.
    mutating func objectStream(_ number: Int, objects: [(Int, String)]) {
        var header = ""
        var body = ""
        for (objectNumber, text) in objects {
            header += "\(objectNumber) \(body.utf8.count) "
            body += text + "\n"
        }
        let data = Array((header + body).utf8)
        stream(number, dictionary: "/Type /ObjStm /N \(objects.count) /First \(header.utf8.count)", data: data)
    }

    enum Entry {
        case free
        case offset(Int)
        case compressed(stream: Int, index: Int)
    }

    /// Appends a cross-reference stream (object `number`) with PNG "Up" predictor rows and finishes the file.
    mutating func finishWithXRefStream(_ number: Int, entries: [Entry], trailer: String) {
        let start = bytes.count
        lastXRefOffset = start
        var rows: [[UInt8]] = []
        for entry in entries + [.offset(start)] {
            let (type, second, third): (UInt8, Int, Int)
            switch entry {
            case .free: (type, second, third) = (0, 0, 65535)
            case .offset(let offset): (type, second, third) = (1, offset, 0)
            case .compressed(let stream, let index): (type, second, third) = (2, stream, index)
            }
            rows.append([type, UInt8(second >> 24 & 0xFF), UInt8(second >> 16 & 0xFF), UInt8(second >> 8 & 0xFF),
                         UInt8(second & 0xFF), UInt8(third >> 8 & 0xFF), UInt8(third & 0xFF)])
        }
        var encoded: [UInt8] = []
        var previous = [UInt8](repeating: 0, count: 7)
        for row in rows {
            encoded.append(2)  // PNG Up
            for index in 0..<7 { encoded.append(row[index] &- previous[index]) }
            previous = row
        }
        stream(number, dictionary: "/Type /XRef /Size \(entries.count + 1) /W [1 4 2] \(trailer) "
               + "/DecodeParms << /Predictor 12 /Columns 7 >>", data: encoded)
        bytes += Array("startxref\n\(start)\n%%EOF\n".utf8)
    }

    /// Appends a classic xref table for `numbers` plus a trailer (an incremental update) and finishes.
    mutating func finishWithTable(numbers: [Int], trailer: String) {
        let start = bytes.count
        lastXRefOffset = start
        var text = "xref\n"
        for number in numbers.sorted() {
            text += "\(number) 1\n" + String(repeating: "0", count: 10 - String(offsets[number]!).count)
                + "\(offsets[number]!) 00000 n\r\n"
        }
        text += "trailer\n<< \(trailer) >>\nstartxref\n\(start)\n%%EOF\n"
        bytes += Array(text.utf8)
    }

    var data: Data { Data(bytes) }
}
