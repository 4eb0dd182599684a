import Logging
import NIOConcurrencyHelpers
import PostgresNIO

/// Hears of every committed write to a PostgreSQL book — this process's, other servers', the CLI's — on one session
/// of its own that `LISTEN`s to `kontor_book`, so that a server keeps its pages without asking the book per request
/// (issue 17: change notification instead of a hot row).
///
/// The stamp counts the notifications heard, which PostgreSQL delivers in the order of the commits; the ids of
/// `bookChange` are not in that order (a write that took its id first may commit last), so neither they nor their
/// maximum can stand for "nothing changed since". While the session is down nothing is vouched for: `pageStamp` is
/// nil until it listens again, and every reconnection moves the stamp, since notifications sent meanwhile are lost.
final class PostgresChangeListener: Sendable {
    /// The channel every write notifies (`PostgresBook.recordChange`).
    static let channel = "kontor_book"
    /// How many changes are remembered by id, for `pageStamp(seen:)`: far more than a minute of writes.
    static let remembered = 4_096

    private let connect: @Sendable () async throws -> PostgresConnection
    private let logger: Logger
    private let state = NIOLockedValueBox(Hearing())
    private let task = NIOLockedValueBox<Task<Void, Never>?>(nil)

    /// A listener that opens its session with `connect` when first asked (a CLI command never asks).
    init(logger: Logger, connect: @escaping @Sendable () async throws -> PostgresConnection) {
        self.connect = connect
        self.logger = logger
    }

    /// The number of changes heard so far, or nil when no kept page may be shown: the listener is not listening
    /// (yet), or the change `seen` — one this client made — has not been heard.
    func pageStamp(seen: Int64?) -> Int64? {
        let (stamp, start) = state.withLockedValue { hearing in
            defer { hearing.started = true }
            return (hearing.stamp(seen: seen), !hearing.started)
        }
        if start { task.withLockedValue { $0 = Task { [self] in await listen() } } }
        return stamp
    }

    /// Stops listening and closes the session.
    func stop() async {
        let running = task.withLockedValue { task in
            defer { task = nil }
            return task
        }
        running?.cancel()
        await running?.value
    }

    private func listen() async {
        // Said once per outage, not once per second of it: the pages are only rendered afresh meanwhile.
        var quiet = false
        while !Task.isCancelled {
            do {
                let connection = try await connect()
                do {
                    try await connection.listen(on: Self.channel) { notifications in
                        state.withLockedValue { $0.listening() }
                        quiet = false
                        for try await notification in notifications {
                            state.withLockedValue { $0.heard(Int64(notification.payload)) }
                        }
                    }
                } catch {
                    if !Task.isCancelled { report("lost the book's change notifications", error, quiet: &quiet) }
                }
                try? await connection.close()
            } catch {
                report("cannot listen for the book's changes; pages are rendered afresh meanwhile", error, quiet: &quiet)
            }
            state.withLockedValue { $0.lost() }
            if !Task.isCancelled { try? await Task.sleep(for: .seconds(1)) }
        }
    }

    private func report(_ message: Logger.Message, _ error: any Error, quiet: inout Bool) {
        logger.log(level: quiet ? .debug : .warning, message, metadata: ["error": "\(String(reflecting: error))"])
        quiet = true
    }
}

/// What a listener has heard: the stamp, whether it is listening, the ids of the latest changes.
struct Hearing: Sendable {
    var started = false
    private(set) var live = false
    private(set) var count: Int64 = 0
    private var heardIds: Set<Int64> = []
    private var ring: [Int64] = []
    private var next = 0

    func stamp(seen: Int64?) -> Int64? {
        guard live else { return nil }
        if let seen, !heardIds.contains(seen) { return nil }
        return count
    }

    /// The session listens: from now on every commit is heard; what came before is unknown.
    mutating func listening() {
        live = true
        count += 1
    }

    mutating func lost() {
        live = false
        count += 1
    }

    /// A change was committed; `id` nil for a notification without one (sent by hand): still a change.
    mutating func heard(_ id: Int64?) {
        count += 1
        guard let id else { return }
        if ring.count < PostgresChangeListener.remembered {
            ring.append(id)
        } else {
            heardIds.remove(ring[next])
            ring[next] = id
            next = (next + 1) % ring.count
        }
        heardIds.insert(id)
    }
}
