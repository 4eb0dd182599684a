import Foundation
import KontorCore
import KontorEInvoice
import Testing

/// `EInvoiceError` speaks German and English: English is the `description`, German carries the same facts.
struct EInvoiceErrorMessageTests {
    /// Words that show an English sentence slipped into a German message.
    static let englishWords = [" the ", " is ", " not ", " has ", " with ", " its ", " looks ", "missing", "invoice "]

    static let cases: [(EInvoiceError, [String])] = [
        (.empty(fileName: "rechnung.xml"), ["„rechnung.xml“", "leer"]),
        (.empty(fileName: nil), ["Die Datei ist leer."]),
        (.notXML(fileName: "r.txt", detail: "plain text"), ["„r.txt“", "E-Rechnung", "reiner Text"]),
        (.notXML(fileName: nil, detail: "a ZIP archive"), ["ZIP-Archiv"]),
        (.notXML(fileName: "r.json", detail: "JSON"), ["„r.json“", "JSON"]),
        (.notXML(fileName: "r.bin", detail: nil), ["„r.bin“", "weder XML noch PDF."]),
        (.malformedXML(line: 12, column: 5, reason: "XML_ERR_TAG_NAME_MISMATCH"),
         ["Zeile 12", "Spalte 5", "XML_ERR_TAG_NAME_MISMATCH", "beschädigt"]),
        (.malformedXML(line: 0, column: 0, reason: "EOF"), ["Das XML ist fehlerhaft: EOF."]),
        (.unsupportedDocument(
            root: "Order", namespace: "urn:oasis:names:specification:ubl:schema:xsd:Order-2",
            explanation: "a UBL Order, not an invoice"),
         ["„Order“", "UBL", "keine Rechnung"]),
        (.unsupportedDocument(root: "Foo", namespace: nil, explanation: "a 'Foo' document without namespace"),
         ["„Foo“", "ohne Namensraum"]),
        (.unsupportedDocument(
            root: "CrossIndustryDocument", namespace: "urn:ferd:CrossIndustryDocument:invoice:1p0",
            explanation: "a ZUGFeRD 1.0 invoice"),
         ["ZUGFeRD-1.0", "Factur-X", "XRechnung"]),
        (.noEmbeddedInvoice(attachments: []), ["XML-Anhang", "keine Anhänge"]),
        (.noEmbeddedInvoice(attachments: ["logo.png", "agb.pdf"]), ["logo.png, agb.pdf"]),
        (.unreadablePDF(reason: "/Encrypt"), ["PDF", "/Encrypt"]),
        (.missingElement(term: "BT-1", name: "invoice number", context: nil), ["BT-1", "Rechnungsnummer", "fehlt"]),
        (.missingElement(term: "BT-153", name: "item name", context: "invoice line 3"),
         ["BT-153", "Artikelname", "Rechnungsposition 3"]),
        (.invalidValue(term: "BT-2", name: "issue date", text: "2026-13-45"),
         ["BT-2", "Rechnungsdatum", "„2026-13-45“"]),
        (.invalidValue(term: "BT-99", name: "charge amount", text: "12,x"), ["BT-99", "Zuschlags", "„12,x“"]),
    ]

    @Test(arguments: cases) func englishIsTheDescription(error: EInvoiceError, facts: [String]) {
        #expect(error.message(.en) == error.description)
    }

    @Test(arguments: cases) func germanCarriesTheFacts(error: EInvoiceError, facts: [String]) {
        let german = error.message(.de)
        #expect(german != error.description)
        for fact in facts { #expect(german.contains(fact), "\(fact) missing in: \(german)") }
        for word in Self.englishWords { #expect(!german.contains(word), "'\(word)' in: \(german)") }
    }

    /// The German explanation is made from the root and namespace the reader really reports.
    @Test func readerErrorForAnOrderIsGerman() throws {
        let order = Data("""
            <?xml version="1.0" encoding="UTF-8"?>
            <Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"><ID>PO-1</ID></Order>
            """.utf8)
        let error = try #require(throws: EInvoiceError.self) { try EInvoiceReader.read(data: order) }
        #expect(error.message(.en) == error.description)
        #expect(error.message(.de) == "Dieses XML ist ein UBL-Dokument „Order“, keine Rechnung.")
    }
}
