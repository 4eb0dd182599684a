import Foundation
import KontorCore
import Testing

@testable import KontorBanking

/// The small rules: amounts, dates, MT940 dates across the year end, CSV quoting and mappings.
struct ParsingRulesTests {
    @Test(arguments: [
        ("1.234,56", DecimalSeparator.comma, Int64?(123_456)), ("-39,2", .comma, -3920), ("1284", .comma, 128_400),
        ("2.647,74", .comma, 264_774), ("9,90-", .comma, -990), ("4.093,32\u{00A0}€", .comma, 409_332),
        ("1,234.56", .point, 123_456), ("-0.5", .point, -50), ("15000,", .comma, 1_500_000), ("1,500", .comma, 150),
        ("1.234,5x", .comma, nil), ("12,345", .point, 1_234_500), ("1.23.4", .comma, nil), ("", .comma, nil),
        ("1,2,3", .comma, nil), ("0,001", .comma, nil), ("10,500", .comma, 1050), ("+200", .auto, 20_000),
        ("1.234", .comma, 123_400), ("1.234", .auto, nil),
    ])
    func amounts(text: String, decimal: DecimalSeparator, cents: Int64?) {
        #expect(AmountParser.cents(text, decimal: decimal) == cents)
    }

    @Test func fnv1aReferenceVectors() {
        #expect(FNV1a.hex("") == "cbf29ce484222325")
        #expect(FNV1a.hex("a") == "af63dc4c8601ec8c")
    }

    @Test func xmlAmounts() {
        #expect(AmountParser.xmlCents("0") == 0)
        #expect(AmountParser.xmlCents("2700") == 270_000)
        #expect(AmountParser.xmlCents("8.85") == 885)
        #expect(AmountParser.xmlCents("8.5") == 850)
        #expect(AmountParser.xmlCents("1.23000") == 123)
        #expect(AmountParser.xmlCents("1.234") == nil)
        #expect(AmountParser.xmlCents("1,50") == nil)
        #expect(AmountParser.xmlCents(" 12.00\n") == 1200)
    }

    @Test func decimalDetection() {
        #expect(AmountParser.detect(["1284", "-39,2"]) == .comma)
        #expect(AmountParser.detect(["1,234.56"]) == .point)
        #expect(AmountParser.detect(["200", "1.234"]) == .comma)
    }

    @Test(arguments: [
        ("15.03.2026", "2026-03-15"), ("5.3.26", "2026-03-05"), ("2026-03-15", "2026-03-15"), ("15/03/2026", "2026-03-15"),
        ("2014-12-31T13:15:00+01:00", "2014-12-31"), ("2014-01-04T23:00:00.000Z", "2014-01-05"),
        ("2024-03-13T18:40:42.8734727+01:00", "2024-03-13"), ("2026-07-01T00:30:00+02:00", "2026-07-01"),
        ("2026-03-15T10:00:00", "2026-03-15"), ("2026-02-30", nil), ("15.03.", nil), ("heute", nil),
    ] as [(String, String?)])
    func dates(text: String, expected: String?) {
        let wanted: Day? = expected.flatMap { text in Day(text) }
        #expect(DateParser.day(text) == wanted)
    }

    @Test func mt940EntryDateAcrossTheYearEnd() throws {
        let text = ":20:X\n:25:DE89370400440532013000\n:28C:1\n:60F:C251231EUR0,00\n"
            + ":61:2601021231DR10,00NTRFNONREF\n:61:2512310102CR20,00NTRFNONREF\n:61:2402290301CR1,00NMSCNONREF\n"
        let statement = try #require(try StatementParser.parse(data: Data(text), fileName: "y.sta").statements.first)
        #expect(statement.accountIBAN == "DE89370400440532013000")
        let entries = statement.entries
        #expect(entries[0].valueDate == Day("2026-01-02") && entries[0].bookingDate == Day("2025-12-31"))
        #expect(entries[1].valueDate == Day("2025-12-31") && entries[1].bookingDate == Day("2026-01-02"))
        #expect(entries[2].valueDate == Day("2024-02-29") && entries[2].bookingDate == Day("2024-03-01"))
        // "CR"/"DR": mark plus funds code R; amounts right.
        #expect(entries.map(\.signedAmount) == [Money(cents: -1000), Money(cents: 2000), Money(cents: 100)])
    }

    @Test func mt940ReversalMarksAndEnvelope() throws {
        let text = "{1:F01BANKDEFFXXXX0000000000}{2:O9400000000000BANKDEFFXXXX00000000000000000000N}{4:\r\n"
            + ":20:X\r\n:25:12345678/1\r\n:28C:1\r\n:60F:C260301EUR100,00\r\n"
            + ":61:260302RC10,00NTRFNONREF//B1\r\n:61:260302RDR5,00NTRFNONREF//B2\r\n"
            + ":86:Storno ohne?Struktur\r\n:62F:C260302EUR95,00\r\n-}\r\n"
        let statement = try #require(try StatementParser.parse(data: Data(text), fileName: "r.sta").statements.first)
        #expect(statement.entries.map(\.direction) == [.debit, .credit])
        #expect(statement.entries.allSatisfy { $0.isReversal })
        #expect(statement.reconciles == true)
        #expect(statement.entries[1].remittanceText == "Storno ohne?Struktur")  // unstructured :86:
        #expect(statement.entries.map(\.identity) == ["R:B1", "R:B2"])
    }

    @Test func csvQuotingRules() throws {
        let text = "a;b;c\r\n\"x;y\";\"line1\nline2\";\"say \"\"hi\"\"\"\r\nplain;Firma\";\"z\"tail\n"
        let records = try CSVTokenizer.records(text, delimiter: ";", file: "q.csv")
        #expect(records.map(\.fields) == [["a", "b", "c"], ["x;y", "line1\nline2", "say \"hi\""], ["plain", "Firma\"", "ztail"]])
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test func explicitMappingWithCommaDelimiterAndDecimalPoint() throws {
        let text = """
            Export from Example Bank
            Date,Payee,Memo,Amount,Currency,Ref
            2026-03-15,"Smith, John","Invoice 2026-07, thanks",1190.00,EUR,E2E-1
            2026-03-16,Shop,"Multi
            line",-12.50,USD,

            """
        let mapping = try CSVColumnMapping(parsing: "date=Date, name=Payee, text=Memo, amount=Amount, currency=Currency, reference=Ref")
        let file = try StatementParser.parse(
            data: Data(text), fileName: "en.csv", options: StatementParseOptions(csv: CSVOptions(mapping: mapping)))
        let entries = file.entries
        #expect(file.csvPreset == nil && entries.count == 2)
        #expect(entries[0].counterpartyName == "Smith, John" && entries[0].remittanceText == "Invoice 2026-07, thanks")
        #expect(entries[0].amount == Money(cents: 119_000) && entries[0].endToEndId == "E2E-1")
        #expect(entries[1].signedAmount == Money(cents: -1250) && entries[1].currency == "USD")
        #expect(entries[1].remittanceText == "Multi line" && entries[1].line == 4)
    }

    @Test func debitAndCreditColumnsAndColumnNumbers() throws {
        let text = "Datum;Soll;Haben;Text\n01.03.2026;12,00;;Miete\n02.03.2026;;100,00;Honorar\n"
        let mapping = CSVColumnMapping([.date: ["#1"], .debit: ["Soll"], .credit: ["Haben"], .text: ["Text"]])
        let file = try StatementParser.parse(
            data: Data(text), fileName: "sh.csv", options: StatementParseOptions(csv: CSVOptions(mapping: mapping)))
        #expect(file.entries.map(\.signedAmount) == [Money(cents: -1200), Money(cents: 10_000)])
    }

    @Test func mappingSpecErrors() throws {
        #expect(throws: InputError.self) { try CSVColumnMapping(parsing: "date=Datum,colour=Betrag") }
        #expect(throws: InputError.self) { try CSVColumnMapping(parsing: "date=Datum") }
        #expect(throws: InputError.self) { try CSVColumnMapping(parsing: "date") }
        #expect(try CSVColumnMapping(parsing: "date=Buchungstag,amount=Betrag|Umsatz").columns[.amount] == ["Betrag", "Umsatz"])
    }

    @Test func presetsAreDetectedByHeader() throws {
        let headers: [(String, String)] = [
            ("Bezeichnung Auftragskonto;IBAN Auftragskonto;BIC Auftragskonto;Bankname Auftragskonto;Buchungstag;Valutadatum;Name Zahlungsbeteiligter;IBAN Zahlungsbeteiligter;BIC (SWIFT-Code) Zahlungsbeteiligter;Buchungstext;Verwendungszweck;Betrag;Waehrung;Saldo nach Buchung;Bemerkung;Kategorie;Steuerrelevant;Glaeubiger ID;Mandatsreferenz", "atruvia"),
            ("Datum;Valutadatum;Buchungstext;Verwendungszweck;Gläubiger-ID;Mandatsreferenz;Kundenreferenz;IBAN;Betrag;Währung", "commerzbank-classic"),
            ("Buchung;Valuta;Auftraggeber/Empfänger;Buchungstext;Verwendungszweck;Betrag;Währung", "ing"),
        ]
        for (header, preset) in headers {
            let columns = header.split(separator: ";").count
            let row = Array(repeating: "", count: columns)
            var fields = row
            let names = header.split(separator: ";").map(String.init)
            for (index, name) in names.enumerated() {
                switch name {
                case "Buchungstag", "Datum", "Buchung": fields[index] = "15.03.2026"
                case "Betrag": fields[index] = "10,00"
                default: break
                }
            }
            let text = header + "\n" + fields.joined(separator: ";") + "\n"
            let file = try StatementParser.parse(data: Data(text), fileName: "p.csv")
            #expect(file.csvPreset == preset)
            #expect(file.entries.first?.amount == Money(cents: 1000))
        }
        #expect(CSVPreset.named("dkb")?.defaultCurrency == "EUR")
        #expect(CSVPreset.all.last?.id == "generic")
    }

    @Test func dfuNames() {
        let name = DFUFileName("2026-03-15_C53_DE89370400440532013000_EUR_0001.xml")
        #expect(name?.account == "DE89370400440532013000" && name?.currency == "EUR" && name?.kind == "C53")
        #expect(DFUFileName("statement.xml") == nil)
        #expect(DFUFileName("2026-03-15_C99_DE89370400440532013000_EUR_0001.xml") == nil)
    }
}

/// Details of the camt reader that the fixtures do not cover.
struct CamtRulesTests {
    @Test func commentInsideAnAmountAndStatusForms() throws {
        let xml = """
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"><BkToCstmrDbtCdtNtfctn><Ntfctn>
            <Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>
            <Ntry><Amt Ccy="EUR">12<!-- split -->.50</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>PDNG</Cd></Sts>
            <ValDt><Dt>2026-03-16</Dt></ValDt></Ntry>
            <Ntry><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>INFO</Sts><BookgDt><Dt>2026-03-15</Dt></BookgDt>
            <NtryDtls><TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
            <RltdPties><Cdtr><Nm>Vermieter</Nm></Cdtr><CdtrAcct><Id><IBAN>DE02 1203 0000 0000 2020 51</IBAN></Id></CdtrAcct></RltdPties>
            <RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>RF18539007547034</Ref></CdtrRefInf></Strd></RmtInf>
            </TxDtls></NtryDtls></Ntry>
            </Ntfctn></BkToCstmrDbtCdtNtfctn></Document>
            """
        let file = try StatementParser.parse(data: Data(xml.utf8), fileName: "n.xml")
        let statement = try #require(file.statements.first)
        #expect(statement.messageType?.description == "camt.054.001.08")
        #expect(statement.accountIBAN == "DE89370400440532013000")
        let entries = statement.entries
        // No BookgDt: the value date is used.
        #expect(entries[0].amount == Money(cents: 1250) && entries[0].status == .pending && entries[0].bookingDate == Day("2026-03-16"))
        #expect(entries[1].status == .info && entries[1].endToEndId == nil)
        #expect(entries[1].counterpartyName == "Vermieter" && entries[1].counterpartyIBAN == "DE02120300000000202051")
        #expect(entries[1].structuredReference == "RF18539007547034")
    }

    @Test func prefixedElementsAreReadByLocalName() throws {
        let xml = """
            <c:Document xmlns:c="urn:iso:std:iso:20022:tech:xsd:camt.053.001.04"><c:BkToCstmrStmt><c:Stmt>
            <c:Ntry><c:Amt Ccy="EUR">3.00</c:Amt><c:CdtDbtInd>CRDT</c:CdtDbtInd><c:BookgDt><c:Dt>2026-03-15</c:Dt></c:BookgDt></c:Ntry>
            </c:Stmt></c:BkToCstmrStmt></c:Document>
            """
        let file = try StatementParser.parse(data: Data(xml.utf8), fileName: "p.xml")
        #expect(file.statements.first?.messageType == CamtMessageType(message: 53, version: "001.04"))
        #expect(file.entries.first?.amount == Money(cents: 300))
    }

    @Test func mt940MessagesSeparatedOnlyByBlankLines() throws {
        let text = ":20:A\n:25:1/2\n:60F:C260301EUR0,00\n:61:260301C1,00NMSCNONREF\n:62F:C260301EUR1,00\n\n"
            + ":20:B\n:25:1/2\n:60F:C260302EUR1,00\n:61:260302D1,00NMSCNONREF\n:62F:C260302EUR0,00\n"
        let file = try StatementParser.parse(data: Data(text.utf8), fileName: "b.sta")
        #expect(file.statements.map(\.statementId) == ["A", "B"])
        #expect(file.statements.allSatisfy { $0.reconciles == true })
    }
}
