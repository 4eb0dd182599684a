import Foundation
import HTTPTypes
import KontorApp
import KontorCore
import Testing

/// Issue 13 items 2 and 11 in the web app: the customer form's salutation and title, VAT IDs checked next to
/// their field, and reverse charge refused without the seller's VAT ID.
struct CustomerPartiesTests {
    @Test func salutationAndTitleAreSavedAndShownAgain() async throws {
        // DIN 5008: letters say "Sehr geehrte Frau Dr. Wolff,"; the form keeps salutation and title apart.
        let book = try await Book()
        try await withBrowser(book) { browser in
            let form = try await browser.get("/customers/new")
            #expect(form.contains("name=\"salutation\"") && form.contains("name=\"academicTitle\""))
            #expect(form.contains(">Frau</option>") && form.contains("keine (voller Name)"))
            let created = try await browser.post("/customers", [
                "name": "Wolff Verlag", "contact": "Ines Wolff", "salutation": "frau", "academicTitle": "Dr.",
                "kind": "business", "status": "prospect", "language": "de",
            ])
            #expect(created.status == .seeOther)
            let id = try #require(created.redirectId)
            let stored = try await book.kontor.customerDetail(id: id).customer
            #expect(stored.salutation == .frau && stored.academicTitle == "Dr.")
            #expect(stored.salutation(language: .de, formal: true) == "Sehr geehrte Frau Dr. Wolff,")
            let page = try await browser.get("/customers/\(id)")
            #expect(page.contains("Frau Dr. Ines Wolff") && page.contains("Sehr geehrte Frau Dr. Wolff,"))
            let edit = try await browser.get("/customers/\(id)/edit")
            #expect(edit.contains("value=\"Dr.\"") && edit.contains("value=\"frau\" selected"))
            // When the salutation is left blank, Then the customer has none ("Guten Tag Ines Wolff,")
            _ = try await browser.post("/customers/\(id)", [
                "name": "Wolff Verlag", "contact": "Ines Wolff", "salutation": "", "academicTitle": "",
                "kind": "business", "status": "prospect", "language": "de",
            ])
            let plain = try await book.kontor.customerDetail(id: id).customer
            #expect(plain.salutation == nil && plain.academicTitle == nil)
        }
    }

    @Test func aVATIdOfAnotherCountryIsRefusedNextToTheField() async throws {
        // Art. 214 MwStSystRL: the buyer's VAT ID comes from the state of its seat; VIES: AT is ATU + 8 digits.
        let book = try await Book()
        try await withBrowser(book) { browser in
            let page = try await browser.post("/customers", [
                "name": "Graz KG", "street": "Hauptplatz 1", "postalCode": "8010", "city": "Graz", "country": "AT",
                "vatId": "DE123456789", "kind": "business", "status": "prospect", "language": "de",
            ])
            #expect(page.status == .unprocessableContent)
            #expect(page.contains("beginnt mit DE und gehört damit nicht zu einer Anschrift in AT"))
            #expect(page.contains("ATU99999999") && page.contains("value=\"DE123456789\""))
            #expect(page.contains("aria-invalid=\"true\""))
            #expect(try await book.kontor.customers().isEmpty)
            let short = try await browser.post("/customers", [
                "name": "Kurz", "vatId": "123", "street": "Weg 1", "postalCode": "50667", "city": "Köln",
                "kind": "business", "status": "prospect", "language": "de",
            ])
            #expect(short.contains("„123“ ist keine gültige USt-IdNr. für DE.") && short.contains("DE999999999"))
            // The profile's own VAT ID is German.
            let profile = try await browser.post("/settings/profile", ["name": "Schreibbüro", "vatId": "ATU12345678"])
            #expect(profile.status == .unprocessableContent)
            #expect(profile.contains("gehört damit nicht zu einer Anschrift in DE"))
            #expect(try await book.kontor.profile().vatId == nil)
        }
    }

    @Test func reverseChargeWithoutTheSellersVATIdIsNotIssued() async throws {
        // § 14a Abs. 1 UStG (LAW.md 1.6): both parties' VAT IDs on a reverse-charge invoice.
        let book = try await Book()
        let customer = try await book.kontor.addCustomer(Customer(
            name: "Verlag Wien GmbH",
            address: PostalAddress(street: "Ring 1", postalCode: "1010", city: "Wien", country: "AT"),
            kind: .business, vatId: "ATU12345678", createdOn: Book.today))
        let draft = try await book.kontor.draftInvoice(from: .customer(customer.id), on: Book.today)
        _ = try await book.kontor.addInvoiceLine("\(draft.id)", line: DocumentLine(
            description: "Artikel", quantity: Quantity(1), unit: .flat, unitPrice: try UnitPrice(parsing: "500"),
            vatRate: .standard))
        try await withBrowser(book) { browser in
            // The confirmation page already says why, before any number is shown
            let confirm = try await browser.get("/invoices/\(draft.id)/issue")
            #expect(confirm.status == .seeOther && confirm.location == "/invoices/\(draft.id)")
            #expect(try await browser.get("/invoices/\(draft.id)").contains("Tragen Sie sie unter Einstellungen ein"))
            let page = try await browser.post("/invoices/\(draft.id)/issue", ["number": "2026-0001"])
            #expect(page.status == .unprocessableContent)
            #expect(page.contains("muss Ihre USt-IdNr. zeigen (§ 14a Abs. 1 UStG)"))
            #expect(try await book.kontor.invoice("\(draft.id)").number == nil)
        }
    }
}
