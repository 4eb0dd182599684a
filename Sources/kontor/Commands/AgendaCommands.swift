import ArgumentParser
import KontorApp
import KontorCore

/// `kontor agenda`: the coming weeks, planned earliest deadline first.
struct AgendaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda", abstract: "The coming weeks: planned work per day, load per week, deadlines at risk.",
        subcommands: [Show.self, Plan.self, ICS.self], defaultSubcommand: Show.self)

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Print the agenda.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "How many weeks.") var weeks: Int = 4

        func run() async throws {
            let agenda = try await global.kontor().agenda(today: try global.day())
            try AgendaCommand.present(agenda, weeks: weeks, global: global)
        }
    }

    struct Plan: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plan", abstract: "Plan the open jobs and store the plan (for the calendar feed).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "How many weeks to print.") var weeks: Int = 4

        func run() async throws {
            let agenda = try await global.kontor().storeAgenda(today: try global.day())
            try AgendaCommand.present(agenda, weeks: weeks, global: global)
            if !global.json {
                print(global.say("Stored the plan (\(agenda.plan.slots.count) slots).",
                                 "Plan gespeichert (\(agenda.plan.slots.count) Zeitblöcke)."))
            }
        }
    }

    struct ICS: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ics", abstract: "Deadlines and planned work as an iCalendar file (RFC 5545).")
        @OptionGroup var global: GlobalOptions
        @Option(name: .shortAndLong, help: "Output file (default: kontor-agenda.ics).") var output: String?

        func run() async throws {
            let calendar = try await global.kontor().agendaCalendar(today: try global.day())
            try DocumentOutput.save(calendar, to: output, json: global.json)
        }
    }

    static func present(_ agenda: Agenda, weeks: Int, global: GlobalOptions) throws {
        let plan = agenda.plan
        let lang = global.language
        let end = plan.start.adding(days: weeks * 7)
        if global.json {
            return try Output.json(AgendaJSON(
                days: plan.slots.filter { $0.day < end }.map {
                    AgendaJSON.Slot(day: $0.day, jobId: $0.itemId, title: agenda.jobs[$0.itemId]?.title ?? "",
                                    hours: Quantity(thousandths: $0.hours))
                },
                weeks: agenda.weeklyLoad(weeks: weeks).map {
                    AgendaJSON.Week(start: $0.weekStart, planned: Quantity(thousandths: $0.planned),
                                    capacity: Quantity(thousandths: $0.capacity))
                },
                atRisk: plan.atRisk))
        }
        let say = global.say
        print(say("Load per week:", "Auslastung je Woche:"))
        for week in agenda.weeklyLoad(weeks: weeks) {
            let percent = week.capacity > 0 ? Int(week.planned * 100 / week.capacity) : 0
            let (start, planned) = (week.weekStart.formatted(lang), Quantity(thousandths: week.planned).formatted(lang))
            let capacity = Quantity(thousandths: week.capacity).formatted(lang)
            print(say("  week of \(start): \(planned) of \(capacity) h (\(percent) %)",
                      "  Woche ab \(start): \(planned) von \(capacity) h (\(percent) %)"))
        }
        var day = plan.start
        while day < end {
            let slots = plan.slots.filter { $0.day == day }
            if !slots.isEmpty {
                print("\n\(day.formatted(lang))")
                for slot in slots {
                    let job = agenda.jobs[slot.itemId]
                    print("  \(Quantity(thousandths: slot.hours).formatted(lang)) h  \(job?.title ?? "?")"
                        + (job.flatMap { agenda.customers[$0.customerId] }.map { " (\($0))" } ?? "")
                        + (plan.itemWriters[slot.itemId].map { say(" – written by \($0)", " – schreibt \($0)") } ?? "")
                        + (plan.finishes[slot.itemId] == day ? say(" – done", " – fertig") : ""))
                }
            }
            day = day.adding(days: 1)
        }
        for id in plan.atRisk {
            guard let job = agenda.jobs[id], let deadline = job.deadline else { continue }
            let done = plan.finishes[id]?.formatted(lang) ?? say("not within a year", "nicht innerhalb eines Jahres")
            Output.warn(say("\(job.title): deadline \(deadline.formatted(lang)) at risk (done \(done)). Talk to the customer early.",
                            "\(job.title): Termin \(deadline.formatted(lang)) gefährdet (fertig \(done)). Sprechen Sie früh mit dem Kunden."))
        }
    }
}

/// The agenda in JSON.
struct AgendaJSON: Encodable {
    struct Slot: Encodable {
        let day: Day
        let jobId: Int64
        let title: String
        let hours: Quantity
    }

    struct Week: Encodable {
        let start: Day
        let planned: Quantity
        let capacity: Quantity
    }

    let days: [Slot]
    let weeks: [Week]
    let atRisk: [Int64]
}
