/// Counts entries across files and reports every 1,000 and at the end.
final class ProgressCounter {
    private let handler: ((Int) -> Void)?
    private(set) var count = 0
    private let step: Int

    init(_ handler: ((Int) -> Void)?, step: Int = 1000) {
        self.handler = handler
        self.step = step
    }

    func increment() {
        count += 1
        if count % step == 0 { handler?(count) }
    }

    func finish() { handler?(count) }
}
