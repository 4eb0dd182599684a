import Foundation
import KontorBanking
import KontorCore
import KontorDocuments
import KontorEInvoice
import KontorMailReader
import KontorPDF

/// One parser a user can feed a file to, as a function of the file's bytes.
///
/// Every target must return normally or throw the parser's own error for any input: a trap, a crash, a hang or
/// memory beyond the limits is what the fuzzer looks for. Errors are expected and ignored.
struct FuzzTarget: Sendable {
    /// The name given on the command line (`kontor-fuzz camt …`).
    let name: String
    /// What the target feeds, for `kontor-fuzz list`.
    let summary: String
    /// Runs one input through the parser.
    let run: @Sendable (Data) -> Void

    /// Every target, in the order the fuzz scripts run them.
    static let all: [FuzzTarget] = [
        bank("camt", "camt.052/053/054 XML (StatementParser, format camt)", .camt),
        bank("camt-zip", "camt ZIP bundles (StatementParser, format camtZip)", .camtZip),
        bank("mt940", "MT940 statements (StatementParser, format mt940)", .mt940),
        bank("csv", "bank CSV exports with preset detection (StatementParser, format csv)", .csv),
        FuzzTarget(name: "bank-detect", summary: "format detection and any bank file (StatementParser)") { data in
            _ = try? StatementParser.parse(data: data, fileName: "fuzz")
        },
        FuzzTarget(name: "cii", summary: "CII XML e-invoices with the text report (EInvoiceReader.readXML)") { data in
            einvoice(data)
        },
        FuzzTarget(name: "ubl", summary: "UBL XML e-invoices with the text report (EInvoiceReader.readXML)") { data in
            einvoice(data)
        },
        FuzzTarget(name: "zugferd", summary: "ZUGFeRD/Factur-X PDF attachments (PDFEmbeddedFiles, EInvoiceReader)") {
            data in
            _ = try? PDFEmbeddedFiles.extract(from: data)
            einvoice(data)
        },
        FuzzTarget(name: "vcard", summary: "vCard files (VCard.parse(data:))") { data in
            _ = try? VCard.parse(data: data, fileName: "fuzz.vcf", today: Day(ordinal: 740_000))
        },
        FuzzTarget(name: "eml", summary: "one e-mail as `mail import` reads it (MailReader, MailSuggestion)") { data in
            mail(Array(data))
        },
        FuzzTarget(name: "mbox", summary: "mbox files split into messages (Mailbox.mbox, MailReader)") { data in
            guard let messages = try? Mailbox.mbox(Array(data), source: "fuzz") else { return }
            for message in messages.prefix(50) { mail(message.bytes) }
        },
        FuzzTarget(name: "amount-date", summary: "typed amounts, quantities, prices and dates (KontorCore readers)") {
            data in
            let text = String(decoding: data.prefix(4096), as: UTF8.self)
            _ = try? Money(parsing: text)
            _ = try? Quantity(parsing: text)
            _ = try? UnitPrice(parsing: text)
            _ = Day(text)
            _ = try? Day.parse(text)
            _ = try? IBAN(text)
        },
    ]

    private static func bank(_ name: String, _ summary: String, _ format: StatementFormat) -> FuzzTarget {
        FuzzTarget(name: name, summary: summary) { data in
            _ = try? StatementParser.parse(data: data, fileName: "fuzz", options: StatementParseOptions(format: format))
        }
    }

    /// Reads a mail and looks for a promise or an objection in its text, as the import does.
    private static func mail(_ bytes: [UInt8]) {
        guard let mail = try? MailReader().read(bytes) else { return }
        _ = MailSuggestion.detect(in: mail.text, receivedOn: Day(ordinal: 740_000))
    }

    /// Reads the invoice and renders what `einvoice show` prints, so the report code is fuzzed too.
    private static func einvoice(_ data: Data) {
        guard let invoice = try? EInvoiceReader.read(data: data, fileName: "fuzz") else { return }
        _ = invoice.textReport(language: .de)
        _ = invoice.arithmeticWarnings
    }
}
