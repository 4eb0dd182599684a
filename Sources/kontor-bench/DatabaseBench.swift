import Foundation
import KontorApp
import KontorCore
import KontorPostgresStore
import KontorStore

/// `kontor-bench --database postgres://… [--scale N] [--json FILE]`: the same synthetic book built through the port
/// into a new SQLite file and into the (empty) PostgreSQL database, then the operations people wait for on both,
/// side by side: issuing, the morning list, a customer's timeline, every web page and a bank import. The password
/// comes from `$KONTOR_DATABASE_PASSWORD` or `$KONTOR_DATABASE_PASSWORD_FILE`, as for `kontor`.
enum DatabaseBench {
    static func main(url: String, scale: Int, jsonPath: String?) async throws {
        let today = Day("2026-11-26")!
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sqliteStore = GRDBBookStore(try AppDatabase.open(path: folder.appendingPathComponent("bench.sqlite").path))
        let postgresStore = try await PostgresBookStore.open(
            try PostgresLocation(url: url), password: try PostgresLocation.password(), connections: 4)
        guard try await postgresStore.isEmpty() else {
            print("kontor-bench: the database at \(url) has records; give the bench an empty one.")
            await postgresStore.close()
            exit(2)
        }
        var measurements: [Bench.Measurement] = []
        let book = SyntheticBook(scale: scale, today: today)
        var invoices = 0
        for (name, store) in [("SQLite", sqliteStore as any BookStore), ("PostgreSQL", postgresStore)] {
            let kontor = Kontor(store: store)
            measurements.append(try await Bench.measure("\(name): build book (invoices)", count: 1) {
                invoices = try await book.build(into: kontor, store: store)
            }.rescaled(count: invoices))
            _ = try await kontor.runReminders(today: today)
            measurements += try await operations(kontor, name: name, book: book, today: today)
        }
        await postgresStore.close()
        print("Kontor benchmark on two stores, scale \(scale): \(book.customerCount) customers, \(invoices) invoices")
        print(String(repeating: "-", count: 100))
        for m in measurements {
            print(m.operation.padding(toLength: 58, withPad: " ", startingAt: 0)
                + String(
                    format: "%7d ops %11.1f ms %11.1f µs/op", m.count, m.totalMilliseconds, m.perOperationMicroseconds))
        }
        let report = Bench.Report(
            scale: scale, customers: book.customerCount, invoices: invoices, measurements: measurements)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        if let jsonPath { try encoder.encode(report).write(to: URL(fileURLWithPath: jsonPath)) }
    }

    /// Issuing 200 drafts, the morning list, 200 timelines and every page, each named after the store.
    static func operations(_ kontor: Kontor, name: String, book: SyntheticBook, today: Day) async throws
        -> [Bench.Measurement]
    {
        var measurements: [Bench.Measurement] = []
        let drafts = try await book.drafts(200, in: kontor)
        measurements.append(try await Bench.measure("\(name): issue invoice", count: drafts.count) {
            for draft in drafts { _ = try await kontor.issueInvoice(draft, on: today) }
        })
        measurements.append(try await Bench.measure("\(name): today (morning list)", count: 200) {
            for _ in 0..<200 { _ = try await kontor.morningList(today: today) }
        })
        measurements.append(try await Bench.measure("\(name): customer timeline", count: 200) {
            for index in 0..<200 {
                _ = try await kontor.timeline(customerId: Int64(index * 13 % book.customerCount + 1))
            }
        })
        let web = try await WebBench.run(
            kontor: kontor, today: today, pages: try await WebBench.pages(kontor: kontor, customerId: 17), repeats: 20)
        if !web.failures.isEmpty {
            print("\(name): pages that did not answer 200: \(web.failures.joined(separator: ", "))")
        }
        measurements += web.measurements.map { measurement in
            Bench.Measurement(
                operation: "\(name): \(measurement.operation)", count: measurement.count,
                totalMilliseconds: measurement.totalMilliseconds,
                perOperationMicroseconds: measurement.perOperationMicroseconds,
                operationsPerSecond: measurement.operationsPerSecond)
        }
        // Last, so that the pages above see the book as session 11 measured them: a statement of 10,000 credits,
        // every hundredth paying an open invoice, stored (and on PostgreSQL journaled per row) in one transaction.
        let open = try await kontor.invoices(InvoiceQuery(openOnly: true))
        let camt = FileManager.default.temporaryDirectory
            .appendingPathComponent("kontor-bench-\(UUID().uuidString).xml")
        try Data(BankBench.camt(entries: 10_000, paying: open).utf8).write(to: camt)
        defer { try? FileManager.default.removeItem(at: camt) }
        var applied = 0
        measurements.append(try await Bench.measure("\(name): import camt.053, 10,000 entries", count: 10_000) {
            applied = try await kontor.importStatement(at: camt, dryRun: false, today: today).applied.count
        })
        print("\(name): the import booked \(applied) payments")
        return measurements
    }
}
