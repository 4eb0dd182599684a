import KontorBanking
import KontorCore
import Testing

/// `StatementError` speaks German and English: English is the `description`, German carries the same facts.
struct StatementErrorMessageTests {
    /// Words that show an English sentence slipped into a German message.
    static let englishWords = [" the ", " is ", " not ", " must ", " has ", " with ", " cannot ", " line ", "missing"]

    static let cases: [(StatementError, [String])] = [
        (.emptyFile(file: "konto.csv"), ["konto.csv", "leer"]),
        (.unknownFormat(file: "bild.png", problem: .binary), ["bild.png", "Binärdaten", "Kontoauszug"]),
        (.unreadable(file: "weg.xml", reason: "EACCES"), ["weg.xml", "EACCES"]),
        (.malformedXML(file: "auszug.xml", line: 12, column: 7, message: "XML_ERR_TAG_NAME_MISMATCH"),
         ["auszug.xml", "Zeile 12", "Spalte 7", "XML_ERR_TAG_NAME_MISMATCH"]),
        (.unknownNamespace(file: "a.xml", namespace: "urn:beispiel", rootElement: "Document"),
         ["a.xml", "<Document>", "„urn:beispiel“", "camt.053"]),
        (.truncated(file: "b.xml", line: 40, detail: "<Ntry>"), ["b.xml", "Zeile 40", "<Ntry>"]),
        (.truncated(file: "bundle.zip", line: nil, detail: "EOCD"), ["bundle.zip", "EOCD"]),
        (.missingElement(file: "c.xml", line: 9, element: "Ntry/Amt"), ["c.xml", "Zeile 9", "Ntry/Amt"]),
        (.missingElement(file: "c.sta", line: nil, element: ":25:"), ["c.sta", ":25:"]),
        (.invalidAmount(file: "d.csv", line: 3, field: "Betrag", text: "1.234,5x"),
         ["d.csv", "Zeile 3", "Betrag", "„1.234,5x“", "Betrag"]),
        (.invalidDate(file: "e.csv", line: 4, field: "Buchungstag", text: "31.02.2026"),
         ["e.csv", "Zeile 4", "Buchungstag", "„31.02.2026“", "Datum"]),
        (.malformedLine(file: "f.sta", line: 17, detail: ":61: YYMMDD"), ["f.sta", "Zeile 17", ":61: YYMMDD"]),
        (.missingColumn(file: "g.csv", column: "Betrag", headerLine: 2), ["g.csv", "„Betrag“", "Zeile 2"]),
        (.missingColumn(file: "h.csv", column: "Datum", headerLine: nil), ["h.csv", "„Datum“", "keine Kopfzeile"]),
        (.badArchive(file: "i.zip", detail: "CRC32"), ["i.zip", "CRC32", "ZIP-Archiv"]),
        (.tooLarge(file: "j.csv", line: 8, limit: .lineLength(65536)), ["j.csv", "Zeile 8", "65536 Zeichen je Zeile"]),
        (.tooLarge(file: "k.zip", line: nil, limit: .archiveMembers(1000)), ["k.zip", "1000 Dateien im ZIP"]),
        (.notUTF8(file: "l.xml", line: 3), ["l.xml", "Zeile 3", "kein UTF-8 (vielleicht Windows-1252?)"]),
    ]

    @Test(arguments: cases) func englishIsTheDescription(error: StatementError, facts: [String]) {
        #expect(error.message(.en) == error.description)
    }

    @Test(arguments: cases) func germanCarriesTheFacts(error: StatementError, facts: [String]) {
        let german = error.message(.de)
        #expect(german != error.description)
        for fact in facts { #expect(german.contains(fact), "\(fact) missing in: \(german)") }
        for word in Self.englishWords { #expect(!german.contains(word), "'\(word)' in: \(german)") }
    }

    @Test func noLineNumberWhenUnknown() {
        let german = StatementError.truncated(file: "x.zip", line: nil, detail: "EOCD").message(.de)
        #expect(german.hasPrefix("x.zip: "))
        #expect(!german.contains("Zeile"))
    }
}
