public import KontorCore
import Foundation

/// What `fillDemoBook` created.
public struct DemoSummary: Sendable, Codable {
    public var customers: Int
    public var inquiries: Int
    public var invoices: Int
    public var payments: Int
}

extension Kontor {
    /// Fills an empty book with a year of a believable writing business ending on `today`: about 20
    /// customers, inquiries by mail and phone, quotes, jobs, invoices, payments, a few late payers, and
    /// work due this week. Deterministic, so screenshots and tests see the same book.
    public func fillDemoBook(today: Day) async throws -> DemoSummary {
        guard try await customers().isEmpty else { throw AppError.bookNotEmpty }
        if (try? await profile()) == nil {
            _ = try await initialise(DemoData.profile)
        }
        var random = DemoRandom(seed: 2026)
        var summary = DemoSummary(customers: 0, inquiries: 0, invoices: 0, payments: 0)
        var customerIds: [Int64] = []
        for (index, template) in DemoData.customers.enumerated() {
            var customer = template
            customer.createdOn = today.adding(days: -365 + index * 9)
            customerIds.append(try await addCustomer(customer).id)
        }
        summary.customers = customerIds.count
        // A year of work: every ten days or so a job runs from inquiry to payment.
        var day = today.adding(days: -360)
        var round = 0
        while day < today.adding(days: -12) {
            let customerId = customerIds[random.next(customerIds.count)]
            let topic = DemoData.topics[random.next(DemoData.topics.count)]
            let channel: InquiryChannel = [.email, .phone, .email, .referral, .form][random.next(5)]
            let inquiry = try await addInquiry(
                from: .customer(customerId), channel: channel, receivedOn: day, subject: topic.subject,
                size: WorkSize(quantity: Quantity(topic.words), unit: .word), wishedDeadline: day.adding(days: 21))
            summary.inquiries += 1
            if random.next(6) == 0 {
                _ = try await closeInquiry(id: inquiry.inquiry.id, won: false, on: day.adding(days: 3),
                                           note: "Hat sich für ein günstigeres Angebot entschieden.")
            } else {
                let quote = try await addQuote(
                    customerId: customerId, inquiryId: inquiry.inquiry.id, title: topic.subject, on: day.adding(days: 1),
                    validUntil: nil, paymentTermDays: nil)
                _ = try await addQuoteLine(quoteId: quote.id, line: DocumentLine(
                    description: topic.subject, quantity: Quantity(topic.words), unit: .word,
                    unitPrice: UnitPrice(tenThousandths: topic.wordPrice), vatRate: .standard))
                if topic.licence > 0 {
                    _ = try await addQuoteLine(quoteId: quote.id, line: DocumentLine(
                        description: "Einräumung der Nutzungsrechte (Print und Online)", quantity: Quantity(1),
                        unit: .flat, unitPrice: UnitPrice(Money(cents: topic.licence)), vatRate: .reduced))
                }
                let accepted = try await acceptQuote(
                    id: quote.id, on: day.adding(days: 3), deadline: day.adding(days: 17),
                    effortHours: Quantity(Int64(topic.words / 400 + 2)))
                let job = accepted.job
                _ = try await advanceJob(id: job.id, to: .inProgress, on: day.adding(days: 8))
                _ = try await advanceJob(id: job.id, to: .delivered, on: day.adding(days: 15))
                if random.next(3) == 0 {
                    _ = try await reviseJob(id: job.id, kind: .change, note: "Bitte den Einstieg persönlicher.",
                                            on: day.adding(days: 17))
                    _ = try await advanceJob(id: job.id, to: .delivered, on: day.adding(days: 19))
                }
                _ = try await advanceJob(id: job.id, to: .accepted, on: day.adding(days: 20))
                let draft = try await draftInvoice(from: .job(job.id), on: day.adding(days: 21))
                let issueDay = day.adding(days: 21)
                let invoice = try await issueInvoice("\(draft.id)", on: issueDay)
                summary.invoices += 1
                let gross = invoice.totals.gross
                let dueDate = invoice.dueDate!
                let behaviour = random.next(10)
                let lateRound = round % 7 == 3
                if dueDate.adding(days: 10) < today && !lateRound {
                    if behaviour < 7 {
                        _ = try await addPayment(invoice: invoice.number!, amount: gross,
                                                 on: issueDay.adding(days: 5 + random.next(9)))
                        summary.payments += 1
                    } else if behaviour < 9 {
                        _ = try await addPayment(invoice: invoice.number!, amount: gross,
                                                 on: dueDate.adding(days: 3 + random.next(20)))
                        summary.payments += 1
                    } else {
                        let half = Money(cents: gross.cents / 2)
                        _ = try await addPayment(invoice: invoice.number!, amount: half, on: dueDate.adding(days: 2),
                                                 note: "Teilzahlung")
                        summary.payments += 1
                    }
                } else if lateRound {
                    _ = try await addNote(customerId: customerId, text: "Rechnung \(invoice.number!) laut Buchhaltung in Prüfung.",
                                          on: dueDate.adding(days: 4))
                }
            }
            day = day.adding(days: 8 + random.next(5))
            round += 1
        }
        // This week: fresh inquiries, a caller, and work due soon.
        let fresh: [(InquirySender, InquiryChannel, Int, String, WorkSize)] = [
            (.contact(name: "Brauhaus Feldmann GmbH", email: "info@brauhaus-feldmann.de", phone: nil, kind: .business),
             .email, -4, "Texte für die neue Website (5 Seiten)", WorkSize(quantity: Quantity(2500), unit: .word)),
            (.contact(name: "Dr. Ines Wolff", email: nil, phone: "0221 555 0199", kind: .consumer),
             .phone, -1, "Lektorat Festschrift, ca. 60 Normseiten", WorkSize(quantity: Quantity(60), unit: .page)),
            (.customer(customerIds[2]), .email, -2, "Newsletter Dezember", WorkSize(quantity: Quantity(600), unit: .word)),
        ]
        for (sender, channel, offset, subject, size) in fresh {
            _ = try await addInquiry(
                from: sender, channel: channel, receivedOn: today.adding(days: offset), subject: subject, size: size,
                wishedDeadline: today.adding(days: 14))
            summary.inquiries += 1
        }
        for (index, customerId) in customerIds.prefix(3).enumerated() {
            _ = try await addJob(customerId: customerId, title: ["Pressemitteilung Jubiläum", "Blogartikel Winterreihe", "Produkttexte Relaunch"][index],
                                 on: today.adding(days: -5), effortHours: Quantity(Int64(3 + index * 2)),
                                 deadline: today.adding(days: 2 + index * 2))
        }
        summary.customers = try await customers().count
        return summary
    }
}

/// A small deterministic random generator (the demo must look the same on every machine).
struct DemoRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed &* 6_364_136_223_846_793_005 &+ 1 }

    /// A number in 0..<bound.
    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }
}
