import Foundation
import KontorBanking
import KontorCore
import Testing

/// Every error names the file and, where it can, the line or element; a bad file returns nothing.
struct ErrorTests {
    static let camtHead = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
        <BkToCstmrStmt><GrpHdr><MsgId>M1</MsgId></GrpHdr>
        <Stmt><Id>S1</Id>
        """

    static func ntry(_ amount: String = "10.00", _ indicator: String = "CRDT") -> String {
        """
        <Ntry>
        <Amt Ccy="EUR">\(amount)</Amt>
        <CdtDbtInd>\(indicator)</CdtDbtInd>
        <BookgDt><Dt>2026-03-15</Dt></BookgDt>
        </Ntry>
        """
    }

    static let camtTail = "\n</Stmt></BkToCstmrStmt></Document>\n"

    func parse(_ text: String, _ name: String, format: StatementFormat? = nil) throws(StatementError) -> StatementFile {
        try StatementParser.parse(data: Data(text), fileName: name, options: StatementParseOptions(format: format))
    }

    @Test func wellFormedSyntheticCamtParses() throws {
        let file = try parse(Self.camtHead + Self.ntry() + Self.ntry("5", "DBIT") + Self.camtTail, "ok.xml")
        #expect(file.entries.map(\.signedAmount) == [Money(cents: 1000), Money(cents: -500)])
    }

    @Test func malformedXMLNamesTheLine() {
        // Line 7 closes <CdtDbtInd> with </Amt>.
        let text = Self.camtHead + "\n<Ntry>\n<Amt Ccy=\"EUR\">1.00</Amt>\n<CdtDbtInd>CRDT</Amt>\n</Ntry>" + Self.camtTail
        #expect(throws: StatementError.malformedXML(
            file: "broken.xml", line: 7, column: 22, message: "end tag does not match the start tag")
        ) { try parse(text, "broken.xml") }
        do {
            _ = try parse(text, "broken.xml")
        } catch {
            #expect(error.description.contains("broken.xml, line 7"))
        }
    }

    @Test func unknownNamespaceIsRefused() {
        let text = """
            <?xml version="1.0"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"><CstmrCdtTrfInitn/></Document>
            """
        #expect(throws: StatementError.unknownNamespace(
            file: "pain.xml", namespace: "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03", rootElement: "Document")
        ) { try parse(text, "pain.xml") }
        // Not camt at all, and no namespace.
        #expect(throws: StatementError.unknownNamespace(file: "x.xml", namespace: "(none)", rootElement: "Invoice")) {
            try parse("<Invoice><Id>1</Id></Invoice>", "x.xml")
        }
    }

    @Test func camtWithoutNamespaceIsRecognisedByItsElements() throws {
        let text = "<Document><BkToCstmrAcctRpt><Rpt>" + Self.ntry() + "</Rpt></BkToCstmrAcctRpt></Document>"
        let file = try parse(text, "report.xml")
        #expect(file.statements.first?.messageType == CamtMessageType(message: 52, version: nil))
        #expect(file.entries.count == 1)
    }

    @Test func truncatedCamtIsReportedAsCutOff() throws {
        let full = Self.camtHead + Self.ntry() + Self.ntry() + Self.camtTail
        let cut = String(full.prefix(full.count - 40))
        #expect(throws: StatementError.self) { try parse(cut, "cut.xml") }
        do {
            _ = try parse(cut, "cut.xml")
            Issue.record("a truncated file must not parse")
        } catch {
            guard case let .truncated(file, line, _) = error else {
                Issue.record("expected .truncated, got \(error)")
                return
            }
            // The error points at the last line, where the text stops.
            #expect(file == "cut.xml" && line == cut.split(separator: "\n").count)
        }
    }

    @Test func truncatedZipIsReportedAsCutOff() throws {
        let data = try Data(contentsOf: Fixtures.url("camt053-v02-c53-bundle.zip"))
        #expect(throws: StatementError.truncated(
            file: "half.zip", line: nil, detail: "the ZIP directory at the end of the file is missing")
        ) {
            try StatementParser.parse(data: data.prefix(data.count / 2), fileName: "half.zip")
        }
    }

    @Test func truncatedCSVWithOpenQuote() {
        let text = "Buchungstag;Betrag;Verwendungszweck\n01.03.2026;10,00;Rechnung 1\n02.03.2026;5,00;\"Rech"
        #expect(throws: StatementError.truncated(
            file: "cut.csv", line: 3, detail: "the quoted field opened on line 3 is never closed")
        ) { try parse(text, "cut.csv") }
    }

    @Test func truncatedMT940Line() {
        let text = ":20:STARTUMS\n:25:DE89370400440532013000\n:28C:1\n:60F:C260301EUR100,00\n:61:2603010301CR17,90\n"
        #expect(throws: StatementError.malformedLine(
            file: "cut.sta", line: 5, detail: ":61: ends before the transaction type (e.g. NTRF)")
        ) { try parse(text, "cut.sta") }
    }

    @Test func csvMissingColumnNamesColumnAndHeaderLine() throws {
        let text = "Konto;DE89370400440532013000\n\nBuchungstag;Umsatz;Text\n01.03.2026;10,00;Rechnung\n"
        let mapping = try CSVColumnMapping(parsing: "date=Buchungstag,amount=Betrag,text=Text")
        let options = StatementParseOptions(csv: CSVOptions(mapping: mapping))
        #expect(throws: StatementError.missingColumn(file: "bank.csv", column: "Betrag", headerLine: 3)) {
            try StatementParser.parse(data: Data(text), fileName: "bank.csv", options: options)
        }
        // Without a mapping no known layout matches.
        #expect(throws: StatementError.self) { try parse("Foo;Bar\n1;2\n", "odd.csv") }
    }

    @Test func badAmountNamesLineAndText() {
        let csv = "Buchungstag;Betrag;Verwendungszweck\n01.03.2026;10,00;Rechnung 1\n02.03.2026;1.234,5x;Rechnung 2\n"
        #expect(throws: StatementError.invalidAmount(file: "bad.csv", line: 3, field: "Betrag", text: "1.234,5x")) {
            try parse(csv, "bad.csv")
        }
        let mt940 = ":20:X\n:25:12345678/1\n:60F:C260301EUR0,00\n:61:2603010301C1.234,5xNTRFNONREF\n"
        #expect(throws: StatementError.invalidAmount(file: "bad.sta", line: 4, field: ":61:", text: "1.234,5x")) {
            try parse(mt940, "bad.sta")
        }
        let camt = Self.camtHead + Self.ntry("1.234,5x") + Self.camtTail
        // camtHead ends without a line break: <Ntry> is on line 4, its <Amt> on line 5.
        #expect(throws: StatementError.invalidAmount(file: "bad.xml", line: 5, field: "Ntry/Amt", text: "1.234,5x")) {
            try parse(camt, "bad.xml")
        }
    }

    @Test func missingRequiredCamtElementNamesIt() {
        let text = Self.camtHead + "\n<Ntry>\n<CdtDbtInd>CRDT</CdtDbtInd>\n</Ntry>" + Self.camtTail
        #expect(throws: StatementError.missingElement(file: "m.xml", line: 5, element: "Ntry/Amt")) { try parse(text, "m.xml") }
    }

    @Test func badDateNamesLine() {
        let csv = "Buchungstag;Betrag\n31.02.2026;10,00\n"
        #expect(throws: StatementError.invalidDate(file: "d.csv", line: 2, field: "Buchungstag", text: "31.02.2026")) {
            try parse(csv, "d.csv")
        }
    }

    @Test func emptyFiles() throws {
        for (text, format) in [("", nil), ("  \n\r\n", nil), ("\u{FEFF}", nil), ("   ", StatementFormat.camt), ("", .csv)] as [(String, StatementFormat?)] {
            #expect(throws: StatementError.emptyFile(file: "empty")) { try parse(text, "empty", format: format) }
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-empty-\(UUID().uuidString).csv")
        try Data().write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: StatementError.emptyFile(file: url.lastPathComponent)) { try StatementParser.parse(contentsOf: url) }
    }

    @Test func binaryDataIsAnUnknownFormat() {
        let data = Data([0x00, 0x01, 0x02, 0xFF, 0x00, 0x10])
        #expect(throws: StatementError.unknownFormat(file: "blob", problem: .binary)) {
            try StatementParser.parse(data: data, fileName: "blob")
        }
    }

    @Test func mt940JunkLineIsRefused() {
        #expect(throws: StatementError.malformedLine(
            file: "j.sta", line: 2, detail: "expected an MT940 field such as :20:, found 'hello'")
        ) { try parse("\nhello\n:20:X\n:25:1/2\n", "j.sta", format: .mt940) }
    }

    @Test func errorsDescribeThemselves() {
        let error = StatementError.invalidAmount(file: "a.csv", line: 3, field: "Betrag", text: "1.234,5x")
        #expect(error.description == "a.csv, line 3: '1.234,5x' in Betrag is not an amount.")
        #expect(error.line == 3 && error.file == "a.csv")
        #expect(StatementError.missingColumn(file: "b.csv", column: "Betrag", headerLine: 1).description
            == "b.csv: column 'Betrag' is missing in the header on line 1.")
    }
}

/// Invalid UTF-8 must be an error naming the line, not a crash of the XML parser.
@Test func invalidUTF8InACommentIsAClearError() throws {
    var xml = Data(#"<?xml version="1.0" encoding="UTF-8"?>"#.utf8)
    xml.append(Data("\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">\n<!-- ".utf8))
    xml.append(contentsOf: [0xC3, 0x28, 0xFF])
    xml.append(Data(" -->\n</Document>\n".utf8))
    #expect(throws: StatementError.self) { try StatementParser.parse(data: xml, fileName: "broken.xml") }
    do {
        _ = try StatementParser.parse(data: xml, fileName: "broken.xml")
    } catch {
        #expect(error.description.contains("broken.xml") && error.description.contains("3"))
    }
}
