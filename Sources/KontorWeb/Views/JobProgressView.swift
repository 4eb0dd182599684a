import KontorApp
import KontorCore

/// The progress card on a job's page: hours and words logged, the hours still planned, the entries, and the form
/// that logs more (the same use case as `kontor job log`).
struct JobProgressView: Sendable, Encodable {
    struct Entry: Sendable, Encodable {
        let dateText: String
        let hoursText: String
        let wordsText: String
    }

    let summary: String
    let remainingText: String
    let entries: [Entry]
    let hasEntries: Bool
    let canLog: Bool
    let fields: [FieldView]
    let hasError: Bool
    let error: String
    /// The form stays open while it shows a message (for the form or next to a field).
    let isOpen: Bool

    init(_ progress: JobProgress, form: FormState, today: Day, texts: Texts) {
        summary = texts.format(
            "progress_summary", texts.quantity(Quantity(thousandths: progress.loggedHours)), "\(progress.loggedWords)")
        remainingText = progress.remainingHours.map { hours in
            hours > 0
                ? texts.format("progress_remaining", texts.quantity(Quantity(thousandths: hours)))
                : texts["progress_done"]
        } ?? ""
        entries = progress.logs.reversed().map {
            Entry(dateText: texts.day($0.day), hoursText: texts.quantity($0.hours) + " h",
                  wordsText: $0.words.map { "\($0)" } ?? "")
        }
        hasEntries = !entries.isEmpty
        canLog = progress.job.status != .accepted
        var state = form
        if state.values["day"] == nil { state.values["day"] = today.description }
        let make = FieldFactory(state: state, texts: texts, idPrefix: "log-")
        fields = [
            make.amount("hours", "f_log_hours", required: true),
            make.number("words", "f_log_words"),
            make.date("day", "f_log_day"),
        ]
        hasError = form.general != nil
        error = form.generalText
        isOpen = form.hasErrors
    }
}
