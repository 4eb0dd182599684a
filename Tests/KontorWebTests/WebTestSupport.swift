import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KontorApp
import KontorCore
import KontorStore
import KontorWeb
import NIOCore
import Testing

/// A fresh in-memory book per test, with the use cases over it.
struct Book {
    let kontor: Kontor
    static let today = Day("2026-03-02")!

    init(profile: Bool = true) async throws {
        try await self.init(store: GRDBBookStore(try AppDatabase.inMemory()), profile: profile)
    }

    /// The book of `store` (another process's view of a shared book, too).
    init(store: any BookStore, profile: Bool = true) async throws {
        kontor = Kontor(store: store)
        if profile {
            _ = try await kontor.initialise(BusinessProfile(
                name: "Schreibbüro Kontor", address: PostalAddress(street: "Lindenstr. 1", postalCode: "50674", city: "Köln"),
                email: "hallo@example.de", iban: try IBAN("DE89370400440532013000"), taxNumber: "214/5678/0123"))
        }
    }

    /// A customer with an address (invoices need one).
    func customer(_ name: String = "Agentur Nord GmbH", email: String? = "info@nord.example") async throws -> Customer {
        try await kontor.addCustomer(Customer(
            name: name, address: PostalAddress(street: "Hafenweg 2", postalCode: "20457", city: "Hamburg"), email: email,
            createdOn: Book.today))
    }

    /// An issued invoice over one line, issued on `day`.
    func issuedInvoice(for customer: Customer, price: String = "500", on day: Day = Book.today) async throws -> Invoice {
        let draft = try await kontor.draftInvoice(from: .customer(customer.id), on: day)
        _ = try await kontor.addInvoiceLine("\(draft.id)", line: DocumentLine(
            description: "Blogartikel", quantity: Quantity(1), unit: .flat, unitPrice: try UnitPrice(parsing: price),
            vatRate: .standard))
        return try await kontor.issueInvoice("\(draft.id)", on: day)
    }

    /// The web app over this book, driven without a network.
    func app(today: Day = Book.today, host: String = "127.0.0.1") async throws -> some ApplicationProtocol {
        let configuration = WebConfiguration(host: host, kontor: kontor, today: { today }, bcryptCost: 4)
        return Application(router: try await buildRouter(configuration))
    }
}

/// A browser in a test: keeps the session cookie and the page's CSRF token, as a real one would.
struct Browser {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]
    var csrf = ""
    var acceptLanguage = "de-DE,de;q=0.9"

    init(_ client: any TestClientProtocol) { self.client = client }

    private var cookieHeader: String { cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }

    private mutating func remember(_ response: TestResponse) {
        for value in response.headers[values: .setCookie] {
            let pair = value.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            if pair.count == 2 { cookies[String(pair[0])] = String(pair[1]) }
        }
        let body = String(buffer: response.body)
        if let range = body.range(of: #"name="_csrf" value="([0-9a-f]+)""#, options: .regularExpression) {
            let match = body[range]
            csrf = String(match.dropFirst(#"name="_csrf" value=""#.count).dropLast())
        }
    }

    /// GET, sending the cookies; remembers new cookies and the CSRF token of the page.
    @discardableResult
    mutating func get(_ uri: String) async throws -> Page {
        var headers: HTTPFields = [.acceptLanguage: acceptLanguage]
        if !cookies.isEmpty { headers[.cookie] = cookieHeader }
        let response = try await client.execute(uri: uri, method: .get, headers: headers)
        remember(response)
        return Page(response)
    }

    /// POST a form; the CSRF token is added unless `csrf` is given (nil: none at all).
    @discardableResult
    mutating func post(_ uri: String, _ fields: [String: String] = [:], csrf: String?? = .none) async throws -> Page {
        if self.csrf.isEmpty { try await get("/") }
        var all = fields
        switch csrf {
        case .none: all["_csrf"] = self.csrf
        case let .some(token?): all["_csrf"] = token
        case .some(nil): break
        }
        let body = all.map { key, value in
            "\(Browser.encode(key))=\(Browser.encode(value))"
        }.joined(separator: "&")
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .acceptLanguage: acceptLanguage]
        if !cookies.isEmpty { headers[.cookie] = cookieHeader }
        let response = try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
        remember(response)
        return Page(response)
    }

    /// POST a form with a file (`multipart/form-data`), with the CSRF token.
    @discardableResult
    mutating func postFile(
        _ uri: String, field: String, fileName: String, data: Data, fields: [String: String] = [:]
    ) async throws -> Page {
        try await postFiles(uri, field: field, files: [(fileName, data)], fields: fields)
    }

    /// POST a form with several files in one field (`<input type="file" multiple>`), with the CSRF token.
    @discardableResult
    mutating func postFiles(
        _ uri: String, field: String, files: [(name: String, data: Data)], fields: [String: String] = [:]
    ) async throws -> Page {
        if csrf.isEmpty { try await get("/") }
        let boundary = "----kontor-test-boundary"
        var body = Data()
        // The token first, as a browser sends the form's hidden field first: the server reads no further without it.
        for (key, value) in [("_csrf", csrf)] + fields.filter({ $0.key != "_csrf" }).sorted(by: { $0.key < $1.key }) {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(key)\"\r\n\r\n\(value)\r\n".utf8)
        }
        for (fileName, data) in files {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(fileName)\"\r\n".utf8)
            body += Data("Content-Type: application/octet-stream\r\n\r\n".utf8) + data + Data("\r\n".utf8)
        }
        body += Data("--\(boundary)--\r\n".utf8)
        var headers: HTTPFields = [
            .contentType: "multipart/form-data; boundary=\(boundary)", .acceptLanguage: acceptLanguage,
        ]
        if !cookies.isEmpty { headers[.cookie] = cookieHeader }
        let response = try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(bytes: body))
        remember(response)
        return Page(response)
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "-._~"))) ?? text
    }
}

/// A response as a test reads it.
struct Page: CustomStringConvertible {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let body: String
    let bytes: [UInt8]

    init(_ response: TestResponse) {
        status = response.status
        headers = response.headers
        body = String(buffer: response.body)
        bytes = Array(response.body.readableBytesView)
    }

    var location: String { headers[.location] ?? "" }

    /// Short, so that a failed expectation stays readable: status, location, and the page's messages.
    var description: String {
        let messages = body.components(separatedBy: "\n").filter {
            $0.contains("flash") || $0.contains("form-error") || $0.contains("field-error") || $0.contains("<h1")
        }.joined(separator: " | ")
        return "\(status.code) \(location) \(messages.prefix(600))"
    }

    func contains(_ text: String) -> Bool { body.contains(text) }

    /// The id at the end of a redirect such as /customers/7.
    var redirectId: Int64? {
        let path = location.split(separator: "#")[0].split(separator: "?")[0]
        return path.split(separator: "/").last.flatMap { Int64($0) }
    }
}

/// Runs `body` against the app of `book`.
func withBrowser(
    _ book: Book, today: Day = Book.today, _ body: @escaping @Sendable (inout Browser) async throws -> Void
) async throws {
    let app = try await book.app(today: today)
    try await app.test(.router) { client in
        var browser = Browser(client)
        try await body(&browser)
    }
}
