import ArgumentParser
import KontorApp
import KontorCore
import KontorDocuments

struct InvoiceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invoice", abstract: "Invoices: draft, lines, issue (numbered and frozen), cancel.",
        subcommands: [
            Draft.self, AddLine.self, Edit.self, EditLine.self, RemoveLine.self, MoveLine.self, Delete.self, Show.self,
            List.self, Issue.self, Cancel.self, PDF.self, XML.self, Send.self,
        ])

    struct Draft: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "draft",
            abstract: "Start a draft from a job, a quote, or for a customer with free lines.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "From this job (its quote's lines).") var job: Int64?
        @Option(help: "From this quote's lines.") var quote: Int64?
        @Option(help: "For this customer, lines follow with add-line.") var customer: Int64?
        @Flag(help: "Leave out the loyalty discount.") var noDiscount = false
        @Option(help: "Service date or first day of the service period, YYYY-MM-DD.") var serviceFrom: String?
        @Option(help: "Last day of the service period, YYYY-MM-DD.") var serviceTo: String?
        @Option(help: "Payment term in days (default: quote's or profile's).") var paymentTerm: Int?

        func run() async throws {
            let sources = [job.map(DraftSource.job), quote.map(DraftSource.quote), customer.map(DraftSource.customer)]
                .compactMap { $0 }
            guard sources.count == 1, let source = sources.first else {
                throw ValidationError(global.say(
                    "Give exactly one of --job, --quote or --customer.", "Geben Sie genau eines von --job, --quote oder --customer an."))
            }
            let kontor = try global.kontor()
            let today = try global.day()
            let serviceFrom = try parseDay(serviceFrom, what: .serviceDate)
            let serviceTo = try parseDay(serviceTo, what: .serviceEnd)
            if serviceTo != nil && serviceFrom == nil { throw ValidationError(global.say(
                "--service-to needs --service-from.", "--service-to braucht --service-from.")) }
            let drafted = try await kontor.prepareDraft(from: source, on: today, discount: !noDiscount)
            var invoice = drafted.invoice
            let reference = "\(invoice.id)"
            if let serviceFrom { invoice = try await kontor.setServicePeriod(reference, from: serviceFrom, to: serviceTo) }
            if let paymentTerm { invoice = try await kontor.setPaymentTerm(reference, days: paymentTerm) }
            if global.json { return try Output.json(InvoiceJSON(invoice, today: today)) }
            let say = global.say
            print(say("Created invoice draft \(invoice.id)", "Rechnungsentwurf \(invoice.id) angelegt")
                + (invoice.discountPercent.map { say(" with \($0) % loyalty discount", " mit \($0) % Treuerabatt") } ?? "")
                + ".")
            let rounds = drafted.extraRevisionRounds
            if rounds > 0 {
                let what = say(rounds == 1 ? "1 revision round" : "\(rounds) revision rounds",
                               rounds == 1 ? "1 Korrekturschleife" : "\(rounds) Korrekturschleifen")
                let price = drafted.revisionPrice.formatted(global.language)
                if drafted.revisionPrice.tenThousandths > 0 {
                    print(say("Added \(what) beyond the included ones at \(price) each.",
                              "\(what) über die enthaltenen hinaus zu je \(price) hinzugefügt."))
                } else {
                    print(say("Added \(what) beyond the included ones at \(price): the rate card has no price for extra "
                                + "rounds. Set the line's price before issuing, or a price for all with "
                                + "'kontor profile set --rates revision=…'.",
                              "\(what) über die enthaltenen hinaus zu \(price) hinzugefügt: Die Preisliste hat keinen Preis "
                                + "für zusätzliche Schleifen. Setzen Sie den Preis der Position vor dem Ausstellen oder "
                                + "einen für alle mit „kontor profile set --rates revision=…“."))
                }
            }
            if invoice.lines.isEmpty {
                print(say("Add lines with 'kontor invoice add-line \(invoice.id) …'.",
                          "Positionen fügen Sie mit „kontor invoice add-line \(invoice.id) …“ hinzu."))
            }
        }
    }

    struct AddLine: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add-line", abstract: "Add a line to a draft.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Draft id.") var reference: String
        @OptionGroup var line: LineOptions

        func run() async throws {
            let invoice = try await global.kontor().addInvoiceLine(reference, line: try line.line())
            try await InvoiceCommand.present(invoice, global: global)
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show an invoice (by number) or a draft (by id).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Invoice number or draft id.") var reference: String

        func run() async throws {
            try await InvoiceCommand.present(try await global.kontor().invoice(reference), global: global)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List invoices, newest first.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "draft, issued, partially-paid, paid or cancelled.") var status: String?
        @Flag(help: "Only invoices past their due date with money open.") var overdue = false
        @Option(help: "Only of this customer.") var customer: Int64?

        func run() async throws {
            let today = try global.day()
            let query = InvoiceQuery(
                status: try status.map { try InvoiceStatus.named($0, what: .status) },
                overdueOn: overdue ? today : nil, customerId: customer)
            let kontor = try global.kontor()
            let invoices = try await kontor.invoices(query)
            if global.json { return try Output.json(invoices.map { InvoiceJSON($0, today: today) }) }
            if invoices.isEmpty { return print(global.say("No invoices.", "Keine Rechnungen.")) }
            let lang = global.language
            let say = global.say
            let names = try await kontor.customerNames(ids: Set(invoices.filter { $0.buyer == nil }.map(\.customerId)))
            Output.table(
                lang == .de
                    ? ["Nummer", "Kunde", "Ausgestellt", "Fällig", "Status", "Brutto", "Offen", "Überfällig"]
                    : ["Number", "Customer", "Issued", "Due", "Status", "Gross", "Open", "Overdue"],
                invoices.map { i in
                    [i.number ?? say("draft \(i.id)", "Entwurf \(i.id)"),
                     i.buyer?.name ?? names[i.customerId] ?? "\(i.customerId)", i.issueDate?.formatted(lang) ?? "",
                     i.dueDate?.formatted(lang) ?? "", i.status.word(lang), i.totals.gross.formatted(lang),
                     i.openAmount.formatted(lang),
                     i.isOverdue(on: today) ? say("\(i.daysOverdue(on: today)) d", "\(i.daysOverdue(on: today)) T.") : ""]
                }, rightAligned: [5, 6, 7])
        }
    }

    struct Issue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "issue",
            abstract: "Issue a draft: next number, dates, totals – frozen from then on.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Draft id.") var reference: String

        func run() async throws {
            let invoice = try await global.kontor().issueInvoice(reference, on: try global.day())
            if global.json { return try Output.json(InvoiceJSON(invoice, today: try global.day())) }
            let lang = global.language
            print(global.say(
                "Issued invoice \(invoice.number!) over \(invoice.totals.gross.formatted(lang)), "
                    + "payable by \(invoice.dueDate!.formatted(lang)).",
                "Rechnung \(invoice.number!) über \(invoice.totals.gross.formatted(lang)) ausgestellt, "
                    + "zahlbar bis \(invoice.dueDate!.formatted(lang))."))
        }
    }

    struct Cancel: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "cancel",
            abstract: "Cancel an issued invoice with a cancellation invoice.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Invoice number.") var reference: String

        func run() async throws {
            let cancellation = try await global.kontor().cancelInvoice(reference, on: try global.day())
            if global.json { return try Output.json(InvoiceJSON(cancellation, today: try global.day())) }
            let gross = cancellation.totals.gross.formatted(global.language)
            print(global.say(
                "Issued cancellation invoice \(cancellation.number!) for \(cancellation.cancelsNumber!) over \(gross).",
                "Stornorechnung \(cancellation.number!) zu Rechnung \(cancellation.cancelsNumber!) über \(gross) ausgestellt."))
        }
    }

    struct PDF: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pdf", abstract: "Write the invoice as PDF (Rechnung-2026-0001.pdf by default).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Invoice number (or draft id for a preview).") var reference: String
        @Option(name: .shortAndLong, help: "Output file.") var output: String?
        @Flag(inversion: .prefixedNo, help: "Embed the e-invoice XML (ZUGFeRD/Factur-X); default: the customer's setting.")
        var zugferd: Bool?

        func run() async throws {
            try DocumentOutput.save(
                try await global.kontor().invoicePDF(reference, zugferd: zugferd), to: output, json: global.json)
        }
    }

    struct Send: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "send",
            abstract: "Send an issued invoice by e-mail with its PDF (and XRechnung XML) attached.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Invoice number.") var number: String
        @OptionGroup var mail: RecordMailOptions

        func run() async throws { try await mail.run(.invoice(number: number), global: global) }
    }

    struct XML: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "xml", abstract: "Write the invoice as e-invoice XML (UN/CEFACT CII, EN 16931 / XRechnung 3.0).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Invoice number.") var reference: String
        @Option(name: .shortAndLong, help: "Output file.") var output: String?
        @Option(help: "xrechnung or en16931 (default: xrechnung for customers set to XRechnung, else en16931).")
        var profile: String?

        func run() async throws {
            let profile = try self.profile.map { text throws(InputError) -> EInvoiceProfile in
                guard let value = EInvoiceProfile(rawValue: text.lowercased()) else {
                    throw InputError.invalidChoice(what: .profile, text: text, allowed: EInvoiceProfile.allCases.map(\.rawValue))
                }
                return value
            }
            try DocumentOutput.save(
                try await global.kontor().invoiceXML(reference, profile: profile), to: output, json: global.json)
        }
    }

    static func present(_ i: Invoice, global: GlobalOptions) async throws {
        let today = try global.day()
        if global.json { return try Output.json(InvoiceJSON(i, today: today)) }
        let lang = global.language
        let say = global.say
        let title = i.kind == .cancellation ? say("Cancellation invoice", "Stornorechnung") : say("Invoice", "Rechnung")
        print("\(title) \(i.number ?? say("draft \(i.id)", "Entwurf \(i.id)")) [\(i.status.word(lang))]"
            + (i.cancelsNumber.map { say(" – cancels ", " – storniert ") + $0 } ?? "")
            + (i.cancelledByNumber.map { say(" – cancelled by ", " – storniert durch ") + $0 } ?? ""))
        // An issued invoice names the buyer as issued; a draft the customer as they are now.
        let name = if let buyer = i.buyer {
            buyer.name
        } else {
            try await global.kontor().customerName(id: i.customerId)
        }
        print(say("For ", "Für ") + name)
        if let issued = i.issueDate { print(say("Issued ", "Ausgestellt am ") + issued.formatted(lang)) }
        if let from = i.serviceFrom {
            let to = i.serviceTo ?? from
            print(say("Service ", "Leistung ") + (to == from ? from.formatted(lang) : "\(from.formatted(lang)) – \(to.formatted(lang))"))
        }
        if let due = i.dueDate, i.kind == .invoice {
            print(say("Payable by \(due.formatted(lang)) (\(i.paymentTermDays) days)",
                      "Zahlbar bis \(due.formatted(lang)) (\(i.paymentTermDays) Tage)"))
        } else if !i.isIssued {
            print(say("Payment term \(i.paymentTermDays) days", "Zahlungsziel \(i.paymentTermDays) Tage"))
        }
        if i.treatment != .standard, let note = i.treatment.note(lang) { print(note) }
        LinesTable.print(i.effectiveLines, language: lang)
        let totals = i.totals
        print(say("Net ", "Netto ") + totals.net.formatted(lang))
        for group in totals.breakdown where group.rate.percent > 0 {
            print(say("VAT \(group.rate.percent) % on ", "USt. \(group.rate.percent) % auf ")
                + "\(group.net.formatted(lang)): \(group.vat.formatted(lang))")
        }
        print(say("Gross ", "Brutto ") + totals.gross.formatted(lang))
        if i.paid.cents > 0 {
            print(say("Paid \(i.paid.formatted(lang)), open \(i.openAmount.formatted(lang))",
                      "Bezahlt \(i.paid.formatted(lang)), offen \(i.openAmount.formatted(lang))"))
        }
        if i.isOverdue(on: today) {
            let days = i.daysOverdue(on: today)
            print(say("Overdue by \(days) day\(days == 1 ? "" : "s")", "Überfällig seit \(days) Tag\(days == 1 ? "" : "en")"))
        }
    }
}

/// An invoice in JSON: stable camelCase fields, amounts as decimal strings.
struct InvoiceJSON: Encodable {
    struct Line: Encodable {
        let description: String
        let quantity: Quantity
        let unit: BillingUnit
        let unitPrice: UnitPrice
        let vatRate: VATRate
        let net: Money
        let isDiscount: Bool
    }

    let id: Int64
    let number: String?
    let kind: InvoiceKind
    let status: InvoiceStatus
    let customerId: Int64
    let customerName: String?
    let draftedOn: Day
    let issueDate: Day?
    let serviceFrom: Day?
    let serviceTo: Day?
    let dueDate: Day?
    let paymentTermDays: Int
    let treatment: TaxTreatment
    let taxNote: String?
    let loyaltyPercent: Int64
    let net: Money
    let vat: Money
    let gross: Money
    let paid: Money
    let openAmount: Money
    let overdue: Bool
    let daysOverdue: Int
    let cancelsNumber: String?
    let cancelledByNumber: String?
    let lines: [Line]
    let vatBreakdown: [VATGroup]

    init(_ i: Invoice, today: Day) {
        let totals = i.totals
        id = i.id
        number = i.number
        kind = i.kind
        status = i.status
        customerId = i.customerId
        customerName = i.buyer?.name
        draftedOn = i.draftedOn
        issueDate = i.issueDate
        serviceFrom = i.serviceFrom
        serviceTo = i.serviceTo
        dueDate = i.dueDate
        paymentTermDays = i.paymentTermDays
        treatment = i.treatment
        taxNote = i.treatment.note(i.language)
        loyaltyPercent = i.loyaltyPercent
        net = totals.net
        vat = totals.vat
        gross = totals.gross
        paid = i.paid
        openAmount = i.openAmount
        overdue = i.isOverdue(on: today)
        daysOverdue = i.daysOverdue(on: today)
        cancelsNumber = i.cancelsNumber
        cancelledByNumber = i.cancelledByNumber
        lines = i.effectiveLines.map {
            Line(description: $0.description, quantity: $0.quantity, unit: $0.unit, unitPrice: $0.unitPrice,
                 vatRate: $0.vatRate, net: $0.net, isDiscount: $0.isDiscount)
        }
        vatBreakdown = totals.breakdown
    }
}
