import Foundation
import KontorBanking
import KontorCore
import Testing

/// Format detection, format override, progress reports and entry identities.
struct ParserBehaviourTests {
    @Test func formatsAreDetectedFromContent() throws {
        for expectation in FixtureTests.table {
            let head = try FileHandle(forReadingFrom: Fixtures.url(expectation.file)).read(upToCount: 8192) ?? Data()
            #expect(try StatementParser.detectFormat(head: head) == expectation.format, "\(expectation.file)")
        }
        #expect(try StatementParser.detectFormat(head: Data("\r\n:20:X\r\n:25:1/2\r\n".utf8)) == .mt940)
        #expect(try StatementParser.detectFormat(head: Data("Datum;Betrag\n".utf8)) == .csv)
        #expect(try StatementParser.detectFormat(head: Data("\u{FEFF}<?xml version=\"1.0\"?><Document/>".utf8)) == .camt)
    }

    @Test func formatOverrideWins() throws {
        // A CSV whose first cell looks like an MT940 tag is detected as MT940, and read as CSV when told so.
        let text = ":20:;Buchungstag;Betrag\nx;01.03.2026;5,00\n"
        #expect(throws: StatementError.self) { try StatementParser.parse(data: Data(text), fileName: "o.csv") }
        let file = try StatementParser.parse(data: Data(text), fileName: "o.csv", options: StatementParseOptions(format: .csv))
        #expect(file.format == .csv && file.entries.count == 1)
        // Reading a camt file as MT940 fails with a line error, not a crash.
        #expect(throws: StatementError.self) {
            try StatementParser.parse(contentsOf: Fixtures.url("camt053-v08-genkgo-01.xml"), options: StatementParseOptions(format: .mt940))
        }
    }

    @Test func progressReportsEntriesRead() throws {
        var reports: [Int] = []
        let file = try StatementParser.parse(contentsOf: Fixtures.url("mt940-de-dresdner-sepa-full.sta")) { reports.append($0) }
        #expect(reports == [97] && file.entries.count == 97)
        var zipReports: [Int] = []
        _ = try StatementParser.parse(contentsOf: Fixtures.url("camt053-v08-c53-bundle.zip")) { zipReports.append($0) }
        #expect(zipReports == [26])
    }

    @Test func identitiesAreStableHashesOrBankReferences() throws {
        let day = try #require(Day("2026-03-15"))
        let entry = StatementEntry(
            bookingDate: day, amount: Money(cents: 119_000), direction: .credit, currency: "EUR",
            counterpartyName: "Müller  GmbH", remittanceText: "Rechnung 2026-07")
        // FNV-1a 64 of "2026-03-15␟119000␟EUR␟müller gmbh␟rechnung 2026-07" (value checked with an
        // independent Python FNV-1a): fixed across runs and machines.
        #expect(entry.identity == "H:bbd0e980440493a6")
        var same = entry
        same.counterpartyName = "MÜLLER GMBH"
        #expect(same.baseIdentity == entry.identity)  // case and spacing do not matter
        var other = entry
        other.amount = Money(cents: 119_001)
        #expect(other.baseIdentity != entry.identity)
        let referenced = StatementEntry(
            bookingDate: day, amount: .zero, direction: .debit, currency: "EUR", bankReference: "ABC/1")
        #expect(referenced.identity == "R:ABC/1")

        // Two identical rows in one file stay two entries with distinct identities.
        let csv = "Buchungstag;Betrag;Verwendungszweck\n01.03.2026;-4,50;Kaffee\n01.03.2026;-4,50;Kaffee\n"
        let entries = try StatementParser.parse(data: Data(csv), fileName: "twice.csv").entries
        #expect(entries.count == 2 && entries[1].identity == entries[0].identity + "#2")
    }
}
