import Testing

@testable import KontorCore

struct InvoiceTests {
    let day = Day("2026-03-02")!

    func line(_ text: String, _ quantity: Int64, _ unit: BillingUnit, cents: Int64, vat: VATRate) -> DocumentLine {
        DocumentLine(description: text, quantity: Quantity(quantity), unit: unit, unitPrice: UnitPrice(Money(cents: cents)),
                     vatRate: vat)
    }

    var customer: Customer {
        Customer(id: 7, name: "Agentur Blickfang GmbH",
                 address: PostalAddress(street: "Ehrenstraße 44", postalCode: "50672", city: "Köln", state: .NW),
                 createdOn: day)
    }

    var profile: BusinessProfile {
        BusinessProfile(name: "Lena Schreiber",
                        address: PostalAddress(street: "Lindenstraße 12", postalCode: "50674", city: "Köln"),
                        taxNumber: "214/5678/1234")
    }

    /// LAW.md T11: one subtotal per rate.
    @Test func computesVATPerRateOnTheSumOfLines() {
        let lines = [
            line("Einräumung der Nutzungsrechte am Artikel X (Print+Online)", 1, .flat, cents: 50_000, vat: .reduced),
            line("Recherche-/Redaktionsdienstleistung", 1, .flat, cents: 20_000, vat: .standard),
        ]
        let totals = InvoiceTotals(lines: lines, treatment: .standard)
        #expect(totals.breakdown == [
            VATGroup(rate: .standard, net: Money(cents: 20_000), vat: Money(cents: 3_800)),
            VATGroup(rate: .reduced, net: Money(cents: 50_000), vat: Money(cents: 3_500)),
        ])
        #expect(totals.net.cents == 70_000 && totals.vat.cents == 7_300 && totals.gross.cents == 77_300)
    }

    @Test func roundsVATOnTheSumNotPerLine() {
        // Five lines of 0.03 € at 19 %: per line 0.0057 → 0.01 each would make 0.05;
        // EN 16931 takes 19 % of the sum 0.15 = 0.0285 → 0.03.
        let lines = Array(repeating: line("Korrektur", 1, .flat, cents: 3, vat: .standard), count: 5)
        #expect(InvoiceTotals(lines: lines, treatment: .standard).vat.cents == 3)
    }

    @Test func smallBusinessAndReverseChargeChargeNoVAT() {
        let lines = [line("Text", 1, .flat, cents: 100_000, vat: .standard)]
        for treatment in [TaxTreatment.smallBusiness, .reverseCharge, .outsideScope] {
            let totals = InvoiceTotals(lines: lines, treatment: treatment)
            #expect(totals.vat == .zero && totals.gross.cents == 100_000)
            #expect(treatment.note(.de) != nil && treatment.note(.en) != nil)
        }
        #expect(TaxTreatment.smallBusiness.note(.de)!.contains("§ 19 UStG"))
        #expect(TaxTreatment.reverseCharge.note(.de)!.contains("Steuerschuldnerschaft des Leistungsempfängers"))
    }

    @Test func decidesTheTaxTreatmentFromTheCustomer() {
        var austrian = customer
        austrian.address = PostalAddress(street: "Seestraße 4", postalCode: "5020", city: "Salzburg", country: "AT")
        austrian.vatId = "ATU12345678"
        #expect(TaxTreatment.determine(mode: .standard, customer: austrian) == .reverseCharge)
        austrian.kind = .consumer
        #expect(TaxTreatment.determine(mode: .standard, customer: austrian) == .standard)
        var swiss = customer
        swiss.address = PostalAddress(street: "Bahnhofstrasse 1", postalCode: "8001", city: "Zürich", country: "CH")
        #expect(TaxTreatment.determine(mode: .standard, customer: swiss) == .outsideScope)
        #expect(TaxTreatment.determine(mode: .smallBusiness, customer: swiss) == .smallBusiness)
        #expect(TaxTreatment.determine(mode: .standard, customer: customer) == .standard)
    }

    @Test func loyaltyDiscountIsALinePerVATRate() {
        let lines = [
            line("Artikel", 1, .flat, cents: 50_000, vat: .reduced),
            line("Recherche", 1, .flat, cents: 20_000, vat: .standard),
        ]
        let discounts = LoyaltyDiscount.lines(for: lines, percent: 3, language: .de)
        #expect(discounts.map(\.net.cents) == [-600, -1_500])
        #expect(discounts.map(\.vatRate) == [.standard, .reduced])
        #expect(discounts.allSatisfy { $0.isDiscount && $0.description.hasPrefix("Stammkundenrabatt 3 %") })
        let totals = InvoiceTotals(lines: lines + discounts, treatment: .standard)
        // 19 %: 194.00 → 36.86; 7 %: 485.00 → 33.95
        #expect(totals.net.cents == 67_900 && totals.vat.cents == 3_686 + 3_395)
        #expect(LoyaltyDiscount.lines(for: lines, percent: 0, language: .de).isEmpty)
    }

    @Test func issuingFreezesNumberDatesAndDiscount() throws {
        let draft = Invoice(id: 1, customerId: 7, draftedOn: day, paymentTermDays: 14, loyaltyPercent: 5,
                            lines: [line("Text", 1000, .word, cents: 12, vat: .standard)])
        #expect(draft.status == .draft && draft.openAmount == .zero)
        #expect(draft.effectiveLines.count == 2)
        let issued = try draft.issued(number: "2026-0001", on: day, customer: customer, profile: profile)
        #expect(issued.number == "2026-0001" && issued.issueDate == day)
        #expect(issued.dueDate == Day("2026-03-16"))
        #expect(issued.serviceFrom == day && issued.serviceTo == day)
        #expect(issued.lines.count == 2 && issued.lines[1].isDiscount)
        // 120.00 − 6.00 = 114.00 net, 21.66 VAT
        #expect(issued.totals.gross.cents == 13_566)
        #expect(issued.status == .issued && issued.openAmount.cents == 13_566)
        #expect(throws: WorkflowError.invoiceIssued(number: "2026-0001")) {
            try issued.issued(number: "2026-0002", on: day, customer: customer, profile: profile)
        }
    }

    @Test func refusesToIssueWithoutWhatTheLawRequires() {
        let draft = Invoice(id: 3, customerId: 7, draftedOn: day, paymentTermDays: 14,
                            lines: [line("Text", 1, .flat, cents: 100, vat: .standard)])
        var homeless = customer
        homeless.address = nil
        #expect(throws: WorkflowError.customerWithoutAddress(customerId: 7, name: homeless.name)) {
            try draft.issued(number: "x", on: day, customer: homeless, profile: profile)
        }
        var noTaxId = profile
        noTaxId.taxNumber = nil
        #expect(throws: WorkflowError.self) { try draft.issued(number: "x", on: day, customer: customer, profile: noTaxId) }
        let empty = Invoice(id: 4, customerId: 7, draftedOn: day, paymentTermDays: 14)
        #expect(throws: WorkflowError.invoiceEmpty(id: 4)) {
            try empty.issued(number: "x", on: day, customer: customer, profile: profile)
        }
    }

    @Test func paymentsDriveTheStatus() throws {
        var invoice = try Invoice(id: 1, customerId: 7, draftedOn: day, paymentTermDays: 14,
                                  lines: [line("Text", 1, .flat, cents: 10_000, vat: .standard)])
            .issued(number: "2026-0001", on: day, customer: customer, profile: profile)
        let late = try #require(Day("2026-03-17"))
        #expect(invoice.isOverdue(on: late) && invoice.daysOverdue(on: late) == 1)
        #expect(!invoice.isOverdue(on: try #require(Day("2026-03-16"))))
        invoice.paid = Money(cents: 5_000)
        #expect(invoice.status == .partiallyPaid && invoice.openAmount.cents == 6_900)
        invoice.paid = Money(cents: 12_000)
        #expect(invoice.status == .paid && invoice.openAmount == .zero && invoice.overpaid.cents == 100)
        #expect(!invoice.isOverdue(on: late))
    }

    @Test func cancellationNegatesEveryLineAndReferencesTheOriginal() throws {
        let original = try Invoice(id: 1, customerId: 7, draftedOn: day, paymentTermDays: 14, loyaltyPercent: 3,
                                   lines: [line("Text", 1333, .word, cents: 9, vat: .standard),
                                           line("Rechte", 1, .flat, cents: 33_333, vat: .reduced)])
            .issued(number: "2026-0001", on: day, customer: customer, profile: profile)
        let cancellation = try original.cancellation(number: "2026-0002", on: day)
        #expect(cancellation.kind == .cancellation && cancellation.cancelsNumber == "2026-0001")
        #expect(cancellation.totals.gross == -original.totals.gross)
        #expect(cancellation.totals.vat == -original.totals.vat)
        #expect(cancellation.openAmount == .zero)
        #expect(throws: WorkflowError.cancellationOfCancellation(number: "2026-0002")) {
            try cancellation.cancellation(number: "2026-0003", on: day)
        }
        var cancelled = original
        cancelled.isCancelled = true
        #expect(cancelled.status == .cancelled && cancelled.openAmount == .zero)
    }
}
