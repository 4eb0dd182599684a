import Foundation
import HTTPTypes
import HummingbirdTesting
import KontorApp
import KontorCore
import KontorWeb
import Testing

/// "Sicherung herunterladen" on the settings page: the book as an SQLite file, only behind the session.
struct BackupDownloadTests {
    @Test func settingsOfferTheBackupInGermanAndEnglish() async throws {
        let book = try await Book()
        try await withBrowser(book) { browser in
            let german = try await browser.get("/settings")
            #expect(german.contains("Sicherung herunterladen") && german.contains("href=\"/settings/backup\""))
            browser.acceptLanguage = "en-US,en;q=0.9"
            browser.cookies = [:]
            let english = try await browser.get("/settings")
            #expect(english.contains("Download backup"), "\(english)")
        }
    }

    @Test func theDownloadIsAnIntactCopyOfTheBook() async throws {
        // Given a book with an issued invoice
        let book = try await Book()
        let invoice = try await book.issuedInvoice(for: try await book.customer())
        try await withBrowser(book) { browser in
            // When the backup is downloaded
            let page = try await browser.get("/settings/backup")
            // Then it is an attachment holding an SQLite file with the invoice in it
            #expect(page.status == .ok)
            let disposition = page.headers[.contentDisposition] ?? ""
            #expect(disposition.hasPrefix("attachment; filename=\"kontor-2026-03-02.sqlite\""))
            #expect(page.bytes.starts(with: Array("SQLite format 3\0".utf8)))
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("dl-\(UUID().uuidString).sqlite")
            defer { try? FileManager.default.removeItem(at: file) }
            try Data(page.bytes).write(to: file)
            // (restoring it checks its integrity and schema first)
            let restored = try await Book(profile: false)
            try await restored.kontor.restore(from: file, force: false)
            #expect(try await restored.kontor.invoice(try #require(invoice.number)) == invoice)
        }
    }

    @Test func offThisMachineTheDownloadNeedsALogin() async throws {
        let book = try await Book()
        _ = try await book.kontor.setPassword(user: "kontor", password: "richtig-geheim", on: Book.today) {
            WebPasswords.hash($0, cost: 4)
        }
        let app = try await book.app(host: "0.0.0.0")
        try await app.test(.router) { client in
            var browser = Browser(client)
            let page = try await browser.get("/settings/backup")
            #expect(page.location.hasPrefix("/login"))
            #expect(!page.bytes.starts(with: Array("SQLite".utf8)))
        }
    }
}
