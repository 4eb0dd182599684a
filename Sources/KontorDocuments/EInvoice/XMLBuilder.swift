/// Writes indented XML with every text and attribute value escaped, so a customer called `Müller & <Söhne>`
/// can never break the document.
struct XMLBuilder {
    private(set) var text: String
    private var depth = 0
    private static let indents = (0..<32).map { String(repeating: "  ", count: $0) }

    init() {
        text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        text.reserveCapacity(16_384)
    }

    /// Escapes the five XML special characters and drops control characters XML 1.0 does not allow.
    static func escape(_ value: String) -> String {
        // Most values (amounts, dates, codes) need no escaping: skip the scalar walk for them.
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<")
            || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") })
        {
            return value
        }
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20 { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }

    private func attributes(_ attributes: [(String, String)]) -> String {
        if attributes.isEmpty { return "" }
        return attributes.map { " \($0.0)=\"\(XMLBuilder.escape($0.1))\"" }.joined()
    }

    private var indent: String { XMLBuilder.indents[min(depth, XMLBuilder.indents.count - 1)] }

    /// An element with children written by `body`.
    mutating func element(_ name: String, _ attributes: [(String, String)] = [], _ body: (inout XMLBuilder) -> Void) {
        text += indent
        text += "<"
        text += name
        text += self.attributes(attributes)
        text += ">\n"
        depth += 1
        body(&self)
        depth -= 1
        text += indent
        text += "</"
        text += name
        text += ">\n"
    }

    /// An element with text content.
    mutating func leaf(_ name: String, _ value: String, _ attributes: [(String, String)] = []) {
        text += indent
        text += "<"
        text += name
        text += self.attributes(attributes)
        text += ">"
        text += XMLBuilder.escape(value)
        text += "</"
        text += name
        text += ">\n"
    }

    /// An element with text content, or nothing when the value is nil or empty.
    mutating func optionalLeaf(_ name: String, _ value: String?, _ attributes: [(String, String)] = []) {
        if let value, !value.isEmpty { leaf(name, value, attributes) }
    }
}
