import Foundation

/// What an external program left behind.
struct ShellResult {
    let status: Int32
    let output: Data
    let errorOutput: String

    var outputText: String {
        String(decoding: output, as: UTF8.self)
    }
}

/// Runs external programs for the reference tests (segno, zbarimg).
enum Shell {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Looks `program` up on `PATH`, like a shell would.
    static func locate(_ program: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) {
                return candidate
            }
        }
        return nil
    }

    /// Runs `program` (searched on `PATH`) with `arguments` and waits for it.
    ///
    /// Standard input, output and error go through temporary files rather than pipes, so a
    /// program that writes a lot before reading all of its input cannot deadlock the test.
    static func run(_ program: String, _ arguments: [String], input: Data = Data()) throws -> ShellResult {
        guard let executable = locate(program) else {
            throw Failure(description: "\(program) not found on PATH")
        }
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("kontorqr-shell-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let inputURL = directory.appendingPathComponent("stdin")
        let outputURL = directory.appendingPathComponent("stdout")
        let errorURL = directory.appendingPathComponent("stderr")
        try input.write(to: inputURL)
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let inputHandle = try FileHandle(forReadingFrom: inputURL)
        let outputHandle = try FileHandle(forWritingTo: outputURL)
        let errorHandle = try FileHandle(forWritingTo: errorURL)
        defer {
            try? inputHandle.close()
            try? outputHandle.close()
            try? errorHandle.close()
        }
        process.standardInput = inputHandle
        process.standardOutput = outputHandle
        process.standardError = errorHandle
        try process.run()
        process.waitUntilExit()

        return ShellResult(
            status: process.terminationStatus,
            output: try Data(contentsOf: outputURL),
            errorOutput: String(decoding: try Data(contentsOf: errorURL), as: UTF8.self)
        )
    }
}
