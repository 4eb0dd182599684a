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
                Output.warn("\(receipt.overpayment.formatted(lang)) more than was owed on \(invoice); "
                    + "kept as credit on customer \(receipt.invoice.customerId) "
                    + "(kontor payment apply-credit \(receipt.invoice.customerId) INVOICE, or payment refund).")
            }
            if global.json {
                return try Output.json(Merged(
                    base: receipt.payment,
                    extra: PaymentFigures(
                        invoiceNumber: invoice, invoiceStatus: receipt.invoice.status,
                        openAmount: receipt.invoice.openAmount, overpayment: receipt.overpayment,
                        customerBecameRegular: receipt.becameRegular)))
            }
            print("Recorded \(amount.formatted(lang)) for \(invoice) as payment \(receipt.payment.id): now "
                + "\(receipt.invoice.status.rawValue), open \(receipt.invoice.openAmount.formatted(lang)).")
            if receipt.payment.toCosts.cents > 0 || receipt.payment.toInterest.cents > 0 {
                print("Allocated by § 367 BGB: costs \(receipt.payment.toCosts.formatted(lang)), interest "
                    + "\(receipt.payment.toInterest.formatted(lang)), invoice \(receipt.payment.toPrincipal.formatted(lang)).")
            }
            if receipt.becameRegular {
                let name = receipt.invoice.buyer?.name ?? "Customer \(receipt.invoice.customerId)"
                print("\(name) is now a regular customer.")
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
            print("Booked \(booked.amount.formatted(global.language)) from entry \(entry) on \(invoice).")
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
            print("Reversed payment \(id) with entry \(result.reversal.id) (\(result.reversal.amount.formatted(lang))): "
                + "\(result.invoice.number ?? "?") is \(result.invoice.status.rawValue), open "
                + "\(result.invoice.openAmount.formatted(lang)).")
            if let entry = result.bankEntryReturned {
                print("Bank entry \(entry) is back in the review queue ('kontor import review').")
            }
            if let status = result.customerStatus {
                let name = result.invoice.buyer?.name ?? "Customer \(result.invoice.customerId)"
                print("\(name) is \(status.rawValue) again.")
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
            print("Credit of \(try await kontor.customerName(id: customer)): \(credit.total.formatted(lang))")
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
            print("Applied \(receipt.payment.amount.formatted(lang)) credit to \(invoice): now "
                + "\(receipt.invoice.status.rawValue), open \(receipt.invoice.openAmount.formatted(lang)).")
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
            print("Recorded a refund of \((-total).formatted(global.language)) to "
                + "\(try await kontor.customerName(id: customer)).")
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
            if payments.isEmpty { return print("No payments.") }
            let names = try await kontor.customerNames(ids: Set(payments.map(\.customerId)))
            Output.table(
                ["ID", "Date", "Invoice", "Customer", "Kind", "Amount", "Note"],
                payments.map { ["\($0.id)", $0.receivedOn.formatted(global.language), "\($0.invoiceId)",
                                names[$0.customerId] ?? "\($0.customerId)",
                                $0.kind.rawValue, $0.amount.formatted(global.language), $0.note ?? ""] },
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
