import HTTPTypes
import Foundation
import KontorApp
import KontorCore
import Testing

/// Every page answers 200 with its content, on an empty and on a filled book.
struct PageTests {
    @Test func everyPageRendersOnAnEmptyBook() async throws {
        // Given a book without profile and customers
        let book = try await Book(profile: false)
        try await withBrowser(book) { browser in
            // When every page is opened, Then each one renders with its empty state
            for (path, text) in [
                ("/", "Heute ist nichts dringend."), ("/inquiries", "Noch keine Anfragen"),
                ("/customers", "Noch keine Kunden"), ("/quotes", "Noch keine Angebote"), ("/jobs", "Keine offenen Aufträge"),
                ("/invoices", "Keine offenen Rechnungen"), ("/dunning", "Keine Entwürfe"), ("/payments", "Noch keine Zahlungen"),
                ("/reports", "Altersstruktur"), ("/settings", "Profil anlegen"), ("/inquiries/new", "Anfrage erfassen"),
                ("/customers/new", "Kunde anlegen"), ("/quotes/new", "Ein Angebot braucht einen Kunden"),
                ("/jobs/new", "Auftrag anlegen"), ("/invoices/new", "Freie Rechnung"),
            ] {
                let page = try await browser.get(path)
                #expect(page.status == .ok, "\(path)")
                #expect(page.contains(text), "\(path) should say \(text)")
                #expect(page.contains("<html lang=\"de\">"), "\(path)")
            }
        }
    }

    @Test func everyPageRendersTheDemoBook() async throws {
        // Given the demo book
        let book = try await Book(profile: false)
        _ = try await book.kontor.fillDemoBook(today: Book.today)
        try await withBrowser(book) { browser in
            for path in ["/", "/inquiries", "/customers", "/customers/3", "/quotes", "/quotes/1", "/jobs", "/jobs/1",
                         "/jobs?all=1&week=-1", "/invoices", "/invoices?filter=overdue", "/invoices?filter=paid",
                         "/invoices?filter=all", "/invoices/2026-0001", "/dunning", "/payments", "/reports", "/settings",
                         "/settings/templates/inquiry/de"] {
                let page = try await browser.get(path)
                #expect(page.status == .ok, "\(path)")
                if !path.hasPrefix("/settings/templates") { #expect(!page.contains("{{"), "\(path) has unrendered tags") }
            }
            // Then the morning list shows the caller first, with its action one click away
            let today = try await browser.get("/")
            #expect(today.contains("Dr. Ines Wolff"))
            #expect(today.contains("/quotes/new?inquiry="))
            #expect(today.contains("Überfällige Rechnungen"))
        }
    }

    @Test func englishByAcceptLanguageAndBySetting() async throws {
        let book = try await Book()
        try await withBrowser(book) { browser in
            // Given a browser that prefers English
            browser.acceptLanguage = "en-US,en;q=0.9,de;q=0.5"
            let page = try await browser.get("/customers")
            #expect(page.contains("<html lang=\"en\">"))
            #expect(page.contains("No customers yet"))
            // When German is chosen in the app, Then it wins over the browser
            let switched = try await browser.post("/language", ["lang": "de", "return": "/customers"])
            #expect(switched.status == .seeOther)
            #expect(switched.location == "/customers")
            #expect(try await browser.get("/customers").contains("Noch keine Kunden"))
        }
    }

    @Test func reportsDrawChartsWithTheNumbersBeside() async throws {
        let book = try await Book()
        let customer = try await book.customer()
        _ = try await book.issuedInvoice(for: customer, price: "1000", on: Book.today.adding(days: -40))
        try await withBrowser(book) { browser in
            let page = try await browser.get("/reports")
            #expect(page.status == .ok)
            #expect(page.contains("<svg"))
            #expect(page.contains("1.190,00 €"))
            #expect(page.contains("Agentur Nord GmbH"))
        }
    }

    @Test func unknownPathsAndIdsShowTheNotFoundPage() async throws {
        let book = try await Book()
        try await withBrowser(book) { browser in
            for path in ["/nowhere", "/customers/999", "/customers/abc", "/quotes/5", "/jobs/7", "/invoices/2030-9999",
                         "/dunning/3", "/invoices/99/pdf", "/settings/templates/nope/de"] {
                let page = try await browser.get(path)
                #expect(page.status == .notFound, "\(path)")
                #expect(page.contains("Nicht gefunden"), "\(path)")
            }
        }
    }

    @Test func stylesheetIsServed() async throws {
        let book = try await Book()
        try await withBrowser(book) { browser in
            let css = try await browser.get("/static/app.css")
            #expect(css.status == .ok)
            #expect(css.headers[.contentType]?.hasPrefix("text/css") == true)
            #expect(try await browser.get("/static/../Package.swift").status == .notFound)
        }
    }
}
