import Testing

@testable import KontorCore

struct IdentifierTests {
    @Test(arguments: ["DE89370400440532013000", "DE89 3704 0044 0532 0130 00", "de89370400440532013000",
                      "AT611904300234573201", "GB29NWBK60161331926819", "NL91ABNA0417164300"])
    func acceptsValidIBANs(text: String) throws {
        #expect(try IBAN(text).electronic == text.uppercased().filter { $0 != " " })
    }

    @Test(arguments: ["DE89370400440532013001", "DE8937040044053201300", "XX", "DE89-3704", "1234567890123456"])
    func rejectsInvalidIBANs(text: String) {
        #expect(throws: InputError.self) { try IBAN(text) }
    }

    @Test func printsIBANInGroups() throws {
        #expect(try IBAN("DE89370400440532013000").description == "DE89 3704 0044 0532 0130 00")
    }

    @Test func numberFormatNeedsExactlyOneCounter() throws {
        #expect(throws: InputError.self) { try InvoiceNumberFormat("RE-{YYYY}") }
        #expect(throws: InputError.self) { try InvoiceNumberFormat("{NN}-{NNNN}") }
        #expect(throws: InputError.self) { try InvoiceNumberFormat("{YYYY}-{XX}-{NNN}") }
        #expect(throws: InputError.self) { try InvoiceNumberFormat("{YYYY-{NNN}") }
        let day = try #require(Day("2026-03-05"))
        #expect(InvoiceNumberFormat.standard.number(counter: 1, on: day) == "2026-0001")
        #expect(try InvoiceNumberFormat("RE{YY}{MM}-{NNN}").number(counter: 42, on: day) == "RE2603-042")
        #expect(try InvoiceNumberFormat("{NN}").number(counter: 123, on: day) == "123")
        #expect(InvoiceNumberFormat.standard.series(for: day) == "2026")
        #expect(try InvoiceNumberFormat("K-{NNNNN}").series(for: day) == "all")
    }

    @Test func loyaltyPolicyAcceptsOnlyOneToNinePercent() throws {
        #expect(throws: InputError.invalidLoyaltyPercent(10)) { try LoyaltyPolicy(parsing: "3:10") }
        #expect(throws: InputError.invalidLoyaltyPercent(0)) { try LoyaltyPolicy(parsing: "3:0") }
        let policy = try LoyaltyPolicy(parsing: "10:5,3:3")
        #expect(policy.percent(forPaidInvoices: 2) == 0)
        #expect(policy.percent(forPaidInvoices: 3) == 3)
        #expect(policy.percent(forPaidInvoices: 9) == 3)
        #expect(policy.percent(forPaidInvoices: 10) == 5)
        #expect(policy.description == "3:3,10:5")
        #expect(try LoyaltyPolicy(parsing: "none").tiers.isEmpty)
    }
}
