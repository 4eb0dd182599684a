import Foundation
import KontorCore
import KontorEInvoice
import KontorPDF
import Testing

/// Regression tests for what a mutation fuzzer found in `einvoice show` (issue 16): deeply nested XML crashed the
/// process (SIGSEGV), and a PDF's streams were inflated without bound. Each is now an error, quickly.
struct EInvoiceLimitTests {
    static func regression(_ target: String, _ name: String) throws -> Data {
        let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try Data(contentsOf: tests.appendingPathComponent("Fuzz/regressions/\(target)/\(name)"))
    }

    static func failure(_ data: Data, fileName: String? = nil) -> EInvoiceError? {
        let start = ContinuousClock.now
        defer { #expect(ContinuousClock.now - start < .seconds(10), "reading took too long") }
        do {
            _ = try EInvoiceReader.read(data: data, fileName: fileName)
            return nil
        } catch {
            return error
        }
    }

    @Test func xmlNestedDeeperThanTheLimitIsRefusedAtItsLine() {
        let text = "<?xml version=\"1.0\"?>\n<rsm:CrossIndustryInvoice "
            + "xmlns:rsm=\"urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100\">\n"
            + String(repeating: "<a>", count: 200_000) + String(repeating: "</a>", count: 200_000)
            + "</rsm:CrossIndustryInvoice>"
        let error = Self.failure(Data(text.utf8), fileName: "tief.xml")
        #expect(error == .tooLarge(fileName: "tief.xml", line: 3, limit: .depth(InputLimits.xmlDepth)))
        #expect(error?.message(.de).contains("Zeile 3") == true)
    }

    @Test(arguments: [("cii", "nested-5000.xml"), ("ubl", "nested-5000.xml")])
    func checkedInNestingIsRefused(target: String, name: String) throws {
        let error = Self.failure(try Self.regression(target, name))
        guard case .tooLarge(_, _, .depth)? = error else {
            Issue.record("expected a depth error, got \(String(describing: error))")
            return
        }
    }

    @Test func anElementNameThatIsNotUTF8UnderAForgedEncodingIsAnErrorNotATrap() throws {
        // Found by the cii fuzz target in CI: encoding="UTF%8" skipped the UTF-8 check and XMLParser trapped.
        let error = Self.failure(try Self.regression("cii", "element-name-not-utf8.xml"))
        guard case .malformedXML(_, _, let reason)? = error else {
            Issue.record("expected malformed XML, got \(String(describing: error))")
            return
        }
        #expect(reason.contains("UTF-8"))
    }

    @Test func deflateBombInAPDFAttachmentStopsAtTheStreamLimit() throws {
        // 256 MiB of '<' deflated to 260 KB, embedded as factur-x.xml.
        let pdf = try Self.regression("zugferd", "deflate-bomb-256mib.pdf")
        let limit = "inflates to more than \(PDFEmbeddedFiles.maximumStreamBytes) bytes"
        #expect(performing: { try PDFEmbeddedFiles.extract(from: pdf) }, throws: { error in
            guard case .malformed(let reason) = error as? PDFReadError else { return false }
            return reason.contains(limit)
        })
        guard case .unreadablePDF(let reason)? = Self.failure(pdf) else {
            Issue.record("the bomb was not refused as an unreadable PDF")
            return
        }
        #expect(reason.contains("inflates to more than"))
    }

    @Test func aFileLargerThanTheLimitIsRefusedBeforeParsing() {
        var data = Data("<?xml version=\"1.0\"?><Invoice>".utf8)
        data.append(Data(count: InputLimits.einvoiceBytes))
        let error = Self.failure(data, fileName: "gross.xml")
        #expect(error == .tooLarge(fileName: "gross.xml", line: 0, limit: .bytes(InputLimits.einvoiceBytes)))
        #expect(error?.message(.en) == "The file 'gross.xml' is beyond what Kontor reads (at most 32 MiB).")
        #expect(error?.message(.de) == "Die Datei „gross.xml“ übersteigt, was Kontor liest (höchstens 32 MiB).")
    }
}
