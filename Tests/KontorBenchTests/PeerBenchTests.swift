import Foundation
import KontorCore
import KontorDocuments
import KontorQR
import Testing

@testable import kontor_bench

/// `kontor-bench --peers`: the invoice it renders is the peers' invoice, and the dumped inputs are read as written.
@Suite("Peer benchmark inputs")
struct PeerBenchTests {
    /// The 100 bytes `peerlib.py --dump` writes to epc-qr-payload.txt: segno's EPC payload for peerlib's `EPC`.
    /// segno declares ISO 8859-1 (character set 2) because every character fits it; Kontor writes UTF-8 (1).
    static let segnoPayload = "BCD\n002\n2\nSCT\nHASPDEHHXXX\nKatrin Wortmann\nDE02200505501015871393\nEUR4876.13"
        + "\n\n\nRE-2027-0042 Kd K-1042"

    /// A folder with the dumped file names; the statements are stand-ins, only read, never parsed here.
    func sampleFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("peer-inputs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(":20:STARTUMSE\r\n".utf8).write(to: folder.appendingPathComponent("mt940-10k.sta"))
        try Data("<Document/>".utf8).write(to: folder.appendingPathComponent("camt053-100k.xml"))
        try Data(Self.segnoPayload.utf8).write(to: folder.appendingPathComponent("epc-qr-payload.txt"))
        return folder
    }

    @Test("The one-page invoice has peerlib's 6 lines and totals (3,730.00 net, 494.00 + 79.10 VAT, 4,303.10)")
    func onePageInvoiceMatchesPeerlib() throws {
        let invoice = try PeerInvoice.invoice(lines: 6)
        #expect(invoice.lines.count == 6)
        #expect(invoice.number == "RE-2027-0042" && invoice.dueDate == Day("2027-02-14"))
        let totals = invoice.totals
        #expect(totals.net == Money(cents: 373_000))
        let vat = totals.breakdown.map(\.vat).sorted { $0.cents > $1.cents }
        #expect(vat == [Money(cents: 49_400), Money(cents: 7_910)])
        #expect(totals.gross == Money(cents: 430_310))
        #expect(invoice.lines[2].description == "SEO-Optimierung der Produkttexte „Wohnen & Schlafen“")
    }

    @Test("The ten-page invoice has peerlib's 400 lines and totals (18,192.50 net, 3,456.58 VAT, 21,649.08)")
    func tenPageInvoiceMatchesPeerlib() throws {
        let invoice = try PeerInvoice.invoice(lines: 400)
        #expect(invoice.lines.count == 400)
        #expect(invoice.totals.net == Money(cents: 1_819_250))
        #expect(invoice.totals.vat == Money(cents: 345_658))
        #expect(invoice.totals.gross == Money(cents: 2_164_908))
        #expect(invoice.lines[0].description == "Produkttext Art. 10200 (Sofa „Lena“)")
        #expect(invoice.lines[399].description == "Produkttext Art. 10599 (Lampe Süderhaff)")
    }

    @Test("The dumped files are read as they are, and the EPC bytes encode as Kontor's own payload would")
    func inputsAreReadFromTheDump() throws {
        let folder = try sampleFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = PeerBench.Inputs(folder: folder)
        try inputs.check()
        let payload = try inputs.epcPayload()
        #expect(payload == Array(Self.segnoPayload.utf8))
        #expect(try inputs.mt940().count == 15)
        // Kontor's payload for the same transfer differs only in the declared character set.
        let ours = try #require(EPCPayload(
            bic: "HASPDEHHXXX", name: "Katrin Wortmann", iban: try IBAN("DE02200505501015871393"),
            amount: Money(cents: 487_613), remittance: "RE-2027-0042 Kd K-1042"))
        #expect(ours.text == Self.segnoPayload.replacingOccurrences(of: "002\n2\n", with: "002\n1\n"))
        let fromFile = try QRBench.matrix(payload)
        let fromKontor = try QRBench.matrix(Array(ours.text.utf8))
        #expect(fromFile.version == 6 && fromFile.size == 41 && fromFile.errorCorrection == .medium)
        #expect(fromKontor.version == fromFile.version)
    }

    @Test("A missing input is named")
    func missingInputIsNamed() throws {
        let folder = try sampleFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("camt053-100k.xml"))
        let inputs = PeerBench.Inputs(folder: folder)
        #expect(throws: PeerBenchError.self) { try inputs.check() }
        #expect(throws: PeerBenchError.self) { try inputs.camt() }
        #expect(try inputs.mt940().count == 15)
    }

    @Test("Figures are summarised as peerlib does: median of an even count, four significant digits")
    func figuresFollowPeerlib() {
        #expect(PeerFigure.median([4, 1, 3, 2]) == 2.5)
        #expect(PeerFigure.median([3, 1, 2]) == 2)
        #expect(PeerFigure.rounded(1234.567) == 1235)
        #expect(PeerFigure.rounded(0.000123456) == 0.0001235)
        let runs = PeerRuns(wall: [0.002, 0.001, 0.004], cpu: [0.002, 0.001, 0.003], peakRSSMiB: 12.5)
        let time = PeerFigure(name: "t", unit: "ms", runs: runs, scale: 1e3, notes: [:])
        #expect(time.median == 2 && time.min == 1 && time.max == 4 && time.n == 3)
        let rate = PeerFigure(name: "r", unit: "entries/s", runs: runs, rate: 10_000, notes: ["entries": "10000"])
        #expect(rate.median == 5_000_000 && rate.max == 10_000_000)
        #expect(rate.jsonLine.contains("\"entries\":\"10000\"") && rate.jsonLine.contains("\"rss_mib\":12.5"))
    }
}
