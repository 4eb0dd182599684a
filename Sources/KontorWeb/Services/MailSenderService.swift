import Foundation
public import KontorApp
public import KontorCore
public import Logging
public import ServiceLifecycle

/// The sender inside `kontor serve`: delivers what is due in the outbox every `interval`, and at once when a page
/// has just queued a mail (`nudge`). Sending happens outside any transaction (see `Kontor.deliverDueMail`); a
/// failure stays on the message, where Heute shows it.
public final class MailSenderService: Service, Sendable {
    private let kontor: Kontor
    private let transport: @Sendable (MailSettings) throws -> any MailTransport
    private let interval: Duration
    private let wakeUps: AsyncStream<Void>
    private let wake: AsyncStream<Void>.Continuation
    private let logger: Logger

    public init(
        kontor: Kontor, interval: Duration, transport: @escaping @Sendable (MailSettings) throws -> any MailTransport,
        logger: Logger = Logger(label: "kontor.mail")
    ) {
        var logger = logger
        logger[metadataKey: "service"] = "mail"
        self.logger = logger
        self.kontor = kontor
        self.transport = transport
        self.interval = interval
        (wakeUps, wake) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    /// Asks for a delivery round now (a mail was just queued).
    public func nudge() { wake.yield() }

    public func run() async throws {
        let (interval, wake) = (self.interval, self.wake)
        await withGracefulShutdownHandler {
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    while !Task.isCancelled {
                        wake.yield()
                        try? await Task.sleep(for: interval)
                    }
                }
                for await _ in wakeUps { await deliverRound() }
                group.cancelAll()
            }
        } onGracefulShutdown: {
            wake.finish()
        }
    }

    private func deliverRound() async {
        do {
            guard let settings = try await kontor.mailSettings() else { return }
            guard !(try await kontor.outbox(statuses: [.queued, .sending], limit: 1)).isEmpty else { return }
            let results = try await kontor.deliverDueMail(using: try transport(settings)) { Date() }
            for message in results {
                logger.info("mail \(message.id) \(message.status.rawValue)", metadata: [
                    "to": "\(message.recipients.first ?? "")", "reason": "\(message.failure?.word(.en) ?? "")",
                ])
            }
        } catch {
            logger.error("mail not sent", error: error)
        }
    }
}
