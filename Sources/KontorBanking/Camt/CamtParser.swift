import Foundation
import KontorCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Streaming reader for camt.052/053/054 XML (versions .02 to .08 and later).
///
/// The file is first read by `CamtScanner`, a byte scanner that is many times faster than Foundation's `XMLParser`
/// on Linux; when it meets anything it does not handle, the SAX-style `XMLParser` reads the file as before, so
/// errors and unusual files are reported exactly as they always were. Both feed `CamtCollector`.
///
/// Elements are matched by local name, so the reader accepts a default namespace, a prefixed one, and the
/// Bundesbank sample whose namespace is only declared as `xmlns:n0=…` (elements in no namespace).
/// Only the entries are kept in memory, never the document (the scanner reads a memory-mapped file).
enum CamtParser {
    /// Which reader parses camt XML; only tests choose anything but `automatic`, to compare the two.
    enum Engine: Sendable {
        /// The byte scanner, and `XMLParser` whenever the scanner declines.
        case automatic
        /// `XMLParser` only.
        case xmlParser
        /// The byte scanner only: a file it declines fails with `scannerDeclined(file:)`.
        case scanner
    }

    /// The reader used by the current task.
    @TaskLocal static var engine: Engine = .automatic

    /// The error of `Engine.scanner` for a file the scanner declines.
    static func scannerDeclined(file: String) -> StatementError {
        .unreadable(file: file, reason: "the camt scanner declined the file")
    }

    /// Parses the camt file at `url`: mapped into memory for the scanner, else read in chunks by `XMLParser`.
    static func parse(url: URL, file: String, progress: ProgressCounter) throws(StatementError) -> [BankStatement] {
        let engine = engine
        if engine != .xmlParser {
            // Mapped: the pages are the file's, the scanner hands them back as it goes, and the map ends with this
            // scope.
            if let mapped = MappedFile(path: url.path) {
                let before = progress.count
                if let statements = CamtScanner.parse(mapped, file: file, progress: progress) { return statements }
                progress.rewind(to: before)
            } else if let data = try? Data(contentsOf: url, options: .alwaysMapped),
                let statements = scan(data, file: file, progress: progress)
            {
                return statements
            }
            if engine == .scanner { throw scannerDeclined(file: file) }
        }
        if let line = UTF8Guard.firstInvalidLine(in: UTF8Guard.chunks(of: url)) {
            throw .notUTF8(file: file, line: line)
        }
        if let mapped = try? Data(contentsOf: url, options: .alwaysMapped) {
            try refuseDocumentType(mapped, file: file)
        }
        guard let parser = XMLParser(contentsOf: url) else {
            throw .unreadable(file: file, reason: "cannot open \(url.path)")
        }
        return try run(parser, file: file, progress: progress) { countLines(url: url) }
    }

    /// Reads the camt file at `url` (or, without one, `data`) with the byte scanner only, handing its entries to
    /// `sink`; false when the scanner declines the file — possibly after some entries went to the sink, so the
    /// caller discards them and reads the file with `parse`, which reports what is wrong with it.
    static func stream(
        url: URL?, data: Data?, file: String, progress: ProgressCounter, sink: EntrySink
    ) -> Bool {
        if let url, let mapped = MappedFile(path: url.path) {
            return CamtScanner.parse(mapped, file: file, progress: progress, sink: sink) != nil
        }
        let bytes: Data
        if let data {
            bytes = data
        } else if let url, let mapped = try? Data(contentsOf: url, options: .alwaysMapped) {
            bytes = mapped
        } else {
            return false
        }
        return bytes.withUnsafeBytes { CamtScanner.parse($0, file: file, progress: progress, sink: sink) } != nil
    }

    /// Parses camt XML held in memory.
    static func parse(data: Data, file: String, progress: ProgressCounter) throws(StatementError) -> [BankStatement] {
        let engine = engine
        if engine != .xmlParser {
            if let statements = scan(data, file: file, progress: progress) { return statements }
            if engine == .scanner { throw scannerDeclined(file: file) }
        }
        if let line = UTF8Guard.firstInvalidLine(in: [data]) {
            throw .notUTF8(file: file, line: line)
        }
        try refuseDocumentType(data, file: file)
        return try run(XMLParser(data: data), file: file, progress: progress) { countLines(data) }
    }

    /// camt never declares a DTD: refusing one rules out entity expansion and external entities before libxml2
    /// sees the file (the scanner declines DTDs, so only the `XMLParser` path needs this).
    private static func refuseDocumentType(_ data: Data, file: String) throws(StatementError) {
        guard let found = data.range(of: Data("<!DOCTYPE".utf8)) else { return }
        let line = data[..<found.lowerBound].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        throw .malformedXML(
            file: file, line: line, column: 0, message: "a document type declaration (DTD) is not allowed")
    }

    /// The scanner's statements, or nil when it declines; the entries it counted are then taken back, since
    /// `XMLParser` counts them again.
    private static func scan(_ data: Data, file: String, progress: ProgressCounter) -> [BankStatement]? {
        let before = progress.count
        let statements = data.withUnsafeBytes { CamtScanner.parse($0, file: file, progress: progress) }
        if statements == nil { progress.rewind(to: before) }
        return statements
    }

    private static func run(
        _ parser: XMLParser, file: String, progress: ProgressCounter, lineCount: () -> Int
    ) throws(StatementError) -> [BankStatement] {
        let handler = CamtHandler(file: file, progress: progress)
        parser.delegate = handler
        // With namespace processing, elementName is the local name; prefix declarations arrive through
        // didStartMappingPrefix (the Bundesbank sample declares its namespace only as `xmlns:n0`).
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = true
        parser.shouldResolveExternalEntities = false
        _ = parser.parse()
        // Note: swift-corelibs' XMLParser may return true after an error, so the handler records errors itself.
        if let failure = handler.failure { throw failure }
        if let xmlError = handler.xmlError {
            let lines = lineCount()
            if !handler.collector.rootClosed && xmlError.line >= lines {
                let element = handler.collector.openElement ?? "?"
                throw .truncated(file: file, line: xmlError.line, detail: "XML ends inside <\(element)>")
            }
            throw .malformedXML(file: file, line: xmlError.line, column: xmlError.column, message: xmlError.message)
        }
        let collector = handler.collector
        guard collector.rootSeen else { throw .emptyFile(file: file) }
        guard collector.rootClosed else {
            throw .truncated(file: file, line: parser.lineNumber, detail: "the root element is not closed")
        }
        guard collector.messageType != nil else {
            throw .unknownNamespace(file: file, namespace: "(none)", rootElement: collector.rootName)
        }
        return collector.statements
    }

    /// Number of lines of `data` (a last line without line break counts).
    static func countLines(_ data: Data) -> Int {
        var count = 0
        var last: UInt8 = 10
        for byte in data {
            if byte == 10 { count += 1 }
            last = byte
        }
        return last == 10 ? count : count + 1
    }

    static func countLines(url: URL) -> Int {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return 0 }
        defer { try? handle.close() }
        var count = 0
        var last: UInt8 = 10
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            for byte in chunk where byte == 10 { count += 1 }
            last = chunk.last ?? last
        }
        return last == 10 ? count : count + 1
    }

    /// Reads `camt.053.001.08` out of a namespace URI; nil when the URI names no camt message.
    static func messageType(namespace: String) -> CamtMessageType? {
        guard let range = namespace.range(of: "camt.", options: .backwards) else { return nil }
        let parts = namespace[range.upperBound...].split(separator: ".")
        guard let first = parts.first, first.count == 3, let number = Int(first) else { return nil }
        let version = parts.count >= 3 ? parts[1] + "." + parts[2] : nil
        return CamtMessageType(message: number, version: version.map(String.init))
    }

    /// The message kind named by the element under `Document`.
    static func messageNumber(element: String) -> Int? {
        switch element {
        case "BkToCstmrAcctRpt": return 52
        case "BkToCstmrStmt": return 53
        case "BkToCstmrDbtCdtNtfctn": return 54
        default: return nil
        }
    }
}
