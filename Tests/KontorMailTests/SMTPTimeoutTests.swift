import NIOCore
import NIOEmbedded
import Testing

@testable import KontorMail

/// The reply timeout on virtual time: it measures how long the server owes an answer, never how long the client
/// takes to send its next command (CI once failed a test because a busy test run delayed the client's EHLO).
@Suite struct SMTPTimeoutTests {
    let loop = EmbeddedEventLoop()
    let stream: AsyncThrowingStream<SMTPReply, any Error>
    let channel: EmbeddedChannel

    init() throws {
        let (stream, continuation) = AsyncThrowingStream<SMTPReply, any Error>.makeStream()
        self.stream = stream
        channel = EmbeddedChannel(
            handler: SMTPChannelHandler(continuation: continuation, timeout: .seconds(30)), loop: loop)
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 25)).wait()
    }

    @Test func aSlowClientIsNotATimeout() async throws {
        try channel.writeInbound(ByteBuffer(string: "220 mail.test ESMTP\r\n"))
        loop.advanceTime(by: .minutes(5))  // the client is busy; the server owes nothing
        #expect(channel.isActive)
        try channel.writeOutbound(ByteBuffer(string: "EHLO localhost\r\n"))
        loop.advanceTime(by: .seconds(29))
        #expect(channel.isActive)
        try channel.writeInbound(ByteBuffer(string: "250 mail.test\r\n"))
        loop.advanceTime(by: .minutes(5))
        #expect(channel.isActive)
        var replies = stream.makeAsyncIterator()
        #expect(try await replies.next()?.code == 220)
        #expect(try await replies.next()?.code == 250)
    }

    @Test func aServerThatOwesAReplyTimesOut() async throws {
        try channel.writeInbound(ByteBuffer(string: "220 mail.test ESMTP\r\n"))
        try channel.writeOutbound(ByteBuffer(string: "EHLO localhost\r\n"))
        loop.advanceTime(by: .seconds(31))
        #expect(!channel.isActive)
        var replies = stream.makeAsyncIterator()
        #expect(try await replies.next()?.code == 220)
        await #expect(throws: SMTPChannelEvent.idle) { _ = try await replies.next() }
    }

    @Test func aMissingGreetingTimesOut() async throws {
        loop.advanceTime(by: .seconds(31))
        #expect(!channel.isActive)
        var replies = stream.makeAsyncIterator()
        await #expect(throws: SMTPChannelEvent.idle) { _ = try await replies.next() }
    }
}
