import Foundation
import PropertyBased
import Testing

@testable import KontorCore

/// The one reader of typed amounts (issue 12): a German writes 1.500 for one thousand five hundred, and every
/// amount, price and quantity input — CLI and web — reads it the same way.
struct AmountReaderTests {
    @Test(arguments: ["1500", "1500,00", "1.500", "1.500,00", "1500.00", "1,500.00", "€ 1.500", "1.500,00 €", "EUR 1500"])
    func everyUsualFormOfFifteenHundred(text: String) throws {
        #expect(try Money(parsing: text) == Money(cents: 150_000))
        #expect(try UnitPrice(parsing: text) == UnitPrice(tenThousandths: 15_000_000))
    }

    /// The defect seen: `quote add-line --price 1.500` stored 1,50 € while `payment add --amount 1.500` refused it.
    @Test func priceAndPaymentReadTheSameNumber() throws {
        #expect(try UnitPrice(parsing: "1.500").net(for: Quantity(1)) == Money(parsing: "1.500"))
        #expect(try Quantity(parsing: "1.500") == Quantity(1500))
    }

    @Test func unitPricesKeepFourDecimals() throws {
        #expect(try UnitPrice(parsing: "0,125").tenThousandths == 1250)
        #expect(try UnitPrice(parsing: "0.125").tenThousandths == 1250)
        #expect(try UnitPrice(parsing: "0,0855").tenThousandths == 855)
        #expect(try UnitPrice(parsing: "1,125").tenThousandths == 11250)
        #expect(try UnitPrice(parsing: "1.1250").tenThousandths == 11250)
    }

    @Test(arguments: ["1.5.0", "1,2,3", "12,34.5", "1.234,5.6", "1234.567", "0.500.000", "1,23,456", "1.2345.678"])
    func ambiguousOrMalformedIsRefusedNamingTheForms(text: String) throws {
        do {
            _ = try Money(parsing: text)
            Issue.record("'\(text)' was accepted")
        } catch {
            #expect(error.description.contains("1.500,00"), "the accepted forms are named: \(error.description)")
        }
    }

    @Test func tooManyDecimalsForMoneyIsRefused() {
        #expect(throws: InputError.tooManyDecimals(what: .amount, text: "12,345", allowed: 2)) {
            try Money(parsing: "12,345")
        }
    }

    @Test func storedValuesReadBackInTheirCanonicalForm() throws {
        // JSON and stored texts always use a decimal point: "1.125" there is one and an eighth, not 1125.
        let data = Data(#"["1.125"]"#.utf8)
        #expect(try JSONDecoder().decode([UnitPrice].self, from: data) == [UnitPrice(tenThousandths: 11250)])
        #expect(try JSONDecoder().decode([Quantity].self, from: data) == [Quantity(thousandths: 1125)])
    }

    @Test func everyAmountPrintedInEitherLanguageReadsBack() async {
        await propertyCheck(count: 500, input: Gen.int64(in: -99_999_999_999...99_999_999_999)) { cents in
            let money = Money(cents: cents)
            for language in Language.allCases {
                #expect((try? Money(parsing: money.formatted(language))) == money, "\(money.formatted(language))")
            }
            #expect((try? Money(parsing: money.decimalString)) == money)
        }
    }

    @Test func everyUnitPricePrintedInEitherLanguageReadsBack() async {
        await propertyCheck(count: 500, input: Gen.int64(in: 0...9_999_999_999)) { tenThousandths in
            let price = UnitPrice(tenThousandths: tenThousandths)
            for language in Language.allCases {
                #expect((try? UnitPrice(parsing: price.formatted(language))) == price, "\(price.formatted(language))")
            }
        }
    }

    @Test func everyQuantityPrintedInEitherLanguageReadsBack() async {
        await propertyCheck(count: 500, input: Gen.int64(in: 1...999_999_999)) { thousandths in
            let quantity = Quantity(thousandths: thousandths)
            for language in Language.allCases {
                #expect((try? Quantity(parsing: quantity.formatted(language))) == quantity, "\(quantity.formatted(language))")
            }
        }
    }
}
