import Foundation
import GRDB
import KontorApp
import KontorCore
import KontorStore
import Testing

/// Issue 13 items 2 and 11 in the store: salutation and title survive a round trip (migration
/// v11-legal-parties-contact-salutation), and VAT IDs are checked on input, never on reading.
struct PartiesStoreTests {
    let day = Day("2026-03-02")!

    @Test func salutationAndTitleRoundTrip() async throws {
        let database = try AppDatabase.inMemory()
        let kontor = Kontor(store: GRDBBookStore(database))
        let saved = try await kontor.addCustomer(Customer(
            name: "Wolff Verlag", contactPerson: "Ines Wolff", createdOn: day, salutation: .frau,
            academicTitle: " Prof. Dr. "))
        let loaded = try await kontor.customerDetail(id: saved.id).customer
        // The title is stored trimmed, as it is printed.
        #expect(loaded.salutation == .frau && loaded.academicTitle == "Prof. Dr.")
        #expect(loaded == saved)
    }

    @Test func aStoredVATIdThatIsNowInvalidStaysReadableAndEditable() async throws {
        // Customers saved before the VIES check (LAW.md 1.6) must not become unreadable.
        let database = try AppDatabase.inMemory()
        let kontor = Kontor(store: GRDBBookStore(database))
        let saved = try await kontor.addCustomer(Customer(
            name: "Verlag Wien",
            address: PostalAddress(street: "Ring 1", postalCode: "1010", city: "Wien", country: "AT"),
            vatId: "ATU12345678", createdOn: day))
        try await database.writer.write { try $0.execute(sql: "UPDATE customer SET vatId = '123' WHERE id = ?",
                                                         arguments: [saved.id]) }
        #expect(try await kontor.customerDetail(id: saved.id).customer.vatId == "123")
        #expect(try await kontor.customers().count == 1)
        let edited = try await kontor.editCustomer(id: saved.id) { $0.phone = "+43 1 234" }
        #expect(edited.vatId == "123" && edited.phone == "+43 1 234")
        await #expect(throws: VATIdError.self) {
            _ = try await kontor.editCustomer(id: saved.id) { $0.vatId = "124" }
        }
        #expect(try await kontor.customerDetail(id: saved.id).customer.vatId == "123")
    }
}
