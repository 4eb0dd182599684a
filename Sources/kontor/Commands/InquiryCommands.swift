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
                throw ValidationError("Say who asked: --customer ID, or --name/--email/--phone of a new sender.")
            }
            let size = try self.size.map { WorkSize(quantity: try Quantity(parsing: $0), unit: try BillingUnit.named(unit, what: .unit)) }
            let result = try await global.kontor().addInquiry(
                from: sender, channel: try InquiryChannel.named(channel, what: .channel),
                receivedOn: try parseDay(received, what: .receivedDate) ?? global.day(), subject: subject,
                size: size, wishedDeadline: try parseDay(deadline, what: .deadline), note: note,
                contact: try person.contactPerson())
            if global.json { return try Output.json(InquiryJSON(result.inquiry, customerName: result.customer.name, today: try global.day())) }
            print("Recorded inquiry \(result.inquiry.id) from \(result.customer.name)"
                + (result.createdCustomer ? " (new prospect, customer \(result.customer.id))." : "."))
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
            if items.isEmpty { return print("No inquiries.") }
            Output.table(
                ["ID", "From", "Channel", "Received", "Waiting", "Status", "Subject"],
                items.map { item in
                    let i = item.inquiry
                    return ["\(i.id)", item.customerName, i.channel.rawValue + (i.isDecidedBuyer ? " (decided)" : ""),
                            i.receivedOn.formatted(global.language),
                            i.status == .open ? "\(max(0, i.receivedOn.days(until: today))) d" : "",
                            i.status.rawValue, i.subject]
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
            print("Inquiry \(id) from \(result.customer.name): about \(hours) h of work"
                + (result.price.map { ", \($0.formatted(lang)) net" } ?? ""))
            if let wish = offer.missedWish { print("The wished deadline \(wish.formatted(lang)) cannot be met.") }
            print("Delivery by \(p.deliveryDate.formatted(lang))" + (p.fitsInBetween ? " (a small job, fitted in between)" : ""))
            if let part = offer.firstPartDate { print("A first part by \(part.formatted(lang))") }
            if offer.isComplete {
                print("\nThe quote ('kontor quote add --from-proposal \(id)'), valid until "
                    + "\(offer.validUntil.formatted(lang)):")
                LinesTable.print(offer.effectiveLines, language: lang)
                if let net = offer.net { print("Net \(net.formatted(lang))") }
            } else {
                print("No size yet: the reply asks for the scope (\(result.unitPrice.formatted(lang)) per "
                    + "\(result.pricedUnit.label(lang, quantity: Quantity(1)))"
                    + (result.typicalRange.map {
                        "; similar jobs \($0.low.formatted(lang))–\($0.high.formatted(lang))"
                    } ?? "")
                    + ").")
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
        let lang = global.language
        print("Inquiry \(i.id) – \(i.subject)")
        print("From \(customerName ?? "customer \(i.customerId)") by \(i.channel.rawValue)"
            + (i.isDecidedBuyer ? " – a caller, usually decided" : ""))
        if let person = i.contactPerson {
            print("Contact: " + [i.salutation.map { $0 == .frau ? "Frau" : "Herr" }, i.academicTitle, person]
                .compactMap { $0 }.joined(separator: " "))
        }
        print("Received \(i.receivedOn.formatted(lang)), status \(i.status.rawValue)"
            + (i.status == .open ? ", waiting \(max(0, i.receivedOn.days(until: today))) days" : ""))
        if let size = i.size {
            print("Size: \(size.quantity.formatted(lang)) \(size.unit.label(lang, quantity: size.quantity))")
        }
        if let deadline = i.wishedDeadline { print("Wished deadline: \(deadline.formatted(lang))") }
        if let answered = i.answeredOn { print("Answered: \(answered.formatted(lang))") }
        if let note = i.note { print("Note: \(note)") }
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
