import HTTPTypes
import Foundation
import Hummingbird
import HummingbirdTesting
import KontorApp
import KontorCore
import KontorWeb
import Testing

struct SecurityTests {
    @Test func postWithoutOrWithAWrongTokenIsRefused() async throws {
        let book = try await Book()
        try await withBrowser(book) { browser in
            try await browser.get("/customers/new")
            // Without a token
            let missing = try await browser.post("/customers", ["name": "Eve"], csrf: .some(nil))
            #expect(missing.status == .forbidden)
            #expect(missing.contains("Das Formular war abgelaufen"))
            // With a forged one
            let forged = try await browser.post("/customers", ["name": "Eve"], csrf: "00ff")
            #expect(forged.status == .forbidden)
            // Without any session at all
            var stranger = Browser(browser.client)
            stranger.csrf = "x"
            #expect(try await stranger.post("/customers", ["name": "Eve"]).status == .forbidden)
            #expect(try await book.kontor.customers().isEmpty)
        }
    }

    @Test func sessionCookieIsHttpOnlyAndStrict() async throws {
        let book = try await Book()
        try await withBrowser(book) { browser in
            let page = try await browser.get("/")
            let cookie = try #require(page.headers[values: .setCookie].first { $0.hasPrefix("kontor_session=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
            #expect(!cookie.contains("Secure"))
            #expect(page.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
            // Any client can send X-Forwarded-Proto: only a configured proxy is believed (see WebHardeningTests)
            let claimed = try await browser.client.execute(
                uri: "/", method: .get, headers: [.init("X-Forwarded-Proto")!: "https"])
            #expect(claimed.headers[values: .setCookie].first?.contains("Secure") == false)
        }
    }

    @Test func userDataIsEscapedEverywhere() async throws {
        // Given a customer, an inquiry and a quote with a script as name
        let book = try await Book()
        let evil = "<script>alert(1)</script>"
        let customer = try await book.customer(evil, email: nil)
        _ = try await book.kontor.addInquiry(from: .customer(customer.id), channel: .email, receivedOn: Book.today, subject: evil)
        let quote = try await book.kontor.addQuote(
            customerId: customer.id, inquiryId: nil, title: evil, on: Book.today, validUntil: nil, paymentTermDays: nil)
        _ = try await book.kontor.addNote(customerId: customer.id, text: evil, on: Book.today)
        try await withBrowser(book) { browser in
            for path in ["/", "/customers", "/customers/\(customer.id)", "/customers/\(customer.id)/edit", "/inquiries",
                         "/quotes", "/quotes/\(quote.id)", "/quotes/new?customer=\(customer.id)", "/inquiries/new"] {
                let page = try await browser.get(path)
                #expect(page.status == .ok, "\(path)")
                #expect(!page.contains(evil), "\(path) renders the script")
                #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(path)")
            }
            // And what is typed back into a failing form is escaped too
            let echoed = try await browser.post("/customers", ["name": "", "email": "\"><script>alert(2)</script>"])
            #expect(!echoed.contains("<script>alert(2)"))
        }
    }

    @Test func oversizedFormsAreRefused() async throws {
        let book = try await Book()
        try await withBrowser(book) { browser in
            let page = try await browser.post("/customers", ["name": String(repeating: "x", count: 3 * 1024 * 1024)])
            #expect(page.status == .contentTooLarge)
            #expect(page.contains("Zu groß"))
            #expect(try await book.kontor.customers().isEmpty)
        }
    }

    @Test func languageSwitchDoesNotRedirectElsewhere() async throws {
        let book = try await Book()
        try await withBrowser(book) { browser in
            for target in ["//evil.example/", "https://evil.example/", "/\\evil"] {
                let page = try await browser.post("/language", ["lang": "en", "return": target])
                #expect(page.location == "/")
            }
        }
    }

    @Test func anotherHostNeedsAPasswordFirst() async throws {
        let book = try await Book()
        let configuration = WebConfiguration(host: "0.0.0.0", kontor: book.kontor, today: { Book.today }, bcryptCost: 4)
        await #expect(throws: ServeError.self) { _ = try await buildRouter(configuration) }
    }

    @Test func loginIsRequiredBeyondThisMachine() async throws {
        // Given a password
        let book = try await Book()
        _ = try await book.kontor.setPassword(user: "kontor", password: "richtig-geheim", on: Book.today) {
            WebPasswords.hash($0, cost: 4)
        }
        let stored = try #require(try await book.kontor.webUser(name: "kontor"))
        #expect(stored.passwordHash.hasPrefix("$2"))
        #expect(!stored.passwordHash.contains("richtig-geheim"))
        let app = try await book.app(host: "0.0.0.0")
        try await app.test(.router) { client in
            var browser = Browser(client)
            // Every page sends to the login
            let home = try await browser.get("/customers")
            #expect(home.status == .seeOther)
            #expect(home.location.hasPrefix("/login"))
            let login = try await browser.get("/login?next=/customers")
            #expect(login.contains("Anmelden"))
            #expect(!login.contains("href=\"/customers\""))
            // A wrong password
            let wrong = try await browser.post("/login", ["user": "kontor", "password": "falsch", "next": "/customers"])
            #expect(wrong.status == .unauthorized)
            #expect(wrong.contains("Name oder Passwort stimmt nicht."))
            let unknown = try await browser.post("/login", ["user": "nobody", "password": "richtig-geheim"])
            #expect(unknown.status == .unauthorized)
            // The right one starts a new session
            let before = browser.cookies["kontor_session"]
            let right = try await browser.post("/login", ["user": "kontor", "password": "richtig-geheim", "next": "/customers"])
            #expect(right.status == .seeOther)
            #expect(right.location == "/customers")
            #expect(browser.cookies["kontor_session"] != before)
            #expect(try await browser.get("/customers").status == .ok)
            // Logout ends it
            _ = try await browser.post("/logout")
            #expect(try await browser.get("/customers").status == .seeOther)
        }
    }

    @Test func passwordsAreCheckedBeforeHashing() async throws {
        let book = try await Book()
        await #expect(throws: InputError.self) {
            _ = try await book.kontor.setPassword(user: "kontor", password: "kurz", on: Book.today) { $0 }
        }
        #expect(try await book.kontor.hasWebUsers() == false)
    }
}
