/// Writes indented XML with every text and attribute value escaped, so a customer called `Müller & <Söhne>`
/// can never break the document.
struct XMLBuilder {
    private(set) var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    private var depth = 0

    /// Escapes the five XML special characters and drops control characters XML 1.0 does not allow.
    static func escape(_ value: String) -> String {
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
        attributes.map { " \($0.0)=\"\(XMLBuilder.escape($0.1))\"" }.joined()
    }

    private var indent: String { String(repeating: "  ", count: depth) }

    /// An element with children written by `body`.
    mutating func element(_ name: String, _ attributes: [(String, String)] = [], _ body: (inout XMLBuilder) -> Void) {
        text += "\(indent)<\(name)\(self.attributes(attributes))>\n"
        depth += 1
        body(&self)
        depth -= 1
        text += "\(indent)</\(name)>\n"
    }

    /// An element with text content.
    mutating func leaf(_ name: String, _ value: String, _ attributes: [(String, String)] = []) {
        text += "\(indent)<\(name)\(self.attributes(attributes))>\(XMLBuilder.escape(value))</\(name)>\n"
    }

    /// An element with text content, or nothing when the value is nil or empty.
    mutating func optionalLeaf(_ name: String, _ value: String?, _ attributes: [(String, String)] = []) {
        if let value, !value.isEmpty { leaf(name, value, attributes) }
    }
}
