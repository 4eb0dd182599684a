import Foundation
import KontorApp
import KontorCore
import Testing

/// The outbox, received mail and the web's users and sessions.
extension StoreContract {
    /// A queued mail's content stays as written and a sent one is frozen; a received mail is kept once; users and
    /// sessions are stored, touched and ended as asked.
    public func mailAndSessionsKeepTheirRules() async throws {
        let (kontor, store, customer) = try await book()
        let promise = try await kontor.addNote(customerId: customer.id, text: "Zahlt bald", on: Self.day)
        let other = try await kontor.addNote(customerId: customer.id, text: "Noch einmal", on: Self.day)
        let created = Date(timeIntervalSince1970: 1_772_000_000)
        let queued = OutboxMessage(
            kind: .invoice, recordId: nil, customerId: customer.id, sender: "lena@example.de",
            recipients: ["t.mueller@example.de", "buchhaltung@example.de"], subject: "Rechnung",
            messageId: "<1@kontor>", content: Array("Hallo".utf8), attachmentNames: ["RE-2026-0001.pdf"],
            createdAt: created)
        let stored = try await store.write { try $0.insert(outboxMessage: queued) }
        #expect(stored.id != 0)
        // Only the delivery's state changes; what was written stays.
        var sending = stored
        sending.status = .sent
        sending.attempts = 1
        sending.serverReply = "250 OK"
        sending.sentAt = created.addingTimeInterval(60)
        sending.subject = "Anderer Betreff"
        sending.content = Array("Anders".utf8)
        try await store.write { [sending] in try $0.update(outboxMessage: sending) }
        let sent = try #require(try await store.read { try $0.outboxMessage(id: stored.id) })
        #expect(sent.status == .sent && sent.serverReply == "250 OK" && sent.sentAt == sending.sentAt)
        #expect(sent.subject == "Rechnung" && sent.content == queued.content && sent.recipients == queued.recipients)
        var resent = sent
        resent.status = .queued
        await expectImmutable(store, "a sent mail queued again") { [resent] in try $0.update(outboxMessage: resent) }
        var twin = queued
        twin.subject = "Doppelt"
        await expectImmutable(store, "a second mail with the same Message-ID") { [twin] book in
            _ = try book.insert(outboxMessage: twin)
        }
        let (byRecord, byCustomer, byId) = try await store.read { book in
            (
                try book.outboxMessages(statuses: [.sent], limit: 5).map(\.id),
                try book.outboxMessages(customerId: customer.id, statuses: [.sent, .queued]).map(\.id),
                try book.outboxMessages(messageIds: ["<1@kontor>", "<2@kontor>"]).map(\.id)
            )
        }
        #expect(byRecord == [stored.id] && byCustomer == [stored.id] && byId == [stored.id])

        // Received mail: kept once by Message-ID (or, without one, by its bytes); its suggestion accepted once.
        let received = ImportedMail(
            messageId: "<antwort@example.de>", rawHash: "abc", fromAddress: "t.mueller@example.de", fromName: "Thomas",
            subject: "Re: Rechnung", receivedAt: created.addingTimeInterval(3_600), customerId: customer.id,
            suggestion: .promise(until: Self.day.adding(days: 7)), attachmentNames: ["a.pdf", "b.pdf"],
            raw: Array("From: t.mueller@example.de".utf8))
        let mail = try await store.write { try $0.insert(importedMail: received) }
        await expectImmutable(store, "the same mail imported twice") { book in
            _ = try book.insert(importedMail: received)
        }
        // A session needs its user.
        await #expect(throws: StoreError.self) {
            try await store.write { book in
                try book.insert(
                    webSession: StoredWebSession(
                        tokenHash: "x", user: "niemand", csrfToken: "x", createdAt: 1, lastSeenAt: 1, expiresAt: 2))
            }
        }
        try await store.write { try $0.markSuggestionAccepted(importedMailId: mail.id, noteId: promise.id) }
        try await store.write { try $0.markSuggestionAccepted(importedMailId: mail.id, noteId: other.id) }
        let (read, known, unknown, byHash) = try await store.read { book in
            (
                try book.importedMail(id: mail.id),
                try book.isMailImported(messageId: "<antwort@example.de>", rawHash: ""),
                try book.isMailImported(messageId: "<andere@example.de>", rawHash: "abc"),
                try book.isMailImported(messageId: nil, rawHash: "abc")
            )
        }
        var expected = mail
        expected.acceptedNoteId = promise.id
        #expect(read == expected && known && !unknown && !byHash)

        // Users and sessions.
        let user = WebUser(name: "lena", passwordHash: "$2b$12$hash", changedOn: Self.day)
        try await store.write { book in
            try book.save(webUser: user)
            try book.save(webUser: WebUser(name: "max", passwordHash: "$2b$12$max", changedOn: Self.day, role: .writer))
            try book.save(
                webUser: WebUser(name: "lena", passwordHash: "$2b$12$new", changedOn: Self.day.adding(days: 1)))
            for (index, token) in ["a", "b", "c"].enumerated() {
                try book.insert(
                    webSession: StoredWebSession(
                        tokenHash: token, user: index < 2 ? "lena" : "max", csrfToken: "csrf-\(token)", createdAt: 100,
                        lastSeenAt: 100, expiresAt: 200 + Int64(index) * 100))
            }
            try book.touchWebSession(tokenHash: "a", lastSeenAt: 150, expiresAt: 1_000)
        }
        let sessions = try await store.read { book in
            (try book.webUser(name: "lena"), try book.webUserCount(), try book.webSession(tokenHash: "a"))
        }
        #expect(sessions.0?.passwordHash == "$2b$12$new" && sessions.1 == 2)
        // Roles are kept and replaced with the password; the users are listed by name.
        try await store.write { book in
            try book.save(
                webUser: WebUser(name: "max", passwordHash: "$2b$12$max", changedOn: Self.day, role: .assistant))
        }
        #expect(try await store.read { try $0.webUsers() }.map { "\($0.name):\($0.role.rawValue)" }
            == ["lena:owner", "max:assistant"])
        #expect(sessions.2?.lastSeenAt == 150 && sessions.2?.expiresAt == 1_000)
        try await store.write { try $0.deleteWebSessions(expiredBefore: 300) }
        #expect(try await store.read { try $0.webSession(tokenHash: "b") } == nil)
        #expect(try await store.read { try $0.webSession(tokenHash: "c") } != nil)
        try await store.write { try $0.deleteWebSessions(user: "lena") }
        #expect(try await store.read { try $0.webSession(tokenHash: "a") } == nil)
        try await store.write { try $0.deleteWebSession(tokenHash: "c") }
        #expect(try await store.read { try $0.webSession(tokenHash: "c") } == nil)
    }
}
