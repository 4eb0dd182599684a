import Foundation
import KontorCore
import KontorEInvoice
import Testing

/// What a person sees in the plain-text report, and the arithmetic warnings.
struct ReportTests {
    private func read(_ name: String) throws -> ReceivedInvoice {
        try EInvoiceReader.read(data: try TestSuiteFiles.data(name), fileName: name)
    }

    private func read(_ name: String, replacing pattern: String, with replacement: String) throws -> ReceivedInvoice {
        let text = String(decoding: try TestSuiteFiles.data(name), as: UTF8.self)
        let range = try #require(text.range(of: pattern, options: .regularExpression), "\(pattern) in \(name)")
        return try EInvoiceReader.read(data: Data(text.replacingCharacters(in: range, with: replacement).utf8))
    }

    @Test func comprehensiveInvoiceReadsCompletely() throws {
        let invoice = try read("01.01_comprehensive_test_ubl.xml")
        #expect(invoice.number == "1234567")
        #expect(invoice.typeCode == "380" && !invoice.isCreditNote)
        #expect(invoice.issueDate == Day(year: 2018, month: 4, day: 13))
        #expect(invoice.dueDate == Day(year: 2018, month: 4, day: 13))
        #expect(invoice.currency == "EUR" && invoice.taxCurrency == "GBP")
        #expect(invoice.buyerReference == "90000000-03083-72")
        #expect(invoice.specificationID == "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0")
        #expect(invoice.seller.name == "[Seller name]" && invoice.seller.tradingName == "[Seller trading name]")
        #expect(invoice.seller.vatID == "ATU123456789" && invoice.seller.taxNumber == "123/456/789")
        #expect(invoice.seller.email == "rechnungsausgang@test.com")
        #expect(invoice.seller.contact == ReceivedInvoice.Contact(name: "Tim Tester", phone: "012 3456789",
                                                                   email: "tim.tester@test.com"))
        #expect(invoice.seller.addressLines.count == 3 && invoice.seller.countryCode == "DE")
        #expect(invoice.precedingInvoices.first?.number == "PIR1234567890")
        #expect(invoice.paymentMeans.first?.accountID == "DE75512108001245126199")
        #expect(invoice.paymentMeans.first?.accountName == "[Payment account name]")
        #expect(invoice.paymentReference == "Deb. 12345 / Fact. 9876543")
        #expect(invoice.notes.first == ReceivedInvoice.Note(subjectCode: "AAC", text: "Invoice Note Description"))
        let first = try #require(invoice.lines.first)
        #expect(first.quantity == DecimalAmount(30) && first.unitCode == "XPP")
        #expect(first.netPrice == DecimalAmount("158.125") && first.grossPrice == DecimalAmount("168.125"))
        #expect(first.vatCategory == "S" && first.vatRate == DecimalAmount(19))
        #expect(first.allowancesAndCharges.count == 4)
        #expect(invoice.allowancesAndCharges.filter(\.isCharge).count == 2)
        #expect(invoice.vatBreakdown.map(\.category) == ["S", "E"])
        #expect(invoice.vatBreakdown.last?.exemptionReasonCode == "VATEX-EU-132-1A")
        #expect(invoice.totals.vatTotal == DecimalAmount("2048.44"))
        #expect(invoice.totals.vatTotalInTaxCurrency == DecimalAmount("2048.44"))
        #expect(invoice.totals.allowanceTotal == DecimalAmount(20) && invoice.totals.chargeTotal == DecimalAmount(20))
    }

    @Test func germanReportShowsWhatAPersonNeeds() throws {
        let report = try read("01.01_comprehensive_test_uncefact.xml").textReport(language: .de)
        for expected in [
            "RECHNUNG Nr. 1234567", "Rechnungsdatum:         13.04.2018", "Fällig am:              13.04.2018",
            "Rechnungssteller (Verkäufer)", "Rechnungsempfänger (Käufer)", "USt-IdNr.:              ATU123456789",
            "30 Stück", "158,125", "4.743,75", "Zuschlag: Testing (10 % von 100,00), USt. E 0 %",
            "S Normalsatz", "E steuerbefreit", "Befreiungsgrund:        [VAT exemption reason text] (VATEX-EU-132-1A)",
            "Gesamtbetrag brutto                            12.829,69 €", "Zahlbetrag                                     12.829,69 €",
            "Zahlbar bis:            13.04.2018", "SEPA-Überweisung (58)", "IBAN:                   DE75 5121 0800 1245 1261 99",
            "[AAC] Invoice Note Description", "Alle Summen stimmen.",
        ] {
            #expect(report.contains(expected), "missing: \(expected)")
        }
        #expect(report.split(separator: "\n").allSatisfy { $0.count <= 100 })
    }

    @Test func englishReportUsesEnglishWordsAndNumbers() throws {
        let report = try read("01.01_comprehensive_test_uncefact.xml").textReport(language: .en)
        for expected in ["INVOICE No. 1234567", "Invoice date:           13 Apr 2018", "30 pieces", "4,743.75",
                         "Total with VAT", "€12,829.69", "SEPA credit transfer (58)", "Payable by:             13 Apr 2018",
                         "All sums add up."] {
            #expect(report.contains(expected), "missing: \(expected)")
        }
        #expect(!report.contains("Stück"))
    }

    @Test func unitNamesInBothLanguages() {
        #expect(CodeNames.unitName("HUR", quantity: DecimalAmount(1), language: .de) == "Stunde")
        #expect(CodeNames.unitName("HUR", quantity: DecimalAmount("2.5")!, language: .de) == "Stunden")
        #expect(CodeNames.unitName("HUR", quantity: DecimalAmount(1), language: .en) == "hour")
        #expect(CodeNames.unitName("C62", language: .de) == "Stück")
        #expect(CodeNames.unitName("C62", language: .en) == "pieces")
        #expect(CodeNames.unitName("H87", quantity: DecimalAmount(1), language: .en) == "piece")
        #expect(CodeNames.unitName("DAY", language: .de) == "Tage")
        #expect(CodeNames.unitName("MON", quantity: DecimalAmount(1), language: .de) == "Monat")
        #expect(CodeNames.unitName("LS", quantity: DecimalAmount(1), language: .de) == "Pauschale")
        #expect(CodeNames.unitName("LS", quantity: DecimalAmount(1), language: .en) == "lump sum")
        #expect(CodeNames.unitName("KGM", language: .de) == "kg")
        #expect(CodeNames.unitName("MTR", language: .en) == "m")
        #expect(CodeNames.unitName("XPP", language: .de) == "Stück")
        #expect(CodeNames.unitName("ZZZ", language: .de) == "ZZZ")
    }

    @Test func skontoTermsBecomeASentence() throws {
        let report = try read("01.10a-INVOICE_uncefact.xml").textReport(language: .de)
        #expect(report.contains("2 % Skonto bei Zahlung innerhalb von 7 Tagen"))
        #expect(!report.contains("#SKONTO#"))
    }

    @Test func wrongIBANCheckDigitsAreFlagged() throws {
        let invoice = try read("01.01_comprehensive_test_uncefact.xml",
                               replacing: "DE75512108001245126199", with: "DE76512108001245126199")
        let report = invoice.textReport(language: .de)
        #expect(report.contains("DE76 5121 0800 1245 1261 99 (Achtung: IBAN-Prüfziffer stimmt nicht!)"))
    }

    @Test func wrongGrandTotalIsAWarningNotAnError() throws {
        // Given an invoice whose BT-112 is off by one cent
        let invoice = try read("01.01_comprehensive_test_uncefact.xml",
                               replacing: "<ram:GrandTotalAmount>12829.69<", with: "<ram:GrandTotalAmount>12829.70<")
        // Then it still reads, and the warnings name the rules involved
        let warnings = invoice.arithmeticWarnings
        #expect(warnings.count == 2)
        #expect(warnings.contains { $0.contains("BR-CO-15") && $0.contains("erwartet 12.829,69, angegeben 12.829,70") })
        #expect(warnings.contains { $0.contains("BR-CO-16") })
        #expect(invoice.arithmeticWarnings(language: .en).first?.contains("expected 12,829.69, stated 12,829.70") == true)
        #expect(invoice.textReport().contains("! Bruttobetrag (BT-112)"))
    }

    @Test func wrongLineAmountIsFound() throws {
        let invoice = try read("01.01_comprehensive_test_ubl.xml",
                               replacing: #"<cbc:LineExtensionAmount currencyID="EUR">6037.5<"#,
                               with: #"<cbc:LineExtensionAmount currencyID="EUR">6037.6<"#)
        let warnings = invoice.arithmeticWarnings(language: .en)
        #expect(warnings.contains { $0.contains("BR-CO-10") })
        #expect(warnings.contains { $0.contains("Line 2: quantity × price") })
    }

    @Test func ciiSubLinesAreNestedUnderTheirParent() throws {
        // Given the comprehensive CII sample with line 2 made a sub-line of line 1
        let invoice = try read("01.01_comprehensive_test_uncefact.xml",
                               replacing: "<ram:LineID>2</ram:LineID>",
                               with: "<ram:LineID>2</ram:LineID><ram:ParentLineID>1</ram:ParentLineID>")
        #expect(invoice.lines.count == 1)
        #expect(invoice.lines.first?.subLines.map(\.id) == ["2"])
        // BT-106 still counts both lines, so the sums no longer agree and say so.
        #expect(invoice.arithmeticWarnings.contains { $0.contains("BR-CO-10") })
    }

    @Test func ublSubInvoiceLinesAndThirdPartyPayments() throws {
        let construction = try read("04.03a-INVOICE_ubl.xml")
        #expect(construction.typeCode == "877")
        let group = try #require(construction.lines.first { $0.id == "3." } ?? construction.lines.first?.subLines.first)
        #expect(!group.subLines.isEmpty)
        #expect(group.subLines.first?.quantity == nil)  // group lines carry no quantity
        let mobile = try read("05.01a-INVOICE_ubl.xml")
        #expect(mobile.thirdPartyPayments.map(\.amount) == [DecimalAmount("19.96")!, DecimalAmount(10)])
        #expect(mobile.textReport().contains("+ Zahlung an Dritte"))
    }

    @Test func supportingDocumentsAreKept() throws {
        // Both syntaxes carry the same base64 PDFs plus a link.
        let cii = try read("01.01_comprehensive_test_uncefact.xml")
        #expect(cii.supportingDocuments.map(\.fileName) == ["01_15_Anhang_01.pdf", "01_15_Anhang_02.pdf"])
        #expect(cii.supportingDocuments.first?.mimeType == "application/pdf")
        #expect(cii.supportingDocuments.first?.data?.count == 150_128)
        #expect(cii.supportingDocuments.first?.data?.starts(with: Data("%PDF-".utf8)) == true)
        #expect(cii.textReport().contains("01_15_Anhang_01.pdf (application/pdf, 150.128 Bytes)"))
        let ubl = try read("01.01_comprehensive_test_ubl.xml")
        #expect(ubl.supportingDocuments.map(\.reference) == ["01_15_Anhang_01.pdf", "01_15_Anhang_02.pdf"])
        #expect(ubl.supportingDocuments.first?.uri == "https://xeinkauf.de/xrechnung/")
        #expect(ubl.supportingDocuments.first?.data == cii.supportingDocuments.first?.data)
    }

    @Test func creditNoteIsRecognised() throws {
        // Given a UBL invoice rewritten as a UBL CreditNote (no credit note is in the test suite)
        var text = String(decoding: try TestSuiteFiles.data("01.01a-INVOICE_ubl.xml"), as: UTF8.self)
        for (old, new) in [("xsd:Invoice-2", "xsd:CreditNote-2"), ("ubl:Invoice", "ubl:CreditNote"),
                           ("cbc:InvoiceTypeCode>380<", "cbc:CreditNoteTypeCode>381<"),
                           ("/cbc:InvoiceTypeCode", "/cbc:CreditNoteTypeCode"), ("cac:InvoiceLine", "cac:CreditNoteLine"),
                           ("cbc:InvoicedQuantity", "cbc:CreditedQuantity")] {
            #expect(text.contains(old), "\(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        let original = try read("01.01a-INVOICE_ubl.xml")
        // When reading it
        let credit = try EInvoiceReader.read(data: Data(text.utf8))
        // Then it is a credit note with the same content
        #expect(credit.isCreditNote && credit.typeCode == "381")
        #expect(credit.lines == original.lines)
        #expect(credit.totals == original.totals)
        #expect(credit.textReport().hasPrefix("GUTSCHRIFT (RECHNUNGSKORREKTUR) Nr. "))
        #expect(credit.textReport().contains("Betrag (Gutschrift)"))
    }
}
