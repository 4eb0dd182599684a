import ArgumentParser
import KontorApp
import KontorCore

/// Correcting an invoice draft before it is issued: its fields, its lines, or deleting it.
/// Issued invoices are refused by the use cases with the way to correct them (`invoice cancel`).
extension InvoiceCommand {
    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit",
            abstract: "Change a draft; only the options given change.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Draft id.") var reference: String
        @Option(help: "Another customer (only for a draft with free lines).") var customer: Int64?
        @Option(help: "Service date or first day of the service period, YYYY-MM-DD.") var serviceFrom: String?
        @Option(help: "Last day of the service period, YYYY-MM-DD.") var serviceTo: String?
        @Option(help: "Payment term in days, 0 to 120.") var paymentTerm: Int?

        func run() async throws {
            let invoice = try await global.kontor().editDraft(reference, DraftEdit(
                customerId: customer, serviceFrom: try parseDay(serviceFrom, what: .serviceDate),
                serviceTo: try parseDay(serviceTo, what: .serviceEnd), paymentTermDays: paymentTerm))
            try await InvoiceCommand.present(invoice, global: global)
        }
    }

    struct EditLine: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit-line", abstract: "Change a line of a draft; only the options given change.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Draft id.") var reference: String
        @Argument(help: "Position of the line, as shown (1 is the first).") var position: Int
        @OptionGroup var line: LineChangeOptions

        func run() async throws {
            let invoice = try await global.kontor().editInvoiceLine(reference, position: position, try line.change())
            try await InvoiceCommand.present(invoice, global: global)
        }
    }

    struct RemoveLine: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove-line", abstract: "Remove a line of a draft.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Draft id.") var reference: String
        @Argument(help: "Position of the line, as shown (1 is the first).") var position: Int

        func run() async throws {
            let invoice = try await global.kontor().removeInvoiceLine(reference, position: position)
            try await InvoiceCommand.present(invoice, global: global)
        }
    }

    struct MoveLine: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "move-line", abstract: "Move a line of a draft to another position.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Draft id.") var reference: String
        @OptionGroup var move: MoveOptions

        func run() async throws {
            let invoice = try await global.kontor().moveInvoiceLine(reference, position: move.position, to: move.to)
            try await InvoiceCommand.present(invoice, global: global)
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "delete",
            abstract: "Delete a draft (it has no number yet, so no gap is left).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Draft id.") var reference: String

        func run() async throws {
            let draft = try await global.kontor().deleteDraft(reference)
            if global.json { return try Output.json(DeletedJSON(deleted: "invoice draft", id: draft.id)) }
            print(global.say("Deleted invoice draft \(draft.id).", "Rechnungsentwurf \(draft.id) gelöscht."))
        }
    }
}
