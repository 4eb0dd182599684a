import Foundation

/// The SEPA keywords German banks put into the purpose text: `EREF+`, `MREF+`, `CRED+`, `SVWZ+` ….
struct SEPATags {
    var values: [String: String] = [:]

    static let keys = ["EREF", "KREF", "MREF", "CRED", "DEBT", "SVWZ", "ABWA", "ABWE", "IBAN", "BIC", "COAM", "OAMT", "PURP"]

    init(_ text: String) {
        guard text.contains("+") else { return }
        var marks: [(range: Range<String.Index>, key: String)] = []
        for key in Self.keys {
            var searchStart = text.startIndex
            while let range = text.range(of: key + "+", range: searchStart..<text.endIndex) {
                marks.append((range, key))
                searchStart = range.upperBound
            }
        }
        marks.sort { $0.range.lowerBound < $1.range.lowerBound }
        for (index, mark) in marks.enumerated() {
            let end = index + 1 < marks.count ? marks[index + 1].range.lowerBound : text.endIndex
            guard mark.range.upperBound <= end else { continue }
            let value = TextNormal.collapse(String(text[mark.range.upperBound..<end]))
            if values[mark.key] == nil, !value.isEmpty { values[mark.key] = value }
        }
    }

    /// `EREF+` unless it is the placeholder `NOTPROVIDED`.
    var endToEndId: String? { values["EREF"].flatMap { $0.uppercased() == "NOTPROVIDED" ? nil : $0 } }
    var mandateId: String? { values["MREF"] }
    var creditorId: String? { values["CRED"] }
}
