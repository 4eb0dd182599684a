import Foundation
import HTTPTypes
import KontorApp
import KontorCore
import Testing

/// What the CLI could do before the web app could: dunning pauses, the template preview, the interest and
/// due-date calculators, reading received e-invoices, import options and vCards.
struct ToolTests {
    @Test func dunningPauseForOneInvoiceStopsItsReminders() async throws {
        let book = try await Book()
        let customer = try await book.customer()
        let other = try await book.customer("Verlag Süd KG", email: "post@sued.example")
        let invoice = try await book.issuedInvoice(for: customer, on: Day("2026-01-05")!)
        let foreign = try await book.issuedInvoice(for: other, on: Day("2026-01-05")!)
        try await withBrowser(book) { browser in
            // The invoice page offers the pause.
            #expect(try await browser.get("/invoices/\(invoice.number!)").contains("Mahnungen pausieren"))
            // Errors: no reason, a day that has passed, another customer's invoice, an unknown customer.
            let noReason = try await browser.post("/dunning/holds", [
                "customer": "\(customer.id)", "invoice": invoice.number!, "until": "2026-04-30", "reason": "",
            ])
            #expect(noReason.status == .unprocessableContent)
            #expect(noReason.contains("Bitte ausfüllen"))
            #expect(noReason.contains("2026-04-30"))
            let past = try await browser.post("/dunning/holds", [
                "customer": "\(customer.id)", "until": "2026-02-01", "reason": "Urlaub",
            ])
            #expect(past.status == .unprocessableContent)
            let wrongOwner = try await browser.post("/dunning/holds", [
                "customer": "\(customer.id)", "invoice": foreign.number!, "until": "2026-04-30", "reason": "Urlaub",
            ])
            #expect(wrongOwner.status == .unprocessableContent)
            #expect(wrongOwner.contains("anderen Kunden"))
            let mistyped = try await browser.post("/dunning/holds", [
                "customer": "\(customer.id)", "invoice": "2026-9999", "until": "2026-04-30", "reason": "Urlaub",
            ])
            #expect(mistyped.status == .unprocessableContent)
            #expect(mistyped.contains("2026-9999"))
            let unknown = try await browser.post("/dunning/holds", [
                "customer": "9999", "until": "2026-04-30", "reason": "Urlaub",
            ])
            #expect(unknown.status == .notFound)
            #expect(try await book.kontor.dunningHolds(activeOn: Book.today).isEmpty)
            // When the pause is set from the invoice page
            let saved = try await browser.post("/dunning/holds", [
                "customer": "\(customer.id)", "invoice": invoice.number!, "until": "2026-04-30",
                "reason": "Zahlt nach Projektende", "return": "/invoices/\(invoice.number!)#pause",
            ])
            #expect(saved.status == .seeOther)
            #expect(saved.headers[.location] == "/invoices/\(invoice.number!)#pause")
            let holds = try await book.kontor.dunningHolds(activeOn: Book.today)
            #expect(holds.count == 1 && holds[0].invoiceId == invoice.id && holds[0].until == Day("2026-04-30")!)
            // Then both pages show it, and the reminder run leaves that invoice alone.
            let shown = try await browser.get("/invoices/\(invoice.number!)")
            #expect(shown.contains("Pausiert bis 30.04.2026: Zahlt nach Projektende"))
            #expect(try await browser.get("/dunning").contains("Zahlt nach Projektende"))
            #expect(try await browser.post("/dunning/run").status == .seeOther)
            let drafts = try await book.kontor.reminders(status: .draft)
            #expect(drafts.map(\.invoiceId) == [foreign.id])
        }
    }

    @Test func templatePreviewShowsTheTypedTextWithoutSavingIt() async throws {
        let book = try await Book()
        let customer = try await book.customer()
        let invoice = try await book.issuedInvoice(for: customer, on: Day("2026-01-05")!)
        try await withBrowser(book) { browser in
            let editor = try await browser.get("/settings/templates/inquiry/de")
            #expect(editor.contains("preview-template"))
            let preview = try await browser.post("/settings/templates/inquiry/de", [
                "subject": "Kurze Frage zu {{invoiceNumber}}", "body": "Hallo {{customerName}},\n\noffen sind {{openAmount}}.",
                "invoice": invoice.number!, "intent": "preview",
            ])
            #expect(preview.status == .ok)
            #expect(preview.contains("Kurze Frage zu \(invoice.number!)"))
            #expect(preview.contains("Hallo Agentur Nord GmbH,"))
            #expect(preview.contains("offen sind 595,00"))
            #expect(try await book.kontor.messageTemplate(step: .inquiry, language: .de, subject: true).custom == false)
            let broken = try await browser.post("/settings/templates/inquiry/de", [
                "subject": "{{#offen", "body": "x", "invoice": invoice.number!, "intent": "preview",
            ])
            #expect(broken.status == .unprocessableContent)
            #expect(broken.contains("Die Vorlage hat einen Syntaxfehler in Zeile 1") && !broken.contains("ParserError"))
        }
    }

    @Test func interestAndDueDateCalculators() async throws {
        let book = try await Book()
        try await withBrowser(book) { browser in
            let empty = try await browser.get("/dunning/calculator")
            #expect(empty.status == .ok)
            #expect(!empty.contains("interest-result"))
            let question = InterestQuestion(
                amount: Money(cents: 119_000), dueDate: Day("2026-01-15")!, agreed: true, invoiceReceived: nil,
                paymentRequestReceived: nil, paidOn: Day("2026-03-02")!, debtor: .business, consumerNotice: false,
                state: .NW)
            let answer = try await book.kontor.defaultInterest(question)
            let page = try await browser.get(
                "/dunning/calculator?amount=1.190,00&due=2026-01-15&agreed=on&paid=2026-03-02&debtor=business&state=NW")
            #expect(page.status == .ok)
            #expect(page.contains("Im Verzug seit 16.01.2026"))
            #expect(page.contains("vereinbartes Zahlungsziel"))
            #expect(answer.calculation.total.cents > 0)
            #expect(page.contains(">\(answer.calculation.total.formatted(.de))<"))
            #expect(page.contains("40,00"))
            // Without an agreed date or a request, default begins only 30 days after due date and receipt.
            let early = try await browser.get(
                "/dunning/calculator?amount=100&due=2026-02-20&received=2026-02-10&paid=2026-03-02")
            #expect(early.contains("Gezahlt, bevor der Verzug begonnen hätte"))
            #expect(!early.contains("Im Verzug seit"))
            let invalid = try await browser.get("/dunning/calculator?amount=zwölf&due=2026-01-15")
            #expect(invalid.status == .unprocessableContent)
            #expect(invalid.contains("zwölf"))
            // A half-year whose base rate Kontor does not know yet is named, with where to add it.
            let unknownRate = try await browser.get("/dunning/calculator?amount=100&due=2026-01-15&agreed=on&paid=2026-08-03")
            #expect(unknownRate.status == .unprocessableContent)
            #expect(unknownRate.contains("Basiszinssatz"))
            #expect(unknownRate.contains("01.07.2026"))
            #expect(unknownRate.contains("Einstellungen"))
            // 26 December 2026 is a Saturday and a holiday, the 27th a Sunday.
            let due = try await browser.get("/dunning/calculator?date=2026-12-26&dateState=NW")
            #expect(due.contains("verschiebt sich auf 28.12.2026"))
            let workday = try await browser.get("/dunning/calculator?date=2026-12-29")
            #expect(workday.contains("ist ein Werktag"))
        }
    }

    @Test func receivedEInvoiceIsShownOrTurnedIntoAPDF() async throws {
        let book = try await Book()
        let customer = try await book.customer()
        let invoice = try await book.issuedInvoice(for: customer, on: Day("2026-01-05")!)
        let xml = try await book.kontor.invoiceXML(invoice.number!)
        try await withBrowser(book) { browser in
            #expect(try await browser.get("/received-invoices").status == .ok)
            let read = try await browser.postFile(
                "/received-invoices", field: "einvoice", fileName: xml.fileName, data: xml.data)
            #expect(read.status == .ok)
            #expect(read.contains(invoice.number!))
            #expect(read.contains("Schreibbüro Kontor"))
            #expect(read.contains("Agentur Nord GmbH"))
            #expect(read.contains("595,00 €"))
            let pdf = try await browser.postFile(
                "/received-invoices", field: "einvoice", fileName: xml.fileName, data: xml.data, fields: ["asPDF": "on"])
            #expect(pdf.status == .ok)
            #expect(pdf.headers[.contentType] == "application/pdf")
            #expect(pdf.bytes.starts(with: Array("%PDF".utf8)))
            let garbage = try await browser.postFile(
                "/received-invoices", field: "einvoice", fileName: "notiz.txt", data: Data("nur Text".utf8))
            #expect(garbage.status == .unprocessableContent)
            #expect(garbage.contains("notiz.txt"))
            #expect(garbage.contains("ist keine E-Rechnung"))
            let none = try await browser.postFile("/received-invoices", field: "einvoice", fileName: "x.xml", data: Data())
            #expect(none.status == .unprocessableContent)
        }
    }

    @Test func statementImportOptionsAreChosenAndChecked() async throws {
        let book = try await Book()
        let csv = Data("Buchungstag;Betrag;Name;Verwendungszweck\n02.03.2026;100,00;Agentur Nord;RE 1\n".utf8)
        try await withBrowser(book) { browser in
            let page = try await browser.get("/payments")
            #expect(page.contains("CSV-Vorlage der Bank"))
            let brokenMapping = try await browser.postFile(
                "/payments/import", field: "statement", fileName: "konto.csv", data: csv, fields: ["mapping": "datum"])
            #expect(brokenMapping.status == .unprocessableContent)
            #expect(brokenMapping.contains("hat nicht die Form Feld=Spalte"))
            #expect(brokenMapping.contains("value=\"datum\""))
            let unknownPreset = try await browser.postFile(
                "/payments/import", field: "statement", fileName: "konto.csv", data: csv, fields: ["preset": "postbank"])
            #expect(unknownPreset.status == .unprocessableContent)
            let mapped = try await browser.postFile(
                "/payments/import", field: "statement", fileName: "konto.csv", data: csv, fields: [
                    "format": "csv", "mapping": "date=Buchungstag,amount=Betrag,name=Name,text=Verwendungszweck",
                    "dryRun": "on",
                ])
            #expect(mapped.status == .seeOther)
            #expect(try await book.kontor.reviewQueue().isEmpty)
        }
    }

    @Test func vCardsGoOutAndComeIn() async throws {
        let book = try await Book()
        let customer = try await book.customer()
        try await withBrowser(book) { browser in
            let export = try await browser.get("/customers/export.vcf")
            #expect(export.status == .ok)
            #expect(export.headers[.contentType]?.hasPrefix("text/vcard") == true)
            #expect(export.contains("BEGIN:VCARD"))
            #expect(export.contains(customer.name))
            let cards = """
                BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Lena Berg\r\nEMAIL:lena@berg.example\r\nEND:VCARD\r
                BEGIN:VCARD\r\nVERSION:3.0\r\nORG:Buchverlag Ost\r\nEND:VCARD\r
                BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Agentur Nord GmbH\r\nEND:VCARD\r\n
                """
            let imported = try await browser.postFile(
                "/customers/import", field: "vcards", fileName: "kontakte.vcf", data: Data(cards.utf8))
            #expect(imported.status == .seeOther)
            #expect(try await browser.get("/customers").contains("2 Kontakte als Interessenten angelegt, 1 schon bekannt."))
            #expect(try await book.kontor.customers().count == 3)
            let broken = try await browser.postFile(
                "/customers/import", field: "vcards", fileName: "kaputt.vcf", data: Data("BEGIN:VCARD\nFN:X\n".utf8))
            #expect(broken.status == .unprocessableContent)
            #expect(try await book.kontor.customers().count == 3)
        }
    }
}
