public import Foundation
import KontorCore

extension StatementParser {
    /// Entries per chunk of `streamCamt`: small enough that a chunk in flight is about a megabyte, large enough that
    /// handing one over costs nothing next to reading it.
    public static let streamChunkSize = 2_048

    /// False while the current task asks for Foundation's `XMLParser` (tests comparing the readers): `streamCamt`
    /// would then decline every file. Read it on the task that chooses, not on a thread of its own.
    public static var mayStreamCamt: Bool { CamtParser.engine != .xmlParser }

    /// Reads a camt XML file a chunk of entries at a time, so that a statement of 100,000 entries is never held
    /// whole: `receive` gets each chunk in file order with the account of its statement (the IBAN, else the other
    /// account id) and the entries numbered exactly as `parse` numbers them. `receive` returns false to stop.
    ///
    /// - Parameters:
    ///   - url: The file; when nil, `data` is read instead.
    ///   - data: The file's bytes, when they are in memory (an upload).
    ///   - fileName: The name used in entries' sources.
    /// - Returns: Whether the whole file went to `receive`. False, after some or none of it did, when the file is
    ///   not camt XML, is larger than `InputLimits` allows, `receive` stopped, or the byte scanner declines the
    ///   file (anything unusual, and every error): the caller then discards what it received and reads the file
    ///   with `parse`, which reads unusual files with `XMLParser` and reports errors with their lines.
    public static func streamCamt(
        url: URL?, data: Data?, fileName: String, options: StatementParseOptions = StatementParseOptions(),
        progress: ((Int) -> Void)? = nil, receive: @escaping (_ account: String, _ entries: [StatementEntry]) -> Bool
    ) -> Bool {
        guard canStreamCamt(url: url, data: data, fileName: fileName, options: options) else { return false }
        let counter = ProgressCounter(progress)
        let sink = EntrySink(chunkSize: streamChunkSize) { (account, entries) throws(StatementError) in
            guard receive(account, entries) else { throw .unreadable(file: fileName, reason: "stopped by the reader") }
        }
        guard CamtParser.stream(url: url, data: data, file: fileName, progress: counter, sink: sink) else {
            return false
        }
        counter.finish()
        return true
    }

    /// Whether `streamCamt` would read the file, by its format option or first bytes and its size: camt XML within
    /// `InputLimits`, and `mayStreamCamt`. Cheap: for deciding before anything else is set up.
    public static func canStreamCamt(url: URL?, data: Data?, fileName: String, options: StatementParseOptions) -> Bool {
        guard mayStreamCamt, let head = url.map(Self.head(of:)) ?? data?.prefix(8192),
            let format = try? options.format ?? detectFormat(head: head, file: fileName), format == .camt
        else { return false }
        let size = url.flatMap { try? FileManager.default.attributesOfItem(atPath: $0.path)[.size] as? Int }
            ?? data?.count ?? 0
        return size <= InputLimits.camtBytes
    }

    /// The first bytes of a file, for recognising its format; empty when it cannot be read.
    private static func head(of url: URL) -> Data {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return Data() }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: 8192)) ?? Data()
    }
}
