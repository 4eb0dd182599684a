import KontorApp
import KontorCore
import KontorStore
import Testing

/// A form's customer choice: every customer of a small book, the newest of a large one, and a typed number, label or
/// name read back to the one customer it means.
struct CustomerChoiceTests {
    let today = Day("2026-11-26")!

    func book(customers count: Int) async throws -> (Kontor, [Customer]) {
        let kontor = Kontor(store: GRDBBookStore(try AppDatabase.inMemory()))
        var added: [Customer] = []
        for index in 1...count {
            added.append(try await kontor.addCustomer(Customer(
                name: "Kunde \(String(1000 + index).dropFirst())", createdOn: today)))
        }
        return (kontor, added)
    }

    @Test func aSmallBookOffersEveryCustomerByName() async throws {
        let (kontor, added) = try await book(customers: 5)
        let choices = try await kontor.customerChoices()
        #expect(choices.total == 5 && choices.isComplete)
        #expect(choices.choices.map(\.id) == added.map(\.id))
    }

    @Test func aLargeBookOffersTheNewestAndTheChosenOne() async throws {
        let count = CustomerChoices.limit + 12
        let (kontor, added) = try await book(customers: count)
        let oldest = try #require(added.first)
        let choices = try await kontor.customerChoices(selected: oldest.id)
        #expect(choices.total == count && !choices.isComplete)
        let newest = Set(added.suffix(CustomerChoices.limit).map(\.id))
        #expect(Set(choices.choices.map(\.id)) == newest.union([oldest.id]))
        #expect(choices.choices.map(\.name) == choices.choices.map(\.name).sorted())
        let unchosen = try await kontor.customerChoices()
        #expect(unchosen.choices.count == CustomerChoices.limit)
    }

    @Test func aTypedNameFindsTheCustomerCalledSoOrElseThoseContainingIt() async throws {
        let (kontor, added) = try await book(customers: 30)
        let exact = try await kontor.customersNamed("kunde 007")
        #expect(exact.map(\.id) == [added[6].id])
        let containing = try await kontor.customersNamed("Kunde 01", limit: 6)
        #expect(containing.map(\.name) == ["Kunde 010", "Kunde 011", "Kunde 012", "Kunde 013", "Kunde 014", "Kunde 015"])
        // LIKE's wildcards are letters like any other
        #expect(try await kontor.customersNamed("%").isEmpty)
        #expect(try await kontor.customersNamed("Kunde _1").isEmpty)
        let percent = try await kontor.addCustomer(Customer(name: "50% Agentur", createdOn: today))
        #expect(try await kontor.customersNamed("50%").map(\.id) == [percent.id])
    }

    @Test func aTypedChoiceNamesItsIdByNumberOrLabel() {
        #expect(CustomerChoice.id(in: "17") == 17)
        #expect(CustomerChoice.id(in: " Müller GmbH (17) ") == 17)
        #expect(CustomerChoice.id(in: CustomerChoice(id: 4711, name: "Agentur (Nord)").label) == 4711)
        #expect(CustomerChoice.id(in: "Müller GmbH") == nil)
        #expect(CustomerChoice.id(in: "Agentur (Nord)") == nil)
        #expect(CustomerChoice.id(in: "0") == nil)
        #expect(CustomerChoice.id(in: "Kunde (-3)") == nil)
        #expect(CustomerChoice.name(in: " Müller GmbH (17) ") == "Müller GmbH")
        #expect(CustomerChoice.name(in: "17") == nil)
    }
}
