import NIOCore

/// Splits what the server sends into lines, assembles replies and hands each complete reply to the client's
/// stream; a closed connection, a server that does not answer in time or an error ends the stream.
///
/// The timeout runs only while a reply is owed: from the connection (the greeting) and from each write until the
/// reply arrives. A client that is slow to send its next command (a busy machine) is not the server's fault.
final class SMTPChannelHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// A reply line longer than this is not SMTP (RFC 5321 allows 512 octets); it ends the conversation.
    static let maximumLineLength = 4096

    private let continuation: AsyncThrowingStream<SMTPReply, any Error>.Continuation
    private let timeout: TimeAmount
    private var deadline: Scheduled<Void>?
    private var pending: [UInt8] = []
    private var assembler = SMTPReplyAssembler()

    init(continuation: AsyncThrowingStream<SMTPReply, any Error>.Continuation, timeout: TimeAmount) {
        self.continuation = continuation
        self.timeout = timeout
    }

    func channelActive(context: ChannelHandlerContext) {
        awaitReply(context: context)
        context.fireChannelActive()
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        context.write(data, promise: promise)
        awaitReply(context: context)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        pending += buffer.readBytes(length: buffer.readableBytes) ?? []
        do {
            while let newline = pending.firstIndex(of: 10) {
                var line = Array(pending[..<newline])
                pending.removeSubrange(...newline)
                if line.last == 13 { line.removeLast() }
                if let reply = try assembler.feed(line) {
                    stopWaiting()
                    continuation.yield(reply)
                }
            }
            if pending.count > Self.maximumLineLength {
                throw SMTPError.malformedReply(String(decoding: pending.prefix(120), as: UTF8.self))
            }
        } catch {
            end(context: context, error: error)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        stopWaiting()
        continuation.finish(throwing: SMTPChannelEvent.closed)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        end(context: context, error: error)
    }

    private func awaitReply(context: ChannelHandlerContext) {
        deadline?.cancel()
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        deadline = context.eventLoop.scheduleTask(in: timeout) { [continuation] in
            continuation.finish(throwing: SMTPChannelEvent.idle)
            bound.value.close(promise: nil)
        }
    }

    private func stopWaiting() {
        deadline?.cancel()
        deadline = nil
    }

    private func end(context: ChannelHandlerContext, error: any Error) {
        stopWaiting()
        continuation.finish(throwing: error)
        context.close(promise: nil)
    }
}

/// How the stream of replies ended when it was not the client's doing; the client turns these into ``SMTPError``s
/// that name the stage.
enum SMTPChannelEvent: Error {
    /// The server owed a reply and sent none within the configured time.
    case idle
    case closed
}
