import Foundation
import KontorApp
import KontorCore
import KontorDocuments
import KontorStore

/// `kontor-bench --scale N [--json FILE]`: builds a synthetic book and times the operations users wait for.
/// `kontor-bench --scale N --keep FILE` only builds the book (with its reminder drafts) into FILE and keeps it, for
/// benchmarks from outside such as `wrk` against `kontor serve --db FILE`.
/// `kontor-bench --pages FILE [--json FILE]` times only the morning list and every web page on a kept book (a
/// minute instead of building a scale-100 book anew for each look at a page).
/// `kontor-bench --peers DIR …` times Kontor on the peer benchmarks' inputs instead (see `PeerBench`).
@main
struct Bench {
    struct Measurement: Codable {
        let operation: String
        let count: Int
        let totalMilliseconds: Double
        let perOperationMicroseconds: Double
        let operationsPerSecond: Double
    }

    struct Report: Codable {
        let scale: Int
        let customers: Int
        let invoices: Int
        let measurements: [Measurement]
        /// The process's resident memory after every web page was requested once (nil in older reports).
        var residentMiBAfterPages: Double?
    }

    static func main() async throws {
        var scale = 1
        var jsonPath: String?
        var keepPath: String?
        var pagesPath: String?
        var databaseURL: String?
        if CommandLine.arguments.contains("--peers") {
            try await PeerBench.main(Array(CommandLine.arguments.dropFirst()))
            return
        }
        var arguments = CommandLine.arguments.dropFirst().makeIterator()
        while let argument = arguments.next() {
            switch argument {
            case "--scale": scale = Int(arguments.next() ?? "") ?? 1
            case "--json": jsonPath = arguments.next()
            case "--keep": keepPath = arguments.next()
            case "--pages": pagesPath = arguments.next()
            case "--database": databaseURL = arguments.next()
            default:
                print("usage: kontor-bench [--scale N] [--json FILE] [--keep FILE]\n"
                    + "       kontor-bench --pages KEPT-BOOK [--json FILE]\n"
                    + "       kontor-bench --database postgres://USER@HOST/DB [--scale N] [--json FILE]\n"
                    + "       kontor-bench --peers DIR [--json FILE] [--only GROUP] [--samples DIR]")
                exit(2)
            }
        }
        if let pagesPath {
            try await pagesOnKeptBook(pagesPath, jsonPath: jsonPath)
            return
        }
        if let databaseURL {
            try await DatabaseBench.main(url: databaseURL, scale: scale, jsonPath: jsonPath)
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        if let keepPath, FileManager.default.fileExists(atPath: keepPath) {
            print("kontor-bench: \(keepPath) exists already; name a new file for --keep.")
            exit(2)
        }
        let database = try AppDatabase.open(path: keepPath ?? folder.appendingPathComponent("bench.sqlite").path)
        let store = GRDBBookStore(database)
        let kontor = Kontor(store: store)
        let today = Day("2026-11-26")!
        var measurements: [Measurement] = []

        let book = SyntheticBook(scale: scale, today: today)
        var invoices = 0
        measurements.append(try await measure("build book (invoices)", count: 1) {
            invoices = try await book.build(into: kontor, store: store)
        }.rescaled(count: invoices))
        if let keepPath {
            let drafts = try await kontor.runReminders(today: today).created.count
            print("Kept a scale-\(scale) book at \(keepPath): \(book.customerCount) customers, \(invoices) invoices, "
                + "\(drafts) reminder drafts.")
            return
        }

        // Issuing: each its own transaction, number allocation included.
        let drafts = try await book.drafts(1000, in: kontor)
        measurements.append(try await measure("issue invoice", count: drafts.count) {
            for draft in drafts { _ = try await kontor.issueInvoice(draft, on: today) }
        })
        measurements.append(try await measure("today (morning list)", count: 200) {
            for _ in 0..<200 { _ = try await kontor.morningList(today: today) }
        })
        var reminderDrafts = 0
        measurements.append(try await measure("remind (all open invoices)", count: 1) {
            reminderDrafts = try await kontor.runReminders(today: today).created.count
        })
        measurements.append(try await measure("remind again (nothing new)", count: 1) {
            reminderDrafts += try await kontor.runReminders(today: today).created.count
        })
        print("remind prepared \(reminderDrafts) drafts")
        measurements.append(try await measure("customer timeline", count: 200) {
            for index in 0..<200 { _ = try await kontor.timeline(customerId: Int64(index * 13 % book.customerCount + 1)) }
        })

        let onePage = try DocumentBench.invoice(lines: 4)
        let tenPages = try DocumentBench.invoice(lines: 400)
        var pages = 0
        measurements.append(try await measure("invoice PDF, 1 page", count: 500) {
            for _ in 0..<500 {
                _ = try InvoiceDocument.pdf(for: onePage, customer: DocumentBench.customer, seller: DocumentBench.seller)
            }
        })
        measurements.append(try await measure("invoice PDF, 400 lines", count: 50) {
            for _ in 0..<50 {
                let data = try InvoiceDocument.pdf(for: tenPages, customer: DocumentBench.customer, seller: DocumentBench.seller)
                pages = data.count
            }
        })
        _ = pages
        let sixLines = try DocumentBench.invoice(lines: 6)
        var xmlBytes = 0
        measurements.append(try await measure("CII XML, 6 lines, 2 VAT rates", count: 5000) {
            for _ in 0..<5000 { xmlBytes += try CIIWriter.xml(for: sixLines, profile: .xrechnung).utf8.count }
        })
        measurements.append(try await measure("ZUGFeRD PDF (PDF + XML)", count: 500) {
            for _ in 0..<500 {
                let xml = try CIIWriter.xml(for: onePage, profile: .en16931)
                xmlBytes += try InvoiceDocument.pdf(
                    for: onePage, customer: DocumentBench.customer, seller: DocumentBench.seller, facturX: xml).count
            }
        })
        _ = xmlBytes
        measurements.append(try await QRBench.measure())

        // A camt.053 with 100,000 credits: some pay open invoices by number, the rest are unrelated.
        let open = try await kontor.invoices(InvoiceQuery(openOnly: true))
        var camt = BankBench.camt(entries: 100_000, paying: open)
        let camtURL = folder.appendingPathComponent("statement.xml")
        try Data(camt.utf8).write(to: camtURL)
        var appliedPayments = 0
        camt = ""
        let residentBefore = BankBench.resetPeakMemory()
        measurements.append(try await measure("import camt.053, 100,000 entries", count: 100_000) {
            appliedPayments = try await kontor.importStatement(at: camtURL, dryRun: false, today: today).applied.count
        })
        measurements += BankBench.peakMemory("import camt.053, 100,000 entries", baseline: residentBefore)
        print("import booked \(appliedPayments) payments")

        // 1,000 received mails in one mbox: replies of existing customers (notes) and strangers (inquiries).
        let mbox = MailBench.mbox(count: 1_000, customers: try await kontor.customers(status: nil, search: nil))
        var mailReport: MailImportReport?
        measurements.append(try await measure("mbox import, 1,000 messages", count: 1_000) {
            let messages = Kontor.mailFiles(uploaded: [MailFile(source: "inbox.mbox", bytes: mbox)])
            mailReport = try await kontor.importMail(messages, now: Date())
        })
        if let mailReport {
            print("mail import: \(mailReport.inquiries) inquiries, \(mailReport.notes) notes, "
                + "\(mailReport.refused) refused")
        }

        measurements += try await BankBench.parsing()

        let planItems = (0..<10_000).map { index in
            PlanItem(id: Int64(index), title: "Auftrag \(index)", hours: Int64(2000 + index % 30 * 500),
                     deadline: today.adding(days: 3 + index % 400), priority: index % 3)
        }
        var planned = 0
        measurements.append(try await measure("plan 10,000 open jobs", count: 1) {
            planned = CapacityPlanner.plan(planItems, capacity: WorkingCapacity(state: .NW), from: today, horizon: 20_000).slots.count
        })
        _ = planned

        // Last, so that the pages show a book with reminders, imported payments, a review queue and mail.
        let web = try await WebBench.run(
            kontor: kontor, today: today, pages: try await WebBench.pages(kontor: kontor, customerId: 17), repeats: 20)
        measurements += web.measurements
        print(String(format: "web: resident memory %.0f MiB before the pages, %.0f MiB after every page once; "
            + "slowest first request %@ %.1f ms", web.residentMiBBefore, web.residentMiBAfter,
            web.slowestFirst.path, web.slowestFirst.milliseconds))
        if !web.failures.isEmpty { print("web: pages that did not answer 200: \(web.failures.joined(separator: ", "))") }

        let report = Report(
            scale: scale, customers: book.customerCount, invoices: invoices, measurements: measurements,
            residentMiBAfterPages: web.residentMiBAfter)
        print("Kontor benchmark, scale \(scale): \(report.customers) customers, \(report.invoices) invoices")
        print(String(repeating: "-", count: 78))
        for m in measurements {
            let name = m.operation.padding(toLength: 28, withPad: " ", startingAt: 0)
            print(name + String(format: "%8d ops %12.1f ms total %12.1f µs/op %12.0f ops/s",
                                m.count, m.totalMilliseconds, m.perOperationMicroseconds, m.operationsPerSecond))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let json = try encoder.encode(report)
        if let jsonPath { try json.write(to: URL(fileURLWithPath: jsonPath)) }
        print(String(decoding: json, as: UTF8.self))
    }

    /// The morning list and every page on a book kept by `--keep` (its scale and size as the book says).
    static func pagesOnKeptBook(_ path: String, jsonPath: String?) async throws {
        guard FileManager.default.fileExists(atPath: path) else {
            print("kontor-bench: there is no book at \(path); keep one with --scale N --keep FILE.")
            exit(2)
        }
        let kontor = Kontor(store: GRDBBookStore(try AppDatabase.open(path: path)))
        let today = Day("2026-11-26")!
        var measurements: [Measurement] = []
        measurements.append(try await measure("today (morning list)", count: 200) {
            for _ in 0..<200 { _ = try await kontor.morningList(today: today) }
        })
        // The reports' figures without the page around them: where the reports page's time goes.
        measurements.append(try await measure("reports overview, first", count: 1) {
            _ = try await kontor.reportsOverview(today: today)
        })
        measurements.append(try await measure("reports overview", count: 5) {
            for _ in 0..<5 { _ = try await kontor.reportsOverview(today: today) }
        })
        let web = try await WebBench.run(
            kontor: kontor, today: today, pages: try await WebBench.pages(kontor: kontor, customerId: 17), repeats: 20)
        measurements += web.measurements
        if !web.failures.isEmpty { print("web: pages that did not answer 200: \(web.failures.joined(separator: ", "))") }
        let customers = try await kontor.customerList(status: nil, search: nil, window: ListWindow(size: 1)).customers.total
        let invoices = try await kontor.invoicePage(InvoiceQuery(), page: 1, size: 1).total
        let report = Report(
            scale: customers / SyntheticBook.customersPerScale, customers: customers, invoices: invoices,
            measurements: measurements, residentMiBAfterPages: web.residentMiBAfter)
        for m in measurements {
            print(m.operation.padding(toLength: 28, withPad: " ", startingAt: 0)
                + String(format: "%12.1f ms total %12.1f µs/op", m.totalMilliseconds, m.perOperationMicroseconds))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        if let jsonPath { try encoder.encode(report).write(to: URL(fileURLWithPath: jsonPath)) }
    }

    @MainActor static func measure(_ operation: String, count: Int, _ body: () async throws -> Void) async throws -> Measurement {
        let clock = ContinuousClock()
        let start = clock.now
        try await body()
        let elapsed = clock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        return Measurement(
            operation: operation, count: count, totalMilliseconds: milliseconds,
            perOperationMicroseconds: milliseconds * 1000 / Double(max(count, 1)),
            operationsPerSecond: Double(count) / (milliseconds / 1000))
    }
}

extension Bench.Measurement {
    /// The same elapsed time spread over `count` items (for the book, timed once for all its invoices).
    func rescaled(count: Int) -> Bench.Measurement {
        Bench.Measurement(
            operation: operation, count: count, totalMilliseconds: totalMilliseconds,
            perOperationMicroseconds: totalMilliseconds * 1000 / Double(max(count, 1)),
            operationsPerSecond: Double(count) / (totalMilliseconds / 1000))
    }
}
