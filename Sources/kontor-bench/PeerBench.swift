import Foundation
import KontorApp
import KontorBanking
import KontorCore
import KontorDocuments
import KontorQR
import KontorStore

/// `kontor-bench --peers DIR [--json FILE] [--only GROUP] [--samples DIR]`: Kontor timed on the inputs of the peer
/// benchmarks, which `python3 ../shared/peers/peerlib.py --dump DIR` writes. One JSON line per figure, in the peers'
/// shape (see `PeerFigure`), on stdout and into FILE; `scripts/peers.sh` runs both sides and
/// `scripts/benchmarks-md.py` puts them side by side. `--only` runs one group of figures (`Group`), so that each
/// group's peak RSS is its own process's, as each peer script runs in its own; `--samples DIR` also writes the
/// documents timed (PDFs, XML), to look at.
///
/// The statements and the EPC payload are read from DIR as they are. The invoices are not: Kontor lays out its
/// own invoices and reads no HTML, so the rows for PDF, CII XML and ZUGFeRD render `PeerInvoice`, the same seller,
/// buyer and lines as peerlib's HTML and CII (6 lines, 19 % and 7 %; 400 lines for the long one).
enum PeerBench {
    /// The figures that run together, in one process with `--only`.
    enum Group: String, CaseIterable {
        case documents
        case mt940
        case csv
        case camtParse = "camt-parse"
        case camtImport = "camt-import"
        /// What each half of the import does, alone (not in `scripts/peers.sh`'s table: no peer has them).
        case camtHalves = "camt-halves"
        case qr
    }

    /// The dumped input files in a folder, each read when its figure needs it.
    struct Inputs {
        let folder: URL

        static let fileNames = ["mt940-10k.sta", "camt053-100k.xml", "epc-qr-payload.txt"]

        /// Throws naming the first input file that is missing, before anything is timed.
        func check() throws {
            for name in Self.fileNames where !FileManager.default.fileExists(atPath: url(name).path) {
                throw PeerBenchError.missingInput(url(name).path)
            }
        }

        func url(_ name: String) -> URL { folder.appendingPathComponent(name) }

        /// The file's size, without reading it (the import reads it from disk itself).
        func size(_ name: String) throws -> Int {
            let attributes = try? FileManager.default.attributesOfItem(atPath: url(name).path)
            guard let size = attributes?[.size] as? Int else { throw PeerBenchError.missingInput(url(name).path) }
            return size
        }

        func read(_ name: String) throws -> Data {
            do {
                return try Data(contentsOf: url(name))
            } catch {
                throw PeerBenchError.missingInput(url(name).path)
            }
        }

        func mt940() throws -> Data { try read("mt940-10k.sta") }
        func camt() throws -> Data { try read("camt053-100k.xml") }
        func epcPayload() throws -> [UInt8] { Array(try read("epc-qr-payload.txt")) }
    }

    static let today = Day("2027-12-31")!

    /// Reads the options (see the type's comment), then runs the groups one after another, printing each figure
    /// as soon as it is measured.
    @MainActor static func main(_ arguments: [String]) async throws {
        var folder: URL?
        var jsonPath: String?
        var groups = Group.allCases
        var samples: URL?
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            switch (argument, iterator.next()) {
            case ("--peers", let value?): folder = URL(fileURLWithPath: value)
            case ("--json", let value?): jsonPath = value
            case ("--samples", let value?): samples = URL(fileURLWithPath: value)
            case ("--only", let value?) where Group(rawValue: value) != nil: groups = [Group(rawValue: value)!]
            default:
                fail("usage: kontor-bench --peers DIR [--json FILE] [--only "
                    + Group.allCases.map(\.rawValue).joined(separator: "|") + "] [--samples DIR]")
            }
        }
        guard let folder else { fail("kontor-bench: --peers needs the folder peerlib.py --dump wrote") }
        let inputs = Inputs(folder: folder)
        do { try inputs.check() } catch { fail("\(error)") }
        if let samples { try writeSamples(to: samples) }
        var lines: [String] = []
        for group in groups {
            for figure in try await run(group, inputs: inputs) {
                print(figure.jsonLine)
                lines.append(figure.jsonLine)
            }
        }
        if let jsonPath {
            try Data(lines.map { $0 + "\n" }.joined().utf8).write(to: URL(fileURLWithPath: jsonPath))
        }
    }

    @MainActor static func run(_ group: Group, inputs: Inputs) async throws -> [PeerFigure] {
        switch group {
        case .documents:
            return try await documents()
        case .mt940:
            let data = try inputs.mt940()
            return [try await mt940(data)]
        case .csv:
            return [try await csv(Data(BankBench.csvText().utf8))]
        case .camtParse:
            return try await camtParse(try inputs.camt())
        case .camtImport:
            return try await camtImport(inputs.url("camt053-100k.xml"), bytes: try inputs.size("camt053-100k.xml"))
        case .camtHalves:
            return [try await camtRead(inputs.url("camt053-100k.xml")), try await camtStore(try inputs.camt())]
        case .qr:
            let payload = try inputs.epcPayload()
            return [try await qr(payload)]
        }
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        exit(2)
    }

    /// The documents the figures time, as files: to check by eye that they hold what the peers' do.
    static func writeSamples(to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let short = try PeerInvoice.invoice(lines: 6)
        let long = try PeerInvoice.invoice(lines: 400)
        let xml = try CIIWriter.xml(for: short, profile: .en16931)
        let write = { (data: Data, name: String) in try data.write(to: folder.appendingPathComponent(name)) }
        try write(InvoiceDocument.pdf(for: short, customer: PeerInvoice.buyer, seller: PeerInvoice.seller),
                  "kontor-invoice-1page.pdf")
        try write(InvoiceDocument.pdf(for: long, customer: PeerInvoice.buyer, seller: PeerInvoice.seller),
                  "kontor-invoice-10page.pdf")
        try write(Data(xml.utf8), "kontor-cii-en16931.xml")
        try write(InvoiceDocument.pdf(for: short, customer: PeerInvoice.buyer, seller: PeerInvoice.seller,
                                      facturX: xml), "kontor-zugferd.pdf")
    }

    static let invoiceNote = "PeerInvoice: peerlib's seller, buyer and lines as a Kontor invoice (Kontor lays out its "
        + "own DIN 5008 letter; it reads no HTML); always PDF/A-3b, fonts embedded and subset, with GiroCode"

    /// Invoice PDF (1 and 400 lines), CII XML and ZUGFeRD for the peers' invoice.
    @MainActor static func documents() async throws -> [PeerFigure] {
        let short = try PeerInvoice.invoice(lines: 6)
        let long = try PeerInvoice.invoice(lines: 400)
        let render = { (invoice: Invoice) throws -> Data in
            try InvoiceDocument.pdf(for: invoice, customer: PeerInvoice.buyer, seller: PeerInvoice.seller)
        }
        let shortPages = pageCount(try render(short))
        let longPages = pageCount(try render(long))
        var figures: [PeerFigure] = []
        var bytes = 0
        var runs = try await PeerRuns.time(count: 200, warmup: 10) { bytes = try render(short).count }
        figures.append(PeerFigure(
            name: "kontor_invoice_1page_pdf", unit: "ms", runs: runs, scale: 1e3,
            notes: ["lines": "6", "pdf_bytes": "\(bytes)", "pages": "\(shortPages)",
                    "what": invoiceNote]))
        runs = try await PeerRuns.time(count: 30, warmup: 3) { bytes = try render(long).count }
        figures.append(PeerFigure(
            name: "kontor_invoice_10page_pdf", unit: "ms", runs: runs, scale: 1e3,
            notes: ["lines": "400", "pdf_bytes": "\(bytes)", "pages": "\(longPages)",
                    "what": invoiceNote]))
        var xml = ""
        runs = try await PeerRuns.time(count: 2_000, warmup: 50) {
            xml = try CIIWriter.xml(for: short, profile: .en16931)
        }
        figures.append(PeerFigure(
            name: "kontor_cii_en16931", unit: "µs", runs: runs, scale: 1e6,
            notes: ["lines": "6", "xml_bytes": "\(xml.utf8.count)", "profile": "EN 16931 (urn:cen.eu:en16931:2017)",
                    "what": "CIIWriter.xml(for:profile: .en16931) on PeerInvoice; no XSD check (Kontor has none)"]))
        runs = try await PeerRuns.time(count: 200, warmup: 10) {
            let xml = try CIIWriter.xml(for: short, profile: .en16931)
            bytes = try InvoiceDocument.pdf(
                for: short, customer: PeerInvoice.buyer, seller: PeerInvoice.seller, facturX: xml).count
        }
        figures.append(PeerFigure(
            name: "kontor_zugferd_1page", unit: "ms", runs: runs, scale: 1e3,
            notes: ["pdf_bytes": "\(bytes)", "what": "the whole ZUGFeRD invoice: CII XML written, PDF/A-3b laid out "
                        + "with the XML embedded (Kontor has no separate embedding step)"]))
        return figures
    }

    /// The number of pages of a PDF Kontor wrote (its page tree's `/Count`).
    static func pageCount(_ pdf: Data) -> Int {
        let text = String(decoding: pdf, as: UTF8.self)
        guard let range = text.range(of: "/Type /Pages") ?? text.range(of: "/Type/Pages"),
              let count = text[range.upperBound...].range(of: "/Count ")
        else { return 0 }
        return Int(text[count.upperBound...].prefix { $0.isNumber }) ?? 0
    }

    /// MT940 with 10,000 entries, parsed in memory (the bytes as read from the file, decoded and parsed).
    @MainActor static func mt940(_ data: Data) async throws -> PeerFigure {
        var entries = 0
        var file: StatementFile?
        let runs = try await PeerRuns.time(count: 10, warmup: 1) {
            file = nil
            file = try StatementParser.parse(data: data, fileName: "mt940-10k.sta")
            entries = file?.entries.count ?? 0
        }
        let check = file?.entries.dropFirst(3).first?.endToEndId ?? "?"
        return PeerFigure(
            name: "kontor_mt940_parse_10k", unit: "entries/s", runs: runs, rate: Double(entries),
            notes: ["entries": "\(entries)", "input_bytes": "\(data.count)", "entry_4_eref": check,
                    "s_median": "\(PeerFigure.rounded(PeerFigure.median(runs.wall)))",
                    "what": "StatementParser.parse(data:) in memory: MT940 with ?20–?34 subfields and SEPA keywords"])
    }

    /// The bench's own German CSV export (`BankBench.csvText`, 10,000 rows; the peers have no CSV input), parsed
    /// in memory: the issue's CSV goal in entries per second.
    @MainActor static func csv(_ data: Data) async throws -> PeerFigure {
        var entries = 0
        let runs = try await PeerRuns.time(count: 10, warmup: 1) {
            // Counted per statement: `entries` would copy every entry into one more array, inside the timing.
            entries = try StatementParser.parse(data: data, fileName: "bench.csv").statements
                .reduce(0) { $0 + $1.entries.count }
        }
        return PeerFigure(
            name: "kontor_csv_parse_10k", unit: "entries/s", runs: runs, rate: Double(entries),
            notes: ["entries": "\(entries)", "input_bytes": "\(data.count)",
                    "s_median": "\(PeerFigure.rounded(PeerFigure.median(runs.wall)))",
                    "what": "StatementParser.parse(data:) in memory: a Sparkasse-style CSV export, 17 quoted columns"])
    }

    /// camt.053 with 100,000 entries, parsed in memory into `StatementEntry` values (no book involved): the
    /// counterpart of the Python parse-only figures. rss_mib: the 59 MB input plus what the parse builds.
    @MainActor static func camtParse(_ data: Data) async throws -> [PeerFigure] {
        var entries = 0
        let runs = try await PeerRuns.time(count: 5, warmup: 1) {
            entries = try StatementParser.parse(data: data, fileName: "camt053-100k.xml").entries.count
        }
        let notes = ["entries": "\(entries)", "input_bytes": "\(data.count)",
                     "what": "StatementParser.parse(data:) in memory, every entry with amount, dates, references, "
                        + "counterparty and remittance text"]
        return [PeerFigure(name: "kontor_camt053_parse_100k", unit: "s", runs: runs, notes: notes),
                PeerFigure(name: "kontor_camt053_parse_100k_rate", unit: "entries/s", runs: runs,
                           rate: Double(entries), notes: notes)]
    }

    /// The same file parsed, matched and stored by `Kontor.importStatement` into a fresh temporary book each run
    /// (the peers' seller, 100 open invoices RE-2027-0001…0100 to their buyer): what a user waits for.
    /// The file is imported from disk as `kontor import FILE` does (read while stored, never held whole).
    @MainActor static func camtImport(_ url: URL, bytes: Int) async throws -> [PeerFigure] {
        var wall: [Double] = []
        var cpu: [Double] = []
        var peak: Double = 0
        var result: ImportResult?
        let clock = ContinuousClock()
        for _ in 0..<3 {
            try await withFreshBook { database in
                let kontor = try await book(in: database)
                // A checkpoint the setup's writes queued (`WALCheckpointer`) runs before the clock starts, not in it.
                try await database.settle()
                ProcessMemory.resetPeak()
                let cpuStart = ProcessMemory.cpuSeconds()
                let start = clock.now
                result = try await kontor.importStatement(at: url, dryRun: false, today: today)
                wall.append((clock.now - start).seconds)
                cpu.append(ProcessMemory.cpuSeconds() - cpuStart)
                peak = max(peak, ProcessMemory.peakMiB() ?? 0)
                // The import's own checkpoint, queued after it returned, ends here, before the next run starts.
                try database.close()
            }
        }
        let runs = PeerRuns(wall: wall, cpu: cpu, peakRSSMiB: peak)
        var notes = ["entries": "\(result?.entries ?? 0)", "input_bytes": "\(bytes)",
                     "what": "Kontor.importStatement(at:…): parse, match against 100 open invoices and store every "
                        + "entry in one transaction (read on one thread while stored on another), into a fresh "
                        + "SQLite book (WAL) in the temp folder each run"]
        if let result {
            notes["applied"] = "\(result.applied.count)"
            notes["queued"] = "\(result.queued)"
            notes["ignored"] = "\(result.ignored)"
        }
        return [PeerFigure(name: "kontor_camt053_import_100k", unit: "s", runs: runs, notes: notes),
                PeerFigure(name: "kontor_camt053_import_100k_rate", unit: "entries/s", runs: runs,
                           rate: Double(result?.entries ?? 0), notes: notes)]
    }

    /// The reading half of the import alone: the file streamed from disk in chunks (`StatementParser.streamCamt`)
    /// and the evidence of every entry gathered against the 100 open invoices: the reading thread's work in
    /// `Kontor.importStatement`, less the identities' scoping and the making of the entries to store (a few per cent),
    /// without a book. Minimum of five runs, as `camtStore`.
    @MainActor static func camtRead(_ url: URL) async throws -> PeerFigure {
        // The book's open invoices as `Kontor.openCandidates` gives them to the import (nothing paid yet).
        let invoices = try await withFreshBook { database in
            defer { try? database.close() }
            return try await book(in: database).invoices(InvoiceQuery(openOnly: true)).map { invoice in
                OpenInvoiceCandidate(
                    invoiceId: invoice.id, number: invoice.number ?? "", customerId: invoice.buyer?.id ?? 0,
                    customerName: invoice.buyer?.name ?? "", openAmount: invoice.totals.gross,
                    gross: invoice.totals.gross, issueDate: invoice.issueDate ?? PeerInvoice.issueDay,
                    dueDate: invoice.dueDate ?? PeerInvoice.issueDay)
            }
        }
        var entries = 0
        var matchable = 0
        let runs = await PeerRuns.time(count: 5, warmup: 1) {
            var session = PaymentMatchingSession(against: invoices, invoiceNumberPattern: "RE-{YYYY}-{NNNN}")
            entries = 0
            matchable = 0
            let complete = StatementParser.streamCamt(
                url: url, data: nil, fileName: "camt053-100k.xml"
            ) { _, chunk in
                entries += chunk.count
                for entry in chunk where session.evidence(for: entry) != nil { matchable += 1 }
                return true
            }
            guard complete else { fail("camt053-100k.xml was not streamed") }
        }
        return PeerFigure(
            name: "kontor_camt053_read_100k", unit: "s", runs: runs,
            notes: ["entries": "\(entries)", "matchable": "\(matchable)",
                    "wall_min": "\(PeerFigure.rounded(runs.wall.min() ?? 0))",
                    "what": "StatementParser.streamCamt(url:…) and PaymentMatchingSession.evidence(for:) of every "
                        + "entry against 100 open invoices: the import's reading half alone"])
    }

    /// The file's 100,000 entries as the import stores them (`BankEntry`, made before the clock starts), inserted
    /// as the import inserts them (`insertNew`, 1,024 per call) inside one write into a fresh book each run: the
    /// storing thread's share of the import (bind, SQLite's insert, the journal's hashes, seal and commit) without the
    /// reading that overlaps it, for before/after figures of that half alone. The minimum of five runs is the
    /// figure to compare: the machine's speed changes from minute to minute, a run's work does not.
    @MainActor static func camtStore(_ data: Data) async throws -> PeerFigure {
        let parsed = try StatementParser.parse(data: data, fileName: "camt053-100k.xml")
        let entries = parsed.entries.map { entry in
            var scoped = entry
            scoped.identity = "DE00|\(entry.isCredit ? "C" : "D")|\(entry.identity)"
            return BankEntry(imported: scoped, fileName: "camt053-100k.xml", today: today)
        }
        var wall: [Double] = []
        var cpu: [Double] = []
        let clock = ContinuousClock()
        for _ in 0..<5 {
            try await withFreshBook { database in
                _ = try await book(in: database)
                try await database.settle()
                let store = GRDBBookStore(database)
                let cpuStart = ProcessMemory.cpuSeconds()
                let start = clock.now
                try await store.write { book in
                    var start = 0
                    while start < entries.count {
                        let end = min(start + 1_024, entries.count)
                        _ = try book.insertNew(bankEntries: Array(entries[start..<end]))
                        start = end
                    }
                }
                wall.append((clock.now - start).seconds)
                cpu.append(ProcessMemory.cpuSeconds() - cpuStart)
                try database.close()
            }
        }
        return PeerFigure(
            name: "kontor_camt053_store_100k", unit: "s", runs: PeerRuns(wall: wall, cpu: cpu, peakRSSMiB: nil),
            notes: ["entries": "\(entries.count)", "wall_min": "\(PeerFigure.rounded(wall.min() ?? 0))",
                    "what": "GRDBBook.insertNew(bankEntries:) of the file's entries, 1,024 per call, in one write "
                        + "(journaled, sealed, committed) into a fresh SQLite book each run: the import's storing "
                        + "half alone"])
    }

    /// Runs `body` on a fresh SQLite book in a folder of its own in the temp folder, which goes when `body` returns
    /// (closing the book is `body`'s: some close it inside their timing, some after).
    @MainActor static func withFreshBook<T>(_ body: (AppDatabase) async throws -> T) async throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-peers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try await body(try AppDatabase.open(path: folder.appendingPathComponent("book.sqlite").path))
    }

    /// A book with the peers' seller and 100 open invoices to their buyer, numbered RE-2027-0001 and on.
    static func book(in database: AppDatabase) async throws -> Kontor {
        let store = GRDBBookStore(database)
        let kontor = Kontor(store: store)
        _ = try await kontor.initialise(PeerInvoice.seller)
        var buyer = PeerInvoice.buyer
        buyer.id = 0
        let customer = try await kontor.addCustomer(buyer)
        for index in 0..<100 {
            let draft = try await kontor.draftInvoice(
                from: .customer(customer.id), on: PeerInvoice.issueDay, discount: false)
            let line = PeerInvoice.lines(6)[index % 6]
            _ = try await kontor.addInvoiceLine("\(draft.id)", line: line)
            _ = try await kontor.issueInvoice("\(draft.id)", on: PeerInvoice.issueDay)
        }
        return kontor
    }

    /// The EPC QR matrix of the payload segno encoded (the same bytes, so the same symbol).
    @MainActor static func qr(_ payload: [UInt8]) async throws -> PeerFigure {
        var code: QRCode?
        let runs = try await PeerRuns.time(count: 2_000, warmup: 20) { code = try QRBench.matrix(payload) }
        return PeerFigure(
            name: "kontor_epc_qr_matrix", unit: "µs", runs: runs, scale: 1e6,
            notes: ["qr_version": "\(code?.version ?? 0)", "error": "M", "modules": "\(code?.size ?? 0)",
                    "payload_bytes": "\(payload.count)",
                    "what": "QRCode.encode(bytes, errorCorrection: .medium) on the bytes of epc-qr-payload.txt: "
                        + "version, mask and modules chosen as segno does"])
    }
}

enum PeerBenchError: Error, CustomStringConvertible {
    case missingInput(String)

    var description: String {
        switch self {
        case .missingInput(let path):
            "kontor-bench: \(path) is missing; write the inputs with python3 ../shared/peers/peerlib.py --dump DIR"
        }
    }
}
