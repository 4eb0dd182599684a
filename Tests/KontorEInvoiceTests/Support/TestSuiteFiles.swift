import Foundation
import KontorTestTools

/// The KoSIT XRechnung test suite from `shared/einvoice/testsuite`, unpacked once per test run.
///
/// The archive is extracted with `tar` into a temporary directory, read into memory and the
/// directory removed again. The shared folder is found beside the repository checkout
/// (`<repo>/../shared`), so the tests work in any clone that has `shared/` next to it.
enum TestSuiteFiles {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// A sample: its file name and contents.
    struct Sample: Sendable {
        let name: String
        let data: Data
    }

    /// `<repo>/../shared`, derived from this file's location.
    static var sharedDirectory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // …/Tests/KontorEInvoiceTests/Support
            .deletingLastPathComponent()  // …/Tests/KontorEInvoiceTests
            .deletingLastPathComponent()  // …/Tests
            .deletingLastPathComponent()  // repository root
            .deletingLastPathComponent()  // the folder holding the checkout and shared/
            .appendingPathComponent("shared")
    }

    static var archive: URL {
        sharedDirectory.appendingPathComponent("einvoice/testsuite/xrechnung-testsuite-2026-01-31.tar.xz")
    }

    /// All XML samples, sorted by path (a `static let` is initialised exactly once, thread-safely).
    static let unpacked: Result<[Sample], Failure> = Result { () throws(Failure) -> [Sample] in
        guard FileManager.default.fileExists(atPath: archive.path) else {
            throw Failure(description: "test suite archive not found at \(archive.path)")
        }
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("kontor-einvoice-testsuite-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let tar = try Subprocess.run("tar", ["xJf", archive.path, "-C", directory.path])
            guard tar.status == 0 else {
                throw Failure(description: "tar xJf exited with \(tar.status) (is xz installed?): \(tar.errorText)")
            }
            var files: [URL] = []
            let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
            while let url = enumerator?.nextObject() as? URL {
                if url.pathExtension == "xml" { files.append(url) }
            }
            return try files.sorted { $0.path < $1.path }.map { Sample(name: $0.lastPathComponent, data: try Data(contentsOf: $0)) }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(description: "cannot unpack \(archive.path): \(error)")
        }
    }

    static func all() throws -> [Sample] { try unpacked.get() }

    /// `*_uncefact.xml` samples.
    static func cii() throws -> [Sample] { try all().filter { $0.name.hasSuffix("_uncefact.xml") } }

    /// `*_ubl.xml` samples.
    static func ubl() throws -> [Sample] { try all().filter { $0.name.hasSuffix("_ubl.xml") } }

    /// Sample names for parameterised tests (empty when unpacking failed; `suiteHasTheExpectedSamples` reports that).
    static func names(_ suffix: String) -> [String] {
        ((try? all()) ?? []).map(\.name).filter { $0.hasSuffix(suffix) }
    }

    /// The contents of the sample called `name`.
    static func data(_ name: String) throws -> Data {
        guard let sample = try all().first(where: { $0.name == name }) else {
            throw Failure(description: "no sample named \(name)")
        }
        return sample.data
    }
}
