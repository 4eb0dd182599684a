import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KontorApp
import KontorCore
@testable import KontorWeb
import Testing

/// Body limits per route, uploads only after the CSRF token, header injection through forms and vCards, file
/// names in downloads, redirects.
struct RequestLimitTests {
    static func multipart(token: String?, fileField: String, size: Int) -> (String, ByteBuffer) {
        let boundary = "----kontor-limit"
        var body = Data()
        if let token {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(token)\r\n".utf8)
        }
        body += Data("--\(boundary)\r\nContent-Disposition: form-data; ".utf8)
        body += Data("name=\"\(fileField)\"; filename=\"x.bin\"\r\n".utf8)
        body += Data("Content-Type: application/octet-stream\r\n\r\n".utf8)
        body += Data(repeating: 0x41, count: size) + Data("\r\n--\(boundary)--\r\n".utf8)
        return ("multipart/form-data; boundary=\(boundary)", ByteBuffer(bytes: body))
    }

    @Test func formsAbove1MBAndFilesOutsideUploadRoutesAreRefused() async throws {
        let book = try await Book()
        try await withBrowser(book) { browser in
            let form = try await browser.post("/customers", ["name": String(repeating: "x", count: 1_100_000)])
            #expect(form.status == .contentTooLarge)
            let (type, body) = RequestLimitTests.multipart(token: browser.csrf, fileField: "vcards", size: 2_000_000)
            let cookie = "kontor_session=\(browser.cookies["kontor_session"] ?? "")"
            let elsewhere = try await browser.client.execute(
                uri: "/customers", method: .post, headers: [.contentType: type, .cookie: cookie], body: body)
            #expect(elsewhere.status == .contentTooLarge)
            // The vCard import takes the same 2 MB (it is no vCard, so the page says the file is wrong).
            let upload = try await browser.client.execute(
                uri: "/customers/import", method: .post, headers: [.contentType: type, .cookie: cookie], body: body)
            #expect(upload.status == .unprocessableContent)
            // Above 50 MB even an upload route refuses (the probe checks that a declared length alone suffices).
            let (bigType, bigBody) = RequestLimitTests.multipart(
                token: browser.csrf, fileField: "statement", size: 50 * 1024 * 1024 + 1)
            let big = try await browser.client.execute(
                uri: "/payments/import", method: .post, headers: [.contentType: bigType, .cookie: cookie], body: bigBody)
            #expect(big.status == .contentTooLarge)
            #expect(try await book.kontor.customers().isEmpty)
        }
    }

    @Test func anUploadWithoutTheTokenIsRefusedBeforeItIsRead() async throws {
        let book = try await Book()
        try await withBrowser(book) { browser in
            try await browser.get("/customers")
            let cookie = "kontor_session=\(browser.cookies["kontor_session"] ?? "")"
            // No token at the start: refused as a forged form (403), not parsed (422) nor measured (413).
            for token in [nil, "00ff"] {
                let (type, body) = RequestLimitTests.multipart(token: token, fileField: "vcards", size: 5_000_000)
                let page = try await browser.client.execute(
                    uri: "/customers/import", method: .post, headers: [.contentType: type, .cookie: cookie], body: body)
                #expect(page.status == .forbidden, "\(token ?? "none")")
            }
            // No session at all: refused likewise.
            let (type, body) = RequestLimitTests.multipart(token: browser.csrf, fileField: "vcards", size: 1000)
            let stranger = try await browser.client.execute(
                uri: "/customers/import", method: .post, headers: [.contentType: type], body: body)
            #expect(stranger.status == .forbidden)
        }
    }

    @Test func lineBreaksCannotReachAMailHeaderThroughTheWebOrAVCard() async throws {
        let book = try await Book()
        try await withBrowser(book) { browser in
            let page = try await browser.post("/customers", [
                "name": "Eve GmbH", "email": "x@y.de>\r\nBcc: attacker@evil.example", "kind": "business",
            ])
            #expect(page.status == .unprocessableContent, "\(page)")
            #expect(page.contains("Nur eine Zeile"))
            let name = try await browser.post("/customers", [
                "name": "Eve GmbH\r\nBcc: attacker@evil.example", "email": "eve@evil.example", "kind": "business",
            ])
            #expect(name.status == .unprocessableContent, "\(name)")
            let profile = try await browser.post("/settings/profile", [
                "name": "Schreibbüro Kontor", "email": "hallo@example.de\r\nReply-To: attacker@evil.example",
            ])
            #expect(profile.status == .unprocessableContent, "\(profile)")
            // In a vCard "\\n" is an escaped line break: it becomes a real one when read.
            let card = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Eve\r\n"
                + "EMAIL:x@y.de\\nBcc: attacker@evil.example\r\nEND:VCARD\r\n"
            let imported = try await browser.postFile(
                "/customers/import", field: "vcards", fileName: "eve.vcf", data: Data(card.utf8))
            #expect(imported.status == .unprocessableContent, "\(imported)")
            #expect(try await book.kontor.customers().isEmpty)
            #expect(try await book.kontor.profile().email == "hallo@example.de")
            let format = try await browser.post(
                "/settings/invoicing", ["taxMode": "standard", "paymentTerm": "14", "numberFormat": "RE/{YYYY}/{NNNN}"])
            #expect(format.contains("Die Nummer steht in Dateinamen"), "\(format)")
        }
    }

    @Test func downloadNamesAreEncodedWhateverTheyAreCalled() {
        let header = Response.attachment("Rechnung \"Müller\"\r\nSet-Cookie: x=1; ../../etc/passwd.pdf")
        #expect(!header.contains("\r") && !header.contains("\n"))
        let plain = header.components(separatedBy: "filename=\"")[1].components(separatedBy: "\"")[0]
        #expect(plain.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) })
        #expect(header.contains("filename*=UTF-8''Rechnung%20%22M%C3%BCller%22%0D%0ASet-Cookie"))
        #expect(!header.contains("/"))
    }

    @Test func redirectsStayOnThisSite() async throws {
        let book = try await Book()
        try await withBrowser(book) { browser in
            for target in ["//evil.example/", "https://evil.example/", "/\\evil", "/\r\nSet-Cookie: x=1", "/%0d%0a",
                           "javascript:alert(1)", "/\tevil"] {
                let page = try await browser.post("/language", ["lang": "de", "return": target])
                #expect(page.location == "/" || page.location == target && target == "/%0d%0a", "\(target)")
            }
        }
    }
}
