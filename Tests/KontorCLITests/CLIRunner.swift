import Foundation
import Testing

/// Runs the built `kontor` binary on a temporary database, as a user would.
struct CLIRunner {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String

        /// The standard output parsed as JSON.
        func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(stdout.utf8)) }
        func object() throws -> [String: Any] { try #require(try json() as? [String: Any], "not an object: \(stdout)") }
        func array() throws -> [[String: Any]] { try #require(try json() as? [[String: Any]], "not an array: \(stdout)") }
    }

    let directory: URL
    let database: String
    var today = "2026-03-02"

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        database = directory.appendingPathComponent("book.sqlite").path
    }

    /// The `kontor` executable: $KONTOR_BIN, else beside the test bundle, else in .build/debug.
    static let executable: URL = {
        if let path = ProcessInfo.processInfo.environment["KONTOR_BIN"] { return URL(fileURLWithPath: path) }
        var candidates: [URL] = []
        if let executable = Bundle.main.executableURL { candidates.append(executable.deletingLastPathComponent()) }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug"))
        for folder in candidates {
            let file = folder.appendingPathComponent("kontor")
            if FileManager.default.isExecutableFile(atPath: file.path) { return file }
        }
        return root.appendingPathComponent(".build/debug/kontor")
    }()

    /// Runs `kontor ARGS` with `--db` and `KONTOR_TODAY` set, unless the arguments or `environment` say otherwise.
    @discardableResult
    func run(_ arguments: [String], environment: [String: String] = [:], useDatabase: Bool = true) throws -> Result {
        let process = makeProcess(arguments, environment: environment, useDatabase: useDatabase)
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs and requires success.
    @discardableResult
    func ok(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let result = try run(arguments, environment: environment)
        try #require(result.status == 0, "kontor \(arguments.joined(separator: " ")) failed: \(result.stderr)")
        return result
    }

    /// Runs with --json and requires success.
    func json(_ arguments: [String]) throws -> Result { try ok(arguments + ["--json"]) }

    func makeProcess(_ arguments: [String], environment: [String: String] = [:], useDatabase: Bool = true) -> Process {
        let process = Process()
        process.executableURL = CLIRunner.executable
        process.arguments = arguments + (useDatabase ? ["--db", database] : [])
        // Files a command writes by default (PDFs) land in the test's own folder.
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["KONTOR_TODAY"] = today
        env["KONTOR_LANG"] = "de"
        env.removeValue(forKey: "KONTOR_DB")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        return process
    }

    /// A profile and a customer with address, enough to issue invoices.
    func setUpBusiness() throws {
        try ok(["init", "--name", "Lena Schreiber", "--street", "Lindenstraße 12", "--postal-code", "50674",
                "--city", "Köln", "--state", "NW", "--iban", "DE89 3704 0044 0532 0130 00", "--bic", "COBADEFFXXX",
                "--tax-number", "214/5678/1234", "--email", "post@lena-schreiber.de"])
        try ok(["customer", "add", "--name", "Agentur Blickfang GmbH", "--street", "Ehrenstraße 44",
                "--postal-code", "50672", "--city", "Köln", "--state", "NW", "--email", "jana@blickfang.de"])
    }

    /// A draft with one line for customer 1; returns its id.
    func draft(price: String = "1000,00") throws -> String {
        let draft = try json(["invoice", "draft", "--customer", "1"]).object()
        let id = "\(draft["id"]!)"
        try ok(["invoice", "add-line", id, "--description", "Fachartikel", "--price", price])
        return id
    }

    /// A snapshot of everything the book holds, to prove that a failed command changed nothing.
    func snapshot() throws -> String {
        try ["profile show", "customer list", "inquiry list --all", "quote list", "job list --all", "invoice list",
             "payment list"]
            .map { try run($0.split(separator: " ").map(String.init) + ["--json"]).stdout }.joined(separator: "\n")
    }
}
