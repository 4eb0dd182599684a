import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KontorApp
import KontorCore
import KontorPostgresStore
import KontorTestTools
@testable import KontorWeb
import Logging
import Testing

/// Two web servers on one PostgreSQL book, as an agency runs `kontor serve` twice behind one address: each with its
/// own connections, page cache and session store, as two processes have. A real server on 127.0.0.1.
@Suite(.serialized)
struct TwoServersTests {
    @Test func aLoginAndAWriteOnOneServerHoldOnTheOtherAtOnce() async throws {
        let server = try await TestPostgresServer.start()
        defer { server.stop() }
        let location = PostgresLocation(
            user: TestPostgresServer.user, host: "127.0.0.1", port: server.port, database: try server.createDatabase())
        let first = try await PostgresBookStore.open(location, password: nil, connections: 2)
        let second = try await PostgresBookStore.open(location, password: nil, connections: 2)
        do {
            try await shareLoginAndHeute(first, second)
        } catch {
            await first.close()
            await second.close()
            throw error
        }
        await first.close()
        await second.close()
    }

    private func shareLoginAndHeute(_ first: PostgresBookStore, _ second: PostgresBookStore) async throws {
        let bookA = try await Book(store: first)
        let bookB = try await Book(store: second, profile: false)
        _ = try await bookA.kontor.setPassword(user: "kontor", password: "richtig-geheim", on: Book.today) {
            WebPasswords.hash($0, cost: 4)
        }
        let records = LogRecords()
        func app(_ book: Book) async throws -> some ApplicationProtocol {
            var configuration = WebConfiguration(
                host: "0.0.0.0", kontor: book.kontor, today: { Book.today }, bcryptCost: 4)
            configuration.logger = Logger(label: "test") { _ in RecordingLogHandler(records) }
            return Application(router: try await buildRouter(configuration))
        }
        let (appA, appB) = (try await app(bookA), try await app(bookB))
        try await appA.test(.router) { clientA in
            try await appB.test(.router) { clientB in
                // Signed in on A …
                var browserA = Browser(clientA)
                #expect(try await SessionHardeningTests.signIn(&browserA).status == .seeOther)
                // … is signed in on B, with the same cookie.
                var browserB = Browser(clientB)
                browserB.cookies = browserA.cookies
                let before = try await browserB.get("/")
                #expect(before.status == .ok, "\(before)")
                #expect(!before.contains("Speisekarte texten"))
                // A write on A …
                _ = try await browserA.get("/inquiries/new")
                let created = try await browserA.post("/inquiries", [
                    "name": "Café Morgenrot", "email": "hallo@morgenrot.example", "kind": "business",
                    "channel": "email", "received": "2026-02-27", "subject": "Speisekarte texten", "size": "800",
                    "unit": "word",
                ])
                #expect(created.status == .seeOther)
                // … is on B's Heute at the next request, though B had the page cached.
                let after = try await browserB.get("/")
                #expect(after.status == .ok)
                #expect(after.contains("Speisekarte texten"), "\(after)")
            }
        }
        // Each request was logged with its id and, once signed in, the user.
        let lines = records.all.filter { $0.metadata["path"] != nil }
        #expect(lines.allSatisfy { ($0.metadata["request_id"]?.count ?? 0) == 12 })
        #expect(Set(lines.compactMap { $0.metadata["request_id"] }).count == lines.count)
        #expect(lines.contains { $0.metadata["path"] == "/" && $0.metadata["user"] == "kontor" })
        #expect(lines.contains { $0.metadata["path"] == "/login" && $0.metadata["user"] == nil })
    }
}
