import KontorCore
import KontorEInvoice
import Testing

struct DecimalAmountTests {
    @Test func parsesXMLDecimalsExactly() throws {
        let price = try #require(DecimalAmount("158.1250000000"))
        #expect(price.units == 158_125 && price.scale == 3)
        #expect(DecimalAmount("10.000000000000000000") == DecimalAmount(10))
        #expect(DecimalAmount(" -0.50 ") == DecimalAmount(units: -5, scale: 1))
        #expect(DecimalAmount(".5") == DecimalAmount(units: 5, scale: 1))
        #expect(DecimalAmount("+3") == DecimalAmount(3))
        #expect(DecimalAmount("0.000") == .zero)
        #expect(DecimalAmount("123456789012345678") != nil)
        for bad in ["", "-", ".", "1e3", "12,5", "1.2.3", "EUR 5", "1234567890123456789"] {
            #expect(DecimalAmount(bad) == nil, "\(bad)")
        }
    }

    @Test func formatsForPeople() throws {
        let amount = try #require(DecimalAmount("12829.69"))
        #expect(amount.formatted(.de) == "12.829,69")
        #expect(amount.formatted(.en) == "12,829.69")
        #expect(amount.formatted(.de, currency: "EUR") == "12.829,69 €")
        #expect(amount.formatted(.en, currency: "EUR") == "€12,829.69")
        #expect(amount.formatted(.de, currency: "CHF") == "12.829,69 CHF")
        #expect(amount.formatted(.en, currency: "USD") == "USD 12,829.69")
        #expect((-amount).formatted(.en, currency: "EUR") == "-€12,829.69")
        #expect(DecimalAmount(1_000_000).formatted(.de) == "1.000.000,00")
        #expect(DecimalAmount("0.0125")?.formatted(.de) == "0,0125")
        #expect(DecimalAmount("2.5")?.formatted(.de, minimumFractionDigits: 0) == "2,5")
        #expect(DecimalAmount("-1234.5")?.description == "-1234.5")
    }

    @Test func arithmeticIsExact() throws {
        let tenth = try #require(DecimalAmount("0.1"))
        let fifth = try #require(DecimalAmount("0.2"))
        #expect(tenth + fifth == DecimalAmount("0.3"))
        #expect([DecimalAmount("4743.75"), DecimalAmount("6037.5")].compactMap { $0 }.sum() == DecimalAmount("10781.25"))
        #expect(DecimalAmount("10781.25")! - DecimalAmount("10781.250")! == .zero)
        #expect(DecimalAmount("30")!.multiplied(by: DecimalAmount("158.125")!) == DecimalAmount("4743.75"))
        #expect(DecimalAmount("10")!.divided(by: DecimalAmount(3), scale: 2) == DecimalAmount("3.33"))
        #expect(DecimalAmount("-2.345")!.rounded(scale: 2) == DecimalAmount("-2.35"))
        #expect(DecimalAmount("2.344")!.rounded(scale: 2) == DecimalAmount("2.34"))
        #expect(DecimalAmount(1).divided(by: .zero, scale: 2) == nil)
    }

    @Test func comparesAcrossScales() throws {
        #expect(DecimalAmount("1.5")! < DecimalAmount("1.50001")!)
        #expect(DecimalAmount("-3")! < DecimalAmount("0.1")!)
        #expect(!(DecimalAmount("2.0")! < DecimalAmount("2")!))
        // Comparing values whose common scale would overflow Int64 still works.
        let large = try #require(DecimalAmount("123456789012345678"))
        let fine = try #require(DecimalAmount("0.123456789012345678"))
        #expect(fine < large)
        #expect(large.adding(fine) == nil)
        #expect(large + fine == large)  // rounded to the coarser scale instead of trapping
    }
}
