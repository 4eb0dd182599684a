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
}
