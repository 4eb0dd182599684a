import Foundation
import KontorApp
import KontorCore
import PostgresNIO

extension PostgresBook {
    func knownBankEntries(identities: Set<String>) throws -> Set<String> {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func bankEntry(id: Int64) throws -> BankEntry? {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func bankEntry(identity: String) throws -> BankEntry? {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func bankEntries(status: BankEntryStatus?) throws -> [BankEntry] {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func customerIBANs(customerIds: Set<Int64>) throws -> [Int64: [String]] {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func customerPayerNames(customerIds: Set<Int64>) throws -> [Int64: [String]] {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func messageTemplate(key: String) throws -> String? {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func webUser(name: String) throws -> WebUser? {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func webUserCount() throws -> Int {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func webUsers() throws -> [WebUser] {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func webSession(tokenHash: String) throws -> StoredWebSession? {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func outboxMessages(statuses: [OutboxMessage.Status]?, limit: Int?) throws -> [OutboxMessage] {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func outboxMessages(customerId: Int64, statuses: [OutboxMessage.Status]) throws -> [OutboxMessage] {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func outboxMessages(kind: OutboxMessage.Kind, recordId: Int64) throws -> [OutboxMessage] {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func outboxMessage(id: Int64) throws -> OutboxMessage? {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func mailSettings() throws -> MailSettings? {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func isMailImported(messageId: String?, rawHash: String) throws -> Bool {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func importedMail(id: Int64) throws -> ImportedMail? {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func importedMails(customerId: Int64?, limit: Int?) throws -> [ImportedMail] {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func outboxMessages(messageIds: Set<String>) throws -> [OutboxMessage] {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func bankEntryList(status: BankEntryStatus, window: ListWindow) throws -> ListPage<BankEntry> {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func keep(document: KeptDocument) throws {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func save(messageTemplate text: String, key: String) throws {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func removeMessageTemplate(key: String) throws {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func save(webUser: WebUser) throws {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func insert(webSession: StoredWebSession) throws {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func touchWebSession(tokenHash: String, lastSeenAt: Int64, expiresAt: Int64) throws {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func deleteWebSession(tokenHash: String) throws {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func deleteWebSessions(user: String) throws {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func deleteWebSessions(expiredBefore time: Int64) throws {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func insert(bankEntries: [BankEntry]) throws {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func update(bankEntry: BankEntry) throws {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func insert(outboxMessage: OutboxMessage) throws -> OutboxMessage {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func update(outboxMessage: OutboxMessage) throws {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func save(mailSettings: MailSettings) throws {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func insert(importedMail: ImportedMail) throws -> ImportedMail {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func markSuggestionAccepted(importedMailId: Int64, noteId: Int64) throws {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }
}
