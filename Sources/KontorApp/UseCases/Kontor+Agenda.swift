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
                    days.map(plan.availableHours).reduce(0, +))
        }
    }
}

extension Kontor {
    /// The open jobs as plan items: remaining effort (the planner's estimate for unknown work when a job has
    /// none) less the work logged on it, deadline and priority.
    static func planItems(_ jobs: [Job], logs: [WorkLog]) -> [PlanItem] {
        let byJob = Dictionary(grouping: logs, by: \.jobId)
        return jobs.compactMap { PlanItem.remaining(of: $0, logs: byJob[$0.id] ?? []) }
    }

    /// The open jobs of the book as plan items (see `planItems(_:logs:)`).
    static func openPlanItems(_ book: any BookReader) throws -> (jobs: [Job], items: [PlanItem]) {
        let jobs = try book.jobs(openOnly: true, customerId: nil, deadlineOnOrBefore: nil)
        return (jobs, planItems(jobs, logs: try book.workLogs(jobIds: Set(jobs.map(\.id)))))
    }

    /// Plans the open jobs from `today` on. The one planner result behind `/agenda`, the `/jobs` week,
    /// `kontor agenda` and the calendar feed.
    public func agenda(today: Day) async throws -> Agenda {
        try await store.read { book in
            let profile = try book.requireProfile()
            let (jobs, items) = try Kontor.openPlanItems(book)
            // Each writer's jobs within their own hours and vacations, the rest within the book's.
            var writers: [Int64: String] = [:]
            for job in jobs { writers[job.id] = job.writer }
            let named = Set(writers.values)
            var capacities: [String: WorkingCapacity] = [:]
            if !named.isEmpty {
                for user in try book.webUsers() where named.contains(user.name) {
                    capacities[user.name] = user.capacity.map { profile.withHolidays($0) }
                }
            }
            let plan = TeamPlanner.plan(
                items, writers: writers, capacities: capacities, capacity: profile.effectiveCapacity, from: today)
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
    public func inquiryConversion(receivedSince first: Day? = nil) async throws -> InquiryConversion {
        try await store.read { book in
            InquiryConversion(
                tallies: try book.inquiryTallies(receivedSince: first),
                orderValues: try book.acceptedOrderValues(receivedSince: first))
        }
    }
}
