import ArgumentParser
import Foundation
import KontorApp
import KontorCore
import KontorEInvoice

/// `kontor einvoice show FILE`: makes a received XRechnung or ZUGFeRD invoice readable.
struct EInvoiceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "einvoice", abstract: "Received e-invoices (XRechnung, ZUGFeRD).", subcommands: [Show.self])

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show",
            abstract: "Print a received e-invoice (CII or UBL XML, or a ZUGFeRD PDF) as a readable invoice.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The XML or PDF file.") var file: String
        @Option(help: "Also write it as a PDF in the letter layout.") var pdf: String?
        @Option(help: "de or en.") var language: String?

        func run() async throws {
            let data = try InputFile.read(file, limit: InputLimits.einvoiceBytes)
            let language = try self.language.map { try Language.named($0, what: .language) } ?? global.language
            let kontor = Kontor.withoutBook()
            let invoice = try kontor.readEInvoice(data: data, fileName: (file as NSString).lastPathComponent)
            if let pdf {
                do {
                    try kontor.receivedInvoicePDF(invoice, language: language).write(to: URL(fileURLWithPath: pdf))
                } catch let error as CLIError { throw error } catch {
                    throw CLIError.cannotWrite(path: pdf, reason: error.localizedDescription)
                }
            }
            if global.json { return try Output.json(ReceivedInvoiceJSON(invoice)) }
            print(invoice.textReport(language: language))
            for warning in invoice.arithmeticWarnings(language: language) { Output.warn(warning) }
            if let pdf { print(global.say("Wrote \(pdf).", "\(pdf) geschrieben.")) }
        }
    }
}

/// The figures of a received invoice in JSON (amounts as decimal strings).
struct ReceivedInvoiceJSON: Encodable {
    struct Line: Encodable {
        let id: String
        let name: String
        let quantity: String?
        let unitCode: String?
        let netPrice: String?
        let netAmount: String
        let vatRate: String?
    }

    let number: String
    let typeCode: String
    let issueDate: Day
    let dueDate: Day?
    let currency: String
    let seller: String
    let buyer: String
    let lineTotal: String
    let taxExclusive: String
    let vatTotal: String?
    let grandTotal: String
    let duePayable: String
    let lines: [Line]

    init(_ invoice: ReceivedInvoice) {
        number = invoice.number
        typeCode = invoice.typeCode
        issueDate = invoice.issueDate
        dueDate = invoice.dueDate
        currency = invoice.currency
        seller = invoice.seller.name
        buyer = invoice.buyer.name
        lineTotal = invoice.totals.lineTotal.amountString
        taxExclusive = invoice.totals.taxExclusive.amountString
        vatTotal = invoice.totals.vatTotal?.amountString
        grandTotal = invoice.totals.grandTotal.amountString
        duePayable = invoice.totals.duePayable.amountString
        lines = invoice.lines.map {
            Line(id: $0.id, name: $0.name, quantity: $0.quantity?.description, unitCode: $0.unitCode,
                 netPrice: $0.netPrice?.description, netAmount: $0.netAmount.amountString, vatRate: $0.vatRate?.description)
        }
    }
}
