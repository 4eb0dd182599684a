import Foundation
import KontorBanking
import KontorCore
import Testing

struct CSVFixtureTests {
    func parse(_ name: String) throws -> StatementFile {
        try StatementParser.parse(contentsOf: Fixtures.url(name))
    }

    @Test func sparkasseLayoutsHoldTheSameBookings() throws {
        var keys: [[String]] = []
        for name in ["csv-sparkasse-camt-v2.csv", "csv-sparkasse-camt-v8.csv", "csv-sparkasse-mt940.csv"] {
            let file = try parse(name)
            let entries = file.entries
            #expect(entries.filter { $0.status == .pending }.count == 3, "\(name)")
            #expect(file.statements.first?.accountIBAN == "DE89370400440532013000")
            keys.append(entries.map { "\($0.bookingDate) \($0.signedAmount) \($0.counterpartyName ?? "")" })
        }
        #expect(keys[0] == keys[1] && keys[1] == keys[2])
        let v2 = try parse("csv-sparkasse-camt-v2.csv").entries
        #expect(v2[0].endToEndId == "REF123456" && v2[0].mandateId == "MANDATREF123" && v2[0].creditorId == "DE94ZZZ00000000001")
        #expect(v2[0].bookingDate == Day("2025-12-05") && v2[0].valueDate == Day("2025-12-08"))  // dd.mm.yy
        // CSV-MT940: SEPA keywords in the Verwendungszweck.
        let mt940 = try parse("csv-sparkasse-mt940.csv").entries
        #expect(mt940[5].endToEndId == "11063225-1" && mt940[5].mandateId == "41310-1")
        #expect(mt940[5].creditorId == "DE11ZZZ00000000003")
    }

    @Test func atruviaWithBOMAndVariableDecimals() throws {
        let file = try parse("csv-atruvia-gls-bank.csv")
        let entries = file.entries
        #expect(entries[2].amount == Money(cents: 3920))  // "-39,2"
        #expect(entries[5].amount == Money(cents: 128_400) && entries[5].isCredit)  // "1284"
        #expect(entries[5].bookingText == "Überweisungsgutschr.")
        #expect(entries[0].counterpartyName == "Max Mustermann")  // trailing space trimmed
        #expect(file.statements.first?.accountIBAN == "DE89370400440532013000")
    }

    @Test func ingWindows1252WithPreambleAndShortRow() throws {
        let file = try parse("csv-ing-de-cp1252.csv")
        #expect(file.csvPreset == "ing")
        #expect(file.statements.first?.accountIBAN == "DE89370400440532013000")  // from "IBAN;DE…" in the preamble
        let warning = try #require(file.warnings.first)
        #expect(warning.kind == .skippedRow && warning.line == 23)
        #expect(warning.description.contains("csv-ing-de-cp1252.csv, line 23"))
        #expect(file.entries.allSatisfy { $0.line != 23 })
        #expect(file.entries.first?.line == 15)
        // The same row is an error when malformed rows are rejected.
        var options = StatementParseOptions()
        options.csv.rejectMalformedRows = true
        #expect(throws: StatementError.malformedLine(
            file: "csv-ing-de-cp1252.csv", line: 23, detail: "6 fields where the header on line 14 has 7")
        ) {
            try StatementParser.parse(contentsOf: Fixtures.url("csv-ing-de-cp1252.csv"), options: options)
        }
    }

    @Test func dkbPreambleStrayQuoteAndPayerPayee() throws {
        let file = try parse("csv-dkb.csv")
        #expect(file.statements.first?.accountIBAN == "DE02120300000000202051")
        let entries = file.entries
        #expect(entries[0].isCredit && entries[0].counterpartyName == "Max Mustermann" && entries[0].amount == Money(cents: 20_000))
        #expect(entries[1].counterpartyName == "Firma" && entries[1].amount == Money(cents: 6230))
        // Line 11: `"Mustermann, Max";Firma";` – the stray quote stays in the name, the amount is read.
        let stray = entries[5]
        #expect(stray.line == 11 && stray.amount == Money(cents: 20_700) && stray.counterpartyName == "Firma\"")
        #expect(entries.allSatisfy { $0.currency == "EUR" })
    }

    @Test func commerzbankZeroInfoRowsAreNotCredits() throws {
        let entries = try parse("csv-commerzbank.csv").entries
        let zero = entries.filter { $0.amount == .zero }
        #expect(zero.count == 2 && zero.allSatisfy { $0.direction == .debit })
        #expect(entries[0].amount == Money(cents: 1070) && entries[0].bookingText == "Zinsen/Entgelte")
        #expect(entries[0].remittanceText.hasPrefix("Kontoführung Konto 123456700"))
    }
}
