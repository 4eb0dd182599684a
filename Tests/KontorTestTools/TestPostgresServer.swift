public import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A real PostgreSQL server on 127.0.0.1 for one test: a new cluster (`initdb`) in a temporary folder, started
/// with Debian's `postgres` binary, stopped and removed by `stop()`. A missing PostgreSQL is a failure, not a
/// skip: CI installs Debian's `postgresql` package.
///
/// `initdb` refuses to run as root, so when the tests run as root (CI containers) both programs run as the
/// `postgres` OS user through `runuser`, and the folder belongs to that user. Logins are `trust` on 127.0.0.1
/// only, as the superuser `kontor`; the tests connect to it without a password.
public final class TestPostgresServer: @unchecked Sendable {
    /// The superuser the cluster is created with.
    public static let user = "kontor"

    public let port: Int
    /// The temporary folder: the cluster in `data`, the socket, the server's log.
    public let folder: URL
    private let binaries: String
    private let pid: pid_t
    private let lock = NSLock()
    private var stopped = false

    /// Creates the cluster and starts the server; returns once it accepts connections.
    public init() throws {
        binaries = try Self.binaryFolder()
        folder = URL(fileURLWithPath: "/tmp/kontor-pg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if geteuid() == 0 {
            guard let account = getpwnam("postgres") else {
                throw Failure("no `postgres` OS user to run PostgreSQL as: `apt-get install -y postgresql`")
            }
            guard chown(folder.path, account.pointee.pw_uid, account.pointee.pw_gid) == 0 else {
                throw Failure("cannot hand \(folder.path) to the postgres user")
            }
        }
        let data = folder.appendingPathComponent("data").path
        let initdb = try Subprocess.run(
            Self.asPostgres(binaries + "/initdb"),
            Self.asPostgresArguments(binaries + "/initdb") + [
                "-D", data, "-U", Self.user, "--auth=trust", "--no-locale", "-E", "UTF8", "--no-sync",
            ])
        guard initdb.status == 0 else { throw Failure("initdb failed: \(initdb.errorText)") }
        port = try TestSMTPServer.unusedPort()
        let log = folder.appendingPathComponent("server.log")
        let empty = folder.appendingPathComponent("stdin")
        _ = FileManager.default.createFile(atPath: empty.path, contents: nil)
        // fsync off: the cluster is thrown away after the test, and the tests measure correctness, not disks.
        pid = try Spawn.start(
            Self.asPostgres(binaries + "/postgres"),
            Self.asPostgresArguments(binaries + "/postgres") + [
                "-D", data, "-k", folder.path, "-h", "127.0.0.1", "-p", String(port), "-c", "fsync=off",
                "-c", "max_connections=60", "-c", "listen_addresses=127.0.0.1",
            ], environment: nil, directory: nil, stdin: empty, stdout: log, stderr: log)
        try waitUntilReady(log: log)
    }

    deinit {
        stop()
    }

    /// `init()` on a thread of its own: `initdb` and the wait for the server block for seconds, which would hold
    /// one of the two threads of Swift's cooperative pool on these machines.
    public static func start() async throws -> TestPostgresServer {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try TestPostgresServer() }) }
        }
    }

    /// Creates a new, empty database and returns its name.
    public func createDatabase(_ name: String = "book_\(UUID().uuidString.prefix(8).lowercased())") throws -> String {
        let result = try Subprocess.run(
            binaries + "/createdb", ["-h", "127.0.0.1", "-p", String(port), "-U", Self.user, name])
        guard result.status == 0 else { throw Failure("createdb failed: \(result.errorText)") }
        return name
    }

    /// Runs SQL through `psql` as the superuser, outside Kontor's code (as a person with database access would).
    public func psql(_ database: String, _ sql: String) throws -> Subprocess.Output {
        try Subprocess.run(
            binaries + "/psql",
            [
                "-h", "127.0.0.1", "-p", String(port), "-U", Self.user, "-d", database, "-v", "ON_ERROR_STOP=1", "-X",
                "-q", "-A", "-t", "-c", sql,
            ])
    }

    /// Stops the server (fast shutdown: open sessions are ended) and removes the folder; safe to call twice.
    public func stop() {
        let alreadyStopped = lock.withLock {
            defer { stopped = true }
            return stopped
        }
        guard !alreadyStopped else { return }
        // SIGINT is PostgreSQL's "fast shutdown"; sent to the postmaster itself, not to runuser, whose own
        // handling of signals differs between versions.
        if let postmaster = postmasterPID() {
            kill(postmaster, SIGINT)
        } else {
            kill(pid, SIGTERM)
        }
        _ = Spawn.wait(pid)
        try? FileManager.default.removeItem(at: folder)
    }

    private func postmasterPID() -> pid_t? {
        let file = folder.appendingPathComponent("data/postmaster.pid")
        guard let text = try? String(contentsOf: file, encoding: .utf8),
            let first = text.split(separator: "\n").first, let value = Int32(first)
        else { return nil }
        return value
    }

    /// Waits (at most 30 s) until `pg_isready` says the server accepts connections.
    private func waitUntilReady(log: URL) throws {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let ready = try Subprocess.run(binaries + "/pg_isready", ["-h", "127.0.0.1", "-p", String(port), "-q"])
            if ready.status == 0 { return }
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                lock.withLock { stopped = true }
                let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                throw Failure("postgres ended at once: \(text)")
            }
            usleep(100_000)
        }
        stop()
        throw Failure("postgres did not accept connections within 30 s")
    }

    /// `runuser` when the tests run as root, else the program itself.
    private static func asPostgres(_ program: String) -> String {
        geteuid() == 0 ? (Subprocess.locate("runuser") ?? "/usr/sbin/runuser") : program
    }

    private static func asPostgresArguments(_ program: String) -> [String] {
        geteuid() == 0 ? ["-u", "postgres", "--", program] : []
    }

    /// `$KONTOR_POSTGRES_BIN`, else the newest /usr/lib/postgresql/<version>/bin that has `initdb`.
    private static func binaryFolder() throws -> String {
        if let folder = ProcessInfo.processInfo.environment["KONTOR_POSTGRES_BIN"], !folder.isEmpty { return folder }
        let root = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        let newest = versions.compactMap { Int($0) }.sorted().last { version in
            FileManager.default.isExecutableFile(atPath: "\(root)/\(version)/bin/initdb")
        }
        guard let newest else { throw Failure("PostgreSQL is not installed: `apt-get install -y postgresql`") }
        return "\(root)/\(newest)/bin"
    }

    /// Why the test server could not be used.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }
}
