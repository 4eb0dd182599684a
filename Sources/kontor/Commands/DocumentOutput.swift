import Foundation
import KontorApp

/// Writes a rendered document to `-o FILE` or its default name in the current folder.
enum DocumentOutput {
    static func save(_ document: RenderedDocument, to path: String?, json: Bool) throws {
        let url = URL(fileURLWithPath: path ?? document.fileName)
        do {
            try document.data.write(to: url, options: .atomic)
        } catch {
            throw CLIError.cannotWrite(path: url.path, reason: error.localizedDescription)
        }
        if json {
            try Output.json(["file": url.path, "bytes": "\(document.data.count)"])
        } else {
            let size = document.data.count / 1024 + 1
            print(CLILanguage.say("Wrote \(url.path) (\(size) KB).", "\(url.path) geschrieben (\(size) KB)."))
        }
    }
}
