import Foundation
import KontorApp
import KontorBanking
import KontorCore
import KontorDocuments
import KontorQR
import KontorStore

/// `kontor-bench --peers DIR [--json FILE]`: Kontor timed on the inputs of the peer benchmarks, which
/// `python3 ../shared/peers/peerlib.py --dump DIR` writes. One JSON line per figure, in the peers' shape (see
/// `PeerFigure`), on stdout and into FILE; `scripts/peers.sh` runs both sides and `scripts/benchmarks-md.py` puts
/// them side by side.
///
/// The statements and the EPC payload are read from DIR as they are. The invoices are not: Kontor lays out its
/// own invoices and reads no HTML, so the rows for PDF, CII XML and ZUGFeRD render `PeerInvoice`, the same seller,
/// buyer and lines as peerlib's HTML and CII (6 lines, 19 % and 7 %; 400 lines for about ten pages).
enum PeerBench {
    struct Inputs {
        let mt940: Data
        let camt: Data
        let epcPayload: [UInt8]
        /// The CII XML drafthorse wrote, only for its size in the notes.
        let peerCII: Data?

        static let fileNames = ["mt940-10k.sta", "camt053-100k.xml", "epc-qr-payload.txt"]

        /// Reads the dumped files in `folder`; throws naming the first one missing.
        static func load(from folder: URL) throws -> Inputs {
            let read = { (name: String) throws -> Data in
                do {
                    return try Data(contentsOf: folder.appendingPathComponent(name))
                } catch {
                    throw PeerBenchError.missingInput(folder.appendingPathComponent(name).path)
                }
            }
            return Inputs(
                mt940: try read("mt940-10k.sta"), camt: try read("camt053-100k.xml"),
                epcPayload: Array(try read("epc-qr-payload.txt")),
                peerCII: try? Data(contentsOf: folder.appendingPathComponent("cii-en16931.xml")))
        }
    }

    static let today = Day("2027-12-31")!

    /// Runs every figure one after another and returns them; each is printed as soon as it is measured.
    @MainActor static func run(folder: URL, jsonPath: String?) async throws {
        let inputs: Inputs
        do {
            inputs = try Inputs.load(from: folder)
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            exit(2)
        }
        var lines: [String] = []
        let emit = { (figure: PeerFigure) in
            print(figure.jsonLine)
            lines.append(figure.jsonLine)
        }
        for figure in try await documents() { emit(figure) }
        emit(try await mt940(inputs.mt940))
        for figure in try await camtParse(inputs.camt) { emit(figure) }
        for figure in try await camtImport(inputs.camt) { emit(figure) }
        emit(try await qr(inputs.epcPayload))
        if let jsonPath {
            try Data(lines.map { $0 + "\n" }.joined().utf8).write(to: URL(fileURLWithPath: jsonPath))
        }
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
                    "what": "StatementParser.parse(data:) in memory: MT940 with ?20–?34 subfields and SEPA keywords"]))
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
    @MainActor static func camtImport(_ data: Data) async throws -> [PeerFigure] {
        var wall: [Double] = []
        var cpu: [Double] = []
        var peak: Double = 0
        var result: ImportResult?
        let clock = ContinuousClock()
        for _ in 0..<3 {
            let folder = FileManager.default.temporaryDirectory
                .appendingPathComponent("kontor-peers-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let kontor = try await book(at: folder.appendingPathComponent("book.sqlite"))
            ProcessMemory.resetPeak()
            let cpuStart = ProcessMemory.cpuSeconds()
            let start = clock.now
            result = try await kontor.importStatement(
                data: data, fileName: "camt053-100k.xml", dryRun: false, today: today)
            let elapsed = clock.now - start
            cpu.append(ProcessMemory.cpuSeconds() - cpuStart)
            wall.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            peak = max(peak, ProcessMemory.peakMiB() ?? 0)
        }
        let runs = PeerRuns(wall: wall, cpu: cpu, peakRSSMiB: peak)
        var notes = ["entries": "\(result?.entries ?? 0)", "input_bytes": "\(data.count)",
                     "what": "Kontor.importStatement(data:…): parse, match against 100 open invoices and store every "
                        + "entry in one transaction, into a fresh SQLite book (WAL) in the temp folder each run"]
        if let result {
            notes["applied"] = "\(result.applied.count)"
            notes["queued"] = "\(result.queued)"
            notes["ignored"] = "\(result.ignored)"
        }
        return [PeerFigure(name: "kontor_camt053_import_100k", unit: "s", runs: runs, notes: notes),
                PeerFigure(name: "kontor_camt053_import_100k_rate", unit: "entries/s", runs: runs,
                           rate: Double(result?.entries ?? 0), notes: notes)]
    }

    /// A book with the peers' seller and 100 open invoices to their buyer, numbered RE-2027-0001 and on.
    static func book(at path: URL) async throws -> Kontor {
        let store = GRDBBookStore(try AppDatabase.open(path: path.path))
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
                        + "version, mask and modules chosen as segno does"]))
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
