import Foundation
import GRDB
import KontorApp
import KontorCore

/// The outbox and the mail settings.
extension GRDBBook {
    func outboxMessages(statuses: [OutboxMessage.Status]?, limit: Int?) throws -> [OutboxMessage] {
        var request = OutboxMessageRecord.order(Column("id").desc)
        if let statuses { request = request.filter(statuses.map(\.rawValue).contains(Column("status"))) }
        if let limit { request = request.limit(limit) }
        return try request.fetchAll(db).map { try $0.domain() }
    }

    func outboxMessages(customerId: Int64, statuses: [OutboxMessage.Status]) throws -> [OutboxMessage] {
        try OutboxMessageRecord.filter(Column("customerId") == customerId)
            .filter(statuses.map(\.rawValue).contains(Column("status"))).order(Column("id"))
            .fetchAll(db).map { try $0.domain() }
    }

    func outboxMessages(kind: OutboxMessage.Kind, recordId: Int64) throws -> [OutboxMessage] {
        try OutboxMessageRecord.filter(Column("kind") == kind.rawValue && Column("recordId") == recordId)
            .order(Column("id")).fetchAll(db).map { try $0.domain() }
    }

    func outboxMessage(id: Int64) throws -> OutboxMessage? {
        try OutboxMessageRecord.fetchOne(db, key: id)?.domain()
    }

    func insert(outboxMessage: OutboxMessage) throws -> OutboxMessage {
        var record = OutboxMessageRecord(outboxMessage)
        try record.insert(db)
        var stored = outboxMessage
        stored.id = record.id ?? 0
        return stored
    }

    func update(outboxMessage: OutboxMessage) throws {
        // Only the state columns: the content columns are refused by a trigger anyway.
        try db.execute(
            sql: """
                UPDATE outboxMessage SET status = ?, attempts = ?, nextAttemptAt = ?, lastError = ?, serverReply = ?,
                sentAt = ? WHERE id = ?
                """,
            arguments: [
                outboxMessage.status.rawValue, outboxMessage.attempts,
                outboxMessage.nextAttemptAt?.timeIntervalSince1970, outboxMessage.lastError,
                outboxMessage.serverReply, outboxMessage.sentAt?.timeIntervalSince1970, outboxMessage.id,
            ])
    }

    func mailSettings() throws -> MailSettings? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM mailSettings WHERE id = 1") else { return nil }
        do {
            return try MailSettings(
                host: row["host"], port: row["port"], security: try Convert.choice(row["security"]),
                username: row["username"], senderName: row["senderName"], senderAddress: row["senderAddress"],
                bcc: row["bcc"], trustedCertificatePEM: row["trustedCertificatePEM"], passwordFile: row["passwordFile"])
        } catch let error as InputError {
            throw StoreError.corrupt(detail: "mail settings: \(error.description)")
        }
    }

    func save(mailSettings settings: MailSettings) throws {
        try db.execute(
            sql: """
                INSERT INTO mailSettings (id, host, port, security, username, senderName, senderAddress, bcc,
                trustedCertificatePEM, passwordFile) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET host = excluded.host, port = excluded.port, security = excluded.security,
                username = excluded.username, senderName = excluded.senderName, senderAddress = excluded.senderAddress,
                bcc = excluded.bcc, trustedCertificatePEM = excluded.trustedCertificatePEM,
                passwordFile = excluded.passwordFile
                """,
            arguments: [
                settings.host, settings.port, settings.security.rawValue, settings.username, settings.senderName,
                settings.senderAddress, settings.bcc, settings.trustedCertificatePEM, settings.passwordFile,
            ])
    }
}

/// A row of `outboxMessage`.
struct OutboxMessageRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "outboxMessage"
    var id: Int64?
    var kind: String
    var recordId: Int64?
    var customerId: Int64?
    var sender: String
    var recipients: String
    var subject: String
    var messageId: String
    var content: Data
    var attachmentNames: String
    var status: String
    var attempts: Int
    var createdAt: Double
    var nextAttemptAt: Double?
    var lastError: String?
    var serverReply: String?
    var sentAt: Double?

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    init(_ m: OutboxMessage) {
        id = m.id == 0 ? nil : m.id
        kind = m.kind.rawValue
        recordId = m.recordId
        customerId = m.customerId
        sender = m.sender
        // Addresses and file names never contain a line break (checked before they get here).
        recipients = m.recipients.joined(separator: "\n")
        subject = m.subject
        messageId = m.messageId
        content = Data(m.content)
        attachmentNames = m.attachmentNames.joined(separator: "\n")
        status = m.status.rawValue
        attempts = m.attempts
        createdAt = m.createdAt.timeIntervalSince1970
        nextAttemptAt = m.nextAttemptAt?.timeIntervalSince1970
        lastError = m.lastError
        serverReply = m.serverReply
        sentAt = m.sentAt?.timeIntervalSince1970
    }

    func domain() throws -> OutboxMessage {
        OutboxMessage(
            id: id ?? 0, kind: try Convert.choice(kind), recordId: recordId, customerId: customerId, sender: sender,
            recipients: recipients.split(separator: "\n").map(String.init), subject: subject, messageId: messageId,
            content: [UInt8](content), attachmentNames: attachmentNames.split(separator: "\n").map(String.init),
            status: try Convert.choice(status), attempts: attempts, createdAt: Date(timeIntervalSince1970: createdAt),
            nextAttemptAt: nextAttemptAt.map(Date.init(timeIntervalSince1970:)), lastError: lastError,
            serverReply: serverReply, sentAt: sentAt.map(Date.init(timeIntervalSince1970:)))
    }
}
