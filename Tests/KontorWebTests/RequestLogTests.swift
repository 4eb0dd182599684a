import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KontorCore
@testable import KontorWeb
import Logging
import Testing

/// The server logs every request with its status and duration, and an unexpected error with its cause, through
/// the logger it is given (here one that keeps the records; the global logging system is never touched).
struct RequestLogTests {
    @Test func aRequestIsLoggedWithMethodPathStatusAndDuration() async throws {
        // Given the app with a logger that keeps what it is told
        let book = try await Book()
        let records = LogRecords()
        var configuration = WebConfiguration(kontor: book.kontor, today: { Book.today }, bcryptCost: 4)
        configuration.logger = Logger(label: "test") { _ in RecordingLogHandler(records) }
        let app = Application(router: try await buildRouter(configuration))
        // When a page and an unknown page are opened, one with a query
        let ids = try await app.test(.router) { client in
            [
                try await client.execute(uri: "/customers?q=geheim", method: .get).headers[.requestID],
                try await client.execute(uri: "/customers/999", method: .get).headers[.requestID],
            ]
        }
        // Then each is one line at info with method, path without the query, status and a duration in ms
        let requests = records.all.filter { $0.metadata["path"] != nil }
        #expect(requests.map { $0.metadata["status"] } == ["200", "404"])
        #expect(requests.map { $0.metadata["path"] } == ["/customers", "/customers/999"])
        #expect(requests.allSatisfy { $0.level == .info && $0.metadata["method"] == "GET" })
        #expect(requests.allSatisfy { Double($0.metadata["duration_ms"] ?? "") ?? -1 >= 0 })
        // The browser gets the id of its request's line (here: no one signed in, so no user in the line).
        #expect(requests.map { $0.metadata["request_id"] } == ids)
        #expect(requests.allSatisfy { $0.metadata["user"] == nil })
        #expect(!records.all.contains { record in
            record.message.contains("geheim") || record.metadata.values.contains { $0.contains("geheim") }
        })
    }

    @Test func anErrorNoMiddlewareAnsweredIsLoggedWithItsCause() async throws {
        // Given a route that fails with an error nothing turns into a page
        struct Broken: Error, CustomStringConvertible {
            var description: String { "the disk is on fire" }
        }
        let records = LogRecords()
        let router = Router()
        let logger = Logger(label: "test") { _ in RecordingLogHandler(records) }
        router.addMiddleware { RequestLogMiddleware(logger: logger) }
        router.get("/fails") { _, _ -> String in throw Broken() }
        // When it is requested
        try await Application(router: router).test(.router) { client in
            let response = try await client.execute(uri: "/fails", method: .get)
            #expect(response.status == .internalServerError)
        }
        // Then the request is logged as an error, with status 500 and the cause
        let record = try #require(records.all.first)
        #expect(record.level == .error)
        #expect(record.metadata["status"] == "500")
        #expect(record.error == "the disk is on fire")
    }

    @Test func theLevelFilters() {
        // A logger at warning drops the request lines (info) and keeps errors.
        let records = LogRecords()
        var logger = Logger(label: "test") { _ in RecordingLogHandler(records) }
        logger.logLevel = .warning
        logger.info("GET / 200")
        logger.error("unexpected error")
        #expect(records.all.map(\.message) == ["unexpected error"])
    }
}

/// What a `RecordingLogHandler` was told, shared between the handler copies a `Logger` makes.
final class LogRecords: @unchecked Sendable {
    /// One log line: its level, message, metadata as text and the error's description.
    struct Record {
        let level: Logger.Level
        let message: String
        let metadata: [String: String]
        let error: String?
    }

    private let lock = NSLock()
    private var records: [Record] = []

    var all: [Record] { lock.withLock { records } }

    func append(_ record: Record) { lock.withLock { records.append(record) } }
}

/// A log handler that keeps every record in memory, for tests that assert what was logged.
struct RecordingLogHandler: LogHandler {
    let records: LogRecords
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info
    var metadataProvider: Logger.MetadataProvider?

    init(_ records: LogRecords) { self.records = records }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        records.append(LogRecords.Record(
            level: event.level, message: event.message.description, metadata: merged.mapValues { "\($0)" },
            error: event.error.map { "\($0)" }))
    }
}
