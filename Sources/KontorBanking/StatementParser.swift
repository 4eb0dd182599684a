public import Foundation
import KontorCore

/// Options for `StatementParser`.
public struct StatementParseOptions: Sendable, Hashable {
    /// Read the file as this format instead of detecting it.
    public var format: StatementFormat?
    /// Encoding of MT940 files (camt is XML and declares its own; CSV has `csv.encoding`).
    public var mt940Encoding: TextEncodingChoice
    /// CSV layout options.
    public var csv: CSVOptions

    public init(format: StatementFormat? = nil, mt940Encoding: TextEncodingChoice = .auto, csv: CSVOptions = CSVOptions()) {
        self.format = format
        self.mt940Encoding = mt940Encoding
        self.csv = csv
    }
}

/// Entry point: reads camt.052/053/054 XML, camt ZIP bundles, MT940 and bank CSV into `BankStatement`s.
///
/// A file is read completely or not at all: every parser either returns the whole result or throws a
/// `StatementError` naming file and line. Only CSV rows with the wrong number of fields are skipped, and each
/// skipped row is listed in `StatementFile.warnings` (or rejected with `CSVOptions.rejectMalformedRows`).
///
/// ```swift
/// let file = try StatementParser.parse(contentsOf: url) { count in print("\r\(count) entries", terminator: "") }
/// for entry in file.entries where entry.isCredit { … }
/// ```
public enum StatementParser {
    /// Parses the file at `url`. camt XML is streamed from disk; ZIP, MT940 and CSV are read into memory.
    /// - Parameter progress: called with the number of entries read so far, every 1,000 entries and once at the end.
    public static func parse(
        contentsOf url: URL, options: StatementParseOptions = StatementParseOptions(), progress: ((Int) -> Void)? = nil
    ) throws(StatementError) -> StatementFile {
        let file = url.lastPathComponent
        let head: Data
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            head = try handle.read(upToCount: 8192) ?? Data()
        } catch {
            throw .unreadable(file: file, reason: error.localizedDescription)
        }
        let format = try resolveFormat(options.format, head: head, file: file)
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        try checkSize(size, format: format, file: file)
        let counter = ProgressCounter(progress)
        switch format {
        case .camt:
            let statements = try CamtParser.parse(url: url, file: file, progress: counter)
            counter.finish()
            return StatementFile(format: .camt, statements: statements)
        case .camtZip:
            let (statements, warnings) = try CamtArchive.parse(url: url, file: file, progress: counter)
            counter.finish()
            return StatementFile(format: .camtZip, statements: statements, warnings: warnings)
        case .mt940, .csv:
            let data: Data
            do {
                data = try Data(contentsOf: url)
            } catch {
                throw .unreadable(file: file, reason: error.localizedDescription)
            }
            return try parseText(data, format: format, file: file, options: options, counter: counter)
        }
    }

    /// Parses a file held in memory; `fileName` is used in errors and as `BankStatement.source`.
    public static func parse(
        data: Data, fileName: String = "input", options: StatementParseOptions = StatementParseOptions(),
        progress: ((Int) -> Void)? = nil
    ) throws(StatementError) -> StatementFile {
        let format = try resolveFormat(options.format, head: data.prefix(8192), file: fileName)
        try checkSize(data.count, format: format, file: fileName)
        let counter = ProgressCounter(progress)
        switch format {
        case .camt:
            guard !isBlank(data) else { throw .emptyFile(file: fileName) }
            let statements = try CamtParser.parse(data: data, file: fileName, progress: counter)
            counter.finish()
            return StatementFile(format: .camt, statements: statements)
        case .camtZip:
            let (statements, warnings) = try CamtArchive.parse(data: data, file: fileName, progress: counter)
            counter.finish()
            return StatementFile(format: .camtZip, statements: statements, warnings: warnings)
        case .mt940, .csv:
            return try parseText(data, format: format, file: fileName, options: options, counter: counter)
        }
    }

    private static func parseText(
        _ data: Data, format: StatementFormat, file: String, options: StatementParseOptions, counter: ProgressCounter
    ) throws(StatementError) -> StatementFile {
        guard !isBlank(data) else { throw .emptyFile(file: file) }
        if format == .mt940 {
            let text = TextDecoding.decode(data, as: options.mt940Encoding)
            let statements = try MT940Parser.parse(text: text, file: file, progress: counter)
            counter.finish()
            return StatementFile(format: .mt940, statements: statements)
        }
        let text = TextDecoding.decode(data, as: options.csv.encoding)
        let (statement, warnings, preset) = try CSVParser.parse(text: text, file: file, options: options.csv, progress: counter)
        counter.finish()
        return StatementFile(format: .csv, statements: [statement], warnings: warnings, csvPreset: preset?.id)
    }

    /// Recognises the format from the first bytes of a file: ZIP magic, XML, MT940 tags, else CSV.
    /// - Throws: `.emptyFile` for no content, `.unknownFormat` for binary data.
    public static func detectFormat(head: Data, file: String = "input") throws(StatementError) -> StatementFormat {
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) { return .camtZip }
        guard !isBlank(head) else { throw .emptyFile(file: file) }
        var bytes = head[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw .unknownFormat(file: file, problem: .utf16)
        }
        let body = bytes.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        if body.first == UInt8(ascii: "<") { return .camt }
        if body.prefix(512).contains(0) { throw .unknownFormat(file: file, problem: .binary) }
        let text = TextDecoding.decode(Data(body), as: .auto)
        let lines = TextDecoding.lines(text).prefix(40)
        let tags = lines.compactMap { MT940Parser.tag(of: $0.hasPrefix("{") ? String($0.split(separator: "{4:").last ?? "") : $0)?.tag }
        if tags.contains("20") && (tags.contains("25") || tags.contains("60F") || tags.contains("61") || tags.contains("28C")) {
            return .mt940
        }
        if let first = tags.first, ["20", "25", "28C", "60F"].contains(first) { return .mt940 }
        return .csv
    }

    /// Refuses a file larger than `InputLimits` allows for its format, before any of it is read.
    private static func checkSize(_ size: Int, format: StatementFormat, file: String) throws(StatementError) {
        let limit = format == .camt ? InputLimits.camtBytes : InputLimits.statementTextBytes
        guard size <= limit else { throw .tooLarge(file: file, line: nil, limit: .bytes(limit)) }
    }

    private static func resolveFormat(_ format: StatementFormat?, head: Data, file: String) throws(StatementError)
        -> StatementFormat
    {
        if let format { return format }
        return try detectFormat(head: head, file: file)
    }

    private static func isBlank(_ data: Data) -> Bool {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        return bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }
}
