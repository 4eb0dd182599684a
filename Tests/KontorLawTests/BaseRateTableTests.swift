import Foundation
import Testing

@testable import KontorCore

/// The § 247 BGB table (LAW.md 3.3) and the refusal to guess unknown half-years.
struct BaseRateTableTests {
    @Test func standardTableValuesFromLaw() throws {
        let table = BaseRateTable.standard
        let expected: [(String, Int)] = [
            ("2016-07-01", -88), ("2020-01-01", -88), ("2022-12-31", -88), ("2023-01-01", 162), ("2023-07-01", 312),
            ("2024-01-01", 362), ("2024-06-30", 362), ("2024-07-01", 337), ("2025-01-01", 227), ("2025-06-30", 227),
            ("2025-07-01", 127), ("2026-01-01", 127), ("2026-06-30", 127),
        ]
        for (text, basisPoints) in expected {
            #expect(try table.basisPoints(on: day(text)) == basisPoints, "\(text)")
        }
        #expect(table.knownThrough == day("2026-06-30"))
        // The constant table passes the same checks as a user-made one
        let checked = try BaseRateTable(entries: table.entries, knownThrough: table.knownThrough)
        #expect(checked == table)
    }

    @Test func unknownHalfYearThrowsWithInstructions() {
        let table = BaseRateTable.standard
        for text in ["2026-07-01", "2026-12-31", "2027-03-01"] {
            #expect(throws: LegalError.missingBaseRate(halfYearStarting: day("2026-07-01"))) {
                try table.basisPoints(on: day(text))
            }
        }
        #expect(throws: LegalError.missingBaseRate(halfYearStarting: day("2016-01-01"))) {
            try table.basisPoints(on: day("2016-06-30"))
        }
        let message = LegalError.missingBaseRate(halfYearStarting: day("2026-07-01")).description
        #expect(message == "The base rate (Basiszinssatz) for the half-year from 2026-07-01 is not known to Kontor. "
            + "Add it with 'kontor settings base-rate add 2026-07-01 RATE' once the Bundesbank has published it.")
    }

    @Test func interestReachingAnUnknownHalfYearThrows() throws {
        // Given default from 2026-06-01
        let start = day("2026-06-01")
        // When the period reaches 2026-07-01 or later, then it throws
        for end in ["2026-07-01", "2026-07-02", "2027-01-15"] {
            #expect(throws: LegalError.missingBaseRate(halfYearStarting: day("2026-07-01"))) {
                try DefaultInterest.compute(principal: euros("1000"), defaultFrom: start, through: day(end),
                                            debtor: .business, table: .standard)
            }
        }
        // And up to 2026-06-30 it computes
        let june = try DefaultInterest.compute(principal: euros("1000"), defaultFrom: start,
                                               through: day("2026-06-30"), debtor: .business, table: .standard)
        #expect(june.days == 30)
        // Unless the payment day is excluded: then 2026-07-01 is fine
        let excluded = try DefaultInterest.compute(
            principal: euros("1000"), defaultFrom: start, through: day("2026-07-01"), debtor: .business,
            table: .standard, includesPaymentDay: false)
        #expect(excluded == june)
    }

    @Test func addingTheNextHalfYearExtendsTheTable() throws {
        // Given the standard table
        var table = BaseRateTable.standard
        // When the user adds the rate for the second half of 2026
        try table.add(BaseRate(validFrom: day("2026-07-01"), parsingPercent: "1,02"))
        // Then it is used until the end of 2026, and 2027 is still unknown
        #expect(table.knownThrough == day("2026-12-31"))
        #expect(try table.basisPoints(on: day("2026-12-31")) == 102)
        #expect(try table.basisPoints(on: day("2026-06-30")) == 127)
        #expect(throws: LegalError.missingBaseRate(halfYearStarting: day("2027-01-01"))) {
            try table.basisPoints(on: day("2027-01-01"))
        }
        let interest = try DefaultInterest.compute(
            principal: euros("1000"), defaultFrom: day("2026-06-30"), through: day("2026-07-01"),
            debtor: .consumer, table: table)
        #expect(interest.periods.map(\.rateBasisPoints) == [627, 602])
    }

    @Test func addingRejectsGapsAndOddDaysAndAllowsCorrections() throws {
        var table = BaseRateTable.standard
        #expect(throws: LegalError.missingBaseRate(halfYearStarting: day("2026-07-01"))) {
            try table.add(BaseRate(validFrom: day("2027-01-01"), basisPoints: 100))
        }
        #expect(throws: LegalError.notHalfYearStart(day("2026-08-01"))) {
            try table.add(BaseRate(validFrom: day("2026-08-01"), basisPoints: 100))
        }
        // A correction of a known half-year replaces its entry and keeps `knownThrough`
        try table.add(BaseRate(validFrom: day("2026-01-01"), basisPoints: 130))
        #expect(try table.basisPoints(on: day("2026-03-01")) == 130)
        #expect(table.knownThrough == day("2026-06-30"))
        #expect(table.entries.count == BaseRateTable.standard.entries.count)
        #expect(LegalError.notHalfYearStart(day("2026-08-01")).description.contains("2026-07-01"))
    }

    @Test func invalidTablesAreRejected() {
        #expect(throws: LegalError.self) { try BaseRateTable(entries: [], knownThrough: day("2026-06-30")) }
        #expect(throws: LegalError.notHalfYearStart(day("2026-02-01"))) {
            try BaseRateTable(entries: [BaseRate(validFrom: day("2026-02-01"), basisPoints: 1)],
                              knownThrough: day("2026-06-30"))
        }
        #expect(throws: LegalError.self) {
            try BaseRateTable(entries: [BaseRate(validFrom: day("2026-01-01"), basisPoints: 1)],
                              knownThrough: day("2026-05-31"))
        }
        #expect(throws: LegalError.self) {
            try BaseRateTable(entries: [BaseRate(validFrom: day("2026-07-01"), basisPoints: 1)],
                              knownThrough: day("2026-06-30"))
        }
        #expect(throws: LegalError.self) {
            try BaseRateTable(entries: [BaseRate(validFrom: day("2026-01-01"), basisPoints: 1),
                                        BaseRate(validFrom: day("2026-01-01"), basisPoints: 2)],
                              knownThrough: day("2026-06-30"))
        }
    }

    @Test func codableRoundTripAndValidationOnDecode() throws {
        let table = try BaseRateTable.standard.adding(BaseRate(validFrom: day("2026-07-01"), basisPoints: 127))
        let data = try JSONEncoder().encode(table)
        #expect(try JSONDecoder().decode(BaseRateTable.self, from: data) == table)
        let json = #"{"entries":[{"validFrom":"2026-01-01","basisPoints":127}],"knownThrough":"2026-06-30"}"#
        #expect(try JSONDecoder().decode(BaseRateTable.self, from: Data(json.utf8)).knownThrough == day("2026-06-30"))
        let bad = #"{"entries":[{"validFrom":"2026-02-01","basisPoints":127}],"knownThrough":"2026-06-30"}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(BaseRateTable.self, from: Data(bad.utf8)) }
    }

    @Test func percentTexts() throws {
        #expect(BaseRate(validFrom: day("2016-07-01"), basisPoints: -88).percentText == "-0.88")
        #expect(try BaseRate(validFrom: day("2025-07-01"), parsingPercent: "1.27 %").basisPoints == 127)
        #expect(try BaseRate(validFrom: day("2016-07-01"), parsingPercent: "-0,88").basisPoints == -88)
        #expect(throws: InputError.self) { try BaseRate(validFrom: day("2016-07-01"), parsingPercent: "1.275") }
    }
}
