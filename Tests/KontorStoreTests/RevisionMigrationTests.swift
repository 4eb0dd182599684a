import Foundation
import GRDB
import KontorApp
import KontorCore
import Testing

@testable import KontorStore

/// The move of revision notes into their own table keeps every round of a book written before it.
struct RevisionMigrationTests {
    @Test func oldRoundsKeepTheirNoteAndNewRoundsHoldSeveral() async throws {
        let queue = try DatabaseQueue(configuration: AppDatabase.makeConfiguration())
        try DatabaseMigrator.kontor.migrate(queue, upTo: "v8-invoice-list-order")
        try await queue.write { db in
            try db.execute(sql: """
                INSERT INTO customer (id, name, kind, language, status, createdOn)
                VALUES (1, 'Kunde', 'business', 'de', 'new', '2026-01-01');
                INSERT INTO job (id, customerId, title, status, includedRevisions, createdOn)
                VALUES (1, 1, 'Text', 'revising', 1, '2026-01-01');
                INSERT INTO revision (jobId, position, requestedOn, kind, note, billable)
                VALUES (1, 0, '2026-01-10', 'critique', 'Zu lang', 0), (1, 1, '2026-01-20', 'change', 'Titel', 1);
                """)
        }
        let database = try AppDatabase(queue)
        let kontor = Kontor(store: GRDBBookStore(database))
        let job = try await kontor.job(id: 1)
        #expect(job.revisions == [
            Revision(requestedOn: Day("2026-01-10")!, kind: .critique, note: "Zu lang", billable: false),
            Revision(requestedOn: Day("2026-01-20")!, kind: .change, note: "Titel", billable: true),
        ])
        _ = try await kontor.advanceJob(id: 1, to: .delivered, on: Day("2026-01-25")!)
        let revised = try await kontor.reviseJob(id: 1, notes: [
            RevisionNote(kind: .critique, text: "Ton"), RevisionNote(kind: .change, text: "Bild"),
        ], on: Day("2026-01-30")!)
        #expect(try await kontor.job(id: 1) == revised)
        #expect(revised.revisions.last?.notes.map(\.text) == ["Ton", "Bild"])
        #expect(try await kontor.jobs(all: true).first?.revisions.count == 3)
        // Rewriting the rounds leaves no orphaned notes behind.
        let notes = try await queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM revisionNote") }
        #expect(notes == 4)
    }
}
