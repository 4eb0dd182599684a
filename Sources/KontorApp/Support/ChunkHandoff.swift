import Foundation

/// Hands chunks of work from one thread that makes them to another that uses them, at most `capacity` waiting,
/// and at the end the maker's outcome. Lets a bank statement be read on one core while the chunks read before are
/// stored on the other, with only a few chunks in memory at a time.
///
/// The maker calls `put` for each chunk and `finish` once, whatever happens; the user calls `take` until it
/// returns nil, then `outcome()`. A user that gives up calls `cancel()`: the maker's next `put` returns false.
final class ChunkHandoff<Chunk: Sendable, Outcome: Sendable>: @unchecked Sendable {
    // Everything below is guarded by `condition`.
    private let condition = NSCondition()
    private let capacity: Int
    private var chunks: [Chunk] = []
    private var finished: Outcome??
    private var cancelled = false

    init(capacity: Int) {
        precondition(capacity > 0)
        self.capacity = capacity
    }

    /// Queues `chunk`, waiting while `capacity` chunks wait; false when the user cancelled (the chunk is dropped).
    func put(_ chunk: Chunk) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while chunks.count >= capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        chunks.append(chunk)
        condition.broadcast()
        return true
    }

    /// The maker is done: no more chunks, and this is its outcome.
    func finish(_ outcome: Outcome) {
        condition.lock()
        defer { condition.unlock() }
        finished = .some(outcome)
        condition.broadcast()
    }

    /// The next chunk in the order they were put, waiting for it; nil when the maker finished and none is left.
    func take() -> Chunk? {
        condition.lock()
        defer { condition.unlock() }
        while chunks.isEmpty && finished == nil { condition.wait() }
        guard !chunks.isEmpty else { return nil }
        let chunk = chunks.removeFirst()
        condition.broadcast()
        return chunk
    }

    /// How many chunks wait now (for tests of the bound).
    var waiting: Int {
        condition.lock()
        defer { condition.unlock() }
        return chunks.count
    }

    /// Stops the maker at its next `put` and drops the chunks waiting.
    func cancel() {
        condition.lock()
        defer { condition.unlock() }
        cancelled = true
        chunks.removeAll()
        condition.broadcast()
    }

    /// The maker's outcome, waiting until it finished.
    func outcome() -> Outcome {
        condition.lock()
        defer { condition.unlock() }
        while finished == nil { condition.wait() }
        return finished!!
    }
}
