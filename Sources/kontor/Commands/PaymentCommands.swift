import ArgumentParser
import KontorApp
import KontorCore

struct PaymentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payment", abstract: "Payments received.", subcommands: [Add.self, List.self, Match.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a (partial) payment; an overpayment stays as credit on the customer.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Invoice number.") var invoice: String
        @Option(help: "Amount received, e.g. 100.00 or 1.234,56.") var amount: String
        @Option(help: "Day received, YYYY-MM-DD (default: today).") var date: String?
        @Option(help: "Note, e.g. the bank reference.") var note: String?

        func run() async throws {
            let amount = try Money(parsingNonNegative: self.amount, what: "payment amount")
            let day = try parseDay(date, what: "payment date") ?? global.day()
            let receipt = try await global.kontor().addPayment(invoice: invoice, amount: amount, on: day, note: note)
            let lang = global.language
            if receipt.overpayment.cents > 0 {
                Output.warn("\(receipt.overpayment.formatted(lang)) more than was open on \(invoice); "
                    + "kept as credit on customer \(receipt.invoice.customerId).")
            }
            if global.json {
                return try Output.json(Merged(
                    base: receipt.payment,
                    extra: PaymentFigures(
                        invoiceNumber: invoice, invoiceStatus: receipt.invoice.status,
                        openAmount: receipt.invoice.openAmount, overpayment: receipt.overpayment,
                        customerBecameRegular: receipt.becameRegular)))
            }
            print("Recorded \(amount.formatted(lang)) for \(invoice): now \(receipt.invoice.status.rawValue), "
                + "open \(receipt.invoice.openAmount.formatted(lang)).")
            if receipt.becameRegular { print("Customer \(receipt.invoice.customerId) is now a regular customer.") }
        }
    }

    struct Match: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
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

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List payments.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only for this invoice number.") var invoice: String?
        @Option(help: "Only of this customer.") var customer: Int64?

        func run() async throws {
            let payments = try await global.kontor().payments(invoice: invoice, customerId: customer)
            if global.json { return try Output.json(payments) }
            if payments.isEmpty { return print("No payments.") }
            Output.table(
                ["ID", "Date", "Invoice", "Customer", "Amount", "Note"],
                payments.map { ["\($0.id)", $0.receivedOn.formatted(global.language), "\($0.invoiceId)", "\($0.customerId)",
                                $0.amount.formatted(global.language), $0.note ?? ""] },
                rightAligned: [0, 4])
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
