import Foundation

/// The fields of an `application/x-www-form-urlencoded` body or a query string.
struct FormData: Sendable {
    private(set) var fields: [String: [String]] = [:]

    init() {}

    /// Parses `a=1&b=x+y&c=%C3%A4`.
    init(urlEncoded text: String) {
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = FormData.decode(parts[0])
            let value = parts.count > 1 ? FormData.decode(parts[1]) : ""
            guard !key.isEmpty else { continue }
            fields[key, default: []].append(value)
        }
    }

    private static func decode(_ part: Substring) -> String {
        let spaced = part.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    /// The first value of a field, trimmed; nil when absent or empty.
    subscript(_ key: String) -> String? {
        guard let value = fields[key]?.first?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
            return nil
        }
        return value
    }

    /// The first value as typed (untrimmed, for text areas), or "".
    func raw(_ key: String) -> String { fields[key]?.first ?? "" }

    /// Whether a checkbox was ticked.
    func flag(_ key: String) -> Bool { fields[key]?.contains { $0 == "on" || $0 == "1" || $0 == "true" } ?? false }

    /// All values as one string each, for re-rendering a form.
    var values: [String: String] { fields.compactMapValues(\.first) }

    /// Sets a value (used to pre-fill forms).
    mutating func set(_ key: String, _ value: String?) {
        fields[key] = value.map { [$0] }
    }
}
