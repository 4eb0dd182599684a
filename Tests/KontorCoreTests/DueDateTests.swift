import Testing

@testable import KontorCore

/// The due date ("Zahlbar bis") and the overdue rule, checked for every issue day of five years.
struct DueDateTests {
    @Test func dueDateIsIssueDatePlusTermAndOverdueStartsTheDayAfterTheLastDayToPay() throws {
        let customer = Customer(id: 1, name: "Kunde", address: PostalAddress(street: "Weg 1", postalCode: "10115", city: "Berlin"),
                                createdOn: Day("2024-01-01")!)
        let profile = BusinessProfile(name: "Lena", address: PostalAddress(street: "Weg 2", postalCode: "50674", city: "Köln"),
                                      vatId: "DE123456789")
        let line = DocumentLine(description: "Text", quantity: Quantity(1), unit: .flat,
                                unitPrice: UnitPrice(tenThousandths: 1_000_000), vatRate: .standard)
        let first = try #require(Day("2024-01-01"))
        for offset in 0..<(5 * 365) {
            let issueDay = first.adding(days: offset)
            let term = [0, 7, 14, 30][offset % 4]
            let invoice = try Invoice(id: 1, customerId: 1, draftedOn: issueDay, paymentTermDays: term, lines: [line])
                .issued(number: "n", on: issueDay, customer: customer, profile: profile)
            let due = try #require(invoice.dueDate)
            #expect(issueDay.days(until: due) == term)
            // Overdue from the day after the last day to pay: the due date moved past weekends and holidays
            // (§ 193 BGB, nationwide holidays for a customer without a state).
            let lastDay = DueDateShift.shifted(due, state: nil)
            #expect(!invoice.isOverdue(on: lastDay) && invoice.isOverdue(on: lastDay.adding(days: 1)))
            #expect(invoice.daysOverdue(on: lastDay.adding(days: 9)) == 9)
        }
    }

    @Test func numbersStayInTheirYear() throws {
        let format = InvoiceNumberFormat.standard
        var day = try #require(Day("2025-12-25"))
        while day < Day("2026-01-08")! {
            #expect(format.number(counter: 7, on: day) == "\(day.year)-0007")
            #expect(format.series(for: day) == "\(day.year)")
            day = day.adding(days: 1)
        }
    }
}
