import Foundation
import KontorApp
import KontorCore
import PostgresNIO

/// Rows of the bank, mail and user tables as domain values. The columns hold exactly the text the SQLite store's
/// records write (`KontorStore/Records/BankEntryRecord.swift`, `GRDBBook+Mail…`), since `kontor migrate` copies
/// them 1:1; they are read back the same way.
extension Columns {
    func bankEntry() throws -> BankEntry {
        try BankEntry(
            id: self("id"), identity: self("identity"), bookingDate: day("bookingDate"), amount: money("amountCents"),
            isCredit: self("isCredit"), currency: self("currency"), counterpartyName: self("counterpartyName"),
            counterpartyIBAN: self("counterpartyIBAN"), text: self("text"), status: choice("status"),
            invoiceIds: SnapshotJSON.decode([Int64].self, self("invoiceIds")), confidence: self("confidence"),
            reason: self("reason"), importedOn: day("importedOn"), sourceFile: self("sourceFile"))
    }

    func outboxMessage() throws -> OutboxMessage {
        let recipients: String = try self("recipients")
        let attachmentNames: String = try self("attachmentNames")
        let nextAttemptAt: Double? = try self("nextAttemptAt")
        let sentAt: Double? = try self("sentAt")
        // Addresses and file names are kept one per line (`OutboxMessageRecord`).
        return try OutboxMessage(
            id: self("id"), kind: choice("kind"), recordId: self("recordId"), customerId: self("customerId"),
            sender: self("sender"), recipients: recipients.split(separator: "\n").map(String.init),
            subject: self("subject"), messageId: self("messageId"), content: [UInt8](bytes("content")),
            attachmentNames: attachmentNames.split(separator: "\n").map(String.init), status: choice("status"),
            attempts: self("attempts"), createdAt: Date(timeIntervalSince1970: self("createdAt")),
            nextAttemptAt: nextAttemptAt.map(Date.init(timeIntervalSince1970:)), lastError: self("lastError"),
            serverReply: self("serverReply"), sentAt: sentAt.map(Date.init(timeIntervalSince1970:)))
    }

    func importedMail() throws -> ImportedMail {
        let suggestion: MailSuggestion?
        switch try self("suggestion", as: String?.self) {
        case "promise": suggestion = .promise(until: try day("suggestedDay"))
        case "objection": suggestion = .objection
        case nil: suggestion = nil
        case let other?: throw StoreError.corrupt(detail: "unknown mail suggestion '\(other)'")
        }
        // Unlike the outbox's, these names are split keeping empty ones, as the SQLite store reads them.
        let names: String = try self("attachmentNames")
        return try ImportedMail(
            id: self("id"), messageId: self("messageId"), rawHash: self("rawHash"), fromAddress: self("fromAddress"),
            fromName: self("fromName"), subject: self("subject"),
            receivedAt: Date(timeIntervalSince1970: self("receivedAt")), customerId: self("customerId"),
            inquiryId: self("inquiryId"), noteId: self("noteId"), outboxMessageId: self("outboxMessageId"),
            invoiceId: self("invoiceId"), suggestion: suggestion, acceptedNoteId: self("acceptedNoteId"),
            attachmentNames: names.isEmpty ? [] : names.components(separatedBy: "\n"), raw: [UInt8](bytes("raw")))
    }

    func webUser() throws -> WebUser {
        try WebUser(
            name: self("name"), passwordHash: self("passwordHash"), changedOn: day("changedOn"), role: choice("role"),
            capacity: self("capacityJSON", as: String?.self).map { try SnapshotJSON.decode(WorkingCapacity.self, $0) })
    }

    func webSession() throws -> StoredWebSession {
        try StoredWebSession(
            tokenHash: self("tokenHash"), user: self("user"), csrfToken: self("csrfToken"),
            createdAt: self("createdAt"), lastSeenAt: self("lastSeenAt"), expiresAt: self("expiresAt"))
    }
}

extension BankEntry {
    /// The `invoiceIds` column: the JSON array the SQLite store writes by hand (`BankEntryRecord`), e.g. `[3,7]`.
    var invoiceIdsText: String {
        "[" + invoiceIds.map(String.init).joined(separator: ",") + "]"
    }
}
