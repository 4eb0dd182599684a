import Foundation
import KontorEInvoice
import Testing

/// Files that are not readable e-invoices get a typed error with a message a user understands.
struct ErrorTests {
    private func error(reading data: Data, fileName: String? = nil) -> EInvoiceError? {
        do {
            _ = try EInvoiceReader.read(data: data, fileName: fileName)
            return nil
        } catch {
            return error
        }
    }

    @Test func emptyData() {
        #expect(error(reading: Data(), fileName: "rechnung.xml") == .empty(fileName: "rechnung.xml"))
        #expect(error(reading: Data("  \n ".utf8)) == .empty(fileName: nil))
        #expect(EInvoiceError.empty(fileName: "rechnung.xml").description == "The file 'rechnung.xml' is empty.")
    }

    @Test func plainText() throws {
        let failure = try #require(error(reading: Data("Rechnung Nr. 42 über 100 Euro".utf8), fileName: "r.txt"))
        #expect(failure == .notXML(fileName: "r.txt", detail: "plain text"))
        #expect(failure.description.contains("neither XML nor a PDF"))
        #expect(error(reading: Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0xFF])) == .notXML(fileName: nil, detail: "a ZIP archive"))
    }

    @Test func ublOrderIsNamed() throws {
        let order = Data("""
            <?xml version="1.0" encoding="UTF-8"?>
            <Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"
                   xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
              <cbc:ID>PO-1</cbc:ID>
            </Order>
            """.utf8)
        let failure = try #require(error(reading: order))
        guard case .unsupportedDocument(let root, let namespace, let explanation) = failure else {
            Issue.record("unexpected \(failure)")
            return
        }
        #expect(root == "Order")
        #expect(namespace == "urn:oasis:names:specification:ubl:schema:xsd:Order-2")
        #expect(explanation == "a UBL Order, not an invoice")
        #expect(failure.description == "This XML is a UBL Order, not an invoice.")
    }

    @Test func otherXMLDocumentsAreNamed() throws {
        let despatch = Data("<DespatchAdvice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:DespatchAdvice-2\"/>".utf8)
        #expect(error(reading: despatch)?.description == "This XML is a UBL Despatch Advice, not an invoice.")
        let zugferd1 = Data("<rsm:CrossIndustryDocument xmlns:rsm=\"urn:ferd:CrossIndustryDocument:invoice:1p0\"/>".utf8)
        #expect(error(reading: zugferd1)?.description.contains("ZUGFeRD 1.0") == true)
        let html = Data("<html><body>Rechnung</body></html>".utf8)
        #expect(error(reading: html)?.description.contains("'html' document without namespace") == true)
    }

    @Test func truncatedXMLReportsTheLine() throws {
        // Given a sample cut off in the middle
        let full = String(decoding: try TestSuiteFiles.data("01.01a-INVOICE_uncefact.xml"), as: UTF8.self)
        let lines = full.split(separator: "\n", omittingEmptySubsequences: false)
        let truncated = lines.prefix(40).joined(separator: "\n")
        // When reading it
        let failure = try #require(error(reading: Data(truncated.utf8)))
        // Then the error is a malformed-XML error at (or just after) the last line
        guard case .malformedXML(let line, _, _) = failure else {
            Issue.record("unexpected \(failure)")
            return
        }
        #expect((40...41).contains(line))
        #expect(failure.description.contains("line \(line)"))
    }

    @Test func mismatchedTagReportsItsLine() throws {
        let xml = "<?xml version=\"1.0\"?>\n<a>\n<b>\n</c>\n</a>\n"
        let failure = try #require(error(reading: Data(xml.utf8)))
        guard case .malformedXML(let line, _, _) = failure else {
            Issue.record("unexpected \(failure)")
            return
        }
        #expect(line == 4)
    }

    @Test func invalidUTF8IsRejectedBeforeParsing() throws {
        // A comment with a broken UTF-8 sequence would crash Foundation's XMLParser on Linux.
        var bytes = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a>\n<!-- x ".utf8)
        bytes += [0xF0, 0x90, 0x80] + Array(" -->\n</a>".utf8)
        #expect(error(reading: Data(bytes))
            == .malformedXML(line: 3, column: 8, reason: "the text is not valid UTF-8"))
        // Latin-1 documents are converted by the parser and stay readable.
        let latin1 = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a><!-- Gr".utf8) + [0xFC]
            + Array("\u{DF}e --></a>".utf8)
        #expect(error(reading: Data(latin1))?.description.contains("not valid UTF-8") != true)
    }

    @Test func documentTypeDeclarationsAreRefused() throws {
        let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\">]>\n<x>&a;&a;</x>"
        let failure = try #require(error(reading: Data(xml.utf8)))
        #expect(failure.description.contains("line 2"))
        #expect(failure.description.contains("(DTD) is not allowed"))
    }

    @Test func missingMandatoryElementNamesTheBusinessTerm() throws {
        // Given a sample without its invoice number
        let full = String(decoding: try TestSuiteFiles.data("01.01a-INVOICE_ubl.xml"), as: UTF8.self)
        let range = try #require(full.range(of: #"<cbc:ID>[^<]*</cbc:ID>"#, options: .regularExpression))
        let withoutNumber = full.replacingCharacters(in: range, with: "")
        // When reading it, then BT-1 is named
        let failure = try #require(error(reading: Data(withoutNumber.utf8)))
        #expect(failure == .missingElement(term: "BT-1", name: "invoice number", context: nil))
        #expect(failure.description == "The e-invoice is incomplete: BT-1 (invoice number) is missing.")
    }

    @Test func missingLineAmountNamesTheLine() throws {
        let full = String(decoding: try TestSuiteFiles.data("01.01a-INVOICE_uncefact.xml"), as: UTF8.self)
        let range = try #require(full.range(of: #"<ram:LineTotalAmount>[^<]*</ram:LineTotalAmount>"#,
                                            options: .regularExpression))
        let broken = full.replacingCharacters(in: range, with: "")
        let failure = try #require(error(reading: Data(broken.utf8)))
        guard case .missingElement(let term, _, let context) = failure else {
            Issue.record("unexpected \(failure)")
            return
        }
        #expect(term == "BT-131")
        #expect(context == "invoice line Zeitschrift [...]")  // the sample uses a text as line ID
    }

    @Test func unreadableAmountIsReported() throws {
        let full = String(decoding: try TestSuiteFiles.data("01.01a-INVOICE_uncefact.xml"), as: UTF8.self)
        let range = try #require(full.range(of: #"<ram:GrandTotalAmount>[^<]*<"#, options: .regularExpression))
        let broken = full.replacingCharacters(in: range, with: "<ram:GrandTotalAmount>12,50 EUR<")
        #expect(error(reading: Data(broken.utf8))
            == .invalidValue(term: "BT-112", name: "invoice total with VAT", text: "12,50 EUR"))
    }
}
