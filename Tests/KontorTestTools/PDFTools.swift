public import Foundation
public import Testing

/// Shared by the test targets that check generated PDFs.
///
/// Runs the Poppler and qpdf command-line tools that check generated PDFs independently.
///
/// A missing tool is a test failure, not a skip: CI must install `poppler-utils` and `qpdf`.
public enum PDFTools {
    public struct Output: Sendable {
        public let status: Int32
        public let stdout: Data
        public let stderr: String

        public var text: String { String(decoding: stdout, as: UTF8.self) }
    }

    public struct ToolMissing: Error, CustomStringConvertible {
        let name: String
        public var description: String {
            "Required tool '\(name)' not found in PATH: install it with `apt-get install -y poppler-utils qpdf`"
        }
    }

    public struct ToolFailed: Error, CustomStringConvertible {
        let command: String
        let output: Output
        public var description: String { "\(command) exited with \(output.status): \(output.stderr)" }
    }

    /// Absolute path of a tool found in PATH (plus the usual Debian locations).
    public static func path(of name: String) throws -> String {
        guard let path = Subprocess.locate(name) else { throw ToolMissing(name: name) }
        return path
    }

    /// Runs a tool and returns its output; `stdin` is written to its standard input if given.
    @discardableResult
    public static func run(_ name: String, _ arguments: [String], stdin: Data? = nil, allowFailure: Bool = false)
        throws -> Output
    {
        let result = try Subprocess.run(try path(of: name), arguments, input: stdin)
        let output = Output(status: result.status, stdout: result.stdout, stderr: result.errorText)
        if !allowFailure, output.status != 0 {
            throw ToolFailed(command: ([name] + arguments).joined(separator: " "), output: output)
        }
        return output
    }

    /// `qpdf --check` must pass without warnings.
    public static func expectValid(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let output = try run("qpdf", ["--check", path], allowFailure: true)
        #expect(output.status == 0, "qpdf --check failed: \(output.text) \(output.stderr)",
                sourceLocation: sourceLocation)
        #expect(output.text.contains("No syntax or stream encoding errors found"), "\(output.text)",
                sourceLocation: sourceLocation)
    }

    /// Text of one page (or all pages) as `pdftotext` extracts it.
    public static func text(_ path: String, page: Int? = nil, layout: Bool = false) throws -> String {
        var arguments: [String] = []
        if let page { arguments += ["-f", "\(page)", "-l", "\(page)"] }
        if layout { arguments.append("-layout") }
        return try run("pdftotext", arguments + ["-enc", "UTF-8", path, "-"]).text
    }

    /// Number of pages, read from `pdfinfo`-free means: qpdf's page count.
    public static func pageCount(_ path: String) throws -> Int {
        let output = try run("qpdf", ["--show-npages", path])
        return Int(output.text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }
}

/// A temporary directory for one test, removed when the test's suite instance goes away
/// (Swift Testing creates one suite instance per test).
public final class ScratchDirectory: Sendable {
    public let url: URL

    public init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("kontorpdf-" + UUID().uuidString)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// A path inside the directory.
    public func file(_ name: String) -> URL {
        url.appendingPathComponent(name)
    }

    /// Writes a PDF into the directory and returns its path.
    public func write(_ pdf: Data, name: String = "test.pdf") throws -> String {
        let target = file(name)
        try pdf.write(to: target)
        return target.path
    }
}
