import Foundation
import KontorCore
import KontorEInvoice
import Testing

/// Every sample of the KoSIT XRechnung test suite must read, add up and print.
struct TestSuiteTests {
    @Test func suiteHasTheExpectedSamples() throws {
        // Given the unpacked test suite, when counting the samples per syntax
        let cii = try TestSuiteFiles.cii()
        let ubl = try TestSuiteFiles.ubl()
        // Then all 41 CII and 45 UBL samples are there
        #expect(cii.count == 41)
        #expect(ubl.count == 45)
        // and their names are unique, so a name identifies a sample
        #expect(Set(try TestSuiteFiles.all().map(\.name)).count == (try TestSuiteFiles.all()).count)
    }

    @Test(arguments: TestSuiteFiles.names("_uncefact.xml"))
    func readsCIISample(_ name: String) throws {
        let invoice = try EInvoiceReader.read(data: try TestSuiteFiles.data(name), fileName: name)
        #expect(invoice.syntax == .cii)
        try checkSample(invoice, name: name)
    }

    @Test(arguments: TestSuiteFiles.names("_ubl.xml"))
    func readsUBLSample(_ name: String) throws {
        let invoice = try EInvoiceReader.read(data: try TestSuiteFiles.data(name), fileName: name)
        #expect(invoice.syntax == .ubl)
        try checkSample(invoice, name: name)
    }

    /// The checks every sample must pass.
    private func checkSample(_ invoice: ReceivedInvoice, name: String) throws {
        #expect(!invoice.number.isEmpty, "\(name): number")
        #expect(invoice.currency.count == 3, "\(name): currency")
        #expect(!invoice.lines.isEmpty, "\(name): lines")
        let totals = invoice.totals
        // BR-CO-10: the line net amounts add up to BT-106 exactly.
        #expect(invoice.lines.map(\.netAmount).sum() == totals.lineTotal, "\(name): Σ BT-131 = BT-106")
        // BR-CO-15: BT-109 + BT-110 = BT-112 (BT-110 in the document currency).
        #expect(totals.taxExclusive + (totals.vatTotal ?? .zero) == totals.grandTotal, "\(name): BT-109 + BT-110")
        // BR-CO-14: the VAT breakdown adds up to BT-110.
        #expect(!invoice.vatBreakdown.isEmpty, "\(name): VAT breakdown")
        #expect(invoice.vatBreakdown.map(\.taxAmount).sum() == (totals.vatTotal ?? .zero), "\(name): Σ BT-117")
        // BT-112 and BT-115 are mandatory (reading fails without them); the amount due follows from them.
        #expect(totals.grandTotal - (totals.prepaid ?? .zero) + (totals.rounding ?? .zero)
            + invoice.thirdPartyPayments.map(\.amount).sum() == totals.duePayable, "\(name): BT-115")
        #expect(invoice.arithmeticWarnings.isEmpty, "\(name): \(invoice.arithmeticWarnings)")

        let report = invoice.textReport(language: .de)
        #expect(report.contains(invoice.number), "\(name): report shows the number")
        #expect(report.contains(totals.grandTotal.formatted(.de, currency: invoice.currency)),
                "\(name): report shows the grand total")
        #expect(report.contains(totals.duePayable.formatted(.de, currency: invoice.currency)))
        #expect(report.contains(invoice.issueDate.formatted(.de)))
        #expect(report.contains(invoice.seller.name) && report.contains(invoice.buyer.name))
        #expect(report.contains("Alle Summen stimmen."))
        let english = invoice.textReport(language: .en)
        #expect(english.contains(totals.grandTotal.formatted(.en, currency: invoice.currency)))
    }

    @Test func samplesInBothSyntaxesAgree() throws {
        // Given the test cases that exist as both `_ubl.xml` and `_uncefact.xml`
        let cii = Dictionary(uniqueKeysWithValues: try TestSuiteFiles.cii().map {
            ($0.name.replacingOccurrences(of: "_uncefact.xml", with: ""), $0)
        })
        var pairs = 0
        for ubl in try TestSuiteFiles.ubl() {
            let base = ubl.name.replacingOccurrences(of: "_ubl.xml", with: "")
            guard let counterpart = cii[base] else { continue }
            pairs += 1
            // When both are read
            let fromUBL = try EInvoiceReader.read(data: ubl.data, fileName: ubl.name)
            let fromCII = try EInvoiceReader.read(data: counterpart.data, fileName: counterpart.name)
            // Then the essentials agree
            #expect(fromUBL.number == fromCII.number, "\(base): number")
            #expect(fromUBL.issueDate == fromCII.issueDate, "\(base): issue date")
            #expect(fromUBL.totals.grandTotal == fromCII.totals.grandTotal, "\(base): grand total")
            #expect(fromUBL.totals.duePayable == fromCII.totals.duePayable, "\(base): due payable")
            #expect(fromUBL.lines.count == fromCII.lines.count, "\(base): line count")
            #expect(fromUBL.currency == fromCII.currency, "\(base): currency")
            #expect(fromUBL.dueDate == fromCII.dueDate, "\(base): due date")
            #expect(fromUBL.vatBreakdown.count == fromCII.vatBreakdown.count, "\(base): VAT breakdown")
            #expect(fromUBL.paymentMeans.map(\.accountID) == fromCII.paymentMeans.map(\.accountID), "\(base): IBANs")
        }
        #expect(pairs == 40)
    }
}
