import Foundation
import Testing

/// Every error a user can cause prints what is wrong and how to fix it, exits non-zero and changes nothing.
struct ErrorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        let message: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let cases: [Case] = [
        Case(arguments: ["customer", "show", "99"], message: "no customer '99'"),
        Case(arguments: ["invoice", "show", "2026-9999"], message: "kontor invoice list"),
        Case(arguments: ["profile", "set", "--iban", "DE89370400440532013001"], message: "check digits"),
        Case(arguments: ["profile", "set", "--number-format", "RE-{YYYY}"], message: "add {NNNN}"),
        Case(arguments: ["profile", "set", "--loyalty", "3:12"], message: "from 1 to 9"),
        Case(arguments: ["profile", "set", "--bic", "XYZ"], message: "not a valid BIC"),
        Case(arguments: ["invoice", "add-line", "1", "--description", "x", "--price", "10", "--quantity=-2"],
             message: "must not be negative"),
        Case(arguments: ["invoice", "add-line", "1", "--description", "x", "--price", "1.234,5x"],
             message: "Unit price: '1.234,5x' is not a valid number"),
        Case(arguments: ["invoice", "add-line", "1", "--description", "x", "--price", "10", "--vat", "16"],
             message: "19, 7, 0"),
        Case(arguments: ["invoice", "add-line", "2026-0001", "--description", "x", "--price", "10"],
             message: "invoice cancel 2026-0001"),
        Case(arguments: ["invoice", "issue", "2026-0001"], message: "can no longer be changed"),
        Case(arguments: ["invoice", "issue", "2"], message: "no postal address"),
        Case(arguments: ["payment", "add", "2026-0001", "--amount=-5"], message: "must not be negative"),
        Case(arguments: ["payment", "add", "2026-0001", "--amount", "0"], message: "greater than zero"),
        Case(arguments: ["customer", "add", "--name", "X", "--postal-code", "123", "--street", "a", "--city", "b"],
             message: "five digits"),
        Case(arguments: ["customer", "add", "--name", ""], message: "customer name is missing"),
        Case(arguments: ["customer", "list", "--status", "vip"], message: "prospect, new, regular"),
        Case(arguments: ["inquiry", "add", "--customer", "1", "--channel", "pigeon", "--subject", "x"],
             message: "email, phone"),
        Case(arguments: ["job", "accept", "1"], message: "cannot become accepted"),
        Case(arguments: ["invoice", "list", "--today", "2026-02-30"], message: "YYYY-MM-DD"),
        Case(arguments: ["init", "--name", "Nochmal"], message: "profile exists already"),
        // Issue 13.13: the PDF would print "�" where the XML keeps the character; refused where typed.
        Case(arguments: ["customer", "add", "--name", "Teehaus 北京"], message: "cannot print: \"北\" (U+5317)"),
        Case(arguments: ["invoice", "add-line", "2", "--description", "Teekanne 茶", "--price", "10"],
             message: "line description \"Teekanne 茶\" contains characters"),
    ]

    @Test(arguments: cases)
    func failsClearlyAndChangesNothing(_ errorCase: Case) async throws {
        // Given a book with an issued invoice, a draft for a customer without address and a planned job
        let cli = try CLIRunner()
        try await cli.setUpBusiness()
        try await cli.ok(["invoice", "issue", try await cli.draft()])
        try await cli.ok(["customer", "add", "--name", "Ohne Adresse"])
        let draft = try await cli.json(["invoice", "draft", "--customer", "2"]).object()
        #expect("\(draft["id"]!)" == "2")
        try await cli.ok(["invoice", "add-line", "2", "--description", "Text", "--price", "10"])
        try await cli.ok(["job", "add", "--customer", "1", "--title", "Text"])
        let before = try await cli.snapshot()
        // When the command fails
        let result = try await cli.run(errorCase.arguments)
        // Then it says why, exits non-zero and the book is unchanged
        #expect(result.status != 0)
        #expect(result.stderr.contains(errorCase.message), "stderr: \(result.stderr)")
        #expect(try await cli.snapshot() == before)
    }

    @Test func issuingNeedsAProfileWithTaxNumber() async throws {
        let cli = try CLIRunner()
        try await cli.ok(["init", "--name", "Lena", "--street", "Lindenstraße 12", "--postal-code", "50674", "--city", "Köln"])
        try await cli.ok(["customer", "add", "--name", "Kunde", "--street", "Weg 1", "--postal-code", "10115", "--city", "Berlin"])
        let id = try await cli.draft()
        let result = try await cli.run(["invoice", "issue", id])
        #expect(result.status != 0 && result.stderr.contains("tax number or VAT ID"))
        try await cli.ok(["profile", "set", "--vat-id", "DE123456789"])
        #expect(try await cli.json(["invoice", "issue", id]).object()["number"] as? String == "2026-0001")
    }
}
