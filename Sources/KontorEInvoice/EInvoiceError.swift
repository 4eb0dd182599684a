public import KontorCore

/// Why a file could not be read as an e-invoice. Each message says what was found and, where
/// possible, what the user can do.
public enum EInvoiceError: Error, Sendable, Equatable, CustomStringConvertible, BilingualError {
    /// The file is empty.
    case empty(fileName: String?)
    /// The file is neither XML nor PDF (`detail` says what it looks like, if known).
    case notXML(fileName: String?, detail: String?)
    /// The XML is not well-formed; `line` and `column` locate the error (1-based, 0 when unknown).
    case malformedXML(line: Int, column: Int, reason: String)
    /// Well-formed XML, but not an invoice this reader knows; `explanation` names what it is,
    /// e.g. "a UBL Order, not an invoice".
    case unsupportedDocument(root: String, namespace: String?, explanation: String)
    /// A PDF without an XML attachment; `attachments` lists the files it does carry.
    case noEmbeddedInvoice(attachments: [String])
    /// The PDF itself could not be read (encrypted, broken, unsupported compression).
    case unreadablePDF(reason: String)
    /// A mandatory element is missing: `term` is the EN 16931 business term (e.g. "BT-1"), `name`
    /// its meaning, `context` where it was expected (e.g. "line 3"), if not the document.
    case missingElement(term: String, name: String, context: String?)
    /// An element holds a value that cannot be read (a date or amount in the wrong format).
    case invalidValue(term: String, name: String, text: String)
    /// The file exceeds one of the `InputLimits` (size, XML nesting depth); `line` is 0 when it is the file.
    case tooLarge(fileName: String?, line: Int, limit: InputLimit)

    /// A sentence for the user.
    public var description: String {
        switch self {
        case .empty(let fileName):
            return "\(Self.subject(fileName)) is empty."
        case .notXML(let fileName, let detail):
            let what = detail.map { " (it looks like \($0))" } ?? ""
            return "\(Self.subject(fileName)) is not an e-invoice: it is neither XML nor a PDF\(what)."
        case .malformedXML(let line, let column, let reason):
            let position = line > 0 ? " at line \(line)" + (column > 0 ? ", column \(column)" : "") : ""
            return "The XML is malformed\(position): \(reason). The file may be truncated or damaged."
        case .unsupportedDocument(_, _, let explanation):
            return "This XML is \(explanation)."
        case .noEmbeddedInvoice(let attachments):
            let list = attachments.isEmpty
                ? "it has no attachments"
                : "its attachments are: \(attachments.joined(separator: ", "))"
            return "This PDF carries no e-invoice: it has no XML attachment (\(list)). "
                + "It is an ordinary PDF invoice, readable as it is."
        case .unreadablePDF(let reason):
            return "The PDF could not be read: \(reason)."
        case .missingElement(let term, let name, let context):
            let place = context.map { " in \($0)" } ?? ""
            return "The e-invoice is incomplete: \(term) (\(name)) is missing\(place)."
        case .invalidValue(let term, let name, let text):
            return "The e-invoice has an unreadable \(term) (\(name)): '\(text)'."
        case .tooLarge(let fileName, let line, let limit):
            let position = line > 0 ? " at line \(line)" : ""
            return "\(Self.subject(fileName)) is beyond what Kontor reads\(position) (\(limit.wording(.en)))."
        }
    }

    /// The message in `language`: English is ``description``; German says the same with German names for the
    /// business terms and keeps the parser's or PDF reader's reason as it is.
    public func message(_ language: Language) -> String {
        guard language == .de else { return description }
        switch self {
        case .empty(let fileName):
            return "\(Self.germanSubject(fileName)) ist leer."
        case .notXML(let fileName, let detail):
            let what = detail.map { " (vermutlich \(Self.germanKind($0)))" } ?? ""
            return "\(Self.germanSubject(fileName)) ist keine E-Rechnung: Sie ist weder XML noch PDF\(what)."
        case .malformedXML(let line, let column, let reason):
            let position = line > 0 ? " in Zeile \(line)" + (column > 0 ? ", Spalte \(column)," : "") : ""
            return "Das XML ist\(position) fehlerhaft: \(reason). "
                + "Die Datei ist möglicherweise abgeschnitten oder beschädigt."
        case .unsupportedDocument(let root, let namespace, _):
            return "Dieses XML ist \(Self.germanExplanation(root: root, namespace: namespace))."
        case .noEmbeddedInvoice(let attachments):
            let list = attachments.isEmpty
                ? "es hat keine Anhänge"
                : "seine Anhänge sind: \(attachments.joined(separator: ", "))"
            return "Dieses PDF enthält keine E-Rechnung: Es hat keinen XML-Anhang (\(list)). "
                + "Es ist eine gewöhnliche PDF-Rechnung, die Sie so lesen können, wie sie ist."
        case .unreadablePDF(let reason):
            return "Das PDF konnte nicht gelesen werden: \(reason)."
        case .missingElement(let term, let name, let context):
            let place = context.map { " in \(Self.germanContext($0))" } ?? ""
            return "Die E-Rechnung ist unvollständig: \(term) (\(Self.germanName(name))) fehlt\(place)."
        case .invalidValue(let term, let name, let text):
            return "Die E-Rechnung enthält in \(term) (\(Self.germanName(name))) einen unlesbaren Wert: „\(text)“."
        case .tooLarge(let fileName, let line, let limit):
            let position = line > 0 ? " in Zeile \(line)" : ""
            return "\(Self.germanSubject(fileName)) übersteigt\(position), was Kontor liest (\(limit.wording(.de)))."
        }
    }

    private static func subject(_ fileName: String?) -> String {
        fileName.map { "The file '\($0)'" } ?? "The file"
    }

    // MARK: - German

    private static func germanSubject(_ fileName: String?) -> String {
        fileName.map { "Die Datei „\($0)“" } ?? "Die Datei"
    }

    /// German for what ``EInvoiceReader`` says a non-XML file looks like; unknown kinds stay as they are.
    private static func germanKind(_ detail: String) -> String {
        switch detail {
        case "a ZIP archive": return "ein ZIP-Archiv"
        case "plain text": return "reiner Text"
        default: return detail
        }
    }

    /// German for the readers' places, e.g. "invoice line 3" → "Rechnungsposition 3".
    private static func germanContext(_ context: String) -> String {
        let prefix = "invoice line "
        return context.hasPrefix(prefix) ? "Rechnungsposition \(context.dropFirst(prefix.count))" : context
    }

    /// The German document description for ``unsupportedDocument(root:namespace:explanation:)``, made from the
    /// root element and namespace by the same rules as the English explanation.
    private static func germanExplanation(root: String, namespace: String?) -> String {
        guard let namespace else { return "ein Dokument „\(root)“ ohne Namensraum, keine E-Rechnung" }
        if namespace.hasPrefix("urn:oasis:names:specification:ubl:schema:xsd:") {
            if root == "Invoice" || root == "CreditNote" {
                return "ein UBL-Dokument „\(root)“ mit dem unerwarteten Namensraum \(namespace)"
            }
            return "ein UBL-Dokument „\(root)“, keine Rechnung"
        }
        if root == "CrossIndustryDocument" || namespace.hasPrefix("urn:ferd:") {
            return "eine ZUGFeRD-1.0-Rechnung (CrossIndustryDocument), die Kontor nicht lesen kann: "
                + "Bitten Sie den Absender um ZUGFeRD 2 / Factur-X oder XRechnung"
        }
        if namespace.hasPrefix("urn:un:unece:uncefact:") {
            if root == "CrossIndustryInvoice" {
                return "eine Cross Industry Invoice in einer nicht unterstützten Version (Namensraum \(namespace))"
            }
            return "ein UN/CEFACT-Dokument „\(root)“, keine Rechnung"
        }
        return "ein Dokument „\(root)“ (Namensraum \(namespace)), keine E-Rechnung"
    }

    /// German names of the business terms the readers name in English; unknown names stay as they are.
    private static func germanName(_ name: String) -> String {
        germanNames[name] ?? name
    }

    private static let germanNames: [String: String] = [
        "invoice number": "Rechnungsnummer",
        "invoice type code": "Rechnungsart",
        "issue date": "Rechnungsdatum",
        "currency": "Rechnungswährung",
        "seller name": "Name des Verkäufers",
        "buyer name": "Name des Käufers",
        "payment due date": "Fälligkeitsdatum",
        "preceding invoice date": "Datum der vorausgegangenen Rechnung",
        "delivery date": "Lieferdatum",
        "invoicing period start date": "Beginn des Abrechnungszeitraums",
        "invoicing period end date": "Ende des Abrechnungszeitraums",
        "period start date": "Beginn des Zeitraums",
        "period end date": "Ende des Zeitraums",
        "VAT rate": "Umsatzsteuersatz",
        "VAT taxable amount": "Bemessungsgrundlage der Umsatzsteuer",
        "VAT amount": "Umsatzsteuerbetrag",
        "item name": "Artikelname",
        "invoiced quantity": "Menge",
        "item net price": "Nettopreis des Artikels",
        "item gross price": "Bruttopreis des Artikels",
        "item price base quantity": "Basismenge zum Artikelpreis",
        "invoice line net amount": "Nettobetrag der Rechnungsposition",
        "line VAT rate": "Umsatzsteuersatz der Rechnungsposition",
        "line period start date": "Beginn des Abrechnungszeitraums der Position",
        "line period end date": "Ende des Abrechnungszeitraums der Position",
        "allowance amount": "Betrag des Nachlasses",
        "allowance base amount": "Grundbetrag des Nachlasses",
        "allowance percentage": "Prozentsatz des Nachlasses",
        "allowance VAT rate": "Umsatzsteuersatz des Nachlasses",
        "charge amount": "Betrag des Zuschlags",
        "charge base amount": "Grundbetrag des Zuschlags",
        "charge percentage": "Prozentsatz des Zuschlags",
        "charge VAT rate": "Umsatzsteuersatz des Zuschlags",
        "sum of line net amounts": "Summe der Nettobeträge der Rechnungspositionen",
        "sum of allowances": "Summe der Nachlässe",
        "sum of charges": "Summe der Zuschläge",
        "invoice total without VAT": "Rechnungsbetrag ohne Umsatzsteuer",
        "invoice total VAT amount": "Umsatzsteuer-Gesamtbetrag",
        "VAT amount in accounting currency": "Umsatzsteuerbetrag in Buchungswährung",
        "invoice total with VAT": "Rechnungsbetrag einschließlich Umsatzsteuer",
        "paid amount": "bereits gezahlter Betrag",
        "rounding amount": "Rundungsbetrag",
        "amount due for payment": "fälliger Zahlbetrag",
    ]
}
