public import Foundation

/// The one way the test targets run another program (the `kontor` binary, Poppler, qpdf, segno, zbarimg, tar, …)
/// and read what it printed.
///
/// Input, output and error go through temporary files rather than pipes, so a program that writes a lot before it
/// has read all of its input, or fills one stream while the test reads the other, cannot deadlock the test.
///
/// The `async` `run` waits for one of `limit` slots shared by every test in the process: the programs are
/// CPU-bound, and the machines running the tests have two cores, so more of them at once only interleave and make
/// every test (and its timing) slower. While a test waits for its program, it is suspended rather than blocking a
/// thread, so in-process tests keep the cores busy. The synchronous `run` is for the few places that cannot await
/// (static initialisers, helpers called from synchronous code); it blocks its thread and takes no slot.
public enum Subprocess {
    /// What a program left behind.
    public struct Output: Sendable {
        public let status: Int32
        public let stdout: Data
        public let stderr: Data

        /// Standard output as UTF-8 text.
        public var text: String { String(decoding: stdout, as: UTF8.self) }
        /// Standard error as UTF-8 text.
        public var errorText: String { String(decoding: stderr, as: UTF8.self) }
    }

    /// A program that is not installed: a failure, never a skip (CI installs every tool the tests use).
    public struct NotFound: Error, CustomStringConvertible {
        public let program: String
        public var description: String { "\(program) not found (neither on PATH nor at that path)" }
    }

    /// How many programs run at once through the `async` `run`.
    public static let limit = 2

    /// Looks `program` up on `PATH` (then /usr/bin and /usr/local/bin), like a shell would; a name containing a
    /// slash is taken as a path.
    public static func locate(_ program: String) -> String? {
        if program.contains("/") { return FileManager.default.isExecutableFile(atPath: program) ? program : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let directories = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/bin"]
        for directory in directories {
            let candidate = directory + "/" + program
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs `program` with `arguments` and waits for it, blocking the calling thread.
    ///
    /// `environment`, when given, replaces the inherited one; `directory` is the working directory.
    public static func run(
        _ program: String, _ arguments: [String] = [], input: Data? = nil, environment: [String: String]? = nil,
        directory: URL? = nil
    ) throws -> Output {
        let files = try Files(input: input)
        defer { files.remove() }
        let pid = try files.start(program, arguments, environment: environment, directory: directory)
        return try files.result(status: Spawn.wait(pid))
    }

    /// Runs `program` with `arguments` once one of the `limit` shared slots is free, and suspends until it exits.
    ///
    /// `environment`, when given, replaces the inherited one; `directory` is the working directory.
    public static func run(
        _ program: String, _ arguments: [String] = [], input: Data? = nil, environment: [String: String]? = nil,
        directory: URL? = nil
    ) async throws -> Output {
        await slots.acquire()
        do {
            let output = try await launch(program, arguments, input: input, environment: environment,
                                          directory: directory)
            await slots.release()
            return output
        } catch {
            await slots.release()
            throw error
        }
    }

    /// Starts `program` at once, without waiting for a slot, and hands back its run to await later.
    ///
    /// For the few tests whose point is programs running at the same time (concurrent writers on one database);
    /// everything else uses `run`, so that the number of programs at once stays bounded.
    public static func start(
        _ program: String, _ arguments: [String] = [], input: Data? = nil, environment: [String: String]? = nil,
        directory: URL? = nil
    ) -> Task<Output, any Error> {
        Task { try await launch(program, arguments, input: input, environment: environment, directory: directory) }
    }

    private static let slots = Slots(limit)

    private static func launch(
        _ program: String, _ arguments: [String], input: Data?, environment: [String: String]?, directory: URL?
    ) async throws -> Output {
        let files = try Files(input: input)
        defer { files.remove() }
        let pid = try files.start(program, arguments, environment: environment, directory: directory)
        return try files.result(status: await Spawn.wait(pid))
    }

    /// The temporary files standing in for a program's three streams.
    private struct Files {
        let directory: URL
        let input: URL
        let output: URL
        let error: URL

        init(input data: Data?) throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-run-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            input = directory.appendingPathComponent("stdin")
            output = directory.appendingPathComponent("stdout")
            error = directory.appendingPathComponent("stderr")
            try (data ?? Data()).write(to: input)
            _ = FileManager.default.createFile(atPath: output.path, contents: nil)
            _ = FileManager.default.createFile(atPath: error.path, contents: nil)
        }

        /// Starts the program with its streams on the files (`Spawn`, not Foundation's `Process`).
        func start(_ program: String, _ arguments: [String], environment: [String: String]?, directory: URL?)
            throws -> pid_t
        {
            guard let executable = Subprocess.locate(program) else { throw NotFound(program: program) }
            return try Spawn.start(
                executable, arguments, environment: environment, directory: directory, stdin: input, stdout: output,
                stderr: error)
        }

        func result(status: Int32) throws -> Output {
            Output(status: status, stdout: try Data(contentsOf: output), stderr: try Data(contentsOf: error))
        }

        func remove() {
            try? FileManager.default.removeItem(at: directory)
        }
    }
}

/// The `kontor` executable the tests run: `$KONTOR_BIN`, else the one beside the test bundle, else .build/debug's.
public enum KontorExecutable {
    public static let path: String = {
        if let path = ProcessInfo.processInfo.environment["KONTOR_BIN"], !path.isEmpty { return path }
        var folders: [URL] = []
        if let executable = Bundle.main.executableURL { folders.append(executable.deletingLastPathComponent()) }
        folders.append(Bundle.main.bundleURL.deletingLastPathComponent())
        folders.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        // Tests/KontorTestTools/Subprocess.swift → the package root.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        folders.append(root.appendingPathComponent(".build/debug"))
        for folder in folders {
            let file = folder.appendingPathComponent("kontor")
            if FileManager.default.isExecutableFile(atPath: file.path) { return file.path }
        }
        // Without a built binary, running fails and says where it looked last.
        return root.appendingPathComponent(".build/debug/kontor").path
    }()
}

/// A counting semaphore for tasks: `acquire` suspends while all slots are taken, first come first served.
private actor Slots {
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(_ count: Int) {
        free = count
    }

    func acquire() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty {
            free += 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
