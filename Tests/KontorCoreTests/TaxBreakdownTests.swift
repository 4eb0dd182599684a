import KontorCore
import Testing

/// The one VAT breakdown (issue 13, items 1, 3, 4, 14): categories, rates and exemption texts per group.
struct TaxBreakdownTests {
    func line(_ price: String, _ rate: VATRate, quantity: Quantity = Quantity(1)) throws -> DocumentLine {
        DocumentLine(description: "Text", quantity: quantity, unit: .flat, unitPrice: try UnitPrice(parsing: price),
                     vatRate: rate)
    }

    @Test func smallBusinessIsOneExemptGroupWithoutTaxOnPaper() throws {
        // § 19 UStG is an exemption; a rate shown would be a tax owed (§ 14c Abs. 2 UStG; LAW.md 1.4).
        let taxes = TaxBreakdown(lines: [try line("450", .standard), try line("50", .zero)], treatment: .smallBusiness)
        #expect(taxes.groups.map(\.category.code) == [.exempt])
        #expect(taxes.groups.map(\.category.rate) == [.zero])
        #expect(taxes.tax == .zero && taxes.gross == Money(cents: 50_000))
        #expect(!taxes.showsTax && taxes.groups.allSatisfy { !$0.category.showsRate })
        #expect(taxes.notes(.de) == ["Gemäß § 19 UStG wird keine Umsatzsteuer berechnet (Kleinunternehmerregelung)."])
    }

    @Test func zeroPercentLineOnADomesticInvoiceIsExemptWithAReasonNeverZ() throws {
        // § 14 Abs. 4 Nr. 7 and 8 UStG: the Entgelt by exemption and a note on the exemption; Z is for goods with
        // a 0 % rate (§ 12 Abs. 3 UStG), which a writer does not supply (LAW.md 1.1, 1.5).
        let taxes = TaxBreakdown(
            lines: [try line("600", .standard), try line("500", .reduced), try line("50", .zero)], treatment: .standard)
        #expect(taxes.groups.map(\.category.code) == [.standardRated, .standardRated, .exempt])
        #expect(taxes.groups.map(\.category.rate.percent) == [19, 7, 0])
        #expect(taxes.groups.map(\.basis.cents) == [60_000, 50_000, 5_000])
        #expect(taxes.groups.map(\.tax.cents) == [11_400, 3_500, 0])
        #expect(taxes.groups[2].category.exemptionReason(.de) == "Steuerfreie Leistung gemäß § 4 UStG.")
        #expect(taxes.notes(.de) == ["Steuerfreie Leistung gemäß § 4 UStG."])
        #expect(!VATCategoryCode.allCases.map(\.rawValue).contains("Z"))
        #expect(InvoiceTotals(taxes).gross == taxes.gross && taxes.gross.cents == 129_900)
    }

    @Test func reverseChargeAndOutsideScopeCarryTheirCodesAndTheNoteAsReason() throws {
        // § 13b/§ 14a Abs. 1 UStG (AE) and § 3a Abs. 2 UStG (O): the reason in the XML is the note on paper.
        for (treatment, code, vatex) in [(TaxTreatment.reverseCharge, VATCategoryCode.reverseCharge, "VATEX-EU-AE"),
                                         (.outsideScope, .notSubjectToVAT, "VATEX-EU-O")] {
            let lines = [try line("100", .standard), try line("10", .reduced)]
            let taxes = TaxBreakdown(lines: lines, treatment: treatment)
            #expect(taxes.groups.count == 1 && taxes.groups[0].category.code == code)
            #expect(taxes.groups[0].category.exemptionReasonCode == vatex)
            #expect(taxes.groups[0].category.exemptionReason(.en) == treatment.note(.en))
            #expect(taxes.tax == .zero && !taxes.showsTax)
        }
    }

    @Test func unitsAreSingularForExactlyOne() throws {
        // Wording (issue 13, item 14): "1 Stunde", "1 Wort", "1 Normseite", "1 hour"; plural otherwise.
        #expect(BillingUnit.hour.label(.de, quantity: Quantity(1)) == "Stunde")
        #expect(BillingUnit.word.label(.de, quantity: Quantity(1)) == "Wort")
        #expect(BillingUnit.page.label(.de, quantity: Quantity(1)) == "Normseite")
        #expect(BillingUnit.line.label(.de, quantity: Quantity(1)) == "Normzeile")
        #expect(BillingUnit.hour.label(.en, quantity: Quantity(1)) == "hour")
        #expect(BillingUnit.hour.label(.de, quantity: Quantity(thousandths: 1_500)) == "Stunden")
        #expect(BillingUnit.word.label(.en, quantity: Quantity(2)) == "words")
        #expect(BillingUnit.flat.label(.de, quantity: Quantity(1)) == "pauschal")
    }
}
