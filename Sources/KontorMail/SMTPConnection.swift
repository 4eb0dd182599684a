import NIOCore
import NIOPosix
import NIOSSL

/// One open connection to the server: writes commands, waits for replies and names the stage when something
/// fails. Used by one task at a time, for one message.
final class SMTPConnection {
    private let channel: any Channel
    private var replies: AsyncThrowingStream<SMTPReply, any Error>.Iterator

    private init(channel: any Channel, replies: AsyncThrowingStream<SMTPReply, any Error>) {
        self.channel = channel
        self.replies = replies.makeAsyncIterator()
    }

    static func open(_ configuration: SMTPConfiguration, implicitTLS: NIOSSLContext?) async throws(SMTPError)
        -> SMTPConnection
    {
        let (stream, continuation) = AsyncThrowingStream<SMTPReply, any Error>.makeStream()
        let timeout = TimeAmount.seconds(configuration.timeoutSeconds)
        let serverHostname = configuration.sniHostname
        let bootstrap = ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(timeout)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    if let implicitTLS {
                        try pipeline.addHandler(NIOSSLClientHandler(context: implicitTLS, serverHostname: serverHostname))
                    }
                    try pipeline.addHandler(SMTPChannelHandler(continuation: continuation, timeout: timeout))
                }
            }
        do {
            let channel = try await bootstrap.connect(host: configuration.host, port: configuration.port).get()
            return SMTPConnection(channel: channel, replies: stream)
        } catch {
            continuation.finish()
            throw .connectionFailed(host: configuration.host, port: configuration.port, reason: "\(error)")
        }
    }

    /// Waits for the next reply and checks its code.
    @discardableResult
    func expect(_ stage: SMTPError.Stage, _ codes: Int...) async throws(SMTPError) -> SMTPReply {
        try check(try await nextReply(stage), stage: stage, codes: codes)
    }

    /// Sends one command line and checks the reply's code.
    @discardableResult
    func command(_ line: String, stage: SMTPError.Stage, expecting codes: Int...) async throws(SMTPError)
        -> SMTPReply
    {
        try await write(Array(line.utf8) + [13, 10], stage: stage)
        return try check(try await nextReply(stage), stage: stage, codes: codes)
    }

    /// Sends the encoded message and waits for the server's acceptance. From here on a broken connection leaves
    /// the outcome unknown: the server may already have queued the message.
    func sendMessage(_ data: [UInt8]) async throws(SMTPError) -> SMTPReply {
        try await write(data, stage: .message)
        do {
            return try check(try await nextReply(.message), stage: .message, codes: [250])
        } catch .connectionClosed(.message), .timedOut(.message) {
            throw .outcomeUnknown
        }
    }

    /// Puts TLS in front of the plain connection after the server agreed to STARTTLS.
    func startTLS(_ context: NIOSSLContext, serverHostname: String?) async throws(SMTPError) {
        let channel = self.channel
        do {
            try await channel.eventLoop.submit {
                let handler = try NIOSSLClientHandler(context: context, serverHostname: serverHostname)
                try channel.pipeline.syncOperations.addHandler(handler, position: .first)
            }.get()
        } catch {
            throw .tlsFailed(reason: "\(error)")
        }
    }

    /// Says goodbye politely; the message is already accepted, so a failure here changes nothing.
    func quit() async {
        _ = try? await command("QUIT", stage: .quit, expecting: 221)
        await close()
    }

    func close() async {
        try? await channel.close().get()
    }

    private func write(_ bytes: [UInt8], stage: SMTPError.Stage) async throws(SMTPError) {
        do {
            try await channel.writeAndFlush(ByteBuffer(bytes: bytes)).get()
        } catch {
            // A failed write only says the channel closed; why (an untrusted certificate, a reset) is what ended the
            // reply stream, which finishes as soon as the channel is inactive.
            do {
                _ = try await replies.next()
            } catch {
                throw Self.translate(error, stage: stage)
            }
            throw Self.translate(error, stage: stage)
        }
    }

    private func nextReply(_ stage: SMTPError.Stage) async throws(SMTPError) -> SMTPReply {
        do {
            guard let reply = try await replies.next() else { throw SMTPError.connectionClosed(stage) }
            return reply
        } catch {
            throw Self.translate(error, stage: stage)
        }
    }

    private func check(_ reply: SMTPReply, stage: SMTPError.Stage, codes: [Int]) throws(SMTPError) -> SMTPReply {
        guard codes.contains(reply.code) else { throw .rejected(reply, stage) }
        return reply
    }

    private static func translate(_ error: any Error, stage: SMTPError.Stage) -> SMTPError {
        switch error {
        case let error as SMTPError: error
        case SMTPChannelEvent.idle: .timedOut(stage)
        case SMTPChannelEvent.closed, ChannelError.ioOnClosedChannel, ChannelError.alreadyClosed: .connectionClosed(stage)
        case is NIOSSLError, is BoringSSLError: .tlsFailed(reason: "\(error)")
        default: .connectionClosed(stage)
        }
    }
}
