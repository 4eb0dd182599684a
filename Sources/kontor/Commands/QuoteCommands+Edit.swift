import ArgumentParser
import KontorApp
import KontorCore

/// Correcting an open quote: its fields, its lines, or deleting it.
extension QuoteCommand {
    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit",
            abstract: "Change an open quote; only the options given change.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Quote id.") var id: Int64
        @Option(help: "New title.") var title: String?
        @Option(help: "Another customer (not for a quote that answers an inquiry).") var customer: Int64?
        @Option(help: "Valid until, YYYY-MM-DD (not before the quote's date).") var validUntil: String?
        @Option(help: "Payment term in days, 0 to 120.") var paymentTerm: Int?
        @Option(help: "Revision rounds included in the price.") var revisions: Int?
        @Option(help: "Promised delivery date, YYYY-MM-DD.") var delivery: String?
        @Option(help: "Promised date of a first part, YYYY-MM-DD (before the delivery date).") var firstPart: String?

        func run() async throws {
            let quote = try await global.kontor().editQuote(id: id, QuoteEdit(
                title: title, customerId: customer, validUntil: try parseDay(validUntil, what: .validityDate),
                paymentTermDays: paymentTerm, includedRevisions: revisions,
                deliveryDate: try parseDay(delivery, what: .deliveryDate),
                firstPartDate: try parseDay(firstPart, what: .firstPartDate)))
            try await QuoteCommand.present(quote, global: global)
        }
    }

    struct EditLine: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit-line", abstract: "Change a line of an open quote; only the options given change.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Quote id.") var id: Int64
        @Argument(help: "Position of the line, as shown (1 is the first).") var position: Int
        @OptionGroup var line: LineChangeOptions

        func run() async throws {
            let quote = try await global.kontor().editQuoteLine(quoteId: id, position: position, try line.change())
            try await QuoteCommand.present(quote, global: global)
        }
    }

    struct RemoveLine: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove-line", abstract: "Remove a line of an open quote.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Quote id.") var id: Int64
        @Argument(help: "Position of the line, as shown (1 is the first).") var position: Int

        func run() async throws {
            let quote = try await global.kontor().removeQuoteLine(quoteId: id, position: position)
            try await QuoteCommand.present(quote, global: global)
        }
    }

    struct MoveLine: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "move-line", abstract: "Move a line of an open quote to another position.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Quote id.") var id: Int64
        @OptionGroup var move: MoveOptions

        func run() async throws {
            let quote = try await global.kontor().moveQuoteLine(quoteId: id, position: move.position, to: move.to)
            try await QuoteCommand.present(quote, global: global)
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "delete",
            abstract: "Delete a quote that was not accepted; its inquiry goes back to answered.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Quote id.") var id: Int64

        func run() async throws {
            let result = try await global.kontor().deleteQuote(id: id)
            if global.json {
                return try Output.json(
                    DeletedJSON(deleted: "quote", id: id, inquiryReopened: result.reopenedInquiry?.id))
            }
            print(global.say("Deleted quote \(id).", "Angebot \(id) gelöscht.")
                + (result.reopenedInquiry.map {
                    global.say(" Inquiry \($0.id) is answered again, without a quote.",
                               " Anfrage \($0.id) gilt wieder als beantwortet, ohne Angebot.")
                } ?? ""))
        }
    }
}

/// What a delete command prints with --json.
struct DeletedJSON: Encodable {
    let deleted: String
    let id: Int64
    var inquiryReopened: Int64?
}
