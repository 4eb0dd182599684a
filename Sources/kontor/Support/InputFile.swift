import Foundation
import KontorCore

/// Reads a file the user names, refusing one larger than the reader's limit before any of it is in memory
/// (a 3 GB "invoice" would otherwise be read whole just to be refused).
enum InputFile {
    static func read(_ path: String, limit: Int) throws -> Data {
        let url = URL(fileURLWithPath: path)
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= limit else {
            throw CLIError.fileTooLarge(name: url.lastPathComponent, limit: .bytes(limit))
        }
        do { return try Data(contentsOf: url) } catch {
            throw CLIError.cannotRead(path: path, reason: error.localizedDescription)
        }
    }
}
