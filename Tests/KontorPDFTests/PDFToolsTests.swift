import KontorTestTools
import Testing

/// The external checkers must be present: a missing tool fails the run with an install hint.
struct PDFToolsTests {
    @Test func requiredToolsAreInstalled() throws {
        for tool in ["pdftotext", "pdffonts", "pdftoppm", "pdfdetach", "qpdf", "zlib-flate"] {
            _ = try PDFTools.path(of: tool)
        }
    }

    @Test func aMissingToolIsReportedWithAnInstallHint() {
        let error = #expect(throws: PDFTools.ToolMissing.self) { try PDFTools.path(of: "kontor-no-such-tool") }
        #expect(error?.description.contains("apt-get install -y poppler-utils qpdf") == true)
    }
}
