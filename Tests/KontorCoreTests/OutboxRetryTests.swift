import Foundation
import KontorCore
import Testing

/// The one retry rule of the outbox.
@Suite struct OutboxRetryTests {
    let start = Date(timeIntervalSince1970: 1_796_000_000)

    var message: OutboxMessage {
        OutboxMessage(
            id: 7, kind: .invoice, recordId: 3, customerId: 1, sender: "a@b.de", recipients: ["c@d.de"],
            subject: "Rechnung", messageId: "x@b.de", content: [], attachmentNames: [], createdAt: start)
    }

    @Test func attachmentsBeyondThirtyMegabytesAreRefusedBeforeQueuing() throws {
        try OutboxMessage.checkAttachments(sizes: [])
        try OutboxMessage.checkAttachments(sizes: [20 << 20, 10 << 20])
        #expect(throws: InputError.invalid(what: .attachments, rule: .attachmentsTooLarge(megabytes: 31, limit: 30))) {
            try OutboxMessage.checkAttachments(sizes: [20 << 20, 10 << 20, 1])
        }
    }

    @Test func temporaryFailuresWaitLongerEachTimeThenFail() {
        var current = message
        #expect(current.isDue(at: start))
        var now = start
        for wait in OutboxRetry.waits {
            current = OutboxRetry.apply(.temporaryFailure(.other("451")), to: current, at: now)
            #expect(current.status == .queued)
            #expect(current.nextAttemptAt == now.addingTimeInterval(wait))
            #expect(!current.isDue(at: now.addingTimeInterval(wait - 1)))
            now = now.addingTimeInterval(wait)
            #expect(current.isDue(at: now))
        }
        current = OutboxRetry.apply(.temporaryFailure(.other("451 again")), to: current, at: now)
        #expect(current.status == .failed)
        #expect(current.lastError == "451 again")
        #expect(!current.isDue(at: now.addingTimeInterval(86_400)))
    }

    @Test func acceptedRefusedAndUnknownAreFinalUntilTheUserRetries() throws {
        let sent = OutboxRetry.apply(.accepted(serverReply: "250 ok"), to: message, at: start)
        #expect(sent.status == .sent && sent.sentAt == start && sent.serverReply == "250 ok")
        #expect(throws: WorkflowError.mailNotRetryable(id: 7, status: .sent)) { try OutboxRetry.retry(sent, at: start) }

        let unknown = OutboxRetry.apply(.outcomeUnknown(.outcomeUnknown), to: message, at: start)
        #expect(unknown.status == .unknown && !unknown.isDue(at: start.addingTimeInterval(1e6)))
        let refused = OutboxRetry.apply(.permanentFailure(.other("550")), to: message, at: start)
        #expect(refused.status == .failed)

        let later = start.addingTimeInterval(3600)
        for final in [unknown, refused] {
            let again = try OutboxRetry.retry(final, at: later)
            #expect(again.status == .queued && again.attempts == 0 && again.isDue(at: later))
        }
    }
}
