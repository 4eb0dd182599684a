import ArgumentParser
import KontorApp
import KontorCore

struct InquiryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inquiry", abstract: "Inquiries by e-mail, phone, form or referral.",
        subcommands: [
            Add.self, Edit.self, List.self, Show.self, Answer.self, Win.self, Lose.self, Propose.self, Reply.self,
        ])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add",
            abstract: "Record an inquiry; an unknown sender becomes a prospect.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Id of a known customer.") var customer: Int64?
        @Option(help: "Sender's name (matched with known customers, else a new prospect).") var name: String?
        @Option(help: "Sender's e-mail address.") var email: String?
        @Option(help: "Sender's phone number.") var phone: String?
        @Option(help: "business or consumer, for a new prospect.") var kind: String = "business"
        @Option(help: "email, phone, form, referral or other.") var channel: String
        @Option(help: "Day received, YYYY-MM-DD (default: today).") var received: String?
        @Option(help: "What it is about.") var subject: String
        @Option(help: "Expected size, e.g. 1500 (with --unit).") var size: String?
        @Option(help: "Unit of the size: word, line, page, hour.") var unit: String = "word"
        @Option(help: "Wished deadline, YYYY-MM-DD.") var deadline: String?
        @Option(help: "Notes.") var note: String?
        @OptionGroup var person: InquiryContactOptions

        func run() async throws {
            let sender: InquirySender
            if let customer {
                sender = .customer(customer)
            } else if name != nil || email != nil || phone != nil {
                sender = .contact(name: name ?? "", email: email, phone: phone,
                                  kind: try CustomerKind.named(kind, what: .kind))
            } else {
                throw ValidationError(global.say(
                    "Say who asked: --customer ID, or --name/--email/--phone of a new sender.",
                    "Sagen Sie, wer fragt: --customer NR oder --name/--email/--phone eines neuen Absenders."))
            }
            let size = try self.size.map { WorkSize(quantity: try Quantity(parsing: $0), unit: try BillingUnit.named(unit, what: .unit)) }
            let result = try await global.kontor().addInquiry(
                from: sender, channel: try InquiryChannel.named(channel, what: .channel),
                receivedOn: try parseDay(received, what: .receivedDate) ?? global.day(), subject: subject,
                size: size, wishedDeadline: try parseDay(deadline, what: .deadline), note: note,
                contact: try person.contactPerson())
            if global.json { return try Output.json(InquiryJSON(result.inquiry, customerName: result.customer.name, today: try global.day())) }
            let (id, name, customer) = (result.inquiry.id, result.customer.name, result.customer.id)
            print(global.say("Recorded inquiry \(id) from \(name)", "Anfrage \(id) von \(name) erfasst")
                + (result.createdCustomer
                    ? global.say(" (new prospect, customer \(customer)).", " (neuer Interessent, Kunde \(customer)).") : "."))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list",
            abstract: "List inquiries: phone inquiries (decided buyers) first, then e-mails oldest-waiting first.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this status: open, answered, quoted, won, lost.") var status: String?
        @Flag(help: "Include won and lost inquiries.") var all = false

        func run() async throws {
            let statuses: [InquiryStatus]? = try status.map { [try InquiryStatus.named($0, what: .status)] }
                ?? (all ? nil : [.open, .answered, .quoted])
            let items = try await global.kontor().inquiries(statuses: statuses)
            let today = try global.day()
            if global.json { return try Output.json(items.map { InquiryJSON($0.inquiry, customerName: $0.customerName, today: today) }) }
            if items.isEmpty { return print(global.say("No inquiries.", "Keine Anfragen.")) }
            let (lang, say) = (global.language, global.say)
            Output.table(
                lang == .de
                    ? ["Nr.", "Von", "Kanal", "Eingang", "Wartet", "Status", "Betreff"]
                    : ["ID", "From", "Channel", "Received", "Waiting", "Status", "Subject"],
                items.map { item in
                    let i = item.inquiry
                    let waiting = max(0, i.receivedOn.days(until: today))
                    return ["\(i.id)", item.customerName,
                            i.channel.word(lang) + (i.isDecidedBuyer ? say(" (decided)", " (entschlossen)") : ""),
                            i.receivedOn.formatted(lang), i.status == .open ? say("\(waiting) d", "\(waiting) T.") : "",
                            i.status.word(lang), i.subject]
                }, rightAligned: [0, 4])
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show an inquiry.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Inquiry id.") var id: Int64

        func run() async throws {
            let item = try await global.kontor().inquiry(id: id)
            try InquiryCommand.present(item.inquiry, customerName: item.customerName, global: global)
        }
    }

    struct Answer: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "answer", abstract: "Mark an inquiry as answered.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Inquiry id.") var id: Int64
        @Option(help: "What was answered.") var note: String?

        func run() async throws {
            let kontor = try global.kontor()
            _ = try await kontor.answerInquiry(id: id, on: try global.day(), note: note)
            try await InquiryCommand.present(id: id, kontor: kontor, global: global)
        }
    }

    struct Win: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "win", abstract: "Mark an inquiry as won.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Inquiry id.") var id: Int64

        func run() async throws {
            let kontor = try global.kontor()
            _ = try await kontor.closeInquiry(id: id, won: true, on: try global.day())
            try await InquiryCommand.present(id: id, kontor: kontor, global: global)
        }
    }

    struct Lose: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "lose", abstract: "Mark an inquiry as lost.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Inquiry id.") var id: Int64
        @Option(help: "Why, if known.") var note: String?

        func run() async throws {
            let kontor = try global.kontor()
            _ = try await kontor.closeInquiry(id: id, won: false, on: try global.day(), note: note)
            try await InquiryCommand.present(id: id, kontor: kontor, global: global)
        }
    }

    struct Reply: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reply",
            abstract: "The reply e-mail to an inquiry (the draft of 'inquiry propose'); --send sends it.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Inquiry id.") var id: Int64
        @Flag(help: "Send it now and mark the inquiry answered.") var send = false
        @OptionGroup var mail: RecordMailOptions

        func run() async throws {
            var options = mail
            options.preview = mail.preview || !send
            try await options.run(.inquiryReply(id: id), global: global)
        }
    }

    struct Propose: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "propose",
            abstract: "The earliest realistic delivery date and price, with a reply draft. Never 'no capacity'.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Inquiry id.") var id: Int64

        func run() async throws {
            let today = try global.day()
            let kontor = try global.kontor()
            let result = try await kontor.proposeDelivery(inquiryId: id, today: today)
            let reply = try await kontor.replyDraft(inquiryId: id, today: today)
            let p = result.proposal
            let offer = result.quote
            if global.json {
                return try Output.json(ProposalJSON(
                    inquiryId: id, deliveryDate: p.deliveryDate, hours: Quantity(thousandths: p.hours),
                    fitsInBetween: p.fitsInBetween, firstPieceDate: offer.firstPartDate, price: result.price,
                    reply: reply, lines: offer.effectiveLines, net: offer.net, loyaltyPercent: offer.loyaltyPercent,
                    validUntil: offer.validUntil, missedWish: offer.missedWish, unitPrice: result.unitPrice,
                    pricedUnit: result.pricedUnit, typicalRange: result.typicalRange))
            }
            let lang = global.language
            let hours = Quantity(thousandths: p.hours).formatted(lang)
            let say = global.say
            let name = result.customer.name
            print(say("Inquiry \(id) from \(name): about \(hours) h of work", "Anfrage \(id) von \(name): etwa \(hours) h Arbeit")
                + (result.price.map { say(", \($0.formatted(lang)) net", ", \($0.formatted(lang)) netto") } ?? ""))
            if let wish = offer.missedWish {
                print(say("The wished deadline \(wish.formatted(lang)) cannot be met.",
                          "Der Wunschtermin \(wish.formatted(lang)) ist nicht zu schaffen."))
            }
            print(say("Delivery by ", "Lieferung bis ") + p.deliveryDate.formatted(lang)
                + (p.fitsInBetween ? say(" (a small job, fitted in between)", " (ein kleiner Auftrag, dazwischen geschoben)") : ""))
            if let part = offer.firstPartDate { print(say("A first part by ", "Ein erster Teil bis ") + part.formatted(lang)) }
            if offer.isComplete {
                let valid = offer.validUntil.formatted(lang)
                print(say("\nThe quote ('kontor quote add --from-proposal \(id)'), valid until \(valid):",
                          "\nDas Angebot („kontor quote add --from-proposal \(id)“), gültig bis \(valid):"))
                LinesTable.print(offer.effectiveLines, language: lang)
                if let net = offer.net { print(say("Net ", "Netto ") + net.formatted(lang)) }
            } else {
                let unit = result.pricedUnit.label(lang, quantity: Quantity(1))
                let range = result.typicalRange.map {
                    say("; similar jobs ", "; ähnliche Aufträge ") + "\($0.low.formatted(lang))–\($0.high.formatted(lang))"
                } ?? ""
                print(say("No size yet: the reply asks for the scope (\(result.unitPrice.formatted(lang)) per \(unit)",
                          "Noch kein Umfang: Die Antwort fragt danach (\(result.unitPrice.formatted(lang)) pro \(unit)")
                    + range + ").")
            }
            print("\n\(reply)")
        }
    }

    /// Shows the inquiry as it is now, with its customer's name.
    static func present(id: Int64, kontor: Kontor, global: GlobalOptions) async throws {
        let item = try await kontor.inquiry(id: id)
        try present(item.inquiry, customerName: item.customerName, global: global)
    }

    static func present(_ i: Inquiry, customerName: String?, global: GlobalOptions) throws {
        let today = try global.day()
        if global.json { return try Output.json(InquiryJSON(i, customerName: customerName, today: today)) }
        let (lang, say) = (global.language, global.say)
        print(say("Inquiry ", "Anfrage ") + "\(i.id) – \(i.subject)")
        print(say("From ", "Von ") + (customerName ?? say("customer \(i.customerId)", "Kunde \(i.customerId)"))
            + say(" by ", " per ") + i.channel.word(lang)
            + (i.isDecidedBuyer ? say(" – a caller, usually decided", " – ein Anrufer, meist entschlossen") : ""))
        if let person = i.contactPerson {
            print(say("Contact: ", "Ansprechpartner: ")
                + [i.salutation.map { $0 == .frau ? "Frau" : "Herr" }, i.academicTitle, person]
                .compactMap { $0 }.joined(separator: " "))
        }
        let waiting = max(0, i.receivedOn.days(until: today))
        print(say("Received \(i.receivedOn.formatted(lang)), status \(i.status.word(lang))",
                  "Eingang \(i.receivedOn.formatted(lang)), Status \(i.status.word(lang))")
            + (i.status == .open ? say(", waiting \(waiting) days", ", wartet seit \(waiting) Tagen") : ""))
        if let size = i.size {
            print(say("Size: ", "Umfang: ") + "\(size.quantity.formatted(lang)) \(size.unit.label(lang, quantity: size.quantity))")
        }
        if let deadline = i.wishedDeadline { print(say("Wished deadline: ", "Wunschtermin: ") + deadline.formatted(lang)) }
        if let answered = i.answeredOn { print(say("Answered: ", "Beantwortet: ") + answered.formatted(lang)) }
        if let note = i.note { print(say("Note: ", "Notiz: ") + note) }
    }
}

/// An inquiry in JSON with the figures lists show.
struct InquiryJSON: Encodable {
    let inquiry: Inquiry
    let customerName: String?
    let daysWaiting: Int?
    let decidedBuyer: Bool

    init(_ inquiry: Inquiry, customerName: String?, today: Day) {
        self.inquiry = inquiry
        self.customerName = customerName
        daysWaiting = inquiry.status == .open ? max(0, inquiry.receivedOn.days(until: today)) : nil
        decidedBuyer = inquiry.isDecidedBuyer
    }

    enum CodingKeys: String, CodingKey { case customerName, daysWaiting, decidedBuyer }

    func encode(to encoder: any Encoder) throws {
        try inquiry.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(customerName, forKey: .customerName)
        try container.encodeIfPresent(daysWaiting, forKey: .daysWaiting)
        try container.encode(decidedBuyer, forKey: .decidedBuyer)
    }
}

/// A delivery proposal in JSON.
struct ProposalJSON: Encodable {
    let inquiryId: Int64
    let deliveryDate: Day
    let hours: Quantity
    let fitsInBetween: Bool
    let firstPieceDate: Day?
    let price: Money?
    let reply: String
    /// The lines of the quote `quote add --from-proposal` makes (with the loyalty discount line).
    let lines: [DocumentLine]
    let net: Money?
    let loyaltyPercent: Int64
    let validUntil: Day
    let missedWish: Day?
    let unitPrice: UnitPrice
    let pricedUnit: BillingUnit
    let typicalRange: PriceRange?
}
