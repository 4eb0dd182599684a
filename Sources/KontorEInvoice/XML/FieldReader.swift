import Foundation
import KontorCore

/// Converts element text into model values, naming the business term when something is missing
/// or unreadable. Shared by the CII and UBL readers.
enum FieldReader {
    /// An optional amount.
    static func amount(_ element: XMLTreeElement?, _ term: String, _ name: String) throws(EInvoiceError)
        -> DecimalAmount?
    {
        guard let text = element?.nonEmptyText else { return nil }
        guard let value = DecimalAmount(text) else { throw .invalidValue(term: term, name: name, text: text) }
        return value
    }

    /// A mandatory amount.
    static func requiredAmount(
        _ element: XMLTreeElement?, _ term: String, _ name: String, context: String? = nil
    ) throws(EInvoiceError) -> DecimalAmount {
        guard let value = try amount(element, term, name) else {
            throw .missingElement(term: term, name: name, context: context)
        }
        return value
    }

    /// A mandatory text.
    static func requiredText(
        _ element: XMLTreeElement?, _ term: String, _ name: String, context: String? = nil
    ) throws(EInvoiceError) -> String {
        guard let text = element?.nonEmptyText else { throw .missingElement(term: term, name: name, context: context) }
        return text
    }

    /// An optional date: `YYYY-MM-DD` (UBL) or `YYYYMMDD` (CII format 102).
    static func date(_ element: XMLTreeElement?, _ term: String, _ name: String) throws(EInvoiceError) -> Day? {
        guard let text = element?.nonEmptyText else { return nil }
        guard let day = parseDay(text) else { throw .invalidValue(term: term, name: name, text: text) }
        return day
    }

    static func parseDay(_ text: String) -> Day? {
        let digits = text.filter(\.isNumber)
        if text.count == 8, digits.count == 8, let year = Int(digits.prefix(4)),
            let month = Int(digits.dropFirst(4).prefix(2)), let day = Int(digits.suffix(2))
        {
            return Day(year: year, month: month, day: day)
        }
        // UBL dates may carry a time zone ("2024-05-01Z", "2024-05-01+02:00").
        return Day(String(text.prefix(10)))
    }

    /// Joins the non-empty texts of several elements with line breaks.
    static func joined(_ elements: [XMLTreeElement]) -> String? {
        let texts = elements.compactMap(\.nonEmptyText)
        return texts.isEmpty ? nil : texts.joined(separator: "\n")
    }

    /// An embedded binary object (BT-125): base64 text with `mimeCode` and `filename` attributes.
    static func attachment(_ element: XMLTreeElement?) -> (fileName: String?, mimeType: String?, data: Data?) {
        guard let element else { return (nil, nil, nil) }
        let data = element.nonEmptyText.flatMap { Data(base64Encoded: $0, options: .ignoreUnknownCharacters) }
        return (element.attributes["filename"], element.attributes["mimeCode"], data)
    }

    /// Splits a UBL note of the form `#AAK#text` into subject code and text.
    static func note(_ raw: String) -> ReceivedInvoice.Note {
        let parts = raw.split(separator: "#", maxSplits: 2, omittingEmptySubsequences: false)
        if raw.hasPrefix("#"), parts.count == 3, (1...3).contains(parts[1].count),
            parts[1].allSatisfy({ $0.isUppercase })
        {
            return ReceivedInvoice.Note(subjectCode: String(parts[1]), text: String(parts[2]))
        }
        return ReceivedInvoice.Note(text: raw)
    }
}
