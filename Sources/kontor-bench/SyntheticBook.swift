import KontorApp
import KontorCore

/// A deterministic synthetic business: `scale` 1 ≈ one busy freelancer over ten years (300 customers,
/// 6,000 invoices), `scale` 100 ≈ an agency. Written through the real store, in one transaction per customer.
struct SyntheticBook {
    let scale: Int
    let today: Day

    /// Customers per unit of scale (scale 1: one writer's ten years).
    static let customersPerScale = 300
    var customerCount: Int { Self.customersPerScale * scale }
    /// Customers with work in progress (open inquiries, jobs due, late payments): a team's capacity grows with
    /// the number of writers, not with the size of the archive, so it grows with the square root of the scale.
    var activeCustomers: Int { 300 * Int(Double(scale).squareRoot().rounded(.up)) }
    static let invoicesPerCustomer = 20

    /// Fills `store`; returns the number of invoices written.
    func build(into kontor: Kontor, store: any BookStore) async throws -> Int {
        _ = try await kontor.initialise(BusinessProfile(
            name: "Bench Texte", address: PostalAddress(street: "Lindenstraße 12", postalCode: "50674", city: "Köln"),
            iban: try IBAN("DE89370400440532013000"), taxNumber: "214/5678/1234"))
        let start = today.adding(days: -3650)
        let profile = try await kontor.profile()
        var invoices = 0
        for index in 0..<customerCount {
            let today = self.today
            invoices += try await store.write { book in
                var customer = try book.insert(customer: Customer(
                    name: "Kunde \(index) GmbH", contactPerson: "Person \(index)",
                    address: PostalAddress(street: "Weg \(index)", postalCode: "50674", city: "Köln", state: .NW),
                    email: "kunde\(index)@example.de", status: .new, createdOn: start.adding(days: index % 365)))
                var written = 0
                for n in 0..<SyntheticBook.invoicesPerCustomer {
                    // Spread issue dates over ten years, the newest in the last weeks.
                    let issueDay = start.adding(days: (n * 3650 / SyntheticBook.invoicesPerCustomer) + (index * 7) % 170)
                    guard issueDay < today else { continue }
                    _ = try book.insert(inquiry: Inquiry(
                        customerId: customer.id, channel: n % 3 == 0 ? .phone : .email, receivedOn: issueDay.adding(days: -30),
                        subject: "Auftrag \(n)", status: .won, answeredOn: issueDay.adding(days: -29), closedOn: issueDay.adding(days: -25)))
                    let job = try book.insert(job: Job(
                        customerId: customer.id, title: "Text \(n)", effortHours: Quantity(Int64(4 + n % 5)),
                        deadline: issueDay.adding(days: -2), status: .accepted, createdOn: issueDay.adding(days: -25),
                        deliveredOn: issueDay.adding(days: -3), acceptedOn: issueDay.adding(days: -1)))
                    var draft = try book.insert(draft: Invoice(
                        customerId: customer.id, jobId: job.id, draftedOn: issueDay, paymentTermDays: 14,
                        lines: [
                            DocumentLine(description: "Text \(n)", quantity: Quantity(Int64(800 + (index + n) % 900)),
                                         unit: .word, unitPrice: UnitPrice(tenThousandths: 1200), vatRate: .standard),
                            DocumentLine(description: "Nutzungsrechte", quantity: Quantity(1), unit: .flat,
                                         unitPrice: UnitPrice(tenThousandths: 1_500_000), vatRate: .reduced),
                        ]))
                    let counter = try book.nextCounter(series: profile.numberFormat.series(for: issueDay))
                    draft = try draft.issued(
                        number: profile.numberFormat.number(counter: counter, on: issueDay), on: issueDay,
                        customer: customer, profile: profile)
                    try book.recordIssue(of: draft)
                    written += 1
                    // Older invoices are paid; recent ones are still open, and one customer in fifty pays late.
                    let latePayer = index % 50 == 0 && index < activeCustomers && n == SyntheticBook.invoicesPerCustomer - 1
                    // Recent invoices are still open only for the customers someone is working for now.
                    let recentAndActive = issueDay.adding(days: 30) >= today && index < activeCustomers
                    if !latePayer && !recentAndActive {
                        _ = try book.insert(payment: Payment(
                            invoiceId: draft.id, customerId: customer.id, amount: draft.totals.gross,
                            receivedOn: issueDay.adding(days: 10 + (index + n) % 20)))
                        if customer.status != .regular {
                            customer.status = .regular
                            try book.update(customer: customer)
                        }
                    }
                }
                if index % 7 == 0 && index < activeCustomers {
                    _ = try book.insert(inquiry: Inquiry(
                        customerId: customer.id, channel: .email, receivedOn: today.adding(days: -(index % 5)),
                        subject: "Neue Anfrage"))
                }
                if index % 11 == 0 && index < activeCustomers {
                    _ = try book.insert(job: Job(
                        customerId: customer.id, title: "Offener Auftrag", effortHours: Quantity(6),
                        deadline: today.adding(days: index % 14), createdOn: today.adding(days: -10)))
                }
                return written
            }
        }
        return invoices
    }
}

extension SyntheticBook {
    /// `count` drafts of one line each, spread over the customers, ready to be issued (their references).
    func drafts(_ count: Int, in kontor: Kontor) async throws -> [String] {
        var drafts: [String] = []
        for index in 0..<count {
            let draft = try await kontor.draftInvoice(from: .customer(Int64(index % customerCount + 1)), on: today)
            _ = try await kontor.addInvoiceLine("\(draft.id)", line: DocumentLine(
                description: "Text", quantity: Quantity(1000), unit: .word, unitPrice: UnitPrice(tenThousandths: 1200),
                vatRate: .standard))
            drafts.append("\(draft.id)")
        }
        return drafts
    }
}
