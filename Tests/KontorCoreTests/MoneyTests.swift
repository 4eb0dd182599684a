import Foundation
import Testing

@testable import KontorCore

struct MoneyTests {
    @Test(arguments: [
        ("1234.56", 123_456), ("1.234,56", 123_456), ("1,234.56", 123_456), ("12,5", 1250), ("0.05", 5),
        ("1190", 119_000), ("1.190,00 €", 119_000), ("EUR 40", 4000), ("1.234.567,89", 123_456_789),
    ])
    func parsesWhatPeopleType(text: String, cents: Int64) throws {
        #expect(try Money(parsing: text).cents == cents)
    }

    @Test(arguments: ["", "abc", "1.234,5x", "12,345", "1..2", "1,2,3", "1.2.3", ",", "1 234"])
    func rejectsGarbage(text: String) {
        #expect(throws: InputError.self) { try Money(parsing: text) }
    }

    @Test func rejectsNegativeWhereAmountsMustBePositive() {
        #expect(throws: InputError.negative(what: .amount, text: "-5")) { try Money(parsingNonNegative: "-5") }
    }

    @Test func formatsPerLanguage() {
        let amount = Money(cents: 123_456_78)
        #expect(amount.formatted(.de) == "123.456,78 €")
        #expect(amount.formatted(.en) == "€123,456.78")
        #expect(Money(cents: -5).formatted(.de) == "-0,05 €")
        #expect(Money(cents: -119_000).formatted(.en) == "-€1,190.00")
        #expect(amount.decimalString == "123456.78")
    }

    @Test func roundsHalfAwayFromZero() {
        // 19 % of 0.50 = 0.095 → 0.10; of -0.50 → -0.10; 7 % of 0.07 = 0.0049 → 0.00
        #expect(Money(cents: 50).percentage(19).cents == 10)
        #expect(Money(cents: -50).percentage(19).cents == -10)
        #expect(Money(cents: 7).percentage(7).cents == 0)
        #expect(FixedPoint.divideRounded(5, by: 10) == 1)
        #expect(FixedPoint.divideRounded(-5, by: 10) == -1)
        #expect(FixedPoint.divideRounded(4, by: 10) == 0)
    }

    @Test func lineNetRoundsPerLine() throws {
        // 1,333 words at 0,085 € = 113.305 € → 113.31 €
        let price = try UnitPrice(parsing: "0,085")
        #expect(price.net(for: Quantity(1333)).cents == 11331)
        // 2,5 hours at 95 €
        #expect(try UnitPrice(parsing: "95").net(for: Quantity(parsing: "2,5")).cents == 23750)
    }

    @Test func encodesAsDecimalString() throws {
        let data = try JSONEncoder().encode([Money(cents: 119_000)])
        #expect(String(decoding: data, as: UTF8.self) == #"["1190.00"]"#)
        #expect(try JSONDecoder().decode([Money].self, from: data) == [Money(cents: 119_000)])
    }
}
