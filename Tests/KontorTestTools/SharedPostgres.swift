import Foundation

/// One PostgreSQL server for every test of this process that asks for it (each test gets a database of its own),
/// stopped when the test process exits: starting a cluster costs seconds.
public enum SharedPostgres {
    private static let starting = Starter()

    /// The server, started by the first caller.
    public static func server() async throws -> TestPostgresServer { try await starting.server() }

    /// Starts the server once: the first caller's task, which every later caller awaits too (an actor alone would
    /// let a second caller in while the first waits for `initdb`).
    actor Starter {
        private var starting: Task<TestPostgresServer, any Error>?

        func server() async throws -> TestPostgresServer {
            if let starting { return try await starting.value }
            let task = Task {
                let server = try await TestPostgresServer.start()
                Running.server = server
                atexit { Running.server?.stop() }
                return server
            }
            starting = task
            return try await task.value
        }
    }

    /// The running server for the exit handler, which cannot reach into an actor.
    enum Running {
        nonisolated(unsafe) static var server: TestPostgresServer?
    }
}
