import Foundation
import Hummingbird
import KontorApp
import KontorCore

/// Aufträge: a week of deadlines and the list; start, deliver, accept, revise.
struct JobController: Sendable {
    let services: AppServices

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self)
            .get(use: self.list)
            .get("new", use: self.new)
            .post(use: self.create)
            .get(":id", use: self.show)
            .post(":id/start", use: self.start)
            .post(":id/deliver", use: self.deliver)
            .post(":id/accept", use: self.accept)
            .post(":id/revise", use: self.revise)
            .post(":id/log", use: self.log)
            .post(":id/writer", use: self.assign)
    }

    /// GET /jobs?week=…&all=1
    @Sendable func list(request: Request, context: AppRequestContext) async throws -> Response {
        let texts = Texts(context.language)
        return try await services.cachedPage("jobs/index", area: .jobs, title: texts["nav_jobs"], request: request,
                                             context: context) {
            let all = request.query("all") == "1"
            let week = request.query("week").flatMap(Int.init).map { max(-520, min(520, $0)) } ?? 0
            let monday = JobListPage.monday(of: services.today(), week: week)
            let board = try await services.kontor.jobBoard(
                dueFrom: monday, through: monday.adding(days: 6), all: all,
                window: ListWindow(page: request.query("page").flatMap(Int.init) ?? 1, size: JobListPage.pageSize))
            // The week shows the same plan as /agenda, `kontor agenda` and the calendar feed: one planner result.
            // Without a profile there are no writing hours to plan with yet; the week shows the deadlines only.
            let hasProfile = (try? await services.kontor.profile()) != nil
            let agenda = hasProfile ? try await services.kontor.agenda(today: services.today()) : nil
            let page = JobListPage(board, agenda: agenda, today: services.today(), week: week, all: all, texts: texts)
            return page
        }
    }

    /// GET /jobs/new
    @Sendable func new(request: Request, context: AppRequestContext) async throws -> Response {
        var values = ["revisions": "2"]
        values["customer"] = request.query("customer")
        return try await renderNew(FormState(values: values), request: request, context: context)
    }

    /// POST /jobs
    @Sendable func create(request: Request, context: AppRequestContext) async throws -> Response {
        let texts = Texts(context.language)
        var reader = FormReader(context.form, texts: texts)
        let customerId = try await services.customerId(&reader, required: true)
        let title = reader.text("title", required: true)
        let effort = reader.quantity("effort")
        let deadline = reader.day("deadline")
        let revisions = reader.int("revisions", range: 0...20) ?? 2
        var state = reader.state
        if !reader.hasErrors, let customerId, let title {
            do {
                let job = try await services.kontor.addJob(
                    customerId: customerId, title: title, on: services.today(), effortHours: effort, deadline: deadline,
                    includedRevisions: revisions)
                return services.redirect("/jobs/\(job.id)", flash: texts["flash_job_added"], context: context)
            } catch {
                try ErrorText(texts).place(error, into: &state, fields: [.jobTitle: "title", .numberOfRevisions: "revisions"])
            }
        }
        return try await renderNew(state, request: request, context: context, status: .unprocessableContent)
    }

    /// GET /jobs/:id
    @Sendable func show(request: Request, context: AppRequestContext) async throws -> Response {
        try await renderShow(try context.id(), revise: FormState(), request: request, context: context)
    }

    /// POST /jobs/:id/start
    @Sendable func start(request: Request, context: AppRequestContext) async throws -> Response {
        try await advance(to: JobActions.start, request: request, context: context)
    }

    /// POST /jobs/:id/deliver
    @Sendable func deliver(request: Request, context: AppRequestContext) async throws -> Response {
        try await advance(to: JobActions.deliver, request: request, context: context)
    }

    /// POST /jobs/:id/accept
    @Sendable func accept(request: Request, context: AppRequestContext) async throws -> Response {
        try await advance(to: JobActions.accept, request: request, context: context)
    }

    private func advance(to action: JobActions.Action, request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.id()
        let texts = Texts(context.language)
        let job = try await services.kontor.advanceJob(id: id, to: action.target, on: services.today())
        return services.redirect(services.returnPath(context.form, fallback: "/jobs/\(id)"),
                                 flash: texts.format("flash_job_moved", job.title, texts.jobStatus(job.status)),
                                 context: context)
    }

    /// POST /jobs/:id/revise: one round with every point the customer sent back, critique and change requests
    /// one per line; the older form with one `note` and its `kind` still works.
    @Sendable func revise(request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.id()
        let texts = Texts(context.language)
        var reader = FormReader(context.form, texts: texts)
        func points(_ key: String, _ kind: RevisionKind) -> [RevisionNote] {
            (reader.text(key) ?? "").split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                .map { RevisionNote(kind: kind, text: $0) }
        }
        var notes = points("critique", .critique) + points("change", .change)
        if let note = reader.text("note") {
            notes.append(RevisionNote(kind: reader.choice("kind", RevisionKind.self) ?? .change, text: note))
        }
        if notes.isEmpty { reader.fail("change", texts["err_revision_points"]) }
        var state = reader.state
        if !reader.hasErrors {
            do {
                _ = try await services.kontor.reviseJob(id: id, notes: notes, on: services.today())
                return services.redirect("/jobs/\(id)", flash: texts["flash_revision_added"], context: context)
            } catch {
                try ErrorText(texts).place(error, into: &state, fields: [.revisionNote: "change"])
            }
        }
        return try await renderShow(id, revise: state, request: request, context: context, status: .unprocessableContent)
    }

    /// POST /jobs/:id/log: hours spent (and words written) on a day; the agenda then plans the rest.
    @Sendable func log(request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.id()
        let texts = Texts(context.language)
        var reader = FormReader(context.form, texts: texts)
        let hours = reader.quantity("hours", required: true)
        let words = reader.int("words", range: 0...10_000_000)
        let day = reader.day("day") ?? services.today()
        var state = reader.state
        if !reader.hasErrors, let hours {
            do {
                _ = try await services.kontor.logWork(
                    jobId: id, hours: hours, words: words, on: day, today: services.today())
                return services.redirect("/jobs/\(id)", flash: texts["flash_work_logged"], context: context)
            } catch {
                try ErrorText(texts).place(error, into: &state, fields: [:])
            }
        }
        return try await renderShow(id, revise: FormState(), log: state, request: request, context: context,
                                    status: .unprocessableContent)
    }

    /// POST /jobs/:id/writer: the writer whose hours plan the job (empty: the book's own work).
    @Sendable func assign(request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.id()
        let texts = Texts(context.language)
        let chosen = context.form["writer"].map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        let job = try await services.kontor.assignJob(id: id, to: chosen)
        let flash = job.writer.map { texts.format("flash_job_assigned", $0) } ?? texts["flash_job_unassigned"]
        return services.redirect("/jobs/\(id)", flash: flash, context: context)
    }

    // MARK: - Rendering

    private func renderNew(
        _ state: FormState, request: Request, context: AppRequestContext, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let texts = Texts(context.language)
        let customers = try await services.kontor.customerChoices(
            selected: state.values["customer"].flatMap(CustomerChoice.id(in:)))
        let make = FieldFactory(state: state, texts: texts)
        let page = JobNewPage(
            hasFormError: state.general != nil, formError: state.generalText,
            fields: [
                make.customer("customer", "f_customer", choices: customers, required: true,
                            blank: texts["choose"]),
                make.text("title", "f_title", required: true, wide: true),
                make.date("deadline", "f_deadline"),
                make.amount("effort", "f_effort"),
                make.number("revisions", "f_revisions"),
            ])
        return try services.page("jobs/new", area: .jobs, title: texts["job_add"], page, request: request,
                                 context: context, status: status)
    }

    private func renderShow(
        _ id: Int64, revise: FormState, log: FormState = FormState(), request: Request, context: AppRequestContext,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let texts = Texts(context.language)
        let progress = try await services.kontor.progress(jobId: id)
        let job = progress.job
        let customer = try await services.kontor.customerDetail(id: job.customerId).customer
        var page = JobPage(job, customer: customer, revise: revise, today: services.today(), texts: texts)
        let users = try await services.kontor.webUsers()
        if !users.isEmpty, job.isEditable {
            page.writerForm = JobPage.WriterForm(
                label: texts["job_assign_to"], button: texts["job_assign"],
                options: [JobPage.WriterForm.Option(value: "", text: texts["job_writer_book"], selected: job.writer == nil)]
                    + users.map { .init(value: $0.name, text: $0.name, selected: $0.name == job.writer) })
        }
        page.progress = JobProgressView(progress, form: log, today: services.today(), texts: texts)
        return try services.page("jobs/show", area: .jobs, title: job.title, page, request: request, context: context,
                                 status: status)
    }
}

/// The form for a job without a quote.
struct JobNewPage: Sendable, Encodable {
    let hasFormError: Bool
    let formError: String
    let fields: [FieldView]
}

/// A button that moves a job on.
struct JobActionView: Sendable, Encodable {
    let actionPath: String
    let actionLabel: String
}

/// The week of deadlines and the list of jobs.
struct JobListPage: Sendable, Encodable {
    struct Entry: Sendable, Encodable {
        let path: String
        let title: String
        let customerName: String
        let statusTone: String
    }

    /// Planned writing time for a job on one day, from the agenda's plan.
    struct PlannedEntry: Sendable, Encodable {
        let path: String
        let title: String
        let hoursText: String
    }

    struct DayColumn: Sendable, Encodable {
        let weekday: String
        let dateText: String
        let isToday: Bool
        let isWeekend: Bool
        let entries: [Entry]
        let planned: [PlannedEntry]
        /// ISO date and planned hours, as on /agenda (the same numbers, machine-readable for tests and scripts).
        let isoDay: String
        let plannedHours: String
        /// "6 / 6 h" when the day has writing time in the plan; empty for past days and days off.
        let loadText: String
        let free: Bool
    }

    struct Row: Sendable, Encodable {
        let path: String
        let title: String
        let customerName: String
        let statusLabel: String
        let statusTone: String
        let deadlineText: String
        let late: Bool
        let effortText: String
        let revisionText: String
        let actions: [JobActionView]
    }

    let weekTitle: String
    let prevPath: String
    let nextPath: String
    let days: [DayColumn]
    let listTitle: String
    let toggleAllPath: String
    let toggleAllLabel: String
    let isEmpty: Bool
    let rows: [Row]

    let pager: PagerView?

    static let pageSize = 50

    /// The Monday of the week `week` weeks from today's.
    static func monday(of today: Day, week: Int) -> Day { today.adding(days: 1 - today.isoWeekday + 7 * week) }

    init(_ board: JobBoard, agenda: Agenda?, today: Day, week: Int, all: Bool, texts: Texts) {
        let names = board.customerNames
        let monday = Self.monday(of: today, week: week)
        let sunday = monday.adding(days: 6)
        let thursday = monday.adding(days: 3)
        let weekNumber = Day(year: thursday.year, month: 1, day: 1)!.days(until: thursday) / 7 + 1
        weekTitle = texts.format("week_title", "\(weekNumber)", texts.day(monday), texts.day(sunday))
        let allQuery = all ? "&all=1" : ""
        prevPath = "/jobs?week=\(week - 1)\(allQuery)"
        nextPath = "/jobs?week=\(week + 1)\(allQuery)"
        days = (0..<7).map { offset in
            let day = monday.adding(days: offset)
            let due = board.dueInWeek.filter { $0.deadline == day }.sorted { $0.id < $1.id }
            let slots = agenda?.plan.slots.filter { $0.day == day } ?? []
            let planned = slots.map(\.hours).reduce(0, +)
            let capacity = agenda.map { day >= $0.plan.start ? $0.plan.availableHours(on: day) : 0 } ?? 0
            return DayColumn(
                weekday: texts.weekdayName(day, short: true), dateText: texts.shortDay(day), isToday: day == today,
                isWeekend: day.isWeekend,
                entries: due.map { job in
                    Entry(path: "/jobs/\(job.id)", title: job.title, customerName: names[job.customerId] ?? "–",
                          statusTone: job.isOpen ? (day < today ? "warn" : "info") : "ok")
                },
                planned: slots.map { slot in
                    PlannedEntry(
                        path: "/jobs/\(slot.itemId)", title: agenda?.jobs[slot.itemId]?.title ?? "#\(slot.itemId)",
                        hoursText: texts.quantity(Quantity(thousandths: slot.hours)) + " h")
                },
                isoDay: day.description, plannedHours: Quantity(thousandths: planned).description,
                loadText: capacity > 0 || planned > 0 ? Self.load(planned, of: capacity, texts: texts) : "",
                free: due.isEmpty && slots.isEmpty)
        }
        listTitle = texts[all ? "jobs_all" : "jobs_open"]
        toggleAllPath = all ? "/jobs" : "/jobs?all=1"
        toggleAllLabel = texts[all ? "jobs_show_open" : "jobs_show_all"]
        // Both come from the store in deadline order, those without a deadline last.
        let listed = board.listed.items
        pager = all ? PagerView(board.listed, path: "/jobs?all=1&week=\(week)", texts: texts) : nil
        isEmpty = listed.isEmpty
        rows = listed.map { job in
            Row(
                path: "/jobs/\(job.id)", title: job.title, customerName: names[job.customerId] ?? "–",
                statusLabel: texts.jobStatus(job.status), statusTone: Tone.job(job.status),
                deadlineText: job.deadline.map { "\(texts.day($0)) · \(texts.daysLeft(today.days(until: $0)))" } ?? "–",
                late: job.isOpen && (job.deadline.map { $0 < today } ?? false),
                effortText: job.effortHours.map { "\(texts.quantity($0)) h" } ?? "–",
                revisionText: "\(job.revisions.count)/\(job.includedRevisions)",
                actions: JobActions.all(for: job.status).prefix(1).map {
                    JobActionView(actionPath: "/jobs/\(job.id)/\($0.verb)", actionLabel: texts[$0.labelKey])
                })
        }
    }
}

extension JobListPage {
    /// "6 / 6 h": planned of available writing hours on a day.
    static func load(_ planned: Int64, of capacity: Int64, texts: Texts) -> String {
        "\(texts.quantity(Quantity(thousandths: planned))) / \(texts.quantity(Quantity(thousandths: capacity))) h"
    }
}

/// One job.
struct JobPage: Sendable, Encodable {
    struct RevisionRow: Sendable, Encodable {
        struct NoteRow: Sendable, Encodable {
            let kindLabel: String
            let text: String
        }

        let dateText: String
        let notes: [NoteRow]
        let billable: Bool
    }

    let id: Int64
    let title: String
    let statusLabel: String
    let statusTone: String
    let customerName: String
    let customerPath: String
    let quotePath: String?
    let quoteId: String
    let actions: [JobActionView]
    let canInvoice: Bool
    /// Title, deadline and effort can change until the customer accepted the work.
    let canEdit: Bool
    let facts: [Fact]
    let revisionText: String
    let revisions: [RevisionRow]
    let canRevise: Bool
    let reviseFields: [FieldView]
    let hasReviseError: Bool
    let reviseError: String
    /// Work logged and what is left in the plan, with the form to log more.
    var progress: JobProgressView?
    /// The choice of the writer whose hours plan the job (a book with users, an open job).
    var writerForm: WriterForm?

    /// The select of `/jobs/:id/writer`.
    struct WriterForm: Sendable, Encodable {
        struct Option: Sendable, Encodable {
            let value: String
            let text: String
            let selected: Bool
        }

        let label: String
        let button: String
        let options: [Option]
    }

    init(_ job: Job, customer: Customer, revise: FormState, today: Day, texts: Texts) {
        id = job.id
        title = job.title
        statusLabel = texts.jobStatus(job.status)
        statusTone = Tone.job(job.status)
        customerName = customer.name
        customerPath = "/customers/\(customer.id)"
        quotePath = job.quoteId.map { "/quotes/\($0)" }
        quoteId = job.quoteId.map(String.init) ?? ""
        actions = JobActions.all(for: job.status).map {
            JobActionView(actionPath: "/jobs/\(job.id)/\($0.verb)", actionLabel: texts[$0.labelKey])
        }
        canInvoice = job.status == .delivered || job.status == .accepted
        canEdit = job.isEditable
        var facts = [Fact(term: texts["deadline"], detail: job.deadline.map {
            "\(texts.day($0)) · \(texts.daysLeft(today.days(until: $0)))" } ?? "–")]
        if let effort = job.effortHours { facts.append(Fact(term: texts["effort"], detail: "\(texts.quantity(effort)) h")) }
        facts.append(Fact(term: texts["created_on"], detail: texts.day(job.createdOn)))
        if let day = job.startedOn { facts.append(Fact(term: texts["started_on"], detail: texts.day(day))) }
        if let day = job.deliveredOn { facts.append(Fact(term: texts["delivered_on"], detail: texts.day(day))) }
        if let day = job.acceptedOn { facts.append(Fact(term: texts["accepted_on"], detail: texts.day(day))) }
        if let writer = job.writer { facts.append(Fact(term: texts["job_writer"], detail: writer)) }
        self.facts = facts
        revisionText = texts.format("revisions_of", "\(job.revisions.count)", "\(job.includedRevisions)")
        revisions = job.revisions.map {
            RevisionRow(dateText: texts.day($0.requestedOn),
                        notes: $0.notes.map { .init(kindLabel: texts.revisionKind($0.kind), text: $0.text) },
                        billable: $0.billable)
        }
        canRevise = job.status == .delivered
        let make = FieldFactory(state: revise, texts: texts, idPrefix: "revise-")
        reviseFields = [
            make.textarea("critique", "f_revision_critique", rows: 3, hint: texts["hint_revision_points"]),
            make.textarea("change", "f_revision_change", rows: 3, hint: texts["hint_revision_points"]),
        ]
        hasReviseError = revise.general != nil
        reviseError = revise.generalText
    }
}
