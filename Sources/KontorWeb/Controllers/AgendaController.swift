import Foundation
import Hummingbird
import KontorApp
import KontorCore

/// The agenda as a week view of planned work, and the same plan as a calendar feed (`/agenda.ics`).
struct AgendaController: Sendable {
    let services: AppServices

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self)
            .get("agenda", use: self.show)
            .get("agenda.ics", use: self.calendar)
            .post("agenda/plan", use: self.storePlan)
    }

    /// POST /agenda/plan: keeps today's plan, so that the calendar feed shows the same slots until planned again.
    @Sendable func storePlan(request: Request, context: AppRequestContext) async throws -> Response {
        let agenda = try await services.kontor.storeAgenda(today: services.today())
        return services.redirect("/agenda", flash: Texts(context.language).format(
            "flash_plan_stored", "\(agenda.plan.slots.count)"), context: context)
    }

    /// GET /agenda
    @Sendable func show(request: Request, context: AppRequestContext) async throws -> Response {
        let agenda = try await services.kontor.agenda(today: services.today())
        let page = AgendaPage(agenda, weeks: 4, language: context.language, signedIn: context.session?.user != nil)
        return try services.page("agenda/index", area: .jobs, title: page.title, page, request: request, context: context)
    }

    /// GET /agenda.ics: deadlines and planned work for calendar programs.
    @Sendable func calendar(request: Request, context: AppRequestContext) async throws -> Response {
        let document = try await services.kontor.agendaCalendar(today: services.today())
        return Response(
            status: .ok,
            headers: [.contentType: "text/calendar; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: document.data)))
    }
}

/// The agenda page: per week the load, per day the planned work.
struct AgendaPage: Sendable, Encodable {
    struct Slot: Sendable, Encodable {
        let title: String
        let customer: String
        /// The writer whose hours plan it (nil: the book's own work).
        let writer: String?
        let hoursText: String
        let done: Bool
        let path: String
    }

    struct DayColumn: Sendable, Encodable {
        let label: String
        let slots: [Slot]
        let free: Bool
        /// ISO date and planned hours, as on the /jobs week.
        let isoDay: String
        let plannedHours: String
    }

    struct Week: Sendable, Encodable {
        let label: String
        let loadText: String
        let percent: Int
        let busy: Bool
        let days: [DayColumn]
    }

    struct Risk: Sendable, Encodable {
        let title: String
        let text: String
        let path: String
    }

    let title: String
    let intro: String
    let feedLabel: String
    let storeLabel: String
    /// The link to one's own writing times, for someone signed in (at the machine they are the book's, in settings).
    let ownWeekLabel: String?
    let weeks: [Week]
    let risks: [Risk]
    let hasRisks: Bool
    let riskHeading: String

    init(_ agenda: Agenda, weeks count: Int, language: Language, signedIn: Bool = false) {
        let de = language == .de
        ownWeekLabel = signedIn ? (de ? "Meine Schreibzeiten" : "My writing times") : nil
        title = "Agenda"
        intro = de ? "Geplante Schreibzeit nach Abgabeterminen (früheste zuerst)."
            : "Planned writing time by deadline (earliest first)."
        storeLabel = de ? "Plan für den Kalender festhalten" : "Keep this plan for the calendar"
        feedLabel = de ? "Als Kalender abonnieren (.ics)" : "Subscribe as calendar (.ics)"
        riskHeading = de ? "Termine in Gefahr" : "Deadlines at risk"
        let plan = agenda.plan
        let monday = plan.start.adding(days: -(plan.start.isoWeekday - 1))
        weeks = agenda.weeklyLoad(weeks: count).enumerated().map { index, load in
            let days = (0..<5).map { monday.adding(days: index * 7 + $0) }.map { day in
                let slots = plan.slots.filter { $0.day == day }.map { slot in
                    let job = agenda.jobs[slot.itemId]
                    return Slot(
                        title: job?.title ?? "#\(slot.itemId)", customer: job.flatMap { agenda.customers[$0.customerId] } ?? "",
                        writer: plan.itemWriters[slot.itemId],
                        hoursText: Quantity(thousandths: slot.hours).formatted(language) + " h",
                        done: plan.finishes[slot.itemId] == day, path: "/jobs/\(slot.itemId)")
                }
                return DayColumn(
                    label: day.formatted(language), slots: slots, free: slots.isEmpty, isoDay: day.description,
                    plannedHours: Quantity(thousandths: plan.plannedHours(on: day)).description)
            }
            let percent = load.capacity > 0 ? Int(load.planned * 100 / load.capacity) : 0
            return Week(
                label: (de ? "Woche ab " : "Week of ") + load.weekStart.formatted(language),
                loadText: "\(Quantity(thousandths: load.planned).formatted(language)) / "
                    + "\(Quantity(thousandths: load.capacity).formatted(language)) h",
                percent: min(100, percent), busy: percent >= 90, days: days)
        }
        risks = plan.atRisk.compactMap { id in
            guard let job = agenda.jobs[id], let deadline = job.deadline else { return nil }
            let finish = plan.finishes[id]?.formatted(language) ?? "–"
            return Risk(
                title: job.title,
                text: de ? "Abgabe \(deadline.formatted(language)), fertig voraussichtlich \(finish)"
                    : "due \(deadline.formatted(language)), expected \(finish)",
                path: "/jobs/\(id)")
        }
        hasRisks = !risks.isEmpty
    }
}
