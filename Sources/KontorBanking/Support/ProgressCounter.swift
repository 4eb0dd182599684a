import KontorCore

/// Counts entries across files and reports every 1,000 and at the end.
final class ProgressCounter {
    private let handler: ((Int) -> Void)?
    private(set) var count = 0
    private let step: Int
    /// The highest count reported so far: after `rewind(to:)` a second reader of the same file counts the entries
    /// again, and the counts already reported are not reported twice.
    private var reported = 0

    init(_ handler: ((Int) -> Void)?, step: Int = 1000) {
        self.handler = handler
        self.step = step
    }

    /// Counts one entry.
    /// - Throws: `.tooLarge` when the file holds more entries than `InputLimits.statementEntries`, so memory stays
    ///   bounded whatever the file.
    func increment(file: String, line: Int?) throws(StatementError) {
        guard count < InputLimits.statementEntries else {
            throw .tooLarge(file: file, line: line, limit: .entries(InputLimits.statementEntries))
        }
        count += 1
        if count % step == 0 && count > reported {
            reported = count
            handler?(count)
        }
    }

    /// Forgets the entries counted since `count` was `earlier` (a reader gave up and another starts over).
    func rewind(to earlier: Int) { count = earlier }

    func finish() { handler?(count) }
}
