import ArgumentParser
import Foundation
import KontorApp
import KontorCore

/// The customer fields, for `customer add` and `customer edit`.
struct CustomerOptions: ParsableArguments {
    @Option(help: "Name of the person or business.") var name: String?
    @Option(help: "Contact person (a consumer: the customer), e.g. \"Ines Wolff\".") var contact: String?
    @Option(help: "How letters address the contact person: frau, herr or none (by full name).") var salutation: String?
    @Option(help: "Academic title before the name, e.g. \"Dr.\" or \"Prof. Dr.\" (\"\" removes it).") var title: String?
    @OptionGroup var address: AddressOptions
    @Option(help: "E-mail address.") var email: String?
    @Option(help: "Phone number.") var phone: String?
    @Option(help: "business or consumer.") var kind: String?
    @Option(help: "VAT ID (USt-IdNr.).") var vatId: String?
    @Option(help: "Buyer reference, e.g. Leitweg-ID of a public body.") var buyerReference: String?
    @Option(help: "Language of documents: de or en.") var language: String?
    @Option(help: "Notes.") var notes: String?
    @Option(help: "Status by hand: prospect, new or regular.") var status: String?
    @Option(help: "E-invoices: none, zugferd (default for businesses) or xrechnung (public bodies).")
    var einvoice: String?

    func apply(to customer: inout Customer) throws {
        if let name { customer.name = name }
        if let contact { customer.contactPerson = contact.isEmpty ? nil : contact }
        if let salutation { customer.salutation = try Salutation.parse(salutation) }
        if let title { customer.academicTitle = title.isEmpty ? nil : title }
        customer.address = try address.apply(to: customer.address)
        if let email { customer.email = email.isEmpty ? nil : email }
        if let phone { customer.phone = phone.isEmpty ? nil : phone }
        if let kind { customer.kind = try CustomerKind.named(kind, what: .kind) }
        if let vatId { customer.vatId = vatId.isEmpty ? nil : vatId }
        if let buyerReference { customer.buyerReference = buyerReference.isEmpty ? nil : buyerReference }
        if let language { customer.language = try Language.named(language, what: .language) }
        if let notes { customer.notes = notes.isEmpty ? nil : notes }
        if let status { customer.status = try CustomerStatus.named(status, what: .status) }
        if let einvoice { customer.eInvoiceFormat = try EInvoiceFormat.named(einvoice, what: .eInvoiceFormat) }
    }
}

struct CustomerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "customer", abstract: "Customers: prospects, new and regular customers.",
        subcommands: [Add.self, List.self, Show.self, Edit.self, Timeline.self, Export.self, Import.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a customer.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var fields: CustomerOptions

        func run() async throws {
            var customer = Customer(name: fields.name ?? "", createdOn: try global.day())
            try fields.apply(to: &customer)
            let saved = try await global.kontor().addCustomer(customer)
            if global.json { return try Output.json(saved) }
            print(global.say("Added customer", "Kunde angelegt:") + " \(saved.id): \(saved.name) (\(saved.status.word(global.language))).")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List customers.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this status: prospect, new, regular.") var status: String?
        @Option(help: "Search in name, e-mail, contact and city.") var search: String?

        func run() async throws {
            let status = try self.status.map { try CustomerStatus.named($0, what: .status) }
            let customers = try await global.kontor().customers(status: status, search: search)
            if global.json { return try Output.json(customers) }
            if customers.isEmpty { return print(global.say("No customers.", "Keine Kunden.")) }
            let lang = global.language
            Output.table(
                global.language == .de
                    ? ["Nr.", "Name", "Status", "Art", "Ort", "E-Mail"] : ["ID", "Name", "Status", "Kind", "City", "E-mail"],
                customers.map {
                    ["\($0.id)", $0.name, $0.status.word(lang), $0.kind.word(lang), $0.address?.city ?? "", $0.email ?? ""]
                },
                rightAligned: [0])
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a customer with totals.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Customer id.") var id: Int64

        func run() async throws {
            let detail = try await global.kontor().customerDetail(id: id)
            if global.json {
                return try Output.json(Merged(base: detail.customer, extra: CustomerFigures(detail)))
            }
            let c = detail.customer
            let lang = global.language
            let say = global.say
            print("\(c.name)  [\(c.status.word(lang)), \(c.kind.word(lang))]  #\(c.id)")
            if let contact = c.addressName { print(say("Contact: ", "Ansprechpartner: ") + contact) }
            print(say("Greeting: ", "Anrede: ") + c.salutation(language: c.language, formal: true))
            if let address = c.address {
                print(say("Address: ", "Anschrift: ") + address.lines.joined(separator: ", ")
                    + (address.state.map { " (\($0.rawValue))" } ?? ""))
            }
            if let email = c.email { print(say("E-mail: ", "E-Mail: ") + email) }
            if let phone = c.phone { print(say("Phone: ", "Telefon: ") + phone) }
            if let vatId = c.vatId { print(say("VAT ID: ", "USt-IdNr.: ") + vatId) }
            if let reference = c.buyerReference { print(say("Buyer reference: ", "Käuferreferenz: ") + reference) }
            print(say("Language: ", "Sprache: ") + c.language.rawValue + say(", e-invoices: ", ", E-Rechnungen: ")
                + c.effectiveEInvoiceFormat.rawValue)
            if let notes = c.notes { print(say("Notes: ", "Notizen: ") + notes) }
            print(say("Revenue: ", "Umsatz: ") + detail.revenue.formatted(lang) + say(", open: ", ", offen: ")
                + detail.openAmount.formatted(lang)
                + (detail.credit.cents > 0 ? say(", credit: ", ", Guthaben: ") + detail.credit.formatted(lang) : "")
                + (detail.claims.cents > 0
                    ? say(", interest and costs claimed: ", ", geforderte Zinsen und Kosten: ") + detail.claims.formatted(lang)
                    : ""))
            print(say("Invoices paid in full: \(detail.paidInvoiceCount); loyalty discount now: \(detail.loyaltyPercent) %",
                      "Vollständig bezahlte Rechnungen: \(detail.paidInvoiceCount); Treuerabatt jetzt: \(detail.loyaltyPercent) %")
                + (detail.loyaltyPercent > 0
                    ? say(" (regular customer with \(detail.paidInvoiceCount) paid invoices)",
                          " (Stammkunde mit \(detail.paidInvoiceCount) bezahlten Rechnungen)")
                    : say(" (none yet: the policy grants it from more paid invoices)",
                          " (noch keiner: die Regel gewährt ihn ab mehr bezahlten Rechnungen)")))
        }
    }

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Change a customer (also the status by hand).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Customer id.") var id: Int64
        @OptionGroup var fields: CustomerOptions

        func run() async throws {
            let fields = self.fields
            let saved = try await global.kontor().editCustomer(id: id, on: try global.day()) { try fields.apply(to: &$0) }
            if global.json { return try Output.json(saved) }
            print(global.say("Saved customer", "Kunde gespeichert:") + " \(saved.id): \(saved.name) (\(saved.status.word(global.language))).")
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Export all customers as vCard 4.0.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "vCard 4.0 (the only format so far).") var vcard = false
        @Option(name: .shortAndLong, help: "Output file (default: kontor-kunden.vcf).") var output: String?

        func run() async throws {
            try DocumentOutput.save(try await global.kontor().exportVCards(), to: output, json: global.json)
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "import",
            abstract: "Import customers from a .vcf file; known ones stay as they are.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The .vcf file.") var file: String

        func run() async throws {
            let data = try InputFile.read(file, limit: InputLimits.vcardBytes)
            let name = URL(fileURLWithPath: file).lastPathComponent
            let result = try await global.kontor().importVCards(data: data, fileName: name, today: try global.day())
            if global.json { return try Output.json(["created": "\(result.created.count)", "unchanged": "\(result.unchanged)"]) }
            print(global.say("Imported \(result.created.count) new customer(s); \(result.unchanged) known already.",
                             "\(result.created.count) neue Kunden eingelesen; \(result.unchanged) waren schon bekannt."))
        }
    }

    struct Timeline: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "timeline",
            abstract: "Everything about a customer in date order.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Customer id.") var id: Int64

        func run() async throws {
            let events = try await global.kontor().timeline(customerId: id)
            if global.json { return try Output.json(events) }
            for event in events {
                let language = global.language
                print("\(event.day.formatted(language))  \(event.title(language))"
                    + (event.details(language).map { " – \($0)" } ?? ""))
            }
        }
    }
}

/// The derived figures printed with a customer.
struct CustomerFigures: Encodable {
    let revenue: Money
    let openAmount: Money
    let credit: Money
    let paidInvoiceCount: Int
    let loyaltyPercent: Int64

    init(_ detail: CustomerDetail) {
        revenue = detail.revenue
        openAmount = detail.openAmount
        credit = detail.credit
        paidInvoiceCount = detail.paidInvoiceCount
        loyaltyPercent = detail.loyaltyPercent
    }
}

struct NoteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note", abstract: "Write a dated note into a customer's timeline.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Customer id.") var customer: Int64
    @Argument(help: "The note.") var text: String
    @Option(help: "The customer promised to pay by this day (pauses the dunning).") var promise: String?
    @Flag(help: "The customer objects to the work (stops the dunning until resolved).") var objection = false
    @Flag(help: "The objection is settled (dunning may continue).") var resolved = false
    @Option(help: "The invoice number it concerns (default: all of the customer's invoices).") var invoice: String?

    func run() async throws {
        let kinds = [promise != nil, objection, resolved].filter { $0 }.count
        guard kinds <= 1 else { throw ValidationError(global.say(
            "Use only one of --promise, --objection and --resolved.", "Nur eines von --promise, --objection und --resolved.")) }
        let kind: NoteKind = promise != nil ? .promise : objection ? .objection : resolved ? .objectionResolved : .note
        let note = try await global.kontor().addNote(
            customerId: customer, text: text, on: try global.day(), kind: kind, invoice: invoice,
            promisedFor: try parseDay(promise, what: .promisedDate))
        if global.json { return try Output.json(note) }
        print(global.say("Noted for customer \(customer) on ", "Notiert für Kunde \(customer) am ") + note.writtenOn.formatted(global.language) + ".")
    }
}
