import Foundation
import KontorApp
import KontorStore
import KontorTestTools
import Testing

/// Runs the built `kontor` binary on a temporary database, as a user would.
struct CLIRunner {
    struct Result: Sendable {
        let status: Int32
        let stdout: String
        let stderr: String

        /// The standard output parsed as JSON.
        func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(stdout.utf8)) }
        func object() throws -> [String: Any] { try #require(try json() as? [String: Any], "not an object: \(stdout)") }
        func array() throws -> [[String: Any]] { try #require(try json() as? [[String: Any]], "not an array: \(stdout)") }

        init(_ output: Subprocess.Output) {
            status = output.status
            stdout = output.text
            stderr = output.errorText
        }
    }

    let directory: URL
    let database: String
    var today = "2026-03-02"
    /// A PostgreSQL book (`$KONTOR_DATABASE_URL`) instead of the SQLite file `database`.
    var postgresURL: String?

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        database = directory.appendingPathComponent("book.sqlite").path
    }

    /// The `kontor` executable: $KONTOR_BIN, else beside the test bundle, else in .build/debug.
    static var executable: URL { URL(fileURLWithPath: KontorExecutable.path) }

    /// Runs `kontor ARGS` with `--db` and `KONTOR_TODAY` set, unless the arguments or `environment` say otherwise;
    /// waits for one of the shared subprocess slots (see `Subprocess`).
    @discardableResult
    func run(_ arguments: [String], environment: [String: String] = [:], useDatabase: Bool = true) async throws
        -> Result
    {
        let (arguments, environment) = invocation(arguments, environment: environment, useDatabase: useDatabase)
        return Result(try await Subprocess.run(KontorExecutable.path, arguments, environment: environment,
                                               directory: directory))
    }

    /// Starts `kontor ARGS` at once, outside the shared slots, for tests whose point is processes running together.
    func start(_ arguments: [String]) -> Task<Result, any Error> {
        let (arguments, environment) = invocation(arguments, environment: [:], useDatabase: true)
        let run = Subprocess.start(KontorExecutable.path, arguments, environment: environment, directory: directory)
        return Task { Result(try await run.value) }
    }

    /// Runs and requires success.
    @discardableResult
    func ok(_ arguments: [String], environment: [String: String] = [:]) async throws -> Result {
        let result = try await run(arguments, environment: environment)
        try #require(result.status == 0, "kontor \(arguments.joined(separator: " ")) failed: \(result.stderr)")
        return result
    }

    /// The book the binary works on, opened in this process: for walks over many days, where a process per day
    /// would make a test slow without testing anything the single commands do not.
    func book() throws -> Kontor {
        Kontor(store: GRDBBookStore(try AppDatabase.open(path: database)))
    }

    /// Runs with --json and requires success.
    func json(_ arguments: [String]) async throws -> Result { try await ok(arguments + ["--json"]) }

    /// The arguments and environment of one run; files a command writes by default (PDFs) land in `directory`.
    private func invocation(_ arguments: [String], environment: [String: String], useDatabase: Bool)
        -> ([String], [String: String])
    {
        var env = ProcessInfo.processInfo.environment
        env["KONTOR_TODAY"] = today
        env["KONTOR_LANG"] = "en"
        env.removeValue(forKey: "KONTOR_DB")
        env.removeValue(forKey: "KONTOR_DATABASE_URL")
        if let postgresURL, useDatabase { env["KONTOR_DATABASE_URL"] = postgresURL }
        for (key, value) in environment { env[key] = value }
        return (arguments + (useDatabase && postgresURL == nil ? ["--db", database] : []), env)
    }

    /// A profile and a customer with address, enough to issue invoices.
    func setUpBusiness() async throws {
        try await ok(["init", "--name", "Lena Schreiber", "--street", "Lindenstraße 12", "--postal-code", "50674",
                      "--city", "Köln", "--state", "NW", "--iban", "DE89 3704 0044 0532 0130 00",
                      "--bic", "COBADEFFXXX",
                      "--tax-number", "214/5678/1234", "--email", "post@lena-schreiber.de"])
        try await ok(["customer", "add", "--name", "Agentur Blickfang GmbH", "--street", "Ehrenstraße 44",
                      "--postal-code", "50672", "--city", "Köln", "--state", "NW", "--email", "jana@blickfang.de"])
    }

    /// A draft with one line for customer 1; returns its id.
    func draft(price: String = "1000,00") async throws -> String {
        let draft = try await json(["invoice", "draft", "--customer", "1"]).object()
        let id = "\(draft["id"]!)"
        try await ok(["invoice", "add-line", id, "--description", "Fachartikel", "--price", price])
        return id
    }

    /// A snapshot of everything the book holds, to prove that a failed command changed nothing.
    func snapshot() async throws -> String {
        var parts: [String] = []
        for command in ["profile show", "customer list", "inquiry list --all", "quote list", "job list --all",
                        "invoice list", "payment list"]
        {
            parts.append(try await run(command.split(separator: " ").map(String.init) + ["--json"]).stdout)
        }
        return parts.joined(separator: "\n")
    }
}
