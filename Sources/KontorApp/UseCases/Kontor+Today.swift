public import KontorCore

extension Kontor {
    /// The morning list as of `today`, the one read model behind Heute and `kontor today`: waiting inquiries,
    /// jobs due within a week, reminder drafts, dunning steps due, bank entries to review, overdue invoices
    /// (counted from the § 193 BGB last day to pay) and invoices due within a week. One read, a fixed number of
    /// queries whatever the size of the book.
    public func morningList(today: Day) async throws -> MorningList {
        try await store.read { book in
            let policy = try book.profile()?.effectiveDunningPolicy ?? DunningPolicy()
            // Long sections name their first items and count the rest (the same window for every section).
            let shown = ListWindow(size: MorningList.itemsShown)
            let inquiries = try book.inquiryList(status: .open, window: shown)
            let jobs = try book.jobs(
                openOnly: true, customerId: nil, deadlineOnOrBefore: today.adding(days: MorningList.jobHorizonDays))
            let invoices = try book.openInvoices(dueOnOrBefore: today.adding(days: MorningList.invoiceHorizonDays))
            let drafts = try book.dunningLetterList(status: .draft, window: shown)
            // The queue can hold a whole statement's unrelated credits.
            let review = try book.bankEntryList(status: .review, window: shown)
            let stepsDue = try Kontor.dunningStepsDue(
                invoices.filter { $0.dueDate <= today }, waiting: try book.invoiceIdsWithDraftLetters(), policy: policy,
                today: today, book: book)
            let names = try book.customerNames(ids: Set(
                inquiries.items.map(\.customerId) + jobs.map(\.customerId) + drafts.items.map(\.customerId)))
            let suggested = try book.invoiceNumbers(ids: Set(review.items.flatMap(\.invoiceIds)))
            var list = MorningList(
                today: today,
                inquiries: inquiries.items.map { ($0, names[$0.customerId] ?? "?") },
                inquiriesTotal: inquiries.total,
                jobs: jobs.map { ($0, names[$0.customerId] ?? "?") },
                reminderDrafts: drafts.items.map {
                    MorningList.ReminderDraft($0, customerName: names[$0.customerId] ?? "?")
                },
                reminderDraftsTotal: drafts.total,
                dunningStepsDue: stepsDue,
                bankEntriesToReview: review.items.map { entry in
                    MorningList.BankEntryToReview(
                        entry, suggestedInvoices: entry.invoiceIds.compactMap { suggested[$0] })
                },
                bankEntriesToReviewTotal: review.total,
                invoices: invoices)
            list.mailProblems = try book.outboxMessages(statuses: [.failed, .unknown], limit: 50).map { message in
                MorningList.MailProblem(
                    mailId: message.id, subject: message.subject, recipient: message.recipients.first ?? "",
                    status: message.status, reason: message.failure ?? .other(""))
            }
            return list
        }
    }

    /// The steps the reminder run would draft today, decided by the same `DunningPlanner` from the same facts;
    /// invoices with a draft waiting (`waiting`) are left out (they are in the drafts section).
    static func dunningStepsDue(
        _ candidates: [MorningList.OpenInvoice], waiting: Set<Int64>, policy: DunningPolicy, today: Day,
        book: any BookReader
    ) throws -> [MorningList.DunningStepDue] {
        let open = candidates.filter { !waiting.contains($0.invoiceId) }
        guard !open.isEmpty else { return [] }
        let invoiceIds = Set(open.map(\.invoiceId))
        let customerIds = Set(open.map(\.customerId))
        // Marks and statuses, not whole letters and customers: the decision needs no texts or addresses.
        let letters = Dictionary(grouping: try book.dunningMarks(invoiceIds: invoiceIds), by: \.invoiceId)
        let notes = try book.notes(customerIds: customerIds)
        let holds = Dictionary(grouping: try book.dunningHolds(customerIds: customerIds), by: \.customerId)
        let statuses = try book.customerStatuses(ids: customerIds)
        let warned = try book.customersSentNotices(among: customerIds)
        return open.compactMap { invoice in
            guard let status = statuses[invoice.customerId] else { return nil }
            // The balance row has money open, so the invoice is issued and not cancelled.
            let situation = Kontor.dunningSituation(
                invoiceId: invoice.invoiceId, dueDate: invoice.dueDate, openAmount: invoice.openAmount,
                isCancelled: false, customerId: invoice.customerId, customerStatus: status, state: invoice.state,
                letters: letters[invoice.invoiceId] ?? [],
                notes: notes[invoice.customerId] ?? [], holds: holds[invoice.customerId] ?? [], warned: warned)
            guard let decision = DunningPlanner.due(situation, policy: policy, today: today) else { return nil }
            return MorningList.DunningStepDue(
                invoiceId: invoice.invoiceId, invoiceNumber: invoice.number, customerId: invoice.customerId,
                customerName: invoice.customerName, step: decision.step, dueOn: decision.dueOn,
                openAmount: invoice.openAmount)
        }
    }

    /// Everything that happened with a customer, in date order.
    public func timeline(customerId: Int64) async throws -> [TimelineEvent] {
        try await store.read { book in
            let customer = try book.requireCustomer(customerId)
            var events = [TimelineEvent(day: customer.createdOn, kind: .customerCreated)]
            for inquiry in try book.inquiries(statuses: nil, customerId: customerId) {
                events.append(TimelineEvent(
                    day: inquiry.receivedOn, kind: .inquiry,
                    detail: inquiry.note, reference: "inquiry \(inquiry.id)",
                    facts: TimelineFacts(
                        subject: inquiry.subject, status: inquiry.channel.rawValue, actor: inquiry.createdBy)))
                if let answered = inquiry.answeredOn {
                    events.append(TimelineEvent(day: answered, kind: .inquiryAnswered,
                                                reference: "inquiry \(inquiry.id)"))
                }
                if let closed = inquiry.closedOn {
                    events.append(TimelineEvent(day: closed, kind: .inquiryClosed,
                                                reference: "inquiry \(inquiry.id)",
                                                facts: TimelineFacts(status: inquiry.status.rawValue)))
                }
            }
            for quote in try book.quotes(customerId: customerId) {
                events.append(TimelineEvent(
                    day: quote.createdOn, kind: .quote,
                    reference: "quote \(quote.id)",
                    facts: TimelineFacts(
                        subject: quote.title, amount: quote.net, termDays: quote.paymentTermDays,
                        actor: quote.createdBy)))
                if let decided = quote.decidedOn {
                    events.append(TimelineEvent(day: decided, kind: .quoteDecided,
                                                reference: "quote \(quote.id)", facts: TimelineFacts(status: quote.status.rawValue)))
                }
            }
            for job in try book.jobs(openOnly: false, customerId: customerId, deadlineOnOrBefore: nil) {
                let reference = "job \(job.id)"
                events.append(TimelineEvent(day: job.createdOn, kind: .job,
                                            reference: reference,
                                            facts: TimelineFacts(
                                                subject: job.title, day: job.deadline, actor: job.createdBy)))
                if let day = job.startedOn { events.append(TimelineEvent(day: day, kind: .jobStarted, reference: reference)) }
                if let day = job.deliveredOn { events.append(TimelineEvent(day: day, kind: .jobDelivered, reference: reference)) }
                // Each note of a round is its own event: the evidence keeps every point the customer made.
                for revision in job.revisions {
                    for note in revision.notes {
                        events.append(TimelineEvent(
                            day: revision.requestedOn, kind: .revision, detail: note.text,
                            reference: reference, facts: TimelineFacts(subject: note.text, status: note.kind.rawValue)))
                    }
                }
                if let day = job.acceptedOn { events.append(TimelineEvent(day: day, kind: .jobAccepted, reference: reference)) }
            }
            events += try Kontor.deadlineEvents(book.deadlineChanges(customerId: customerId))
            let jobs = try book.jobs(openOnly: false, customerId: customerId, deadlineOnOrBefore: nil)
            events += Kontor.workEvents(try book.workLogs(jobIds: Set(jobs.map(\.id))), jobs: jobs)
            let invoices = try book.invoices(InvoiceQuery(customerId: customerId))
            for invoice in invoices {
                guard let number = invoice.number, let issued = invoice.issueDate else { continue }
                if invoice.kind == .cancellation {
                    events.append(TimelineEvent(
                        day: issued, kind: .cancellation,
                        reference: number,
                        facts: TimelineFacts(
                            amount: invoice.totals.gross, invoiceNumber: invoice.cancelsNumber, actor: invoice.issuedBy)))
                } else {
                    events.append(TimelineEvent(
                        day: issued, kind: .invoice,
                        reference: number,
                        facts: TimelineFacts(
                            amount: invoice.totals.gross, day: invoice.dueDate, invoiceNumber: number,
                            actor: invoice.issuedBy)))
                }
            }
            let numbers = Dictionary(uniqueKeysWithValues: invoices.map { ($0.id, $0.number ?? "draft") })
            for payment in try book.payments(invoiceId: nil, customerId: customerId) {
                events.append(TimelineEvent(
                    day: payment.receivedOn, kind: .payment,
                    reference: numbers[payment.invoiceId],
                    facts: TimelineFacts(
                        subject: payment.kind == .received ? nil : payment.note, status: payment.kind.rawValue,
                        amount: payment.amount, invoiceNumber: numbers[payment.invoiceId], actor: payment.recordedBy)))
            }
            for letter in try book.dunningLetters(status: .sent, invoiceIds: Set(invoices.map(\.id))) {
                events.append(TimelineEvent(
                    day: letter.sentOn!, kind: .reminder,
                    detail: letter.subject, reference: letter.invoiceNumber,
                    facts: TimelineFacts(
                        subject: letter.subject, status: letter.step.rawValue, invoiceNumber: letter.invoiceNumber,
                        actor: letter.approvedBy)))
            }
            let letterNumbers = Dictionary(
                try book.dunningLetters(status: .sent, invoiceIds: Set(invoices.map(\.id))).map { ($0.id, $0.invoiceNumber) },
                uniquingKeysWith: { first, _ in first })
            events += Kontor.mailEvents(
                try book.outboxMessages(customerId: customerId, statuses: [.sent]), invoiceNumbers: numbers,
                letterNumbers: letterNumbers)
            for note in try book.notes(customerId: customerId) {
                let number = note.invoiceId.flatMap { numbers[$0] }
                let facts = TimelineFacts(
                    subject: note.text, day: note.promisedFor, invoiceNumber: number, actor: note.createdBy)
                switch note.kind {
                case .note:
                    events.append(TimelineEvent(
                        day: note.writtenOn, kind: .note, detail: note.text, facts: facts))
                case .promise:
                    events.append(TimelineEvent(
                        day: note.writtenOn, kind: .promise,
                        detail: note.text, facts: facts))
                case .objection:
                    events.append(TimelineEvent(
                        day: note.writtenOn, kind: .objection, detail: note.text, facts: facts))
                case .objectionResolved:
                    events.append(TimelineEvent(
                        day: note.writtenOn, kind: .objectionResolved,
                        detail: note.text, facts: facts))
                case .statusChange:
                    guard let change = RegularCustomerRule.change(in: note) else { continue }
                    events.append(TimelineEvent(
                        day: note.writtenOn, kind: .statusChange,
                        facts: TimelineFacts(subject: change.reason.rawValue, status: change.status.rawValue,
                                             invoiceNumber: number)))
                }
            }
            return events.sorted(by: TimelineEvent.chronological)
        }
    }
}

extension Kontor {
    /// Mails sent as timeline events: what went to whom on which day, with the Message-ID as evidence.
    static func mailEvents(
        _ messages: [OutboxMessage], invoiceNumbers: [Int64: String], letterNumbers: [Int64: String]
    ) -> [TimelineEvent] {
        messages.compactMap { message in
            guard let sentAt = message.sentAt, message.kind != .test else { return nil }
            let number: String? = switch message.kind {
            case .invoice: message.recordId.flatMap { invoiceNumbers[$0] }
            case .reminder: message.recordId.flatMap { letterNumbers[$0] }
            case .quote, .inquiryReply, .test: nil
            }
            let reference: String? = switch message.kind {
            case .invoice, .reminder: number
            case .quote: message.recordId.map { "quote \($0)" }
            case .inquiryReply: message.recordId.map { "inquiry \($0)" }
            case .test: nil
            }
            let recipient = message.recipients.first ?? ""
            let day = Day(sentAt)
            return TimelineEvent(
                day: day, kind: .mailSent,
                reference: reference,
                facts: TimelineFacts(
                    subject: message.subject, status: message.kind.rawValue, invoiceNumber: number,
                    recipient: recipient, messageId: message.messageId))
        }
    }

    /// Moved deadlines as timeline events: what was agreed before and what now.
    static func deadlineEvents(_ changes: [DeadlineChange]) -> [TimelineEvent] {
        changes.map { change in
            TimelineEvent(
                day: change.changedOn, kind: .deadlineChanged,
                reference: "job \(change.jobId)",
                facts: TimelineFacts(day: change.deadline, previousDay: change.previous))
        }
    }

    /// Receivables as of `today`: aging buckets, per customer, DSO.
    public func receivablesReport(today: Day) async throws -> ReceivablesReport {
        try await store.read { book in
            let revenue = Self.revenue(
                try book.revenueByDay(from: Self.receivablesYearStart(today), through: today),
                from: Self.receivablesYearStart(today), through: today)
            return ReceivablesReport(items: try book.receivableItems(owingOnly: true), asOf: today, revenueOfLastYear: revenue)
        }
    }
}
