import Foundation
import KontorBanking
import KontorCore
import Testing

/// One row of `shared/fixtures/bank/README.md`.
struct FixtureExpectation: CustomTestStringConvertible, Sendable {
    var file: String
    var format: StatementFormat
    var entries: Int
    var credits: Int
    var sums: [String: String]
    /// Rows the parser reports as skipped (counted in the README's "entries").
    var skipped: Int = 0
    var preset: String? = nil

    var testDescription: String { file }
}

struct FixtureTests {
    static let table: [FixtureExpectation] = [
        .init(file: "camt053-v02-oca-01.xml", format: .camt, entries: 3, credits: 1, sums: ["EUR": "1405.31"]),
        .init(file: "camt053-v02-oca-bookgdt-dttm.xml", format: .camt, entries: 1, credits: 0, sums: [:]),
        .init(file: "camt053-v04-oca-batch-txdtls.xml", format: .camt, entries: 1, credits: 1, sums: ["CHF": "3483.00"]),
        .init(file: "camt053-v04-oca-no-entries.xml", format: .camt, entries: 0, credits: 0, sums: [:]),
        .init(file: "camt053-v02-oca-original.zip", format: .camtZip, entries: 6, credits: 2, sums: ["EUR": "2810.62"]),
        .init(file: "camt053-v02-genkgo-multi-statement.xml", format: .camt, entries: 2, credits: 1, sums: ["EUR": "8.85"]),
        .init(file: "camt053-v08-genkgo-01.xml", format: .camt, entries: 1, credits: 1, sums: ["EUR": "8.85"]),
        .init(file: "camt053-v08-bundesbank-ebics-de.xml", format: .camt, entries: 11, credits: 5, sums: ["EUR": "475015.00"]),
        .init(file: "camt053-v02-c53-bundle.zip", format: .camtZip, entries: 5, credits: 2, sums: ["EUR": "1414.16"]),
        .init(file: "camt053-v08-c53-bundle.zip", format: .camtZip, entries: 26, credits: 7, sums: ["EUR": "675996.58"]),
        .init(file: "mt940-de-dresdner-sepa-snippet.sta", format: .mt940, entries: 11, credits: 8, sums: ["EUR": "1430745.72"]),
        // README: 41 / 5188474.94 with reversal_sign=True (RC = money out); that is how we read RC.
        .init(file: "mt940-de-dresdner-sepa-full.sta", format: .mt940, entries: 97, credits: 41, sums: ["EUR": "5188474.94"]),
        .init(
            file: "mt940-multi-dem-eur-pln-cmxl.sta", format: .mt940, entries: 16, credits: 7,
            sums: ["DEM": "49396.74", "EUR": "3000.00", "PLN": "20040.00"]),
        .init(file: "mt940-de-paypal-no-closing-balance.sta", format: .mt940, entries: 2, credits: 0, sums: [:]),
        .init(file: "mt940-de-vr-bank-01.mta", format: .mt940, entries: 5, credits: 1, sums: ["EUR": "175.00"]),
        .init(file: "csv-sparkasse-camt-v2.csv", format: .csv, entries: 10, credits: 4, sums: ["EUR": "381.30"], preset: "sparkasse-camt"),
        .init(file: "csv-sparkasse-camt-v8.csv", format: .csv, entries: 10, credits: 4, sums: ["EUR": "381.30"], preset: "sparkasse-camt"),
        .init(file: "csv-sparkasse-mt940.csv", format: .csv, entries: 10, credits: 4, sums: ["EUR": "381.30"], preset: "sparkasse-mt940"),
        .init(file: "csv-atruvia-gls-bank.csv", format: .csv, entries: 18, credits: 2, sums: ["EUR": "2783.88"], preset: "atruvia"),
        // README: 20 data rows; row 9 (line 23) has 6 of 7 fields and its amount is not read, so the README's
        // 2 credits / 668.18 leave it out. We report it as a skipped row: 19 entries + 1 warning = 20.
        .init(
            file: "csv-ing-de-cp1252.csv", format: .csv, entries: 20, credits: 2, sums: ["EUR": "668.18"], skipped: 1,
            preset: "ing"),
        // Two info rows with amount 0 count as entries but not as credits (not a positive amount).
        .init(file: "csv-commerzbank.csv", format: .csv, entries: 7, credits: 0, sums: [:], preset: "commerzbank"),
        .init(file: "csv-dkb.csv", format: .csv, entries: 8, credits: 3, sums: ["EUR": "425.00"], preset: "dkb"),
    ]

    @Test func tableCoversEveryFixtureFile() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.directory.path)
            .filter { !$0.hasPrefix(".") && $0 != "README.md" }
        #expect(Set(files) == Set(Self.table.map(\.file)))
        #expect(files.count == 22)
    }

    @Test(arguments: table)
    func fixtureMatchesReadme(_ expected: FixtureExpectation) throws {
        let result = try StatementParser.parse(contentsOf: Fixtures.url(expected.file))
        let entries = result.entries
        #expect(result.format == expected.format)
        #expect(entries.count + result.warnings.count == expected.entries)
        #expect(result.warnings.count == expected.skipped)
        #expect(entries.filter(\.isCredit).count == expected.credits)
        #expect(creditSums(entries) == expected.sums)
        #expect(result.csvPreset == expected.preset)
        // Identities are unique within each statement.
        for statement in result.statements {
            #expect(Set(statement.entries.map(\.identity)).count == statement.entries.count)
        }
    }
}
