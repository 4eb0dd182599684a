import Foundation
import KontorEInvoice
import KontorPDF
import Testing

/// Damaged input must end in an error or a result, never in a crash (a trap would abort the run).
struct RobustnessTests {
    /// A small deterministic generator (64-bit LCG), so failures are reproducible.
    private struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    @Test func damagedPDFsNeverCrash() throws {
        let xml = try TestSuiteFiles.data("01.05_minimal_test_uncefact.xml")
        let originals = [
            try PDFFixtures.zugferd(xml),
            try PDFFixtures.qpdf(try PDFFixtures.zugferd(xml), ["--object-streams=generate"]),
        ]
        var generator = Generator(state: 42)
        var readable = 0
        for original in originals {
            for round in 0..<150 {
                var bytes = [UInt8](original)
                // Overwrite a few bytes, or cut the file short.
                if round % 10 == 9 {
                    bytes.removeLast(generator.next(bytes.count))
                } else {
                    for _ in 0..<(1 + generator.next(4)) {
                        bytes[generator.next(bytes.count)] = UInt8(generator.next(256))
                    }
                }
                if (try? EInvoiceReader.read(data: Data(bytes))) != nil { readable += 1 }
                _ = try? PDFEmbeddedFiles.extract(from: Data(bytes))
            }
        }
        // Most single-byte damage lands in page content or fonts, so most files still read.
        #expect(readable > 100)
    }

    @Test func truncatedXMLNeverCrashesAndAlwaysFails() throws {
        let xml = [UInt8](try TestSuiteFiles.data("01.01a-INVOICE_ubl.xml"))
        var generator = Generator(state: 7)
        for _ in 0..<60 {
            let length = generator.next(xml.count - 10)
            let data = Data(xml.prefix(length))
            #expect(throws: EInvoiceError.self) { try EInvoiceReader.read(data: data) }
        }
    }
}
