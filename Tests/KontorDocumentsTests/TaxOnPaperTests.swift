import Foundation
import FoundationXML
@testable import KontorCore
import KontorPDF
import KontorTestTools
import Testing

@testable import KontorDocuments

/// Issue 13, items 1, 3, 4, 12, 13, 14: what the paper says about tax, prices and parties, and that the XML says
/// the same because both render the one `TaxBreakdown`.
struct TaxOnPaperTests {
    let scratch = ScratchDirectory()

    static var smallBusiness: BusinessProfile {
        var profile = Samples.seller
        profile.taxMode = .smallBusiness
        return profile
    }

    static var vatSeller: BusinessProfile {
        var profile = Samples.seller
        profile.vatId = "DE123456789"
        return profile
    }

    static func foreign(_ country: String, vatId: String?) -> Customer {
        var customer = Samples.business
        customer.address = PostalAddress(
            street: "Bahnhofstrasse 1", postalCode: "8001", city: "Zürich", country: country)
        customer.vatId = vatId
        return customer
    }

    func text(_ invoice: Invoice, seller: BusinessProfile, name: String) throws -> String {
        let path = try scratch.write(
            InvoiceDocument.pdf(for: invoice, customer: invoice.buyer!, seller: seller), name: name)
        try PDFTools.expectValid(path)
        return try PDFTools.text(path)
    }

    func values(_ xml: String, _ element: String) throws -> [String] {
        try XMLDocument(xmlString: xml).nodes(forXPath: "//*[local-name()='\(element)']").compactMap(\.stringValue)
    }

    /// A rate, a tax column or a tax line on paper.
    func showsTax(_ text: String) -> Bool {
        text.range(of: #"\d+ ?%"#, options: .regularExpression) != nil || text.contains("USt.")
            || text.contains("zzgl.") || text.contains("VAT on")
    }

    @Test(arguments: ["small-business", "reverse-charge", "outside-scope"])
    func invoicesWithoutTaxShowNoRateAndNoTaxAmount(_ treatment: String) throws {
        // § 14c UStG: a tax shown is a tax owed; § 19, reverse charge and O show only the note (LAW.md 1.4, 1.6).
        let (seller, customer, code): (BusinessProfile, Customer, String) = switch treatment {
        case "small-business": (Self.smallBusiness, Samples.business, "E")
        case "reverse-charge": (Self.vatSeller, Self.foreign("AT", vatId: "ATU12345678"), "AE")
        default: (Self.vatSeller, Self.foreign("CH", vatId: nil), "O")
        }
        let invoice = try Samples.invoice(customer: customer, profile: seller)
        #expect(invoice.treatment.rawValue == treatment)
        let text = try text(invoice, seller: seller, name: "\(treatment).pdf")
        #expect(!showsTax(text), "a rate or tax amount is printed:\n\(text)")
        #expect(text.contains("1.100,00 €") && !text.contains("149,00"))
        let xml = try CIIWriter.xml(for: invoice, profile: .xrechnung)
        #expect(Set(try values(xml, "CategoryCode")) == [code])
        // The note on paper is the exemption reason in the XML, word for word.
        let reason = try #require(try values(xml, "ExemptionReason").first)
        #expect(text.replacingOccurrences(of: "\n", with: " ").contains(reason))
    }

    @Test func zeroPercentLineOnADomesticInvoiceIsInTheBreakdownWithItsReason() throws {
        // § 14 Abs. 4 Nr. 7, 8 UStG: Entgelt by rate and exemption, with a note on the exemption (LAW.md 1.1).
        let lines = Samples.lines + [DocumentLine(
            description: "Vortrag an der Volkshochschule", quantity: Quantity(1), unit: .flat,
            unitPrice: try UnitPrice(parsing: "50"), vatRate: .zero)]
        let invoice = try Samples.invoice(lines: lines)
        let text = try text(invoice, seller: Samples.seller, name: "zero.pdf")
        for expected in ["zzgl. 19 % USt. auf 600,00 €", "zzgl. 7 % USt. auf 500,00 €",
                         "steuerfrei (0 % USt.) auf 50,00 €", "Steuerfreie Leistung gemäß § 4 UStG.", "1.299,00 €"] {
            #expect(text.contains(expected), "missing: \(expected)")
        }
        let xml = try CIIWriter.xml(for: invoice, profile: .xrechnung)
        #expect(try values(xml, "CategoryCode") == ["S", "S", "E", "S", "S", "E"])
        #expect(try values(xml, "ExemptionReason") == ["Steuerfreie Leistung gemäß § 4 UStG."])
        #expect(!xml.contains("<ram:CategoryCode>Z</ram:CategoryCode>"))
    }

    @Test func outsideTheEUEveryBreakdownGroupHasARate() throws {
        // BR-DE-14 wants BT-119 in every BG-23, category O included; BR-O-05 forbids it on O lines (EN 16931).
        let invoice = try Samples.invoice(customer: Self.foreign("CH", vatId: nil), profile: Self.vatSeller)
        let doc = try XMLDocument(xmlString: try CIIWriter.xml(for: invoice, profile: .xrechnung))
        let groups = "//*[local-name()='ApplicableHeaderTradeSettlement']/*[local-name()='ApplicableTradeTax']"
        let rates = try doc.nodes(forXPath: "\(groups)/*[local-name()='RateApplicablePercent']").map(\.stringValue)
        #expect(rates == ["0"])
        let codes = try doc.nodes(forXPath: "\(groups)/*[local-name()='ExemptionReasonCode']").map(\.stringValue)
        #expect(codes == ["VATEX-EU-O"])
        let lineRates = "//*[local-name()='SpecifiedLineTradeSettlement']//*[local-name()='RateApplicablePercent']"
        #expect(try doc.nodes(forXPath: lineRates).isEmpty)
        #expect(try doc.nodes(forXPath: "//*[@schemeID='VA']").isEmpty, "BR-O-02: no VAT IDs with category O")
    }

    @Test func quotesToConsumersStateGrossPrices() throws {
        // § 3 Abs. 1 PAngV: consumers are offered the Gesamtpreis including VAT (LAW.md 1.4); businesses net.
        let quote = Quote(id: 12, customerId: 7, title: "Festschrift", createdOn: Samples.issueDay,
                          validUntil: Day("2026-04-01")!, paymentTermDays: 14, includedRevisions: 2,
                          lines: Samples.lines)
        let consumer = try PDFTools.text(try scratch.write(
            QuoteDocument.pdf(for: quote, customer: Samples.consumer, seller: Samples.seller), name: "q-consumer.pdf"))
        for expected in ["brutto", "714,00 €", "535,00 €", "Gesamtpreis inkl. USt.",
                         "1.249,00 €", "darin enthalten 19 % USt.", "114,00 €", "0,595 €"] {
            #expect(consumer.contains(expected), "missing: \(expected)")
        }
        #expect(!consumer.contains("Nettobetrag") && !consumer.contains("zzgl."))
        let business = try PDFTools.text(try scratch.write(
            QuoteDocument.pdf(for: quote, customer: Samples.business, seller: Samples.seller), name: "q-business.pdf"))
        #expect(business.contains("Nettobetrag") && business.contains("zzgl. 19 % USt. auf 600,00 €"))
        #expect(!business.contains("brutto"))
    }

    @Test func cancellationIsAStornorechnungNeverAGutschrift() throws {
        // "Gutschrift" on an invoice means self-billing (§ 14 Abs. 2 Satz 2, Abs. 4 Nr. 10 UStG; LAW.md 1.1, 1.2).
        let cancellation = try Samples.invoice(loyaltyPercent: 3)
            .cancellation(number: "2026-0002", on: Day("2026-03-05")!)
        let text = try text(cancellation, seller: Samples.seller, name: "storno.pdf")
        #expect(text.contains("Stornorechnung") && text.contains("Stornobetrag"))
        let xml = try CIIWriter.xml(for: cancellation, profile: .xrechnung, precedingIssueDate: Samples.issueDay)
        for document in [text, xml] {
            #expect(!document.contains("Gutschrift") && !document.contains("gutgeschrieben"))
        }
        #expect(try values(xml, "Description") == ["Stornorechnung zur Rechnung 2026-0001."])
    }

    @Test func unitsAreSingularForOneOnPaper() throws {
        let lines = [DocumentLine(description: "Beratung", quantity: Quantity(1), unit: .hour,
                                  unitPrice: try UnitPrice(parsing: "85"), vatRate: .standard),
                     DocumentLine(description: "Lektorat", quantity: Quantity(2), unit: .page,
                                  unitPrice: try UnitPrice(parsing: "5"), vatRate: .standard)]
        let text = try text(try Samples.invoice(lines: lines), seller: Samples.seller, name: "units.pdf")
        #expect(text.contains("Stunde\n") && !text.contains("Stunden") && text.contains("Normseiten"))
    }

    @Test func longRecipientStaysInsideTheAddressWindow() throws {
        // DIN 5008: the recipient zone is 6 lines in an 85 × 45 mm window; nothing may run over the info block.
        var customer = Samples.business
        customer.name = "Gesellschaft für angewandte Kommunikation und Medienberatung Nordrhein mbH"
        customer.address = PostalAddress(
            street: "Oberbürgermeister-Dr.-Konrad-Adenauer-Straße 123a, Hinterhaus, 3. Obergeschoss",
            postalCode: "50667", city: "Köln")
        #expect(customer.name.count >= 70)
        let fonts = try LetterComposer.Fonts.shared.get()
        let base = TextStyle(font: fonts.regular, size: 10, lineHeight: 13 * 10 / 9.5)
        let (lines, style) = LetterComposer.recipientBlock(InvoiceDocument.recipientLines(customer), style: base)
        #expect(lines.allSatisfy { style.width(of: $0) <= .mm(LetterLayout.recipientWidth) })
        #expect(Double(lines.count) * style.lineHeight <= .mm(LetterLayout.recipientHeight) && lines.count <= 6)
        #expect(lines.suffix(1) == ["50667 Köln"], "the postal lines stay")
        #expect(lines.contains { $0.hasSuffix("-Konrad-") || $0.hasSuffix("Dr.-") || $0.hasSuffix("Adenauer-") },
                "a long street breaks after a hyphen, not inside a word: \(lines)")
        let path = try scratch.write(
            InvoiceDocument.pdf(
                for: try Samples.invoice(customer: customer), customer: customer, seller: Samples.seller),
            name: "long-address.pdf")
        // The information block (from 125 mm, 45–100 mm down) holds none of the recipient's words.
        let info = try PDFTools.run("pdftotext", [
            "-f", "1", "-l", "1", "-x", "\(Int(Double.mm(120)))", "-y", "\(Int(Double.mm(45)))",
            "-W", "\(Int(Double.mm(90)))", "-H", "\(Int(Double.mm(55)))", "-enc", "UTF-8", path, "-"]).text
        #expect(info.contains("Rechnungsnr."))
        for word in ["Medienberatung", "Nordrhein", "Obergeschoss", "Hinterhaus"] { #expect(!info.contains(word)) }
        let window = try PDFTools.run("pdftotext", [
            "-f", "1", "-l", "1", "-x", "\(Int(Double.mm(20)))", "-y", "\(Int(Double.mm(45)))",
            "-W", "\(Int(Double.mm(85)))", "-H", "\(Int(Double.mm(45)))", "-enc", "UTF-8", path, "-"]).text
        #expect(window.contains("Gesellschaft für") && window.contains("50667 Köln"))
    }

    @Test func threeDecimalQuantitiesAndLargeAmountsKeepToOneLine() throws {
        let composer = try LetterComposer(
            sender: Samples.seller, recipient: ["A"], info: [], subject: "S", title: "T", language: .de,
            date: Samples.issueDay)
        for showsTax in [true, false] {
            let table = composer.lineTable(showsTax: showsTax)
            #expect(abs(table.columns.map(\.width).reduce(0, +) - .mm(LetterLayout.textWidth)) < 0.01)
            let amount = showsTax ? 6 : 5
            var samples = [0: "99", 2: "1.234,567", 3: "Normseiten", 4: "1.234,5678 €", amount: "-123.456,78 €"]
            if showsTax { samples[5] = "19 %" }
            for (column, sample) in samples {
                let width = table.columns[column].width - 2 * table.cellPadding
                let count = TextLayout.lines(sample, width: width, style: table.bodyStyle).count
                #expect(count == 1, "wraps: \(sample) in column \(column)")
            }
        }
    }

    @Test func charactersTheFontsCannotDrawAreRefusedWithAClearMessage() throws {
        // The PDF would show "�" where the XML keeps the character: refused, so both say the same (issue 13.13).
        #expect(DocumentFonts.unprintable(in: "Zoë Łukasiewicz – Ελληνικά, Кириллица, „ça va“ €").isEmpty)
        #expect(DocumentFonts.unprintable(in: "Café 北京 – 北") == ["北", "京"])
        let error = #expect(throws: UnprintableTextError.self) {
            try DocumentFonts.requirePrintable([("customer name", "Müller"), ("line description", "Text 茶")])
        }
        #expect(error?.message(.de).contains("Die Positionsbeschreibung „Text 茶“") == true)
        #expect(error?.message(.en).contains("U+8336") == true)
    }
}

/// Issue 13, item 12 beyond the quote: the first answer to an inquiry names a price too.
struct InquiryReplyPriceTests {
    func reply(to customer: Customer, seller: BusinessProfile = Samples.seller) throws -> String {
        let inquiry = Inquiry(customerId: customer.id, channel: .email, receivedOn: Samples.issueDay,
                              subject: "Festschrift", size: WorkSize(quantity: Quantity(1), unit: .hour))
        let proposal = DeliveryProposal(deliveryDate: Day("2026-03-16")!, hours: 1000, fitsInBetween: true)
        let facts = InquiryReplyFacts(inquiry: inquiry, customer: customer, seller: seller, proposal: proposal,
                                      unitPrice: try UnitPrice(parsing: "100"), price: Money(cents: 10_000),
                                      today: Samples.issueDay)
        return try InquiryReply.compose(facts, userTemplate: { _ in nil })
    }

    @Test func consumersReadGrossPricesBusinessesNetAndSmallBusinessesNoVAT() throws {
        // § 3 Abs. 1 PAngV: prices offered to consumers include VAT; a § 19 business charges none (LAW.md 1.4).
        let consumer = try reply(to: Samples.consumer)
        #expect(consumer.contains("insgesamt 119,00 € inkl. 19 % Umsatzsteuer"))
        #expect(consumer.contains("119,00 € pro Stunde"))
        #expect(consumer.contains("Für rund 1 Stunde"))
        #expect(try reply(to: Samples.business).contains("insgesamt 100,00 € zzgl. Umsatzsteuer"))
        #expect(try reply(to: Samples.consumer, seller: TaxOnPaperTests.smallBusiness)
                .contains("insgesamt 100,00 € (keine Umsatzsteuer nach § 19 UStG)"))
    }
}
