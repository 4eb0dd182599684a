import Foundation
import HTTPTypes
import Hummingbird

/// How much a request may send, per route, and the reading that enforces it while the bytes arrive.
enum BodyLimits {
    /// Any form without a file.
    static let form = 1024 * 1024
    /// A form with a file (a year of bank statements as camt ZIP, an e-invoice PDF, a vCard file, mail).
    static let upload = 50 * 1024 * 1024
    /// How far into an upload the CSRF token must come (browsers send the hidden `_csrf` field first).
    static let tokenWindow = 64 * 1024
    /// The only routes that take files.
    static let uploadPaths: Set<String> = [
        "/customers/import", "/received-invoices", "/payments/import", "/mail/import",
    ]

    /// The limit of a request to `path`.
    static func limit(path: String, multipart: Bool) -> Int {
        multipart && uploadPaths.contains(path) ? upload : form
    }

    /// Refuses a request whose `Content-Length` already says it is too large, before reading a byte.
    static func checkDeclaredLength(_ request: Request, limit: Int) throws {
        if let text = request.headers[.contentLength], let length = Int(text), length > limit {
            throw HTTPError(.contentTooLarge)
        }
    }

    /// Reads a `multipart/form-data` body up to `limit` bytes, but only as far as the CSRF token unless it is
    /// right: the token must arrive within the first `tokenWindow` bytes, so a stranger's 50 MB is refused
    /// after at most 64 KB. `token` is the token from a header, if the client sent one.
    static func readMultipart(
        _ request: inout Request, boundary: String, limit: Int, token: String?, expected: String
    ) async throws -> MultipartForm {
        var data = Data()
        var checked = false
        if let token {
            guard Token.equal(token, expected) else { throw WebError.csrf }
            checked = true
        }
        for try await chunk in request.body {
            guard data.count + chunk.readableBytes <= limit else { throw HTTPError(.contentTooLarge) }
            data.append(contentsOf: chunk.readableBytesView)
            if !checked {
                let prefix = data.prefix(tokenWindow)
                let found = MultipartForm(data: prefix, boundary: boundary).fields.raw("_csrf")
                if !found.isEmpty {
                    guard Token.equal(found, expected) else { throw WebError.csrf }
                    checked = true
                } else if data.count >= tokenWindow {
                    throw WebError.csrf
                }
            }
        }
        let form = MultipartForm(data: data, boundary: boundary)
        if !checked {
            guard Token.equal(form.fields.raw("_csrf"), expected) else { throw WebError.csrf }
        }
        return form
    }
}
