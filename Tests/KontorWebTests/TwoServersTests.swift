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
                // B listens to the book's changes (it starts when first asked), then keeps its Heute.
                _ = try await browserB.get("/")
                try await eventually { second.pageStamp(seen: nil) != nil }
                let before = try await browserB.get("/")
                #expect(before.status == .ok, "\(before)")
                #expect(!before.contains("Speisekarte texten"))
                #expect(try await browserB.get("/").body == before.body)
                // Another browser signed in as the same person, which makes no change itself.
                var bystander = Browser(clientB)
                bystander.cookies = browserA.cookies
                // A write on A …
                _ = try await browserA.get("/inquiries/new")
                let created = try await browserA.post("/inquiries", [
                    "name": "Café Morgenrot", "email": "hallo@morgenrot.example", "kind": "business",
                    "channel": "email", "received": "2026-02-27", "subject": "Speisekarte texten", "size": "800",
                    "unit": "word",
                ])
                #expect(created.status == .seeOther)
                // … is on B's Heute at the next request of the same browser (one address, two servers behind it),
                // though B had the page kept: A's answer named the change it made, and B has not heard of it yet
                // or has, and either way renders afresh.
                let seen = try #require(browserA.cookies[SessionMiddleware.seenCookie])
                #expect(created.headers[values: .setCookie].contains { $0.hasPrefix("kontor_seen=") })
                browserB.cookies = browserA.cookies
                let after = try await browserB.get("/")
                #expect(after.status == .ok)
                #expect(after.contains("Speisekarte texten"), "\(after)")
                // B hears of the change by NOTIFY, and so does every browser of B's: no page kept from before.
                try await eventually { second.pageStamp(seen: Int64(seen)) != nil }
                #expect(try await bystander.get("/").contains("Speisekarte texten"))
            }
        }
        // Each request was logged with its id and, once signed in, the user.
        let lines = records.all.filter { $0.metadata["path"] != nil }
        #expect(lines.allSatisfy { ($0.metadata["request_id"]?.count ?? 0) == 12 })
        #expect(Set(lines.compactMap { $0.metadata["request_id"] }).count == lines.count)
        #expect(lines.contains { $0.metadata["path"] == "/" && $0.metadata["user"] == "kontor" })
        #expect(lines.contains { $0.metadata["path"] == "/login" && $0.metadata["user"] == nil })
    }

    /// Waits up to five seconds for `condition` (a notification's way between two sessions).
    private func eventually(_ condition: () -> Bool) async throws {
        for _ in 0..<500 where !condition() { try await Task.sleep(for: .milliseconds(10)) }
        #expect(condition(), "not within five seconds")
    }
}
