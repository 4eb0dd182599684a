import ArgumentParser
import KontorApp
import KontorCore

extension JobCommand {
    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit",
            abstract: "Change a job that is not accepted yet; a moved deadline goes into the customer's timeline.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Job id.") var id: Int64
        @Option(help: "New title.") var title: String?
        @Option(help: "New deadline, YYYY-MM-DD.") var deadline: String?
        @Option(help: "New effort estimate in hours.") var effort: String?

        func run() async throws {
            let job = try await global.kontor().editJob(
                id: id,
                JobEdit(title: title, deadline: try parseDay(deadline, what: .deadline),
                        effortHours: try effort.map { try Quantity(parsing: $0) }),
                on: try global.day())
            try await JobCommand.present(job, global: global)
        }
    }

    struct Assign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "assign",
            abstract: "Give an open job to a writer, whose own hours and vacations then plan it ('kontor user set-capacity').")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Job id.") var id: Int64
        @Option(help: "The writer's login name.") var writer: String?
        @Flag(help: "Give the job back to the book's own work.") var nobody = false

        func validate() throws {
            guard (writer != nil) != nobody else { throw ValidationError("Give --writer NAME or --nobody.") }
        }

        func run() async throws {
            let job = try await global.kontor().assignJob(id: id, to: nobody ? nil : writer)
            if global.json { return try Output.json(job) }
            print(job.writer.map {
                global.say("Job \(job.id) is \($0)'s now.", "Auftrag \(job.id) gehört jetzt „\($0)“.")
            } ?? global.say("Job \(job.id) is the book's own work again.", "Auftrag \(job.id) ist wieder Arbeit des Kontors."))
        }
    }
}
