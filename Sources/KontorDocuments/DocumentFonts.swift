public import KontorCore
import KontorPDF

/// Which characters the documents can print. The PDF draws with the bundled DejaVu fonts; a character they lack
/// would come out as "�" while the e-invoice XML keeps it, so the two would say different things. Kontor refuses
/// such text where it is typed, and again before an invoice is issued.
public enum DocumentFonts {
    /// The characters of `text` that neither document font can draw (control characters aside), in order.
    public static func unprintable(in text: String) -> [Character] {
        guard let fonts = try? LetterComposer.Fonts.shared.get() else { return [] }
        var found: [Character] = []
        for character in text where !found.contains(character) {
            let printable = character.unicodeScalars.allSatisfy { scalar in
                scalar.properties.generalCategory == .control || scalar.properties.isVariationSelector
                    || (fonts.regular.glyphID(for: scalar) != nil && fonts.bold.glyphID(for: scalar) != nil)
            }
            if !printable { found.append(character) }
        }
        return found
    }

    /// Throws for the first field whose text the documents cannot print.
    /// - Parameter fields: what each text is ("customer name") and the text.
    public static func requirePrintable(_ fields: [(what: String, text: String?)]) throws(UnprintableTextError) {
        for field in fields {
            guard let text = field.text else { continue }
            let characters = unprintable(in: text)
            if !characters.isEmpty { throw UnprintableTextError(what: field.what, text: text, characters: characters) }
        }
    }

    /// The texts of a customer that documents print.
    public static func fields(of customer: Customer) -> [(what: String, text: String?)] {
        [("customer name", customer.name), ("contact person", customer.contactPerson),
         ("street", customer.address?.street), ("postal code", customer.address?.postalCode),
         ("city", customer.address?.city)]
    }

    /// The texts of the business profile that documents print.
    public static func fields(of profile: BusinessProfile) -> [(what: String, text: String?)] {
        [("business name", profile.name), ("street", profile.address?.street),
         ("postal code", profile.address?.postalCode), ("city", profile.address?.city)]
    }

    /// The texts of lines that documents print.
    public static func fields(of lines: [DocumentLine]) -> [(what: String, text: String?)] {
        lines.map { ("line description", $0.description) }
    }
}

/// Text with characters the documents' fonts cannot draw (emoji, CJK and the like).
public struct UnprintableTextError: Error, BilingualError, CustomStringConvertible, Equatable {
    /// Which field.
    public let what: String
    /// The text as typed.
    public let text: String
    /// The characters that cannot be printed.
    public let characters: [Character]

    private var list: String {
        characters.map { "\"\($0)\" (U+\(String($0.unicodeScalars.first!.value, radix: 16, uppercase: true)))" }
            .joined(separator: ", ")
    }

    public var description: String { message(.en) }

    public func message(_ language: Language) -> String {
        language == .de
            ? "\(Self.german[what] ?? what) „\(text)“ enthält Zeichen, die Rechnungen und Angebote nicht drucken "
                + "können: \(list). Bitte ohne diese Zeichen eingeben (PDF und E-Rechnung müssen dasselbe sagen)."
            : "The \(what) \"\(text)\" contains characters that invoices and quotes cannot print: \(list). "
                + "Please type it without them (the PDF and the e-invoice must say the same)."
    }

    private static let german = [
        "customer name": "Der Kundenname", "contact person": "Die Kontaktperson", "street": "Die Straße",
        "postal code": "Die Postleitzahl", "city": "Der Ort", "business name": "Der Firmenname",
        "line description": "Die Positionsbeschreibung",
    ]
}
