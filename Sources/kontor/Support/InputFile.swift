import Foundation
import KontorCore

/// Reads a file the user names, refusing one larger than the reader's limit before any of it is in memory
/// (a 3 GB "invoice" would otherwise be read whole just to be refused).
enum InputFile {
    static func read(_ path: String, limit: Int) throws -> Data {
        let url = URL(fileURLWithPath: path)
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= limit else {
            let most = InputLimit.bytes(limit).wording(.en)
            throw CLIError("\(url.lastPathComponent): beyond what Kontor reads (\(most)).")
        }
        do { return try Data(contentsOf: url) } catch {
            throw CLIError("Cannot read \(path): \(error.localizedDescription)")
        }
    }
}
