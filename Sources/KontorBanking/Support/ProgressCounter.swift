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

    func increment() {
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
