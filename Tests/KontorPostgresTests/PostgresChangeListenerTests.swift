import Foundation
import KontorApp
import KontorCore
@testable import KontorPostgresStore
import KontorTestTools
import Testing

/// A server's page cache learns of the book's changes by `LISTEN`/`NOTIFY` (issue 17), not by a query per page.
@Suite(.serialized) struct PostgresChangeListenerTests {
    @Test func theStampCountsEveryChangeAndVouchesOnlyForChangesHeard() {
        var hearing = Hearing()
        #expect(hearing.stamp(seen: nil) == nil, "not listening yet: nothing is vouched for")
        hearing.listening()
        let first = hearing.stamp(seen: nil)
        #expect(first != nil)
        #expect(hearing.stamp(seen: 7) == nil, "change 7 not heard yet")
        hearing.heard(7)
        #expect(hearing.stamp(seen: 7) != nil)
        #expect(hearing.stamp(seen: nil) != first)
        // Ids arrive in the order of the commits, not in their own: 5 may come after 7.
        hearing.heard(5)
        #expect(hearing.stamp(seen: 5) != nil)
        // A NOTIFY without an id (sent by hand) is a change all the same.
        let before = hearing.stamp(seen: nil)
        hearing.heard(nil)
        #expect(hearing.stamp(seen: nil) != before)
        // The oldest ids are forgotten after `remembered` newer ones: a browser's cookie lives a minute.
        for id in 1_000...(1_000 + Int64(PostgresChangeListener.remembered)) { hearing.heard(id) }
        #expect(hearing.stamp(seen: 7) == nil)
        #expect(hearing.stamp(seen: 1_000 + Int64(PostgresChangeListener.remembered)) != nil)
        // A lost session vouches for nothing, and listening again moves the stamp (changes meanwhile were missed).
        let live = hearing.stamp(seen: nil)
        hearing.lost()
        #expect(hearing.stamp(seen: nil) == nil)
        hearing.listening()
        #expect(hearing.stamp(seen: nil) != live)
    }

    @Test func aWriteOnOneStoreMovesTheOtherStoresStampAndStoppingVouchesForNothing() async throws {
        let server = try await TestPostgresServer.start()
        defer { server.stop() }
        let database = try server.createDatabase()
        let location = PostgresLocation(
            user: TestPostgresServer.user, host: "127.0.0.1", port: server.port, database: database)
        let writer = try await PostgresBookStore.open(location, password: nil, connections: 1)
        let listener = try await PostgresBookStore.open(location, password: nil, connections: 1)
        do {
            // Not listening until first asked: a CLI command never opens the extra session.
            #expect(listener.pageStamp(seen: nil) == nil)
            try await eventually { listener.pageStamp(seen: nil) != nil }
            let before = try #require(listener.pageStamp(seen: nil))

            // A write through the use cases names its change in the request's receipt, after the commit.
            let receipt = BookChangeReceipt()
            let kontor = Kontor(store: writer)
            _ = try await BookChangeReceipt.$current.withValue(receipt) {
                try await kontor.addCustomer(Customer(name: "Café Morgenrot", createdOn: Day("2026-12-05")!))
            }
            let change = try #require(receipt.change)
            #expect(try await kontor.bookVersion() == change)
            // The other store hears of it by NOTIFY; until then it vouches for no page made for that browser.
            try await eventually { listener.pageStamp(seen: change) != nil }
            #expect(listener.pageStamp(seen: nil) != before)

            // A change by another program that only notifies (or a Kontor of another version) counts too.
            let heard = listener.pageStamp(seen: nil)
            _ = try server.psql(database, "NOTIFY kontor_book")
            try await eventually { listener.pageStamp(seen: nil) != heard }

            // A read changes nothing and names no change.
            let quiet = BookChangeReceipt()
            _ = try await BookChangeReceipt.$current.withValue(quiet) { try await kontor.customers() }
            #expect(quiet.change == nil)
        } catch {
            await writer.close()
            await listener.close()
            throw error
        }
        await writer.close()
        await listener.close()
        #expect(listener.pageStamp(seen: nil) == nil, "a closed store vouches for no kept page")
    }

    /// Waits up to five seconds for `condition` (a notification's way between two sessions).
    private func eventually(_ condition: () -> Bool) async throws {
        for _ in 0..<500 where !condition() { try await Task.sleep(for: .milliseconds(10)) }
        #expect(condition(), "not within five seconds")
    }
}
