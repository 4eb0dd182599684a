import Foundation
import KontorCore

/// Printing: JSON with stable camelCase keys, or text for people.
enum Output {
    static func json<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    static func warn(_ text: String) {
        let prefix = CLILanguage.say("warning", "Warnung")
        FileHandle.standardError.write(Data("\(prefix): \(text)\n".utf8))
    }

    /// Left-aligned columns, numbers right-aligned when `rightAligned` says so.
    static func table(_ header: [String], _ rows: [[String]], rightAligned: Set<Int> = []) {
        guard !rows.isEmpty else { return }
        var widths = header.map(\.count)
        for row in rows { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
        func render(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let pad = String(repeating: " ", count: widths[index] - cell.count)
                return rightAligned.contains(index) ? pad + cell : cell + pad
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        print(render(header))
        print(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        for row in rows { print(render(row)) }
    }
}

/// Merges the keys of two encodable values into one JSON object (a domain value plus derived figures).
struct Merged<Base: Encodable, Extra: Encodable>: Encodable {
    let base: Base
    let extra: Extra

    func encode(to encoder: any Encoder) throws {
        try base.encode(to: encoder)
        try extra.encode(to: encoder)
    }
}
