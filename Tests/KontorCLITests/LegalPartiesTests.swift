import Foundation
import Testing

/// Issue 13 items 2 and 11 from the command line: VAT IDs checked on input, reverse charge only with both IDs,
/// salutation and title of the contact person.
struct LegalPartiesTests {
    /// The business of `CLIRunner.setUpBusiness` (tax number, no VAT ID) and an Austrian business customer (2).
    func austrianCustomer() async throws -> CLIRunner {
        let cli = try CLIRunner()
        try await cli.setUpBusiness()
        let added = try await cli.json(["customer", "add", "--name", "Verlag Wien GmbH", "--street", "Ring 1",
                                        "--postal-code", "1010", "--city", "Wien", "--country", "AT",
                                        "--vat-id", "atu 1234 5678"]).object()
        // The ID is stored as VIES writes it.
        #expect(added["vatId"] as? String == "ATU12345678")
        return cli
    }

    @Test func reverseChargeIsNotIssuedWithoutTheSellersVATId() async throws {
        // § 14a Abs. 1 UStG (LAW.md 1.6): a reverse-charge invoice must show the seller's and the buyer's VAT ID.
        let cli = try await austrianCustomer()
        let draft = try await cli.json(["invoice", "draft", "--customer", "2"]).object()
        #expect(draft["treatment"] as? String == "reverse-charge")
        let id = "\(draft["id"]!)"
        try await cli.ok(["invoice", "add-line", id, "--description", "Fachartikel", "--price", "800"])
        let before = try await cli.snapshot()
        // When it is issued while the profile has a tax number only
        let refused = try await cli.run(["invoice", "issue", id])
        // Then nothing is issued, no number is used, and the message names the law and the command that fixes it
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("§ 14a Abs. 1 UStG") && refused.stderr.contains("kontor profile set --vat-id"),
                "stderr: \(refused.stderr)")
        #expect(try await cli.snapshot() == before)
        // When the VAT ID is set as the message says, Then the invoice is issued with the first number
        try await cli.ok(["profile", "set", "--vat-id", "DE123456789"])
        let issued = try await cli.json(["invoice", "issue", id]).object()
        #expect(issued["number"] as? String == "2026-0001")
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        let message: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let refusals: [Case] = [
        // The buyer's ID is issued by the state of its address (Art. 214 MwStSystRL); AT IDs read ATU + 8 digits.
        Case(arguments: ["customer", "edit", "2", "--vat-id", "DE123456789"], message: "begins with DE"),
        Case(arguments: ["customer", "add", "--name", "Graz KG", "--street", "Hauptplatz 1", "--postal-code", "8010",
                         "--city", "Graz", "--country", "AT", "--vat-id", "DE123456789"], message: "ATU99999999"),
        Case(arguments: ["customer", "add", "--name", "Kurz", "--street", "Weg 1", "--postal-code", "50667",
                         "--city", "Köln", "--vat-id", "123"], message: "'123' is not a valid VAT ID for DE"),
        Case(arguments: ["customer", "edit", "1", "--vat-id", "123"], message: "DE999999999"),
        // Moving to France with an Austrian ID: the pair is checked again.
        Case(arguments: ["customer", "edit", "2", "--country", "FR", "--postal-code", "75001", "--city", "Paris"],
             message: "FRXX999999999"),
        Case(arguments: ["profile", "set", "--vat-id", "ATU12345678"], message: "DE999999999"),
        Case(arguments: ["profile", "set", "--vat-id", "123"], message: "not a valid VAT ID for DE"),
        Case(arguments: ["customer", "edit", "1", "--salutation", "frl"], message: "frau, herr, none"),
    ]

    @Test(arguments: refusals)
    func wrongVATIdsAreRefusedAndChangeNothing(_ refusal: Case) async throws {
        let cli = try await austrianCustomer()
        let before = try await cli.snapshot()
        let result = try await cli.run(refusal.arguments)
        #expect(result.status == 1)
        #expect(result.stderr.contains(refusal.message), "stderr: \(result.stderr)")
        #expect(try await cli.snapshot() == before)
    }

    @Test func salutationAndTitleAreKeptShownAndUsed() async throws {
        // DIN 5008: "Sehr geehrte Frau Dr. Wolff," and "Frau Dr. Ines Wolff" in the address block.
        let cli = try CLIRunner()
        try await cli.setUpBusiness()
        let added = try await cli.json(["customer", "add", "--name", "Wolff Verlag", "--contact", "Ines Wolff",
                                        "--salutation", "Frau", "--title", "Dr.", "--street", "Weg 1",
                                        "--postal-code", "50667", "--city", "Köln"]).object()
        #expect(added["salutation"] as? String == "frau" && added["academicTitle"] as? String == "Dr.")
        let shown = try await cli.ok(["customer", "show", "2"]).stdout
        #expect(shown.contains("Contact: Frau Dr. Ines Wolff"))
        #expect(shown.contains("Greeting: Sehr geehrte Frau Dr. Wolff,"))
        // When the salutation is taken away, Then the letters greet by full name
        try await cli.ok(["customer", "edit", "2", "--salutation", "none", "--title", ""])
        let plain = try await cli.json(["customer", "show", "2"]).object()
        #expect(plain["salutation"] == nil && plain["academicTitle"] == nil)
        #expect(try await cli.ok(["customer", "show", "2"]).stdout.contains("Greeting: Guten Tag Ines Wolff,"))
    }

    @Test func vCardsCarrySalutationAndTitle() async throws {
        // vCard 4.0 (RFC 6350 § 6.2.2): the N property's honorific prefix holds "Frau Dr.".
        let cli = try CLIRunner()
        try await cli.setUpBusiness()
        try await cli.ok(["customer", "add", "--name", "Wolff Verlag", "--contact", "Ines Wolff",
                          "--salutation", "frau", "--title", "Prof. Dr.", "--vat-id", "DE123456789"])
        let file = cli.directory.appendingPathComponent("kunden.vcf").path
        try await cli.ok(["customer", "export", "-o", file])
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains("N:Wolff;Ines;;Frau Prof. Dr.;"))
        // When the cards are read into another book, Then salutation, title and VAT ID come back
        let other = try CLIRunner()
        try await other.ok(["init", "--name", "Zweite"])
        try await other.ok(["customer", "import", file])
        let imported = try await other.json(["customer", "list", "--search", "Wolff"]).array()
        let wolff = try #require(imported.first)
        #expect(wolff["salutation"] as? String == "frau" && wolff["academicTitle"] as? String == "Prof. Dr.")
        #expect(wolff["contactPerson"] as? String == "Ines Wolff" && wolff["vatId"] as? String == "DE123456789")
        // A card with an impossible VAT ID is refused with the accepted form, and nothing is imported
        let bad = cli.directory.appendingPathComponent("bad.vcf").path
        try ("BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:org\r\nFN:Graz KG\r\nORG:Graz KG\r\n"
            + "ADR;TYPE=work:;;Hauptplatz 1;Graz;;8010;AT\r\nX-KONTOR-VATID:DE123456789\r\nEND:VCARD\r\n")
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let before = try await other.snapshot()
        let refused = try await other.run(["customer", "import", bad])
        #expect(refused.status == 1 && refused.stderr.contains("ATU99999999"), "stderr: \(refused.stderr)")
        #expect(try await other.snapshot() == before)
    }
}
