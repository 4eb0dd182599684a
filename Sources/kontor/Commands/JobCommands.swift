import ArgumentParser
import KontorApp
import KontorCore

struct JobCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "job", abstract: "Jobs: effort, deadline, status and revision rounds.",
        subcommands: [Add.self, Edit.self, List.self, Show.self, Start.self, Deliver.self, Accept.self, Revise.self,
                      Log.self, Assign.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a job without a quote.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Customer id.") var customer: Int64
        @Option(help: "What is to be written.") var title: String
        @Option(help: "Effort estimate in hours.") var effort: String?
        @Option(help: "Deadline, YYYY-MM-DD.") var deadline: String?
        @Option(help: "Revision rounds included.") var revisions: Int = 2
        @Option(help: "Priority among jobs with the same deadline (higher first).") var priority: Int = 0

        func run() async throws {
            let job = try await global.kontor().addJob(
                customerId: customer, title: title, on: try global.day(),
                effortHours: try effort.map { try Quantity(parsing: $0) },
                deadline: try parseDay(deadline, what: .deadline), includedRevisions: revisions, priority: priority)
            if global.json { return try Output.json(job) }
            print(global.say("Added job", "Auftrag angelegt:") + " \(job.id): \(job.title).")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List open jobs by deadline.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Include delivered and accepted jobs.") var all = false

        func run() async throws {
            let kontor = try global.kontor()
            let jobs = try await kontor.jobs(all: all)
            if global.json { return try Output.json(jobs) }
            if jobs.isEmpty { return print(global.say("No jobs.", "Keine Aufträge.")) }
            let lang = global.language
            let names = try await kontor.customerNames(ids: Set(jobs.map(\.customerId)))
            Output.table(
                lang == .de
                    ? ["Nr.", "Kunde", "Termin", "Aufwand", "Status", "Korrekturen", "Titel"]
                    : ["ID", "Customer", "Deadline", "Effort", "Status", "Revisions", "Title"],
                jobs.map { ["\($0.id)", names[$0.customerId] ?? "\($0.customerId)", $0.deadline?.formatted(lang) ?? "",
                            $0.effortHours.map { "\($0.formatted(lang)) h" } ?? "", $0.status.word(lang),
                            "\($0.revisions.count)/\($0.includedRevisions)", $0.title] },
                rightAligned: [0, 3])
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show a job with its revision rounds.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Job id.") var id: Int64

        func run() async throws { try await JobCommand.present(try await global.kontor().job(id: id), global: global) }
    }

    struct Start: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "start", abstract: "Start working on a job.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Job id.") var id: Int64
        func run() async throws { try await JobCommand.advance(id, to: .inProgress, global: global) }
    }

    struct Deliver: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "deliver",
            abstract: "Deliver a job (or a revised version).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Job id.") var id: Int64
        func run() async throws { try await JobCommand.advance(id, to: .delivered, global: global) }
    }

    struct Accept: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "accept",
            abstract: "The customer accepted the delivered work.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Job id.") var id: Int64
        func run() async throws { try await JobCommand.advance(id, to: .accepted, global: global) }
    }

    struct Revise: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "revise",
            abstract: "Record one revision round: every critique and change request the customer sent back.",
            discussion: """
                Repeat --critique and --change as often as needed; together they are one round. The older form \
                --kind change|critique --note TEXT still works.
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Job id.") var id: Int64
        @Option(help: "A point of critique (repeatable).") var critique: [String] = []
        @Option(help: "A change request (repeatable).") var change: [String] = []
        @Option(help: "change or critique, for --note.") var kind: String = "change"
        @Option(help: "What the customer wants (one note of --kind).") var note: String?

        func run() async throws {
            var notes = critique.map { RevisionNote(kind: .critique, text: $0) }
                + change.map { RevisionNote(kind: .change, text: $0) }
            if let note {
                notes.append(RevisionNote(kind: try RevisionKind.named(kind, what: .revisionKind), text: note))
            }
            let job = try await global.kontor().reviseJob(id: id, notes: notes, on: try global.day())
            try await JobCommand.present(job, global: global)
        }
    }

    static func advance(_ id: Int64, to status: JobStatus, global: GlobalOptions) async throws {
        let job = try await global.kontor().advanceJob(id: id, to: status, on: try global.day())
        try await present(job, global: global)
    }

    static func present(_ j: Job, global: GlobalOptions) async throws {
        if global.json { return try Output.json(j) }
        let lang = global.language
        let name = try await global.kontor().customerName(id: j.customerId)
        let say = global.say
        print(say("Job ", "Auftrag ") + "\(j.id) – \(j.title) [\(j.status.word(lang))]")
        print(say("For ", "Für ") + name + (j.quoteId.map { say(", from quote \($0)", ", aus Angebot \($0)") } ?? ""))
        if let effort = j.effortHours { print(say("Effort: ", "Aufwand: ") + "\(effort.formatted(lang)) h") }
        if let deadline = j.deadline { print(say("Deadline: ", "Termin: ") + deadline.formatted(lang)) }
        for (label, day) in [(say("Started", "Begonnen"), j.startedOn), (say("Delivered", "Geliefert"), j.deliveredOn),
                             (say("Accepted", "Abgenommen"), j.acceptedOn)] {
            if let day { print("\(label): \(day.formatted(lang))") }
        }
        print(say("Revision rounds: \(j.revisions.count) of \(j.includedRevisions) included",
                  "Korrekturschleifen: \(j.revisions.count) von \(j.includedRevisions) inklusive")
            + (j.billableRevisionCount > 0
                ? say(", \(j.billableRevisionCount) billable", ", \(j.billableRevisionCount) berechenbar") : ""))
        for (index, revision) in j.revisions.enumerated() {
            print("  \(index + 1). \(revision.requestedOn.formatted(lang))"
                + (revision.billable ? say(" (billable)", " (berechenbar)") : ""))
            for note in revision.notes { print("     \(note.kind.word(lang).capitalizedFirst): \(note.text)") }
        }
    }
}
