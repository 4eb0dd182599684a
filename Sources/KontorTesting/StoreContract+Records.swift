import Foundation
import KontorApp
import KontorCore
import Testing

/// What is written is read back unchanged.
extension StoreContract {
    /// Customers, inquiries, quotes with lines, jobs with revision rounds, notes, holds, work and the small records
    /// come back exactly as written, and an update replaces lines and rounds.
    public func recordsRoundTrip() async throws {
        let (kontor, store, customer) = try await book()
        var full = Self.customer("Dr. Vollständig GmbH", email: "post@vollstaendig.de", state: .BY)
        full.salutation = .frau
        full.academicTitle = "Dr."
        full.phone = "+49 89 123456"
        full.vatId = "DE123456789"
        full.buyerReference = "991-01234-56"
        full.notes = "Nur vormittags anrufen"
        full.language = .en
        let line = DocumentLine(
            description: "Whitepaper", quantity: Quantity(thousandths: 2_500), unit: .hour,
            unitPrice: UnitPrice(Money(cents: 9_000)), vatRate: .standard)
        let written = try await store.write { [full] book in
            let customer = try book.insert(customer: full)
            let inquiry = try book.insert(
                inquiry: Inquiry(
                    customerId: customer.id, channel: .phone, receivedOn: Self.day, subject: "Whitepaper",
                    wishedDeadline: Self.day.adding(days: 30), note: "Anruf"))
            let quote = try book.insert(
                quote: Quote(
                    customerId: customer.id, inquiryId: inquiry.id, title: "Whitepaper", createdOn: Self.day,
                    validUntil: Self.day.adding(days: 30), paymentTermDays: 14, lines: [line, line],
                    deliveryDate: Self.day.adding(days: 20)))
            let job = try book.insert(
                job: Job(
                    customerId: customer.id, quoteId: quote.id, title: "Whitepaper", effortHours: Quantity(12),
                    deadline: Self.day.adding(days: 20), createdOn: Self.day,
                    revisions: [
                        Revision(
                            requestedOn: Self.day.adding(days: 3), kind: .change, note: "Kürzer", billable: false),
                        Revision(
                            requestedOn: Self.day.adding(days: 5),
                            notes: [
                                RevisionNote(kind: .critique, text: "Ton"), RevisionNote(kind: .change, text: "Titel"),
                            ],
                            billable: true),
                    ]))
            let note = try book.insert(
                note: Note(
                    customerId: customer.id, writtenOn: Self.day, text: "Zahlt bis Freitag", kind: .promise,
                    promisedFor: Self.day.adding(days: 4)))
            let hold = try book.insert(
                dunningHold: DunningHold(
                    customerId: customer.id, until: Self.day.adding(days: 9), reason: "Urlaub", createdOn: Self.day))
            let log = try book.insert(workLog: WorkLog(jobId: job.id, day: Self.day, hours: Quantity(3), words: 1_200))
            try book.save(messageTemplate: "Sehr geehrte …", key: "reminder.de")
            try book.replaceAgenda([
                PlanSlot(day: Self.day.adding(days: 1), itemId: job.id, hours: 4),
                PlanSlot(day: Self.day, itemId: job.id, hours: 2),
            ])
            return (customer, inquiry, quote, job, note, hold, log)
        }
        let (customerRead, inquiryRead, quoteRead, jobRead, notes, holds, logs, template, agenda) = try await store.read
        {
            book in
            (
                try book.customer(id: written.0.id), try book.inquiry(id: written.1.id),
                try book.quote(id: written.2.id),
                try book.job(id: written.3.id), try book.notes(customerId: written.0.id),
                try book.dunningHolds(customerIds: [written.0.id]), try book.workLogs(jobIds: [written.3.id]),
                try book.messageTemplate(key: "reminder.de"), try book.agendaSlots()
            )
        }
        var expectedCustomer = full
        expectedCustomer.id = written.0.id
        #expect(customerRead == expectedCustomer && written.0 == expectedCustomer)
        #expect(inquiryRead == written.1)
        #expect(quoteRead == written.2 && quoteRead?.lines == [line, line])
        #expect(jobRead == written.3 && jobRead?.revisions.count == 2)
        #expect(notes == [written.4] && holds == [written.5] && logs == [written.6])
        #expect(template == "Sehr geehrte …")
        #expect(agenda.map(\.day) == [Self.day, Self.day.adding(days: 1)])
        // Updates replace lines and rounds.
        var quote = written.2
        quote.lines = [line]
        var job = written.3
        job.revisions.removeFirst()
        try await store.write { [quote, job] book in
            try book.update(quote: quote)
            try book.update(job: job)
        }
        let (updatedQuote, updatedJob) = (quote, job)
        #expect(try await store.read { try $0.quote(id: updatedQuote.id) } == updatedQuote)
        #expect(try await store.read { try $0.job(id: updatedJob.id) } == updatedJob)
        // The small records: mail settings replaced whole, a template forgotten, a moved deadline kept in order.
        let settings = try MailSettings(
            host: "smtp.example.de", port: 587, security: .starttls, username: "lena", senderName: "Lena Schreiber",
            senderAddress: "lena@example.de", bcc: "ablage@example.de")
        let later = try MailSettings(
            host: "mail.example.de", security: .tls, senderName: "Lena", senderAddress: "post@example.de")
        let moves = [
            DeadlineChange(
                jobId: job.id, customerId: job.customerId, changedOn: Self.day.adding(days: 2), previous: job.deadline,
                deadline: Self.day.adding(days: 25)),
            DeadlineChange(
                jobId: job.id, customerId: job.customerId, changedOn: Self.day.adding(days: 1), previous: nil,
                deadline: Self.day.adding(days: 22)),
        ]
        try await store.write { book in
            try book.save(mailSettings: settings)
            try book.save(mailSettings: later)
            try book.removeMessageTemplate(key: "reminder.de")
            for move in moves { try book.insert(deadlineChange: move) }
        }
        let jobCustomer = job.customerId
        let small = try await store.read { book in
            (
                try book.mailSettings(), try book.messageTemplate(key: "reminder.de"),
                try book.deadlineChanges(customerId: jobCustomer)
            )
        }
        #expect(small.0 == later && small.1 == nil && small.2 == moves.reversed())
        // The first customer is untouched by all this.
        #expect(try await kontor.customerDetail(id: customer.id).customer == customer)
    }
}
