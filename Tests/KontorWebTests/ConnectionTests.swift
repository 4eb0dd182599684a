#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Hummingbird
import HummingbirdTesting
import KontorApp
import KontorCore
import KontorWeb
import Testing

/// What only a real socket shows: broken chunked encoding, a client that never finishes its headers, and the
/// loopback check by the socket's address.
struct ConnectionTests {
    static func app(_ book: Book, idleTimeout: Int = 30) async throws -> some ApplicationProtocol {
        try await buildApplication(WebConfiguration(
            kontor: book.kontor, today: { Book.today }, bcryptCost: 4, idleTimeout: idleTimeout))
    }

    @Test func malformedChunkedEncodingIsABadRequest() async throws {
        let book = try await Book()
        try await ConnectionTests.app(book).test(.live) { client in
            let port = try #require(client.port)
            var browser = Browser(client)
            let page = try await browser.get("/customers/new")
            #expect(page.status == .ok && !browser.csrf.isEmpty)
            let cookie = try #require(browser.cookies["kontor_session"])
            for body in ["zz\r\nname=x\r\n0\r\n\r\n", "5\r\nname=\r\nzz\r\n0\r\n\r\n", "-1\r\n\r\n"] {
                let answer = try await RawSocket.exchange(port: port, text: """
                    POST /customers HTTP/1.1\r
                    Host: 127.0.0.1:\(port)\r
                    Cookie: kontor_session=\(cookie)\r
                    X-CSRF-Token: \(browser.csrf)\r
                    Content-Type: application/x-www-form-urlencoded\r
                    Transfer-Encoding: chunked\r
                    \r
                    \(body)
                    """)
                #expect(answer.hasPrefix("HTTP/1.1 400"), "\(body.debugDescription): \(answer.prefix(40))")
            }
            #expect(try await book.kontor.customers().isEmpty)
        }
    }

    @Test func aClientThatNeverFinishesItsHeadersIsCutOff() async throws {
        let book = try await Book()
        try await ConnectionTests.app(book, idleTimeout: 1).test(.live) { client in
            let port = try #require(client.port)
            let socket = try RawSocket(port: port)
            defer { socket.close() }
            let start = ContinuousClock.now
            try socket.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            var open = true
            // One header line every 200 ms keeps bytes flowing, but no request head is ever complete. The bound is
            // loose because fifty CLI processes of the same suite may be issuing on the two cores (CI once needed
            // 8.5 s); a server that honoured the trickle would keep the connection open past any bound.
            while open, ContinuousClock.now - start < .seconds(30) {
                try await Task.sleep(for: .milliseconds(200))
                open = (try? socket.send("X-Slow: 1\r\n")) != nil && !socket.isClosedByPeer()
            }
            #expect(!open, "still open after 30 s")
            #expect(ContinuousClock.now - start < .seconds(20))
        }
    }

    @Test func aRealLoopbackClientIsServed() async throws {
        let book = try await Book()
        try await ConnectionTests.app(book).test(.live) { client in
            let port = try #require(client.port)
            let answer = try await RawSocket.exchange(
                port: port, text: "GET /customers HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n")
            #expect(answer.hasPrefix("HTTP/1.1 200"), "\(answer.prefix(40))")
            let foreign = try await RawSocket.exchange(
                port: port, text: "GET /customers HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n")
            #expect(foreign.hasPrefix("HTTP/1.1 421"), "\(foreign.prefix(40))")
        }
    }
}

/// A blocking TCP client to 127.0.0.1 that sends exactly the bytes it is given.
final class RawSocket: @unchecked Sendable {
    struct Failure: Error { let what: String }
    private let descriptor: Int32

    init(port: Int) throws {
        #if canImport(Glibc)
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw Failure(what: "socket") }
        // Generous: in the full suite fifty CLI processes may be issuing on the same two cores, and a server that
        // answers late is not a server that does not answer (CI once read nothing within 5 s).
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var noSignal: Int32 = 1
        #if canImport(Darwin)
        setsockopt(descriptor, SOL_SOCKET, SO_NOSIGPIPE, &noSignal, socklen_t(MemoryLayout<Int32>.size))
        #endif
        _ = noSignal
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw Failure(what: "connect") }
    }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        #if canImport(Glibc)
        let sent = Glibc.send(descriptor, bytes, bytes.count, Int32(MSG_NOSIGNAL))
        #else
        let sent = Darwin.send(descriptor, bytes, bytes.count, 0)
        #endif
        guard sent == bytes.count else { throw Failure(what: "send") }
    }

    /// Whether the server closed the connection (a read returns 0 bytes at once).
    func isClosedByPeer() -> Bool {
        var byte: UInt8 = 0
        return recv(descriptor, &byte, 1, Int32(MSG_DONTWAIT)) == 0
    }

    /// Everything the server sends until it closes, stops for 30 s, or has sent a full head and 64 KB.
    func receive() -> String {
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while data.count < 65_536 {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count <= 0 { break }
            data += buffer[0..<count]
            if String(decoding: data, as: UTF8.self).contains("\r\n\r\n") { break }
        }
        return String(decoding: data, as: UTF8.self)
    }

    func close() {
        #if canImport(Glibc)
        _ = Glibc.close(descriptor)
        #else
        _ = Darwin.close(descriptor)
        #endif
    }

    /// Connects, sends `text`, returns what came back. The blocking calls run on a thread of their own: on
    /// Swift's cooperative pool (two threads on a two-core machine) they would starve the server under test,
    /// which runs in the same process.
    static func exchange(port: Int, text: String) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result {
                    let socket = try RawSocket(port: port)
                    defer { socket.close() }
                    try socket.send(text)
                    return socket.receive()
                })
            }.start()
        }
    }
}
