import ArgumentParser
import KontorApp
import KontorCore

struct PaymentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payment", abstract: "Payments received, their reversal, and customer credit.",
        subcommands: [Add.self, List.self, Match.self, Reverse.self, Credit.self, ApplyCredit.self, Refund.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add",
            abstract: "Record a (partial) payment; more than is owed only with --confirm-overpayment.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Invoice number.") var invoice: String
        @Option(help: "Amount received, e.g. 100.00 or 1.234,56.") var amount: String
        @Option(help: "Day received, YYYY-MM-DD (default: today).") var date: String?
        @Option(help: "Note, e.g. the bank reference.") var note: String?
        @Flag(help: "Accept more than is owed (or a payment on a paid or cancelled invoice); it becomes credit.")
        var confirmOverpayment = false

        func run() async throws {
            let amount = try Money(parsingNonNegative: self.amount, what: .paymentAmount)
            let day = try parseDay(date, what: .paymentDate) ?? global.day()
            let receipt = try await global.kontor().addPayment(
                invoice: invoice, amount: amount, on: day, note: note, confirmOverpayment: confirmOverpayment)
            let lang = global.language
            if receipt.overpayment.cents > 0 {
                let customer = receipt.invoice.customerId
                Output.warn(global.say(
                    "\(receipt.overpayment.formatted(lang)) more than was owed on \(invoice); kept as credit on customer "
                        + "\(customer) ('kontor payment apply-credit \(customer) INVOICE', or 'kontor payment refund').",
                    "\(receipt.overpayment.formatted(lang)) mehr als auf \(invoice) offen war; als Guthaben von Kunde "
                        + "\(customer) verbucht („kontor payment apply-credit \(customer) RECHNUNG“ oder "
                        + "„kontor payment refund“)."))
            }
            if global.json {
                return try Output.json(Merged(
                    base: receipt.payment,
                    extra: PaymentFigures(
                        invoiceNumber: invoice, invoiceStatus: receipt.invoice.status,
                        openAmount: receipt.invoice.openAmount, overpayment: receipt.overpayment,
                        customerBecameRegular: receipt.becameRegular)))
            }
            let say = global.say
            let status = receipt.invoice.status.word(lang), open = receipt.invoice.openAmount.formatted(lang)
            print(say("Recorded \(amount.formatted(lang)) for \(invoice) as payment \(receipt.payment.id): now "
                        + "\(status), open \(open).",
                      "\(amount.formatted(lang)) auf \(invoice) als Zahlung \(receipt.payment.id) gebucht: jetzt "
                        + "\(status), offen \(open)."))
            if receipt.payment.toCosts.cents > 0 || receipt.payment.toInterest.cents > 0 {
                let (costs, interest, principal) = (receipt.payment.toCosts.formatted(lang),
                    receipt.payment.toInterest.formatted(lang), receipt.payment.toPrincipal.formatted(lang))
                print(say("Allocated by § 367 BGB: costs \(costs), interest \(interest), invoice \(principal).",
                          "Verrechnet nach § 367 BGB: Kosten \(costs), Zinsen \(interest), Rechnung \(principal)."))
            }
            if receipt.becameRegular {
                let name = receipt.invoice.buyer?.name ?? say("Customer ", "Kunde ") + "\(receipt.invoice.customerId)"
                print(say("\(name) is now a regular customer.", "\(name) ist jetzt Stammkunde."))
            }
        }
    }

    struct Match: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "match",
            abstract: "Book an imported bank entry from the review queue on an invoice by hand.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Bank entry id (see 'kontor import review').") var entry: Int64
        @Argument(help: "Invoice number.") var invoice: String

        func run() async throws {
            let booked = try await global.kontor().assignBankEntry(id: entry, invoice: invoice)
            if global.json { return try Output.json(booked) }
            print(global.say("Booked \(booked.amount.formatted(global.language)) from entry \(entry) on \(invoice).",
                             "\(booked.amount.formatted(global.language)) aus Kontobewegung \(entry) auf \(invoice) gebucht."))
        }
    }

    struct Reverse: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reverse",
            abstract: "Take a payment back with a dated counter-entry (a payment is never deleted).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Payment id (see 'kontor payment list').") var id: Int64
        @Option(help: "Why, e.g. \"Rücklastschrift\" or \"booked on the wrong invoice\".") var reason: String
        @Option(help: "Day of the counter-entry, YYYY-MM-DD (default: today).") var date: String?

        func run() async throws {
            let day = try parseDay(date, what: .reversalDate) ?? global.day()
            let result = try await global.kontor().reversePayment(id: id, on: day, reason: reason)
            if global.json {
                return try Output.json(Merged(
                    base: result.reversal,
                    extra: ReversalFigures(
                        invoiceNumber: result.invoice.number ?? "", invoiceStatus: result.invoice.status,
                        openAmount: result.invoice.openAmount, bankEntryReturned: result.bankEntryReturned,
                        customerStatus: result.customerStatus)))
            }
            let lang = global.language
            let say = global.say
            let (amount, number) = (result.reversal.amount.formatted(lang), result.invoice.number ?? "?")
            let (status, open) = (result.invoice.status.word(lang), result.invoice.openAmount.formatted(lang))
            print(say("Reversed payment \(id) with entry \(result.reversal.id) (\(amount)): \(number) is \(status), "
                        + "open \(open).",
                      "Zahlung \(id) mit Gegenbuchung \(result.reversal.id) (\(amount)) zurückgebucht: \(number) ist "
                        + "\(status), offen \(open)."))
            if let entry = result.bankEntryReturned {
                print(say("Bank entry \(entry) is back in the review queue ('kontor import review').",
                          "Kontobewegung \(entry) wartet wieder auf Prüfung („kontor import review“)."))
            }
            if let status = result.customerStatus {
                let name = result.invoice.buyer?.name ?? say("Customer ", "Kunde ") + "\(result.invoice.customerId)"
                print(say("\(name) is \(status.word(lang)) again.", "\(name): wieder \(status.word(lang))."))
            }
        }
    }

    struct Credit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "credit",
            abstract: "Show a customer's credit from overpayments.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Customer id.") var customer: Int64

        func run() async throws {
            let kontor = try global.kontor()
            let credit = try await kontor.credit(customerId: customer)
            if global.json { return try Output.json(credit) }
            let lang = global.language
            print(global.say("Credit of ", "Guthaben von ") + "\(try await kontor.customerName(id: customer)): "
                + credit.total.formatted(lang))
            for source in credit.sources { print("  \(source.number)  \(source.amount.formatted(lang))") }
        }
    }

    struct ApplyCredit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "apply-credit", abstract: "Use a customer's credit to pay another of its open invoices.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Customer id.") var customer: Int64
        @Argument(help: "Invoice number to pay with the credit.") var invoice: String
        @Option(help: "Amount (default: all that fits).") var amount: String?

        func run() async throws {
            let amount = try self.amount.map { try Money(parsingNonNegative: $0, what: .amount) }
            let receipt = try await global.kontor().applyCredit(
                customerId: customer, to: invoice, amount: amount, on: try global.day())
            if global.json { return try Output.json(receipt) }
            let lang = global.language
            let (applied, status) = (receipt.payment.amount.formatted(lang), receipt.invoice.status.word(lang))
            let open = receipt.invoice.openAmount.formatted(lang)
            print(global.say("Applied \(applied) credit to \(invoice): now \(status), open \(open).",
                             "\(applied) Guthaben mit \(invoice) verrechnet: jetzt \(status), offen \(open)."))
        }
    }

    struct Refund: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "refund",
            abstract: "Record that a customer's credit was paid back.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Customer id.") var customer: Int64
        @Option(help: "Amount (default: all credit).") var amount: String?
        @Option(help: "Day of the refund, YYYY-MM-DD (default: today).") var date: String?
        @Option(help: "Note, e.g. the transfer reference.") var note: String?

        func run() async throws {
            let amount = try self.amount.map { try Money(parsingNonNegative: $0, what: .amount) }
            let day = try parseDay(date, what: .refundDate) ?? global.day()
            let kontor = try global.kontor()
            let entries = try await kontor.refundCredit(customerId: customer, amount: amount, on: day, note: note)
            if global.json { return try Output.json(entries) }
            let total = entries.map(\.amount).sum()
            let (refunded, name) = ((-total).formatted(global.language), try await kontor.customerName(id: customer))
            print(global.say("Recorded a refund of \(refunded) to \(name).", "Erstattung von \(refunded) an \(name) gebucht."))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List payments.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only for this invoice number.") var invoice: String?
        @Option(help: "Only of this customer.") var customer: Int64?

        func run() async throws {
            let kontor = try global.kontor()
            let payments = try await kontor.payments(invoice: invoice, customerId: customer)
            if global.json { return try Output.json(payments) }
            if payments.isEmpty { return print(global.say("No payments.", "Keine Zahlungen.")) }
            let names = try await kontor.customerNames(ids: Set(payments.map(\.customerId)))
            let lang = global.language
            Output.table(
                lang == .de
                    ? ["Nr.", "Datum", "Rechnung", "Kunde", "Art", "Betrag", "Notiz"]
                    : ["ID", "Date", "Invoice", "Customer", "Kind", "Amount", "Note"],
                payments.map { ["\($0.id)", $0.receivedOn.formatted(lang), "\($0.invoiceId)",
                                names[$0.customerId] ?? "\($0.customerId)",
                                $0.kind.word(lang), $0.amount.formatted(lang), $0.note ?? ""] },
                rightAligned: [0, 5])
        }
    }
}

/// What a payment changed, in JSON.
struct PaymentFigures: Encodable {
    let invoiceNumber: String
    let invoiceStatus: InvoiceStatus
    let openAmount: Money
    let overpayment: Money
    let customerBecameRegular: Bool
}

/// What a reversal changed, in JSON.
struct ReversalFigures: Encodable {
    let invoiceNumber: String
    let invoiceStatus: InvoiceStatus
    let openAmount: Money
    let bankEntryReturned: Int64?
    let customerStatus: CustomerStatus?
}
