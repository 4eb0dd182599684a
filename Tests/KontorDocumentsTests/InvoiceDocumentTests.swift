import Foundation
import KontorCore
import KontorTestTools
import Testing

@testable import KontorDocuments

/// The invoice as the customer reads it: extracted text, structure checks, fonts and the scanned GiroCode.
struct InvoiceDocumentTests {
    let scratch = ScratchDirectory()

    func render(_ invoice: Invoice, customer: Customer = Samples.business, seller: BusinessProfile = Samples.seller,
                name: String = "invoice.pdf") throws -> String {
        try scratch.write(InvoiceDocument.pdf(for: invoice, customer: customer, seller: seller), name: name)
    }

    @Test func showsEveryFieldTheLawRequires() throws {
        // Given an issued invoice to a business
        let path = try render(try Samples.invoice())
        // When the customer reads it
        let text = try PDFTools.text(path)
        // Then § 14 Abs. 4 UStG is satisfied, umlauts and € exactly as written
        for expected in [
            "Lena Schreiber – Texte & Konzepte", "Lindenstraße 12", "50674 Köln",  // supplier, Nr. 1
            "Müller & Söhne Maschinenbau KG", "Industriestraße 7", "44147 Dortmund",  // recipient, Nr. 1
            "214/5678/1234",  // tax number, Nr. 2
            "02.03.2026",  // issue date, Nr. 3
            "2026-0001",  // number, Nr. 4
            "Fachartikel „Ökologie im Büro“", "1.200", "Wörter",  // scope and kind, Nr. 5
            "23.02.2026 –", "27.02.2026",  // service period, Nr. 6 (wrapped within the information block)
            "600,00 €", "500,00 €", "Nettobetrag", "1.100,00 €",  // Entgelt by rate, Nr. 7
            "zzgl. 19 % USt. auf 600,00 €", "114,00 €", "zzgl. 7 % USt. auf 500,00 €", "35,00 €",  // Nr. 8
            "Rechnungsbetrag", "1.249,00 €",
            "Zahlbar bis 16.03.2026 ohne Abzug.",
            "DE89 3704 0044 0532 0130 00", "COBADEFFXXX", "04011000-12345-06", "Seite 1 von 1",
        ] {
            #expect(text.contains(expected), "missing: \(expected)")
        }
        #expect(!text.contains("§ 286"), "the consumer notice is for consumers only")
        try PDFTools.expectValid(path)
    }

    @Test func embedsEverySubsetFont() throws {
        let path = try render(try Samples.invoice())
        let fonts = try PDFTools.run("pdffonts", [path]).text.split(separator: "\n").dropFirst(2)
        #expect(fonts.count >= 2)
        for font in fonts {
            let columns = font.split(separator: " ", omittingEmptySubsequences: true)
            #expect(columns.count >= 7 && columns[columns.count - 5] == "yes", "not embedded: \(font)")
            #expect(font.contains("+DejaVuSans"), "not a subset: \(font)")
        }
    }

    @Test func giroCodeScansToTheExpectedTransfer() throws {
        // Given an invoice over 1,249.00 €
        let path = try render(try Samples.invoice())
        // When page 1 is printed at 150 dpi and scanned
        let image = scratch.file("page").path
        try PDFTools.run("pdftoppm", ["-r", "150", "-f", "1", "-l", "1", "-png", "-singlefile", path, image])
        let scanned = try PDFTools.run("zbarimg", ["--raw", "-q", "-Sbinary", image + ".png"]).stdout
        // Then the banking app sees exactly this EPC text, built here independently
        let expected = ["BCD", "002", "1", "SCT", "COBADEFFXXX", "Lena Schreiber – Texte & Konzepte",
                        "DE89370400440532013000", "EUR1249.00", "", "", "Rechnung 2026-0001"].joined(separator: "\n")
        var payload = String(decoding: scanned, as: UTF8.self)
        if payload.hasSuffix("\n") { payload.removeLast() }
        #expect(payload == expected)
    }

    @Test func smallBusinessInvoiceSaysWhyThereIsNoVAT() throws {
        var profile = Samples.seller
        profile.taxMode = .smallBusiness
        let text = try PDFTools.text(try render(try Samples.invoice(profile: profile), seller: profile))
        #expect(text.contains("Gemäß § 19 UStG wird keine Umsatzsteuer berechnet"))
        #expect(!text.contains("zzgl."))
        #expect(text.contains("1.100,00 €"))
    }

    @Test func reverseChargeNamesBothVATIds() throws {
        var profile = Samples.seller
        profile.vatId = "DE123456789"
        var customer = Samples.business
        customer.address = PostalAddress(street: "Seestraße 4", postalCode: "5020", city: "Salzburg", country: "AT")
        customer.vatId = "ATU12345678"
        let text = try PDFTools.text(try render(try Samples.invoice(customer: customer, profile: profile),
                                                customer: customer, seller: profile))
        #expect(text.contains("Steuerschuldnerschaft des Leistungsempfängers"))
        #expect(text.contains("ATU12345678") && text.contains("DE123456789") && text.contains("ÖSTERREICH"))
        #expect(!text.contains("zzgl."))
    }

    @Test func consumerInvoiceCarriesTheDefaultNotice() throws {
        let customer = Samples.consumer
        let text = try PDFTools.text(try render(try Samples.invoice(customer: customer), customer: customer))
        #expect(text.contains("Zoë Łukasiewicz"))
        #expect(text.contains("§ 286 Abs. 3 BGB"))
        #expect(text.contains("Guten Tag Zoë Łukasiewicz,"))
    }

    @Test func loyaltyDiscountIsPrinted() throws {
        let text = try PDFTools.text(try render(try Samples.invoice(loyaltyPercent: 3)))
        #expect(text.contains("Stammkundenrabatt 3 %"))
        #expect(text.contains("-18,00 €") && text.contains("-15,00 €"))
    }

    @Test func englishCustomersGetEnglishDocuments() throws {
        var customer = Samples.business
        customer.language = .en
        let text = try PDFTools.text(try render(try Samples.invoice(customer: customer), customer: customer))
        #expect(text.contains("Invoice no. 2026-0001") && text.contains("Payable by 16 Mar 2026 without deduction."))
        #expect(text.contains("€1,249.00") && text.contains("Page 1 of 1"))
        #expect(InvoiceDocument.fileName(for: try Samples.invoice(customer: customer)) == "Invoice-2026-0001.pdf")
        #expect(InvoiceDocument.fileName(for: try Samples.invoice()) == "Rechnung-2026-0001.pdf")
    }

    @Test func cancellationReferencesTheOriginalAndHasNoPaymentCode() throws {
        let cancellation = try Samples.invoice().cancellation(number: "2026-0002", on: Day("2026-03-05")!)
        let path = try scratch.write(
            InvoiceDocument.pdf(for: cancellation, customer: Samples.business, seller: Samples.seller,
                                originalIssueDate: Samples.issueDay), name: "storno.pdf")
        try PDFTools.expectValid(path)
        let text = try PDFTools.text(path).replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("Stornorechnung Nr. 2026-0002 zur Rechnung Nr. 2026-0001 vom 02.03.2026"))
        #expect(text.contains("-1.249,00 €") && text.contains("Stornobetrag"))
        #expect(!text.contains("Zahlbar bis"))
        let image = scratch.file("storno").path
        try PDFTools.run("pdftoppm", ["-r", "150", "-singlefile", "-png", path, image])
        let scan = try PDFTools.run("zbarimg", ["-q", image + ".png"], allowFailure: true)
        #expect(scan.status != 0 && scan.stdout.isEmpty, "a cancellation must not ask for money")
        #expect(InvoiceDocument.fileName(for: cancellation) == "Stornorechnung-2026-0002.pdf")
    }

    @Test func sixLineInvoiceFitsOnOnePageWithGiroCodeAndClosing() throws {
        // Given an invoice with six lines to a business with a contact person and a buyer reference
        let path = try render(try Samples.invoice(lines: Samples.sixLines))
        // When it is printed
        try PDFTools.expectValid(path)
        // Then the lines, totals, terms, GiroCode and closing all fit on one page
        #expect(try PDFTools.pageCount(path) == 1)
        let text = try PDFTools.text(path, layout: true)
        for expected in ["Rechnungsbetrag", "Zahlbar bis", "Mit freundlichen Grüßen", "Seite 1 von 1"] {
            #expect(text.contains(expected), "missing: \(expected)")
        }
        let image = scratch.file("six").path
        try PDFTools.run("pdftoppm", ["-r", "150", "-f", "1", "-l", "1", "-png", "-singlefile", path, image])
        let scanned = try PDFTools.run("zbarimg", ["--raw", "-q", "-Sbinary", image + ".png"]).text
        #expect(scanned.contains("EUR4303.10") && scanned.contains("Rechnung 2026-0001"), "\(scanned)")
    }

    @Test func descriptionsThatFitStayOnOneRow() throws {
        // Given lines whose descriptions fit beside the number columns, as a catalogue's product texts do
        let catalogue = ["Produkttext Art. 10200 (Sofa „Lena“)", "Produkttext Art. 10203 (Regal Ålesund)"]
        let lines = Samples.lines + catalogue.map { Samples.line($0, 1, .flat, "40,50", .standard) }
        let path = try render(try Samples.invoice(lines: lines))
        // Then each shares its row with quantity and amount instead of wrapping into a second one
        let rows = try PDFTools.text(path, layout: true).split(separator: "\n")
        for (description, amount) in [("Fachartikel „Ökologie im Büro“ (1.200 Wörter)", "600,00 €"),
                                      (catalogue[0], "40,50 €"), (catalogue[1], "40,50 €")] {
            #expect(rows.contains { $0.contains(description) && $0.contains(amount) }, "\(description) wraps")
        }
    }

    @Test func fourHundredLinesPaginateWithHeaderCarryForwardAndPageNumbers() throws {
        // Given 400 lines of 12,34 € each
        let lines = (1...400).map {
            DocumentLine(description: "Zeile \($0) Produkttext", quantity: Quantity(1), unit: .flat,
                         unitPrice: try! UnitPrice(parsing: "12,34"), vatRate: .standard)
        }
        let path = try render(try Samples.invoice(lines: lines))
        try PDFTools.expectValid(path)
        let pages = try PDFTools.pageCount(path)
        #expect(pages >= 9)
        var rowsSoFar = 0
        for page in 1...pages {
            let text = try PDFTools.text(path, page: page)
            #expect(text.contains("Seite \(page) von \(pages)"), "page \(page)")
            let rows = text.components(separatedBy: " Produkttext").count - 1
            rowsSoFar += rows
            if rows > 0 { #expect(text.contains("Beschreibung") && text.contains("Einzelpreis"), "header on page \(page)") }
            if page < pages {
                // The carry-forward at the foot equals the lines so far; the next page repeats it at its top.
                let carried = Money(cents: Int64(rowsSoFar) * 1234).formatted(.de)
                #expect(text.contains("Übertrag") && text.contains(carried), "page \(page): \(carried)")
                let next = try PDFTools.text(path, page: page + 1)
                #expect(next.contains("Übertrag") && next.contains(carried), "page \(page + 1) top: \(carried)")
            }
        }
        #expect(rowsSoFar == 400)
    }
}
