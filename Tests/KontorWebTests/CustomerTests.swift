import HTTPTypes
import Foundation
import KontorApp
import KontorCore
import Testing

struct CustomerTests {
    @Test func addEditSearchAndNote() async throws {
        let book = try await Book()
        try await withBrowser(book) { browser in
            // When a customer is added through the form
            let created = try await browser.post("/customers", [
                "name": "Verlag Süd", "email": "post@sued.example", "kind": "business", "status": "prospect",
                "street": "Marktplatz 4", "postalCode": "80331", "city": "München", "state": "BY", "language": "de",
            ])
            #expect(created.status == .seeOther)
            let id = try #require(created.redirectId)
            // Then it is in the store and its page shows it
            let stored = try await book.kontor.customerDetail(id: id).customer
            #expect(stored.name == "Verlag Süd")
            #expect(stored.address?.state == .BY)
            let page = try await browser.get("/customers/\(id)")
            #expect(page.contains("Kunde „Verlag Süd“ angelegt."))
            #expect(page.contains("Marktplatz 4, 80331 München (BY)"))
            // When it is edited
            let edited = try await browser.post("/customers/\(id)", [
                "name": "Verlag Süd GmbH", "email": "post@sued.example", "kind": "business", "status": "regular",
                "language": "en",
            ])
            #expect(edited.status == .seeOther)
            let changed = try await book.kontor.customerDetail(id: id).customer
            #expect(changed.name == "Verlag Süd GmbH")
            #expect(changed.status == .regular)
            #expect(changed.address == nil)
            // Then search and filter find it
            #expect(try await browser.get("/customers?q=S%C3%BCd").contains("Verlag Süd GmbH"))
            #expect(try await browser.get("/customers?status=regular").contains("Verlag Süd GmbH"))
            #expect(try await browser.get("/customers?status=prospect").contains("Keine Kunden gefunden"))
            #expect(try await browser.get("/customers/\(id)/edit").contains("value=\"Verlag Süd GmbH\""))
            // When a promise to pay is noted, Then it is in the timeline
            let noted = try await browser.post("/customers/\(id)/notes", [
                "kind": "promise", "promisedFor": "2026-03-15", "text": "Zahlt zum 15.",
            ])
            #expect(noted.status == .seeOther)
            let timeline = try await book.kontor.timeline(customerId: id)
            #expect(timeline.contains { $0.kind == .promise && $0.detail == "Zahlt zum 15." })
            #expect(try await browser.get("/customers/\(id)").contains("Zahlungszusage bis 15.03.2026"))
        }
    }

    @Test func invalidFormKeepsWhatWasTypedAndSaysWhy() async throws {
        let book = try await Book()
        try await withBrowser(book) { browser in
            // When the name is missing and the e-mail and postal code are wrong
            let page = try await browser.post("/customers", [
                "name": "", "email": "kein-at-zeichen", "street": "Weg 1", "postalCode": "123", "city": "Köln",
            ])
            // Then the form comes back with 422, the message next to the field, and the typed values
            #expect(page.status == .unprocessableContent)
            #expect(page.contains("Bitte ausfüllen."))
            #expect(page.contains("value=\"kein-at-zeichen\""))
            #expect(page.contains("aria-invalid=\"true\""))
            #expect(try await book.kontor.customers().isEmpty)
            // When the name is given, Then the e-mail's own message appears next to it
            let second = try await browser.post("/customers", ["name": "Anna", "email": "kein-at-zeichen"])
            #expect(second.status == .unprocessableContent)
            #expect(second.contains("braucht ein @ und eine Domain"))
            let third = try await browser.post("/customers", ["name": "Anna", "street": "Weg 1", "postalCode": "123", "city": "Köln"])
            #expect(third.contains("ist keine deutsche Postleitzahl: sie hat fünf Ziffern"))
            #expect(try await book.kontor.customers().isEmpty)
        }
    }

    @Test func aNameTheDocumentsCannotPrintIsRefusedInGerman() async throws {
        // Issue 13.13: the PDF would print "�" where the XML keeps the character, so it is refused where typed.
        let book = try await Book()
        try await withBrowser(book) { browser in
            let page = try await browser.post("/customers", ["name": "Teehaus 北京", "kind": "business"])
            #expect(page.status == .unprocessableContent)
            #expect(page.contains("Der Kundenname „Teehaus 北京“ enthält Zeichen, die Rechnungen und Angebote nicht"))
            #expect(try await book.kontor.customers().isEmpty)
        }
    }

    @Test func aNoteWithoutTextIsRefused() async throws {
        let book = try await Book()
        let customer = try await book.customer()
        try await withBrowser(book) { browser in
            let page = try await browser.post("/customers/\(customer.id)/notes", ["kind": "promise", "text": ""])
            #expect(page.status == .unprocessableContent)
            #expect(page.contains("Bitte ausfüllen."))
            #expect(try await browser.post("/customers/999/notes", ["text": "x"]).status == .notFound)
        }
    }
}
