import Foundation
import KontorCore
import Testing

/// Issue 19, item 1: an inquiry's proposal becomes the quote without typing a line, and accepting the quote keeps
/// the promised date. Item 7: people read names, not ids.
@Suite(.serialized) struct ProposalToQuoteTests {
    /// A book with sixty hours of booked work due on 20 March, so that a big job cannot start at once.
    func busyBook() async throws -> CLIRunner {
        let cli = try CLIRunner()
        try await cli.setUpBusiness()
        let quote = try await cli.json(["quote", "add", "--customer", "1", "--title", "Jahresbericht"]).object()
        let quoteId = "\(quote["id"]!)"
        try await cli.ok(["quote", "add-line", quoteId, "--description", "Jahresbericht", "--quantity", "60",
                          "--unit", "hour", "--price", "85"])
        try await cli.ok(["quote", "accept", quoteId, "--deadline", "2026-03-20"])
        return cli
    }

    /// Proposes, makes the quote from the proposal and checks that the quote says what the proposal said.
    func quoteFromProposal(
        _ cli: CLIRunner, inquiry: String
    ) async throws -> (proposal: [String: Any], quote: [String: Any]) {
        let proposal = try await cli.json(["inquiry", "propose", inquiry]).object()
        let quote = try await cli.json(["quote", "add", "--from-proposal", inquiry]).object()
        // Given/Then: the lines, price, delivery date and first part are the proposal's.
        let proposed = try #require(proposal["lines"] as? [[String: Any]])
        let quoted = try #require(quote["lines"] as? [[String: Any]])
        #expect(quoted.count == 1)
        #expect(NSArray(array: proposed) == NSArray(array: quoted))
        #expect(proposal["net"] as? String == quote["net"] as? String)
        #expect(proposal["deliveryDate"] as? String == quote["deliveryDate"] as? String)
        #expect(proposal["firstPieceDate"] as? String == quote["firstPartDate"] as? String)
        #expect(proposal["validUntil"] as? String == quote["validUntil"] as? String)
        #expect("\(quote["inquiryId"]!)" == inquiry)
        return (proposal, quote)
    }

    @Test func emailAndPhoneInquiriesBecomeQuotesWithoutTypingALine() async throws {
        let cli = try await busyBook()
        // An e-mail from someone comparing offers: 1,500 words, wished by 5 March.
        let mail = try await cli.json([
            "inquiry", "add", "--name", "Studio Nord", "--email", "info@studio-nord.de", "--channel", "email",
            "--subject", "Pressemitteilung Produktlaunch", "--size", "1500", "--unit", "word",
            "--deadline", "2026-03-05",
        ]).object()
        let mailId = "\(mail["id"]!)"
        let (mailProposal, mailQuote) = try await quoteFromProposal(cli, inquiry: mailId)
        let mailLine = try #require((mailQuote["lines"] as? [[String: Any]])?.first)
        #expect(mailLine["description"] as? String == "Pressemitteilung Produktlaunch")
        #expect("\(mailLine["quantity"]!)" == "1500")
        #expect(mailQuote["net"] as? String == "180.00")  // 1.500 words at 0,12 €
        // A small job fits in before the wish: no first part needed, the date is kept.
        let mailDelivery = try #require(mailProposal["deliveryDate"] as? String)
        #expect(mailDelivery <= "2026-03-05")
        #expect(mailQuote["firstPartDate"] == nil)

        // A caller, decided: 12,000 words by 6 March — more than the free hours before then.
        let call = try await cli.json([
            "inquiry", "add", "--customer", "1", "--channel", "phone", "--subject", "Website-Texte Relaunch",
            "--size", "12000", "--unit", "word", "--deadline", "2026-03-06", "--contact", "Ines Wolff",
            "--salutation", "frau", "--title", "Dr.",
        ]).object()
        let callId = "\(call["id"]!)"
        let (callProposal, callQuote) = try await quoteFromProposal(cli, inquiry: callId)
        let delivery = try #require(callQuote["deliveryDate"] as? String)
        let firstPart = try #require(callQuote["firstPartDate"] as? String, "a missed wish gets a first part")
        #expect(delivery > "2026-03-06" && firstPart < delivery)
        #expect(callProposal["missedWish"] as? String == "2026-03-06")
        #expect(callQuote["net"] as? String == "1440.00")
        // The reply greets the caller and names the wish, the date and the first part.
        let reply = try #require(callProposal["reply"] as? String)
        #expect(reply.contains("Guten Tag Frau Dr. Wolff,"))
        #expect(reply.contains("Ihren Wunschtermin, den 06.03.2026, schaffe ich für den ganzen Text leider nicht"))
        let germanPart = try #require(Self.german(firstPart))
        #expect(reply.contains(germanPart))
        #expect(reply.contains("1.440,00 €"))

        // When: the caller accepts. Then: the job's deadline is the promised date, its effort the quote's.
        let quoteId = "\(callQuote["id"]!)"
        let job = try await cli.json(["quote", "accept", quoteId]).object()
        #expect(job["deadline"] as? String == delivery)
        #expect("\(job["effortHours"]!)" == "30")
        // The inquiries are quoted and won; nothing was typed twice.
        #expect(try await cli.json(["inquiry", "show", mailId]).object()["status"] as? String == "quoted")
        #expect(try await cli.json(["inquiry", "show", callId]).object()["status"] as? String == "won")
        // An override still wins over the promised date.
        let mailQuoteId = "\(mailQuote["id"]!)"
        let override = try await cli.json(["quote", "accept", mailQuoteId, "--deadline", "2026-03-27", "--effort", "5"])
            .object()
        #expect(override["deadline"] as? String == "2026-03-27")
        #expect("\(override["effortHours"]!)" == "5")
    }

    @Test func quoteShowsDeliveryAndTheCustomersName() async throws {
        let cli = try await busyBook()
        let call = try await cli.json([
            "inquiry", "add", "--customer", "1", "--channel", "phone", "--subject", "Broschüre",
            "--size", "12000", "--unit", "word", "--deadline", "2026-03-06",
        ]).object()
        let quote = try await cli.json(["quote", "add", "--from-proposal", "\(call["id"]!)"]).object()
        let id = "\(quote["id"]!)"
        let shown = try await cli.ok(["quote", "show", id]).stdout
        #expect(shown.contains("For Agentur Blickfang GmbH"))
        #expect(!shown.contains("Customer 1"))
        let isoDelivery = try #require(quote["deliveryDate"] as? String)
        let delivery = try #require(Day(isoDelivery)).formatted(.en)
        #expect(shown.contains("Delivery by \(delivery)"))
        #expect(shown.contains("a first part by"))
        #expect(try await cli.ok(["quote", "list"]).stdout.contains("Agentur Blickfang GmbH"))
        // Jobs and invoices name the customer too.
        let jobShow = try await cli.ok(["job", "show", "1"]).stdout
        #expect(jobShow.contains("For Agentur Blickfang GmbH") && !jobShow.contains("Customer 1"))
        #expect(try await cli.ok(["job", "list"]).stdout.contains("Agentur Blickfang GmbH"))
        let draft = try await cli.draft()
        let invoiceShow = try await cli.ok(["invoice", "show", draft]).stdout
        #expect(invoiceShow.contains("For Agentur Blickfang GmbH") && !invoiceShow.contains("Customer 1"))
        #expect(try await cli.ok(["invoice", "list"]).stdout.contains("Agentur Blickfang GmbH"))
        // The inquiry names its customer as well.
        #expect(try await cli.ok(["inquiry", "show", "\(call["id"]!)"]).stdout.contains("From Agentur Blickfang GmbH"))
    }

    @Test func withoutASizeThereIsNoQuoteYetAndNothingChanges() async throws {
        let cli = try await busyBook()
        let inquiry = try await cli.json([
            "inquiry", "add", "--name", "Studio Nord", "--channel", "email", "--subject", "Imagebroschüre",
        ]).object()
        let id = "\(inquiry["id"]!)"
        let before = try await cli.snapshot()
        let result = try await cli.run(["quote", "add", "--from-proposal", id])
        #expect(result.status != 0)
        #expect(result.stderr.contains("no size yet"))
        #expect(try await cli.snapshot() == before)
        // The proposal asks for the scope instead of promising "about 4 h … tomorrow" without a price.
        let reply = try #require(try await cli.json(["inquiry", "propose", id]).object()["reply"] as? String)
        #expect(reply.contains("brauche ich noch den Umfang"))
        #expect(reply.contains("0,12 € pro Wort"))
        // A delivery date and first part that contradict each other are refused.
        let quote = try await cli.json(["quote", "add", "--customer", "1", "--title", "Flyer"]).object()
        let bad = try await cli.run(["quote", "edit", "\(quote["id"]!)", "--delivery", "2026-03-10",
                                     "--first-part", "2026-03-12"])
        #expect(bad.status != 0 && bad.stderr.contains("first part"))
    }

    /// `2026-03-20` as German output prints it.
    static func german(_ iso: String) -> String? {
        let parts = iso.split(separator: "-")
        guard parts.count == 3 else { return nil }
        return "\(parts[2]).\(parts[1]).\(parts[0])"
    }
}
