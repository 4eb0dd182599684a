import ArgumentParser
import KontorApp
import KontorCore

extension JobCommand {
    /// `kontor job log ID --hours 2.5 [--words 1200] [--on DAY]`: records work done, so the agenda plans the rest.
    struct Log: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "log",
            abstract: "Log work done on a job: hours spent and words written.",
            discussion: "The agenda then plans only the effort left; a job on track is no longer reported at risk.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Job id.") var id: Int64
        @Option(help: "Hours spent, e.g. 2.5.") var hours: String
        @Option(help: "Words written.") var words: Int?
        @Option(help: "The day of the work, YYYY-MM-DD (default: today).") var on: String?

        func run() async throws {
            let today = try global.day()
            let progress = try await global.kontor().logWork(
                jobId: id, hours: try Quantity(parsing: hours), words: words,
                on: try parseDay(on, what: .day) ?? today, today: today)
            if global.json { return try Output.json(ProgressJSON(progress)) }
            let lang = global.language
            let de = lang == .de
            let logged = Quantity(thousandths: progress.loggedHours).formatted(lang)
            print(de ? "Erfasst. \(progress.job.title): \(logged) h gearbeitet, \(progress.loggedWords) Wörter."
                : "Logged. \(progress.job.title): \(logged) h worked, \(progress.loggedWords) words.")
            if let remaining = progress.remainingHours {
                let left = Quantity(thousandths: remaining).formatted(lang)
                print(de ? "Noch \(left) h im Plan." : "\(left) h left in the plan.")
            }
        }
    }
}

/// `job log --json`: the job's progress.
struct ProgressJSON: Encodable {
    let jobId: Int64
    let loggedHours: Quantity
    let loggedWords: Int
    let remainingHours: Quantity?
    let entries: [WorkLog]

    init(_ progress: JobProgress) {
        jobId = progress.job.id
        loggedHours = Quantity(thousandths: progress.loggedHours)
        loggedWords = progress.loggedWords
        remainingHours = progress.remainingHours.map { Quantity(thousandths: $0) }
        entries = progress.logs
    }
}
