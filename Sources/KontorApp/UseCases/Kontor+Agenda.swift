public import KontorCore
public import Foundation
import KontorDocuments

/// The agenda for the coming weeks: the plan, the jobs in it, and the load per week.
public struct Agenda: Sendable {
    public var plan: AgendaPlan
    public var jobs: [Int64: Job]
    public var customers: [Int64: String]

    /// Planned and available hours (thousandths) per week, starting with the week of the plan's first day.
    public func weeklyLoad(weeks: Int) -> [(weekStart: Day, planned: Int64, capacity: Int64)] {
        let monday = plan.start.adding(days: -(plan.start.isoWeekday - 1))
        return (0..<weeks).map { week in
            let days = (0..<7).map { monday.adding(days: week * 7 + $0) }.filter { $0 >= plan.start }
            return (monday.adding(days: week * 7), days.map(plan.plannedHours).reduce(0, +),
                    days.map(plan.capacity.hours).reduce(0, +))
        }
    }
}

/// An inquiry's proposed delivery with the price from the rate card.
public struct InquiryProposal: Sendable {
    public var inquiry: Inquiry
    public var customer: Customer
    public var proposal: DeliveryProposal
    /// The net price at the rate card's rate, when the inquiry has a size.
    public var price: Money?
}

extension Kontor {
    /// The open jobs as plan items: remaining effort (the planner's estimate for unknown work when a job has
    /// none), deadline and priority.
    static func planItems(_ jobs: [Job]) -> [PlanItem] {
        jobs.filter { $0.status == .planned || $0.status == .inProgress || $0.status == .revising }.map {
            let remaining = $0.effortHours?.thousandths ?? DeliveryPlanner.smallJobHours
            return PlanItem(id: $0.id, title: $0.title, hours: $0.status == .revising ? 2000 : remaining,
                            deadline: $0.deadline, priority: $0.priority)
        }
    }

    /// Plans the open jobs from `today` on.
    public func agenda(today: Day) async throws -> Agenda {
        try await store.read { book in
            let profile = try book.requireProfile()
            let jobs = try book.jobs(openOnly: true, customerId: nil, deadlineOnOrBefore: nil)
            let plan = CapacityPlanner.plan(Kontor.planItems(jobs), capacity: profile.effectiveCapacity, from: today)
            return Agenda(
                plan: plan, jobs: Dictionary(uniqueKeysWithValues: jobs.map { ($0.id, $0) }),
                customers: try book.customerNames(ids: Set(jobs.map(\.customerId))))
        }
    }

    /// Plans the open jobs and stores the plan (it feeds the calendar export).
    public func storeAgenda(today: Day) async throws -> Agenda {
        let agenda = try await agenda(today: today)
        try await store.write { try $0.replaceAgenda(agenda.plan.slots) }
        return agenda
    }

    /// The earliest realistic delivery date for an inquiry's work, and its price from the rate card.
    public func proposeDelivery(inquiryId: Int64, today: Day) async throws -> InquiryProposal {
        try await store.read { book in
            let profile = try book.requireProfile()
            let inquiry = try book.requireInquiry(inquiryId)
            let customer = try book.requireCustomer(inquiry.customerId)
            let card = profile.effectiveRateCard
            let hours = card.effort(quoteLines: [], inquirySize: inquiry.size)
            let jobs = try book.jobs(openOnly: true, customerId: nil, deadlineOnOrBefore: nil)
            let proposal = DeliveryPlanner.propose(
                hours: hours, items: Kontor.planItems(jobs), capacity: profile.effectiveCapacity, today: today)
            return InquiryProposal(inquiry: inquiry, customer: customer, proposal: proposal, price: inquiry.size.map(card.price))
        }
    }
}

extension Kontor {
    /// The answer to an inquiry, drafted with the proposed date and the rate card's price.
    public func replyDraft(inquiryId: Int64, today: Day) async throws -> String {
        let proposal = try await proposeDelivery(inquiryId: inquiryId, today: today)
        return try await store.read { book in
            let profile = try book.requireProfile()
            let unitPrice = proposal.inquiry.size.map { profile.effectiveRateCard.price(for: $0.unit) }
            return try InquiryReply.compose(
                InquiryReplyFacts(
                    inquiry: proposal.inquiry, customer: proposal.customer, seller: profile, proposal: proposal.proposal,
                    unitPrice: unitPrice, price: proposal.price, today: today)
            ) { key in (try? book.messageTemplate(key: key)) ?? nil }
        }
    }
}

extension Kontor {
    /// Deadlines of open jobs and the stored plan (or today's plan) as an iCalendar feed.
    public func agendaCalendar(today: Day) async throws -> RenderedDocument {
        let agenda = try await agenda(today: today)
        let stored = try await store.read { try $0.agendaSlots() }
        let slots = stored.isEmpty ? agenda.plan.slots : stored
        var events: [ICalendarWriter.Event] = []
        for job in agenda.jobs.values.sorted(by: { $0.id < $1.id }) {
            guard let deadline = job.deadline else { continue }
            let customer = agenda.customers[job.customerId].map { " (\($0))" } ?? ""
            events.append(ICalendarWriter.Event(
                uid: "deadline-\(job.id)@kontor", day: deadline, summary: "Abgabe: \(job.title)\(customer)"))
        }
        for slot in slots {
            let title = agenda.jobs[slot.itemId]?.title ?? "Auftrag \(slot.itemId)"
            events.append(ICalendarWriter.Event(
                uid: "work-\(slot.day)-\(slot.itemId)@kontor", day: slot.day,
                summary: "Schreiben: \(title) (\(Quantity(thousandths: slot.hours).formatted(.de)) h)"))
        }
        let text = ICalendarWriter.calendar(name: "Kontor", events: events, stamp: today)
        return RenderedDocument(fileName: "kontor-agenda.ics", data: Data(text.utf8))
    }

    /// All customers as vCard 4.0.
    public func exportVCards() async throws -> RenderedDocument {
        let customers = try await store.read { try $0.customers(status: nil, search: nil) }
        return RenderedDocument(fileName: "kontor-kunden.vcf", data: Data(VCard.export(customers).utf8))
    }

    /// Imports customers from a .vcf file: cards that Kontor exported or that match a customer by e-mail or name
    /// are left alone; the others become prospects. Returns (created, unchanged).
    public func importVCards(_ text: String, today: Day) async throws -> (created: [Customer], unchanged: Int) {
        try await importCards(try Self.checked(try VCard.parse(text, today: today)))
    }

    /// Imports customers from the bytes of a .vcf file named `fileName`: a file that is not UTF-8 or exceeds
    /// `InputLimits` is refused (naming the place) before anything is read into the book.
    public func importVCards(data: Data, fileName: String, today: Day) async throws
        -> (created: [Customer], unchanged: Int)
    {
        try await importCards(try Self.checked(try VCard.parse(data: data, fileName: fileName, today: today)))
    }

    private func importCards(_ cards: [VCard.Imported]) async throws -> (created: [Customer], unchanged: Int) {
        try await store.write { book in
            var created: [Customer] = []
            var unchanged = 0
            for card in cards {
                if let id = card.kontorId, let existing = try book.customer(id: id), existing.name == card.customer.name {
                    unchanged += 1
                } else if let email = card.customer.email, try book.customer(email: email) != nil {
                    unchanged += 1
                } else if try book.customer(name: card.customer.name) != nil {
                    unchanged += 1
                } else {
                    created.append(try book.insert(customer: card.customer))
                }
            }
            return (created, unchanged)
        }
    }

    /// Reads the cards and checks each customer as typed input: a card with an impossible VAT ID or characters the
    /// documents cannot print stops the whole import, as any other invalid field does. Synchronous and outside
    /// the async use case on purpose: the release compiler (6.3.1) crashed splitting the coroutine with this
    /// throwing closure inline.
    static func checked(_ parsed: [VCard.Imported]) throws -> [VCard.Imported] {
        var cards = parsed
        for index in cards.indices {
            cards[index].customer = try cards[index].customer.checkedInput()
            try DocumentFonts.requirePrintable(DocumentFonts.fields(of: cards[index].customer))
        }
        return cards
    }
}

extension Kontor {
    /// Conversion of inquiries per channel.
    public func inquiryConversion() async throws -> InquiryConversion {
        try await store.read { book in
            InquiryConversion(inquiries: try book.inquiries(statuses: nil, customerId: nil), quotes: try book.quotes(customerId: nil))
        }
    }
}
