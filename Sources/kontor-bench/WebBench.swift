import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KontorApp
import KontorCore
import KontorWeb

/// Times every page of the web app in-process, through the real router and templates (no network, no `wrk`):
/// the first request of each page after the app is built, then the mean of further requests, with one browser
/// session's cookie as a person's browser sends it. Also reports the process's resident memory after every
/// page has been visited once.
enum WebBench {
    /// A page to time and the address it is reached at.
    struct Page {
        let name: String
        let path: String
    }

    /// What the run found: a measurement per page (first request and repeated ones) and the memory after it.
    struct Result {
        var measurements: [Bench.Measurement] = []
        var residentMiBBefore = 0.0
        var residentMiBAfter = 0.0
        var slowestFirst: (path: String, milliseconds: Double) = ("", 0)
        var failures: [String] = []
    }

    /// Every page a person opens, with ids taken from the book (the first open inquiry, job and invoice).
    static func pages(kontor: Kontor, customerId: Int64) async throws -> [Page] {
        var pages: [Page] = [
            Page(name: "Heute", path: "/"),
            Page(name: "inquiries", path: "/inquiries"),
            Page(name: "new inquiry", path: "/inquiries/new"),
            Page(name: "customers", path: "/customers"),
            Page(name: "customers, search", path: "/customers?q=Kunde%201"),
            Page(name: "customer", path: "/customers/\(customerId)"),
            Page(name: "quotes", path: "/quotes"),
            Page(name: "jobs", path: "/jobs"),
            Page(name: "all jobs", path: "/jobs?all=1"),
            Page(name: "agenda", path: "/agenda"),
            Page(name: "invoices", path: "/invoices"),
            Page(name: "invoices, page 40", path: "/invoices?filter=all&page=40"),
            Page(name: "new invoice", path: "/invoices/new"),
            Page(name: "received e-invoices", path: "/received-invoices"),
            Page(name: "payments", path: "/payments"),
            Page(name: "dunning", path: "/dunning"),
            Page(name: "interest calculator", path: "/dunning/calculator"),
            Page(name: "reports", path: "/reports"),
            Page(name: "outbox", path: "/mail"),
            Page(name: "mail import", path: "/mail/import"),
            Page(name: "mail settings", path: "/mail/settings"),
            Page(name: "settings", path: "/settings"),
        ]
        if let inquiry = try await kontor.inquiries(statuses: [.open]).first {
            pages.append(Page(name: "inquiry proposal", path: "/inquiries/\(inquiry.inquiry.id)/proposal"))
        }
        if let job = try await kontor.jobs().first {
            pages.append(Page(name: "job", path: "/jobs/\(job.id)"))
        }
        if let invoice = try await kontor.invoicePage(InvoiceQuery(openOnly: true), page: 1, size: 1).invoices.first {
            pages.append(Page(name: "invoice", path: "/invoices/\(invoice.id)"))
        }
        return pages
    }

    /// Requests each page once (the cold figure), then `repeats` times more.
    static func run(kontor: Kontor, today: Day, pages: [Page], repeats: Int) async throws -> Result {
        let before = residentMiB()
        let configuration = WebConfiguration(kontor: kontor, today: { today })
        let app = Application(router: try await buildRouter(configuration))
        let outcome = try await app.test(.router) { client in
            var result = Result()
            result.residentMiBBefore = before
            var cookie = ""
            let clock = ContinuousClock()
            for page in pages {
                var headers: HTTPFields = [.acceptLanguage: "de-DE,de;q=0.9"]
                if !cookie.isEmpty { headers[.cookie] = cookie }
                let start = clock.now
                let first = try await client.execute(uri: page.path, method: .get, headers: headers)
                let firstMilliseconds = milliseconds(clock.now - start)
                if let set = first.headers[.setCookie], cookie.isEmpty {
                    cookie = String(set.prefix { $0 != ";" })
                    headers[.cookie] = cookie
                }
                if first.status != .ok { result.failures.append("\(page.path): \(first.status.code)") }
                if firstMilliseconds > result.slowestFirst.milliseconds {
                    result.slowestFirst = (page.path, firstMilliseconds)
                }
                result.measurements.append(Bench.Measurement(
                    operation: "page \(page.name), first request (\(first.body.readableBytes / 1024) KB)", count: 1,
                    totalMilliseconds: firstMilliseconds, perOperationMicroseconds: firstMilliseconds * 1000,
                    operationsPerSecond: 1000 / firstMilliseconds))
                let repeatStart = clock.now
                for _ in 0..<repeats {
                    _ = try await client.execute(uri: page.path, method: .get, headers: headers)
                }
                let total = milliseconds(clock.now - repeatStart)
                result.measurements.append(Bench.Measurement(
                    operation: "page \(page.name)", count: repeats, totalMilliseconds: total,
                    perOperationMicroseconds: total * 1000 / Double(repeats),
                    operationsPerSecond: Double(repeats) / (total / 1000)))
            }
            result.residentMiBAfter = residentMiB()
            return result
        }
        return outcome
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    /// The resident set of this process in MiB (Linux `/proc/self/statm`; 0 where that does not exist).
    static func residentMiB() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Double(fields[1]) else { return 0 }
        return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }
}
