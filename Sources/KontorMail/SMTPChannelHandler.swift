import NIOCore

/// Splits what the server sends into lines, assembles replies and hands each complete reply to the client's
/// stream; a closed connection, a timeout or an error ends the stream.
final class SMTPChannelHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    /// A reply line longer than this is not SMTP (RFC 5321 allows 512 octets); it ends the conversation.
    static let maximumLineLength = 4096

    private let continuation: AsyncThrowingStream<SMTPReply, any Error>.Continuation
    private var pending: [UInt8] = []
    private var assembler = SMTPReplyAssembler()

    init(continuation: AsyncThrowingStream<SMTPReply, any Error>.Continuation) {
        self.continuation = continuation
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        pending += buffer.readBytes(length: buffer.readableBytes) ?? []
        do {
            while let newline = pending.firstIndex(of: 10) {
                var line = Array(pending[..<newline])
                pending.removeSubrange(...newline)
                if line.last == 13 { line.removeLast() }
                if let reply = try assembler.feed(line) { continuation.yield(reply) }
            }
            if pending.count > Self.maximumLineLength {
                throw SMTPError.malformedReply(String(decoding: pending.prefix(120), as: UTF8.self))
            }
        } catch {
            continuation.finish(throwing: error)
            context.close(promise: nil)
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent {
            continuation.finish(throwing: SMTPChannelEvent.idle)
            context.close(promise: nil)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        continuation.finish(throwing: SMTPChannelEvent.closed)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        continuation.finish(throwing: error)
        context.close(promise: nil)
    }
}

/// How the stream of replies ended when it was not the client's doing; the client turns these into ``SMTPError``s
/// that name the stage.
enum SMTPChannelEvent: Error {
    case idle
    case closed
}
