import Foundation
import FoundationXML
import KontorCore
import KontorTestTools
import Testing

@testable import KontorDocuments

/// The CII XML read back as XML: the figures and identifiers a receiving system takes from it.
/// (The official XSD and Schematron rules run in CI: .ci/einvoice-matrix.sh.)
struct CIIWriterTests {
    let scratch = ScratchDirectory()

    func document(_ xml: String) throws -> XMLDocument { try XMLDocument(xmlString: xml) }

    func values(_ document: XMLDocument, _ path: String) throws -> [String] {
        try document.nodes(forXPath: path).compactMap(\.stringValue)
    }

    @Test func writesTotalsCategoriesAndParties() throws {
        var customer = Samples.business
        customer.name = "Müller & Söhne <Maschinenbau> KG"
        let xml = try CIIWriter.xml(for: try Samples.invoice(customer: customer), profile: .xrechnung)
        let doc = try document(xml)
        let settlement = "//*[local-name()='ApplicableHeaderTradeSettlement']"
        let sums = "\(settlement)/*[local-name()='SpecifiedTradeSettlementHeaderMonetarySummation']"
        #expect(try values(doc, "\(sums)/*[local-name()='LineTotalAmount']") == ["1100.00"])
        #expect(try values(doc, "\(sums)/*[local-name()='TaxTotalAmount']") == ["149.00"])
        #expect(try values(doc, "\(sums)/*[local-name()='GrandTotalAmount']") == ["1249.00"])
        #expect(try values(doc, "\(settlement)/*[local-name()='ApplicableTradeTax']/*[local-name()='RateApplicablePercent']")
                == ["19", "7"])
        #expect(try values(doc, "//*[local-name()='BuyerTradeParty']/*[local-name()='Name']") == [customer.name])
        #expect(try values(doc, "//*[local-name()='BuyerReference']") == ["04011000-12345-06"])
        #expect(try values(doc, "//*[local-name()='ExchangedDocument']/*[local-name()='TypeCode']") == ["380"])
        #expect(try values(doc, "//*[local-name()='BilledQuantity']/@unitCode") == ["C62", "LS"])
        #expect(try values(doc, "//*[local-name()='DueDateDateTime']/*") == ["20260316"])
        #expect(try values(doc, "//*[local-name()='IBANID']") == ["DE89370400440532013000"])
        #expect(xml.contains("urn:xeinkauf.de:kosit:xrechnung_3.0"))
    }

    @Test func discountBecomesAllowancesAndCancellationACreditNote() throws {
        let discounted = try document(CIIWriter.xml(for: try Samples.invoice(loyaltyPercent: 3), profile: .en16931))
        #expect(try values(discounted, "//*[local-name()='SpecifiedTradeAllowanceCharge']/*[local-name()='ActualAmount']")
                == ["18.00", "15.00"])
        #expect(try values(discounted, "//*[local-name()='AllowanceTotalAmount']") == ["33.00"])
        #expect(try values(discounted, "//*[local-name()='TaxBasisTotalAmount']") == ["1067.00"])
        #expect(try discounted.nodes(forXPath: "//*[local-name()='IncludedSupplyChainTradeLineItem']").count == 2)

        let cancellation = try Samples.invoice().cancellation(number: "2026-0002", on: Day("2026-03-05")!)
        let credit = try document(CIIWriter.xml(for: cancellation, profile: .xrechnung, precedingIssueDate: Samples.issueDay))
        #expect(try values(credit, "//*[local-name()='ExchangedDocument']/*[local-name()='TypeCode']") == ["381"])
        #expect(try values(credit, "//*[local-name()='GrandTotalAmount']") == ["1249.00"])
        #expect(try values(credit, "//*[local-name()='InvoiceReferencedDocument']/*[local-name()='IssuerAssignedID']")
                == ["2026-0001"])
        #expect(try values(credit, "//*[local-name()='ChargeAmount']").allSatisfy { !$0.hasPrefix("-") })
    }

    @Test func taxTreatmentsUseTheirCategories() throws {
        var smallBusiness = Samples.seller
        smallBusiness.taxMode = .smallBusiness
        let exempt = try document(CIIWriter.xml(for: try Samples.invoice(profile: smallBusiness), profile: .en16931))
        #expect(Set(try values(exempt, "//*[local-name()='CategoryCode']")) == ["E"])
        #expect(try values(exempt, "//*[local-name()='ExemptionReason']").first?.contains("§ 19 UStG") == true)
        #expect(try values(exempt, "//*[local-name()='TaxTotalAmount']") == ["0.00"])

        var seller = Samples.seller
        seller.vatId = "DE123456789"
        var austrian = Samples.business
        austrian.address = PostalAddress(street: "Seestraße 4", postalCode: "5020", city: "Salzburg", country: "AT")
        austrian.vatId = "ATU12345678"
        let reverse = try document(CIIWriter.xml(for: try Samples.invoice(customer: austrian, profile: seller), profile: .en16931))
        #expect(Set(try values(reverse, "//*[local-name()='CategoryCode']")) == ["AE"])
        #expect(try values(reverse, "//*[local-name()='SpecifiedTaxRegistration']/*[local-name()='ID']")
                == ["214/5678/1234", "DE123456789", "ATU12345678"])
    }

    @Test func xrechnungNamesWhatIsMissing() throws {
        var seller = Samples.seller
        seller.phone = nil
        #expect(throws: EInvoiceExportError.missingSellerField("phone number (--phone)")) {
            try CIIWriter.xml(for: try Samples.invoice(profile: seller), profile: .xrechnung)
        }
        var customer = Samples.business
        customer.email = nil
        #expect(throws: EInvoiceExportError.missingBuyerField("e-mail address (--email)", customerId: 7)) {
            try CIIWriter.xml(for: try Samples.invoice(customer: customer), profile: .xrechnung)
        }
        // The EN 16931 profile of ZUGFeRD does without them.
        #expect(throws: Never.self) { try CIIWriter.xml(for: try Samples.invoice(customer: customer), profile: .en16931) }
        let draft = Invoice(customerId: 7, draftedOn: Samples.issueDay, paymentTermDays: 14, lines: Samples.lines)
        #expect(throws: EInvoiceExportError.notIssued) { try CIIWriter.xml(for: draft, profile: .en16931) }
    }

    @Test func zugferdPDFCarriesTheXMLAsAlternativeWithFacturXMetadata() throws {
        let invoice = try Samples.invoice()
        let xml = try CIIWriter.xml(for: invoice, profile: .en16931)
        let path = try scratch.write(InvoiceDocument.pdf(
            for: invoice, customer: Samples.business, seller: Samples.seller, facturX: xml))
        try PDFTools.expectValid(path)
        #expect(try PDFTools.run("pdfdetach", ["-list", path]).text.contains("factur-x.xml"))
        let extracted = scratch.file("extracted.xml").path
        try PDFTools.run("pdfdetach", ["-save", "1", "-o", extracted, path])
        #expect(try String(contentsOfFile: extracted, encoding: .utf8) == xml)
        let raw = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        #expect(raw.contains("/AFRelationship /Alternative") || raw.contains("/AFRelationship/Alternative"))
        #expect(raw.contains("<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>"))
        #expect(raw.contains("<pdfaSchema:prefix>fx</pdfaSchema:prefix>"))
    }
}
