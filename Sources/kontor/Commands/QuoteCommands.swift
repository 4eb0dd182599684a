import ArgumentParser
import KontorApp
import KontorCore

struct QuoteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quote", abstract: "Quotes: lines, validity, the payment term agreed by accepting.",
        subcommands: [
            Add.self, AddLine.self, Edit.self, EditLine.self, RemoveLine.self, MoveLine.self, Delete.self, List.self,
            Show.self, Accept.self, Decline.self, PDF.self, Send.self,
        ])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add",
            abstract: "Create a quote: from an inquiry's proposal in one step, or by hand (add lines with add-line).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Make the quote 'inquiry propose INQUIRY' shows (lines, discount, dates, validity).")
        var fromProposal: Int64?
        @Option(help: "Customer id (optional with --inquiry).") var customer: Int64?
        @Option(help: "The inquiry this quote answers.") var inquiry: Int64?
        @Option(help: "Title, e.g. \"Texte für die neue Website\".") var title: String?
        @Option(help: "Valid until, YYYY-MM-DD (default: 30 days).") var validUntil: String?
        @Option(help: "Payment term in days that the customer agrees to by accepting (default: profile).")
        var paymentTerm: Int?
        @Option(help: "Revision rounds included in the price.") var revisions: Int = 2
        @Option(help: "Promised delivery date, YYYY-MM-DD (becomes the job's deadline on accepting).")
        var delivery: String?
        @Option(help: "Promised date of a first part, YYYY-MM-DD (before the delivery date).") var firstPart: String?

        func run() async throws {
            let kontor = try global.kontor()
            if let fromProposal {
                guard customer == nil, inquiry == nil, title == nil, validUntil == nil, paymentTerm == nil,
                      delivery == nil, firstPart == nil
                else {
                    throw ValidationError(global.say(
                        "--from-proposal takes everything from the proposal; change the quote afterwards with "
                            + "'kontor quote edit'.",
                        "--from-proposal übernimmt alles aus dem Vorschlag; ändern Sie das Angebot danach mit "
                            + "„kontor quote edit“."))
                }
                let quote = try await kontor.addQuote(fromProposal: fromProposal, on: try global.day())
                if global.json { return try Output.json(QuoteJSON(quote)) }
                print(global.say("Created quote \(quote.id) from the proposal for inquiry \(fromProposal).",
                                 "Angebot \(quote.id) aus dem Vorschlag zu Anfrage \(fromProposal) angelegt."))
                return try await QuoteCommand.present(quote, global: global)
            }
            guard let title else { throw ValidationError(global.say(
                "Say what is offered with --title (or use --from-proposal).",
                "Sagen Sie mit --title, was angeboten wird (oder nehmen Sie --from-proposal).")) }
            var customerId = customer
            if customerId == nil, let inquiry { customerId = try await kontor.inquiry(id: inquiry).inquiry.customerId }
            guard let customerId else { throw ValidationError(global.say(
                "Say for whom: --customer ID or --inquiry ID.", "Sagen Sie, für wen: --customer NR oder --inquiry NR.")) }
            let quote = try await kontor.addQuote(
                customerId: customerId, inquiryId: inquiry, title: title, on: try global.day(),
                validUntil: try parseDay(validUntil, what: .validityDate), paymentTermDays: paymentTerm,
                includedRevisions: revisions, deliveryDate: try parseDay(delivery, what: .deliveryDate),
                firstPartDate: try parseDay(firstPart, what: .firstPartDate))
            if global.json { return try Output.json(QuoteJSON(quote)) }
            let name = try await kontor.customerName(id: customerId)
            print(global.say("Created quote \(quote.id) for \(name). Add lines with 'kontor quote add-line \(quote.id) …'.",
                             "Angebot \(quote.id) für \(name) angelegt. Positionen fügen Sie mit "
                                + "„kontor quote add-line \(quote.id) …“ hinzu."))
        }
    }

    struct AddLine: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add-line", abstract: "Add a line to a quote.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Quote id.") var id: Int64
        @OptionGroup var line: LineOptions

        func run() async throws {
            let quote = try await global.kontor().addQuoteLine(quoteId: id, line: try line.line())
            try await QuoteCommand.present(quote, global: global)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List quotes, newest first.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only of this customer.") var customer: Int64?

        func run() async throws {
            let kontor = try global.kontor()
            let quotes = try await kontor.quotes(customerId: customer)
            if global.json { return try Output.json(quotes.map(QuoteJSON.init)) }
            if quotes.isEmpty { return print(global.say("No quotes.", "Keine Angebote.")) }
            let names = try await kontor.customerNames(ids: Set(quotes.map(\.customerId)))
            let lang = global.language
            Output.table(
                lang == .de
                    ? ["Nr.", "Kunde", "Datum", "Status", "Netto", "Titel"] : ["ID", "Customer", "Date", "Status", "Net", "Title"],
                quotes.map { ["\($0.id)", names[$0.customerId] ?? "\($0.customerId)",
                              $0.createdOn.formatted(lang), $0.status.word(lang), $0.net.formatted(lang), $0.title] },
                rightAligned: [0, 4])
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a quote.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Quote id.") var id: Int64

        func run() async throws {
            try await QuoteCommand.present(try await global.kontor().quote(id: id), global: global)
        }
    }

    struct Accept: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "accept",
            abstract: "The customer accepted: create the job.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Quote id.") var id: Int64
        @Option(help: "Deadline of the job, YYYY-MM-DD (default: the quote's delivery date).") var deadline: String?
        @Option(help: "Effort estimate in hours (default: what the quote's lines take at the rate card's pace).")
        var effort: String?

        func run() async throws {
            let result = try await global.kontor().acceptQuote(
                id: id, on: try global.day(), deadline: try parseDay(deadline, what: .deadline),
                effortHours: try effort.map { try Quantity(parsing: $0) })
            if global.json { return try Output.json(result.job) }
            let (job, title) = (result.job.id, result.job.title)
            print(global.say("Quote \(id) accepted; created job \(job): \(title)",
                             "Angebot \(id) angenommen; Auftrag \(job) angelegt: \(title)")
                + (result.job.deadline.map { global.say(", due ", ", Termin ") + $0.formatted(global.language) } ?? "") + ".")
        }
    }

    struct Decline: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "decline",
            abstract: "The customer declined the quote.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Quote id.") var id: Int64

        func run() async throws {
            let quote = try await global.kontor().declineQuote(id: id, on: try global.day())
            try await QuoteCommand.present(quote, global: global)
        }
    }

    struct PDF: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pdf", abstract: "Write the quote as PDF (Angebot-12.pdf by default).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Quote id.") var id: Int64
        @Option(name: .shortAndLong, help: "Output file.") var output: String?

        func run() async throws {
            try DocumentOutput.save(try await global.kontor().quotePDF(id: id), to: output, json: global.json)
        }
    }

    struct Send: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "send",
            abstract: "Send the quote by e-mail, the PDF attached (--preview shows the mail first).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Quote id.") var id: Int64
        @OptionGroup var mail: RecordMailOptions

        func run() async throws { try await mail.run(.quote(id: id), global: global) }
    }

    static func present(_ q: Quote, global: GlobalOptions) async throws {
        if global.json { return try Output.json(QuoteJSON(q)) }
        let lang = global.language
        let name = try await global.kontor().customerName(id: q.customerId)
        let say = global.say
        print(say("Quote ", "Angebot ") + "\(q.id) – \(q.title) [\(q.status.word(lang))]")
        let (dated, valid) = (q.createdOn.formatted(lang), q.validUntil.formatted(lang))
        print(say("For \(name), dated \(dated), valid until \(valid)", "Für \(name), vom \(dated), gültig bis \(valid)")
            + (q.inquiryId.map { say("; answers inquiry \($0)", "; beantwortet Anfrage \($0)") } ?? ""))
        if let delivery = q.deliveryDate {
            print(say("Delivery by ", "Lieferung bis ") + delivery.formatted(lang)
                + (q.firstPartDate.map { say("; a first part by ", "; ein erster Teil bis ") + $0.formatted(lang) } ?? ""))
        }
        print(say("Payment term \(q.paymentTermDays) days; \(q.includedRevisions) revision rounds included",
                  "Zahlungsziel \(q.paymentTermDays) Tage; \(q.includedRevisions) Korrekturschleifen inklusive"))
        LinesTable.print(q.effectiveLines, language: lang)
        let totals = InvoiceTotals(lines: q.effectiveLines, treatment: .standard)
        let (net, vat, gross) = (totals.net.formatted(lang), totals.vat.formatted(lang), totals.gross.formatted(lang))
        print(say("Net \(net), VAT \(vat), gross \(gross)", "Netto \(net), USt. \(vat), brutto \(gross)"))
    }
}

/// A quote in JSON with its totals.
struct QuoteJSON: Encodable {
    let quote: Quote
    init(_ quote: Quote) { self.quote = quote }

    enum CodingKeys: String, CodingKey { case net, vat, gross }

    func encode(to encoder: any Encoder) throws {
        try quote.encode(to: encoder)
        let totals = InvoiceTotals(lines: quote.effectiveLines, treatment: .standard)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(totals.net, forKey: .net)
        try container.encode(totals.vat, forKey: .vat)
        try container.encode(totals.gross, forKey: .gross)
    }
}

/// Document lines as a text table.
enum LinesTable {
    static func print(_ lines: [DocumentLine], language: Language) {
        if lines.isEmpty { return Swift.print(language == .de ? "(keine Positionen)" : "(no lines)") }
        Output.table(
            language == .de
                ? ["#", "Leistung", "Menge", "Einheit", "Preis", "USt.", "Netto"]
                : ["#", "Description", "Quantity", "Unit", "Price", "VAT", "Net"],
            lines.enumerated().map { index, line in
                ["\(index + 1)", line.description, line.quantity.formatted(language),
                 line.unit.label(language, quantity: line.quantity), line.unitPrice.formatted(language),
                 "\(line.vatRate.percent) %", line.net.formatted(language)]
            }, rightAligned: [0, 2, 4, 5, 6])
    }
}
