import Foundation
import GRDB
import KontorApp
import KontorCore

/// Received mail imported into the book.
extension GRDBBook {
    func isMailImported(messageId: String?, rawHash: String) throws -> Bool {
        if let messageId {
            return try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM importedMail WHERE messageId = ?)", arguments: [messageId]
            ) ?? false
        }
        return try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM importedMail WHERE messageId IS NULL AND rawHash = ?)",
            arguments: [rawHash]) ?? false
    }

    func importedMail(id: Int64) throws -> ImportedMail? {
        try Row.fetchOne(db, sql: "SELECT * FROM importedMail WHERE id = ?", arguments: [id])
            .map(Self.decodeImportedMail)
    }

    func importedMails(customerId: Int64?, limit: Int?) throws -> [ImportedMail] {
        var sql = "SELECT * FROM importedMail"
        var arguments: StatementArguments = []
        if let customerId {
            sql += " WHERE customerId = ?"
            arguments += [customerId]
        }
        sql += " ORDER BY receivedAt DESC, id DESC"
        if let limit {
            sql += " LIMIT ?"
            arguments += [limit]
        }
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.decodeImportedMail)
    }

    func outboxMessages(messageIds: Set<String>) throws -> [OutboxMessage] {
        guard !messageIds.isEmpty else { return [] }
        return try OutboxMessageRecord.filter(messageIds.contains(Column("messageId"))).fetchAll(db)
            .map { try $0.domain() }
    }

    func insert(importedMail mail: ImportedMail) throws -> ImportedMail {
        let (suggestion, day): (String?, String?) = switch mail.suggestion {
        case .promise(let until): ("promise", until.description)
        case .objection: ("objection", nil)
        case nil: (nil, nil)
        }
        try db.execute(
            sql: """
                INSERT INTO importedMail (messageId, rawHash, fromAddress, fromName, subject, receivedAt, customerId,
                inquiryId, noteId, outboxMessageId, invoiceId, suggestion, suggestedDay, acceptedNoteId,
                attachmentNames, raw) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                mail.messageId, mail.rawHash, mail.fromAddress, mail.fromName, mail.subject,
                mail.receivedAt.timeIntervalSince1970, mail.customerId, mail.inquiryId, mail.noteId,
                mail.outboxMessageId, mail.invoiceId, suggestion, day, mail.acceptedNoteId,
                // File names never hold a line break once read (the reader unfolds and decodes them).
                mail.attachmentNames.map { $0.replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\n"),
                Data(mail.raw),
            ])
        var stored = mail
        stored.id = db.lastInsertedRowID
        return stored
    }

    func markSuggestionAccepted(importedMailId: Int64, noteId: Int64) throws {
        try db.execute(
            sql: "UPDATE importedMail SET acceptedNoteId = ? WHERE id = ? AND acceptedNoteId IS NULL",
            arguments: [noteId, importedMailId])
    }

    private static func decodeImportedMail(_ row: Row) throws -> ImportedMail {
        let suggestion: MailSuggestion?
        switch row["suggestion"] as String? {
        case "promise": suggestion = .promise(until: try Convert.day(row["suggestedDay"] as String))
        case "objection": suggestion = .objection
        case nil: suggestion = nil
        case let other?: throw StoreError.corrupt(detail: "unknown mail suggestion '\(other)'")
        }
        let names: String = row["attachmentNames"]
        return ImportedMail(
            id: row["id"], messageId: row["messageId"], rawHash: row["rawHash"], fromAddress: row["fromAddress"],
            fromName: row["fromName"], subject: row["subject"],
            receivedAt: Date(timeIntervalSince1970: row["receivedAt"]), customerId: row["customerId"],
            inquiryId: row["inquiryId"], noteId: row["noteId"], outboxMessageId: row["outboxMessageId"],
            invoiceId: row["invoiceId"], suggestion: suggestion, acceptedNoteId: row["acceptedNoteId"],
            attachmentNames: names.isEmpty ? [] : names.components(separatedBy: "\n"),
            raw: [UInt8](row["raw"] as Data))
    }
}
