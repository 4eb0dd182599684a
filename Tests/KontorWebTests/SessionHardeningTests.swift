import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KontorApp
import KontorCore
import KontorStore
@testable import KontorWeb
import Testing

/// Sessions in the book, their expiry and rotation, login throttling, timing of unknown users, Secure cookies.
struct SessionHardeningTests {
    /// A book with the password "richtig-geheim" for "kontor", hashed with `cost`.
    static func bookWithPassword(cost: UInt8 = 4) async throws -> Book {
        let book = try await Book()
        _ = try await book.kontor.setPassword(user: "kontor", password: "richtig-geheim", on: Book.today) {
            WebPasswords.hash($0, cost: cost)
        }
        return book
    }

    static func app(_ book: Book, cost: UInt8 = 4, lifetime: Double = 3600, secure: Bool = false) async throws
        -> some ApplicationProtocol
    {
        let configuration = WebConfiguration(
            host: "0.0.0.0", kontor: book.kontor, today: { Book.today }, secureCookies: secure, bcryptCost: cost,
            sessionLifetime: lifetime)
        return Application(router: try await buildRouter(configuration))
    }

    static func signIn(_ browser: inout Browser, password: String = "richtig-geheim") async throws -> Page {
        try await browser.get("/login")
        return try await browser.post("/login", ["user": "kontor", "password": password, "next": "/customers"])
    }

    @Test func aSessionSurvivesARestartAndOnlyItsHashIsStored() async throws {
        let book = try await SessionHardeningTests.bookWithPassword()
        let cookies = try await SessionHardeningTests.app(book).test(.router) { client -> [String: String] in
            var browser = Browser(client)
            let before = try await browser.get("/login")
            #expect(before.status == .ok)
            let anonymous = browser.cookies["kontor_session"]
            let signedIn = try await SessionHardeningTests.signIn(&browser)
            #expect(signedIn.status == .seeOther)
            // Rotation: the signed-in session has a new id.
            #expect(browser.cookies["kontor_session"] != anonymous)
            return browser.cookies
        }
        let id = try #require(cookies["kontor_session"])
        #expect(try await book.kontor.webSession(tokenHash: id, now: 0) == nil)
        #expect(try await book.kontor.webSession(tokenHash: SessionStore.hash(id), now: 0)?.user == "kontor")
        // A new server over the same book still knows the session.
        try await SessionHardeningTests.app(book).test(.router) { client in
            var browser = Browser(client)
            browser.cookies = cookies
            let page = try await browser.get("/customers")
            #expect(page.status == .ok, "\(page)")
            // Logging out ends it in the book too.
            _ = try await browser.post("/logout")
            browser.cookies = cookies
            #expect(try await browser.get("/customers").status == .seeOther)
        }
        #expect(try await book.kontor.webSession(tokenHash: SessionStore.hash(id), now: 0) == nil)
    }

    @Test func sessionsExpireAndANewPasswordEndsThem() async throws {
        let book = try await SessionHardeningTests.bookWithPassword()
        let clock = TestClock()
        let store = SessionStore(kontor: book.kontor, lifetime: 600, absoluteLifetime: 3600, now: { clock.now })
        let session = try await store.signIn(user: "kontor", replacing: nil)
        #expect(try await store.resolve(cookie: session.id).session.user == "kontor")
        // Used every 9 minutes it stays, but never past the absolute limit of an hour.
        for _ in 0..<6 {
            clock.advance(540)
            #expect(try await store.resolve(cookie: session.id).session.user == "kontor")
        }
        clock.advance(540)
        #expect(try await store.resolve(cookie: session.id).session.user == nil)
        // Idle for longer than the lifetime: signed out.
        let idle = try await store.signIn(user: "kontor", replacing: nil)
        clock.advance(601)
        #expect(try await store.resolve(cookie: idle.id).session.user == nil)
        // A new password signs out everywhere.
        let other = try await store.signIn(user: "kontor", replacing: nil)
        _ = try await book.kontor.setPassword(user: "kontor", password: "ganz-neu-geheim", on: Book.today) {
            WebPasswords.hash($0, cost: 4)
        }
        #expect(try await store.resolve(cookie: other.id).session.user == nil)
    }

    @Test func aFloodOfAnonymousRequestsEvictsNobody() async throws {
        let book = try await SessionHardeningTests.bookWithPassword()
        let store = SessionStore(kontor: book.kontor, lifetime: 3600)
        let session = try await store.signIn(user: "kontor", replacing: nil)
        store.setFlash(Flash(kind: .success, text: "gespeichert"), for: session.id)
        for _ in 0..<20_000 {
            let anonymous = try await store.resolve(cookie: nil)
            #expect(anonymous.isNew)
        }
        let again = try await store.resolve(cookie: session.id)
        #expect(again.session.user == "kontor" && again.session.csrfToken == session.csrfToken)
        #expect(store.takeFlash(for: session.id)?.text == "gespeichert")
    }

    @Test func loginIsThrottledPerAccountWithAClearMessage() async throws {
        let book = try await SessionHardeningTests.bookWithPassword()
        try await SessionHardeningTests.app(book).test(.router) { client in
            var browser = Browser(client)
            for _ in 0..<5 {
                let wrong = try await SessionHardeningTests.signIn(&browser, password: "falsch-geraten")
                #expect(wrong.status == .unauthorized)
            }
            // Now even the right password waits, and the page says why and for how long.
            let refused = try await SessionHardeningTests.signIn(&browser)
            #expect(refused.status == .tooManyRequests)
            #expect(refused.contains("Zu viele fehlgeschlagene Anmeldungen. Bitte in 15 Minuten erneut versuchen."))
            #expect(refused.headers[.retryAfter] != nil)
            #expect(try await browser.get("/customers").status == .seeOther)
        }
    }

    @Test func theThrottleCountsAddressesAndForgetsAfterTheWindow() {
        let clock = TestClock()
        let throttle = LoginThrottle(accountLimit: 3, addressLimit: 5, window: 60, now: { clock.now })
        for name in ["a", "b", "c", "d", "e"] { throttle.failed(account: name, address: "192.0.2.7") }
        #expect(throttle.wait(account: "f", address: "192.0.2.7") != nil)
        #expect(throttle.wait(account: "f", address: "192.0.2.8") == nil)
        clock.advance(61)
        #expect(throttle.wait(account: "f", address: "192.0.2.7") == nil)
        for _ in 0..<3 { throttle.failed(account: "Kontor", address: "192.0.2.\(Int.random(in: 10...99))") }
        #expect(throttle.wait(account: "kontor", address: "198.51.100.1") != nil)
        throttle.succeeded(account: "kontor", address: "198.51.100.1")
        #expect(throttle.wait(account: "kontor", address: "198.51.100.1") == nil)
    }

    @Test func anUnknownUserTakesAsLongAsAWrongPassword() async throws {
        // Cost 10: about 60 ms a check, far above the noise; an unknown name used to answer at cost 4 (1/64).
        let book = try await SessionHardeningTests.bookWithPassword(cost: 10)
        try await SessionHardeningTests.app(book, cost: 10).test(.router) { client in
            var browser = Browser(client)
            try await browser.get("/login")
            func timed(_ user: String) async throws -> Duration {
                let start = ContinuousClock.now
                let page = try await browser.post("/login", ["user": user, "password": "falsch-geraten"])
                #expect(page.status == .unauthorized)
                return ContinuousClock.now - start
            }
            var known: [Duration] = [], unknown: [Duration] = []
            for attempt in 0..<2 {
                known.append(try await timed("kontor"))
                unknown.append(try await timed("niemand-\(attempt)"))
            }
            #expect(unknown.min()! * 3 > known.min()!, "unknown \(unknown), known \(known)")
        }
    }

    @Test func cookiesAreSecureOnlyWhenConfiguredOrSaidByATrustedProxy() async throws {
        let book = try await SessionHardeningTests.bookWithPassword()
        try await SessionHardeningTests.app(book, secure: true).test(.router) { client in
            let page = try await client.execute(uri: "/login", method: .get)
            #expect(page.headers[values: .setCookie].first?.contains("Secure") == true)
        }
        try await SessionHardeningTests.app(book).test(.router) { client in
            let page = try await client.execute(
                uri: "/login", method: .get, headers: [HTTPField.Name("X-Forwarded-Proto")!: "https"])
            #expect(page.headers[values: .setCookie].first?.contains("Secure") == false)
        }
    }
}

/// A clock a test moves by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var time = Date(timeIntervalSince1970: 1_772_000_000)
    var now: Date { lock.withLock { time } }
    func advance(_ seconds: TimeInterval) { lock.withLock { time += seconds } }
}
