import Foundation
import KontorApp
import KontorCore
import PostgresNIO

/// The outbox, the mail settings, received mail and the message templates.
extension PostgresBook {
    func outboxMessages(statuses: [OutboxMessage.Status]?, limit: Int?) throws -> [OutboxMessage] {
        // No statuses means every status; a limit of NULL is no limit.
        let statuses = statuses?.map(\.rawValue)
        return try rows(
            #"""
            SELECT * FROM "outboxMessage" WHERE \#(statuses)::text[] IS NULL OR "status" = ANY(\#(statuses)::text[])
            ORDER BY "id" DESC LIMIT \#(limit)
            """#
        ) { try $0.outboxMessage() }
    }

    func outboxMessages(customerId: Int64, statuses: [OutboxMessage.Status]) throws -> [OutboxMessage] {
        try rows(
            #"""
            SELECT * FROM "outboxMessage"
            WHERE "customerId" = \#(customerId) AND "status" = ANY(\#(statuses.map(\.rawValue)))
            ORDER BY "id"
            """#
        ) { try $0.outboxMessage() }
    }

    func outboxMessages(kind: OutboxMessage.Kind, recordId: Int64) throws -> [OutboxMessage] {
        try rows(
            #"""
            SELECT * FROM "outboxMessage" WHERE "kind" = \#(kind.rawValue) AND "recordId" = \#(recordId) ORDER BY "id"
            """#
        ) { try $0.outboxMessage() }
    }

    func outboxMessage(id: Int64) throws -> OutboxMessage? {
        try first(#"SELECT * FROM "outboxMessage" WHERE "id" = \#(id)"#) { try $0.outboxMessage() }
    }

    func outboxMessages(messageIds: Set<String>) throws -> [OutboxMessage] {
        guard !messageIds.isEmpty else { return [] }
        // By id, as the reference store lists them (the SQLite store leaves the order to its index).
        return try rows(
            #"SELECT * FROM "outboxMessage" WHERE "messageId" = ANY(\#(Array(messageIds))) ORDER BY "id""#
        ) { try $0.outboxMessage() }
    }

    func insert(outboxMessage message: OutboxMessage) throws -> OutboxMessage {
        // A given id is kept (as the SQLite store's record insert keeps it), else the identity's next one. A second
        // mail with a kept Message-ID (or id) is skipped by the statement and refused here.
        let id = try first(
            #"""
            INSERT INTO "outboxMessage" ("id", "kind", "recordId", "customerId", "sender", "recipients", "subject",
                "messageId", "content", "attachmentNames", "status", "attempts", "createdAt", "nextAttemptAt",
                "lastError", "serverReply", "sentAt")
            VALUES (
                COALESCE(\#(message.id == 0 ? nil : message.id),
                         nextval(pg_get_serial_sequence('"outboxMessage"', 'id'))),
                \#(message.kind.rawValue), \#(message.recordId), \#(message.customerId), \#(message.sender),
                \#(message.recipients.joined(separator: "\n")), \#(message.subject), \#(message.messageId),
                \#(Data(message.content).bytea), \#(message.attachmentNames.joined(separator: "\n")),
                \#(message.status.rawValue), \#(message.attempts), \#(message.createdAt.timeIntervalSince1970),
                \#(message.nextAttemptAt?.timeIntervalSince1970), \#(message.lastError), \#(message.serverReply),
                \#(message.sentAt?.timeIntervalSince1970))
            ON CONFLICT DO NOTHING RETURNING "id"
            """#
        ) { try $0("id", as: Int64.self) }
        guard let id else { throw StoreError.immutable(detail: "a queued mail is part of the record: never replaced") }
        var stored = message
        stored.id = id
        return stored
    }

    func update(outboxMessage message: OutboxMessage) throws {
        // Only the state columns: the content columns are refused by a trigger anyway.
        try run(
            #"""
            UPDATE "outboxMessage" SET "status" = \#(message.status.rawValue), "attempts" = \#(message.attempts),
                "nextAttemptAt" = \#(message.nextAttemptAt?.timeIntervalSince1970),
                "lastError" = \#(message.lastError), "serverReply" = \#(message.serverReply),
                "sentAt" = \#(message.sentAt?.timeIntervalSince1970)
            WHERE "id" = \#(message.id)
            """#)
    }

    // MARK: - Mail settings

    func mailSettings() throws -> MailSettings? {
        try first(#"SELECT * FROM "mailSettings" WHERE "id" = 1"#) { c in
            do {
                return try MailSettings(
                    host: c("host"), port: c("port", as: Int.self), security: c.choice("security"),
                    username: c("username"), senderName: c("senderName"), senderAddress: c("senderAddress"),
                    bcc: c("bcc"), trustedCertificatePEM: c("trustedCertificatePEM"), passwordFile: c("passwordFile"))
            } catch let error as InputError {
                throw StoreError.corrupt(detail: "mail settings: \(error.description)")
            }
        }
    }

    func save(mailSettings settings: MailSettings) throws {
        try run(
            #"""
            INSERT INTO "mailSettings" ("id", "host", "port", "security", "username", "senderName", "senderAddress",
                "bcc", "trustedCertificatePEM", "passwordFile")
            VALUES (1, \#(settings.host), \#(settings.port), \#(settings.security.rawValue), \#(settings.username),
                \#(settings.senderName), \#(settings.senderAddress), \#(settings.bcc),
                \#(settings.trustedCertificatePEM), \#(settings.passwordFile))
            ON CONFLICT ("id") DO UPDATE SET "host" = EXCLUDED."host", "port" = EXCLUDED."port",
                "security" = EXCLUDED."security", "username" = EXCLUDED."username",
                "senderName" = EXCLUDED."senderName", "senderAddress" = EXCLUDED."senderAddress",
                "bcc" = EXCLUDED."bcc", "trustedCertificatePEM" = EXCLUDED."trustedCertificatePEM",
                "passwordFile" = EXCLUDED."passwordFile"
            """#)
    }

    // MARK: - Received mail

    func isMailImported(messageId: String?, rawHash: String) throws -> Bool {
        guard let messageId else {
            return try one(
                #"""
                SELECT EXISTS (SELECT 1 FROM "importedMail" WHERE "messageId" IS NULL AND "rawHash" = \#(rawHash))
                    AS "known"
                """#
            ) { try $0("known", as: Bool.self) }
        }
        return try one(
            #"SELECT EXISTS (SELECT 1 FROM "importedMail" WHERE "messageId" = \#(messageId)) AS "known""#
        ) { try $0("known", as: Bool.self) }
    }

    func importedMail(id: Int64) throws -> ImportedMail? {
        try first(#"SELECT * FROM "importedMail" WHERE "id" = \#(id)"#) { try $0.importedMail() }
    }

    func importedMails(customerId: Int64?, limit: Int?) throws -> [ImportedMail] {
        // No customer means every customer's; a limit of NULL is no limit.
        try rows(
            #"""
            SELECT * FROM "importedMail" WHERE \#(customerId)::bigint IS NULL OR "customerId" = \#(customerId)::bigint
            ORDER BY "receivedAt" DESC, "id" DESC LIMIT \#(limit)
            """#
        ) { try $0.importedMail() }
    }

    func insert(importedMail mail: ImportedMail) throws -> ImportedMail {
        let (suggestion, day): (String?, String?) =
            switch mail.suggestion {
            case .promise(let until): ("promise", until.description)
            case .objection: ("objection", nil)
            case nil: (nil, nil)
            }
        // File names never hold a line break once read (the reader unfolds and decodes them). A mail whose
        // Message-ID is kept already is skipped by the statement and refused here.
        let names = mail.attachmentNames.map { $0.replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\n")
        let id = try first(
            #"""
            INSERT INTO "importedMail" ("messageId", "rawHash", "fromAddress", "fromName", "subject", "receivedAt",
                "customerId", "inquiryId", "noteId", "outboxMessageId", "invoiceId", "suggestion", "suggestedDay",
                "acceptedNoteId", "attachmentNames", "raw")
            VALUES (\#(mail.messageId), \#(mail.rawHash), \#(mail.fromAddress), \#(mail.fromName), \#(mail.subject),
                \#(mail.receivedAt.timeIntervalSince1970), \#(mail.customerId), \#(mail.inquiryId), \#(mail.noteId),
                \#(mail.outboxMessageId), \#(mail.invoiceId), \#(suggestion), \#(day), \#(mail.acceptedNoteId),
                \#(names), \#(Data(mail.raw).bytea))
            ON CONFLICT DO NOTHING RETURNING "id"
            """#
        ) { try $0("id", as: Int64.self) }
        guard let id else { throw StoreError.immutable(detail: "imported mails are never replaced") }
        var stored = mail
        stored.id = id
        return stored
    }

    func markSuggestionAccepted(importedMailId: Int64, noteId: Int64) throws {
        try run(
            #"""
            UPDATE "importedMail" SET "acceptedNoteId" = \#(noteId)
            WHERE "id" = \#(importedMailId) AND "acceptedNoteId" IS NULL
            """#)
    }

    // MARK: - Message templates

    func messageTemplate(key: String) throws -> String? {
        try first(#"SELECT "text" FROM "messageTemplate" WHERE "key" = \#(key)"#) { try $0("text", as: String.self) }
    }

    func save(messageTemplate text: String, key: String) throws {
        try run(
            #"""
            INSERT INTO "messageTemplate" ("key", "text") VALUES (\#(key), \#(text))
            ON CONFLICT ("key") DO UPDATE SET "text" = EXCLUDED."text"
            """#)
    }

    func removeMessageTemplate(key: String) throws {
        try run(#"DELETE FROM "messageTemplate" WHERE "key" = \#(key)"#)
    }
}
