import Foundation
import KontorBanking
import KontorCore
import Testing

/// German umlauts survive in names and texts, in UTF-8 (with and without BOM) and Windows-1252.
struct EncodingTests {
    static let csv = "Buchungstag;Name;Verwendungszweck;Betrag;Währung\n15.03.2026;Müller & Söhne GmbH;Rechnung Nr. 2026-07 Übersetzung (Straße);1.190,00;EUR\n"

    /// Windows-1252 bytes of `text` (Latin-1 range only in this test).
    static func cp1252(_ text: String) -> Data {
        Data(text.unicodeScalars.map { UInt8($0.value) })
    }

    func check(_ data: Data, _ name: String) throws {
        let entry = try #require(try StatementParser.parse(data: data, fileName: name).entries.first)
        #expect(entry.counterpartyName == "Müller & Söhne GmbH", "\(name)")
        #expect(entry.remittanceText == "Rechnung Nr. 2026-07 Übersetzung (Straße)", "\(name)")
        #expect(entry.amount == Money(cents: 119_000) && entry.isCredit && entry.currency == "EUR")
    }

    @Test func csvInUTF8() throws { try check(Data(Self.csv), "utf8.csv") }

    @Test func csvInUTF8WithBOM() throws { try check(Data([0xEF, 0xBB, 0xBF]) + Data(Self.csv), "bom.csv") }

    @Test func csvInWindows1252() throws {
        let data = Self.cp1252(Self.csv)
        #expect(String(data: data, encoding: .utf8) == nil)  // really not UTF-8
        try check(data, "cp1252.csv")
    }

    @Test func windows1252EuroSignAndQuotes() throws {
        // 0x80 is € and 0x84/0x93 are „ and “ in Windows-1252 (not Latin-1 control characters).
        var data = Self.cp1252("Buchungstag;Betrag;Verwendungszweck\n01.03.2026;5,00;")
        data += Data([0x84, 0x41, 0x93, 0x20, 0x80])
        let entry = try #require(try StatementParser.parse(data: data, fileName: "euro.csv").entries.first)
        #expect(entry.remittanceText == "„A“ €")
    }

    @Test func mt940InWindows1252AndUTF8() throws {
        let text = ":20:STARTUMS\n:25:10020030/1234567\n:28C:0\n:60F:C260301EUR0,00\n"
            + ":61:2603150315CR1190,00NTRFNONREF\n:86:166?00GUTSCHRIFT?20Rechnung 2026-07 Übersetzun?21g Straße?32Müller & Söhne GmbH\n"
            + ":62F:C260315EUR1190,00\n-\n"
        for data in [Data(text), Self.cp1252(text)] {
            let entry = try #require(try StatementParser.parse(data: data, fileName: "umlaut.sta").entries.first)
            #expect(entry.counterpartyName == "Müller & Söhne GmbH")
            #expect(entry.remittanceText == "Rechnung 2026-07 Übersetzung Straße")
        }
    }

    @Test func camtUmlautsAndEntities() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><Stmt>
            <Ntry><Amt Ccy="EUR">1190.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-03-15</Dt></BookgDt>
            <NtryDtls><TxDtls><RltdPties><Dbtr><Pty><Nm>Müller &amp; Söhne GmbH</Nm></Pty></Dbtr></RltdPties>
            <RmtInf><Ustrd>Rechnung 2026-07 Übersetzung</Ustrd><Ustrd><![CDATA[Straße & Co]]></Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
            </Stmt></BkToCstmrStmt></Document>
            """
        let entry = try #require(try StatementParser.parse(data: Data(xml), fileName: "u.xml").entries.first)
        #expect(entry.counterpartyName == "Müller & Söhne GmbH")
        #expect(entry.remittanceText == "Rechnung 2026-07 Übersetzung Straße & Co")
    }

    @Test func camtDeclaredAsLatin1() throws {
        var data = Data("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><Stmt><Ntry><Amt Ccy=\"EUR\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-03-15</Dt></BookgDt><NtryDtls><TxDtls><RltdPties><Dbtr><Nm>".utf8)
        data += Data([0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72])  // Müller in Latin-1
        data += Data("</Nm></Dbtr></RltdPties></TxDtls></NtryDtls></Ntry></Stmt></BkToCstmrStmt></Document>".utf8)
        let entry = try #require(try StatementParser.parse(data: data, fileName: "latin1.xml").entries.first)
        #expect(entry.counterpartyName == "Müller")
    }
}
