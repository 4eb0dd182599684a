import Foundation

/// The messages in a file or folder a user points at: one `.eml` file, an mbox file (mboxrd/mboxo: `From `
/// separator lines, `>From ` unescaped), or a Maildir folder (`cur/` and `new/`). Each message comes back as its
/// bytes with where it was found, so a caller can name the culprit when one cannot be read.
public enum Mailbox {
    public struct Message: Sendable {
        /// The file, and for an mbox the message's number in it (1-based).
        public let source: String
        public let bytes: [UInt8]
    }

    public static let maximumMessages = 100_000

    /// Reads what is at `path`; a folder is a Maildir (or a folder of `.eml` files).
    public static func messages(at path: String) throws -> [Message] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        if isDirectory.boolValue { return try folder(path) }
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        if bytes.starts(with: Array("From ".utf8)) { return try mbox(bytes, source: path) }
        return [Message(source: path, bytes: bytes)]
    }

    /// Splits an mbox file at its `From ` lines.
    public static func mbox(_ bytes: [UInt8], source: String) throws(MailReadError) -> [Message] {
        guard bytes.starts(with: Array("From ".utf8)) else { throw .notAnMbox }
        var messages: [Message] = []
        var current: [UInt8] = []
        var lineStart = 0
        var previousLineEmpty = true
        var started = false
        func finish() throws(MailReadError) {
            guard started else { return }
            // The empty line before the next separator belongs to the format, not to the message.
            if current.last == 10 { current.removeLast() }
            if current.last == 13 { current.removeLast() }
            messages.append(Message(source: "\(source) #\(messages.count + 1)", bytes: current))
            if messages.count > maximumMessages { throw .tooManyMessages(limit: maximumMessages) }
            current = []
        }
        while lineStart < bytes.count {
            let end = bytes[lineStart...].firstIndex(of: 10).map { $0 + 1 } ?? bytes.count
            let line = bytes[lineStart..<end]
            if previousLineEmpty, line.starts(with: Array("From ".utf8)) {
                try finish()
                started = true
            } else {
                // mboxrd: one ">" is removed from ">From ", ">>From " …
                var unescaped = line
                if let first = unescaped.firstIndex(where: { $0 != UInt8(ascii: ">") }), first > line.startIndex,
                    unescaped[first...].starts(with: Array("From ".utf8))
                {
                    unescaped = unescaped.dropFirst()
                }
                current += unescaped
            }
            previousLineEmpty = line.allSatisfy { $0 == 10 || $0 == 13 }
            lineStart = end
        }
        try finish()
        return messages
    }

    private static func folder(_ path: String) throws -> [Message] {
        let url = URL(fileURLWithPath: path)
        let manager = FileManager.default
        var files: [URL] = []
        let maildir = ["cur", "new"].map { url.appendingPathComponent($0) }.filter { manager.fileExists(atPath: $0.path) }
        for directory in maildir.isEmpty ? [url] : maildir {
            let names = try manager.contentsOfDirectory(atPath: directory.path).filter { !$0.hasPrefix(".") }.sorted()
            files += names.map { directory.appendingPathComponent($0) }.filter { file in
                var isDirectory: ObjCBool = false
                return manager.fileExists(atPath: file.path, isDirectory: &isDirectory) && !isDirectory.boolValue
                    && (!maildir.isEmpty || file.pathExtension.lowercased() == "eml")
            }
            if files.count > maximumMessages { throw MailReadError.tooManyMessages(limit: maximumMessages) }
        }
        return try files.map { Message(source: $0.path, bytes: try [UInt8](Data(contentsOf: $0))) }
    }
}
