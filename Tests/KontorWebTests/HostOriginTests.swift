import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KontorApp
import KontorCore
@testable import KontorWeb
import Testing

/// DNS rebinding and cross-site requests: `Host` and `Origin` must name this server, and "this machine" is
/// decided by addresses, not by text.
struct HostOriginTests {
    static let host = HTTPField.Name("Host")!
    static let origin = HTTPField.Name("Origin")!

    @Test func aForeignHostIsRefusedOnLoopbackWithoutLogin() async throws {
        let book = try await Book()
        try await withBrowser(book) { browser in
            for name in ["evil.example", "evil.example:8080", "127.evil.invalid", "localhost.evil.example"] {
                let page = try await browser.client.execute(
                    uri: "/customers", method: .get, headers: [HostOriginTests.host: name])
                #expect(page.status == .misdirectedRequest, "\(name)")
                #expect(!String(buffer: page.body).contains("Kunden"), "\(name) shows the book")
            }
            for name in ["127.0.0.1:8080", "localhost:8080", "LOCALHOST", "[::1]:8080", "127.0.0.1"] {
                let page = try await browser.client.execute(
                    uri: "/customers", method: .get, headers: [HostOriginTests.host: name])
                #expect(page.status == .ok, "\(name)")
            }
        }
    }

    @Test func aForeignOriginCannotPost() async throws {
        let book = try await Book()
        try await withBrowser(book) { browser in
            try await browser.get("/customers/new")
            let cookie = "kontor_session=\(browser.cookies["kontor_session"] ?? "")"
            for (name, value) in [(HostOriginTests.origin, "http://evil.example"), (HostOriginTests.origin, "null"),
                                  (HTTPField.Name("Sec-Fetch-Site")!, "cross-site")] {
                var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .cookie: cookie]
                headers[name] = value
                let body = "_csrf=\(browser.csrf)&name=Eve"
                let page = try await browser.client.execute(
                    uri: "/customers", method: .post, headers: headers, body: ByteBuffer(string: body))
                #expect(page.status == .forbidden, "\(name): \(value)")
            }
            #expect(try await book.kontor.customers().isEmpty)
            // The app's own origin is fine.
            var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .cookie: cookie]
            headers[HostOriginTests.origin] = "http://127.0.0.1:8080"
            let page = try await browser.client.execute(
                uri: "/customers", method: .post, headers: headers,
                body: ByteBuffer(
                    string: "_csrf=\(browser.csrf)&name=Agentur%20Nord&kind=business&status=prospect&language=de"))
            #expect(page.status == .seeOther, "\(String(buffer: page.body).prefix(300))")
            #expect(try await book.kontor.customers().count == 1)
        }
    }

    @Test func loopbackIsAnAddressNotAText() async throws {
        #expect(WebConfiguration.isLoopback("127.0.0.1"))
        #expect(WebConfiguration.isLoopback("127.1.2.3"))
        #expect(WebConfiguration.isLoopback("::1"))
        #expect(WebConfiguration.isLoopback("[::1]"))
        #expect(WebConfiguration.isLoopback("localhost"))
        for host in ["127.evil.invalid", "127.0.0.1.evil.example", "0.0.0.0", "::", "192.168.1.10", "localhost.evil"] {
            #expect(!WebConfiguration.isLoopback(host), "\(host)")
        }
        // So a name that merely starts with 127. needs a password like any other address.
        let book = try await Book()
        let configuration = WebConfiguration(
            host: "127.evil.invalid", kontor: book.kontor, today: { Book.today }, bcryptCost: 4)
        #expect(configuration.requiresLogin)
        await #expect(throws: ServeError.self) { _ = try await buildRouter(configuration) }
    }

    @Test func namesGivenByTheUserAreAccepted() {
        let wildcard = HostPolicy(host: "0.0.0.0", allowed: ["kontor.lan"])
        #expect(wildcard.allows(host: "kontor.lan:8080"))
        #expect(wildcard.allows(host: "Kontor.LAN."))
        #expect(!wildcard.allows(host: "evil.example"))
        #expect(wildcard.allows(origin: "https://kontor.lan"))
        #expect(!wildcard.allows(origin: "https://kontor.lan.evil.example"))
        #expect(!wildcard.allows(origin: "https://evil.example@kontor.lan"))
        let local = HostPolicy(host: "127.0.0.1", allowed: [])
        #expect(local.allows(origin: "http://localhost:8080"))
        #expect(!local.allows(origin: "http://evil.example:8080"))
        #expect(!local.allows(origin: "null"))
        #expect(!local.allows(origin: "file://"))
    }
}
