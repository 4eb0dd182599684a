import Foundation
import Hummingbird
import KontorApp
import KontorCore

/// Received e-invoices (XRechnung CII or UBL, ZUGFeRD/Factur-X PDF): upload one and read it as a person would,
/// or take it as a PDF in Kontor's letter layout. Nothing is stored.
struct ReceivedInvoiceController: Sendable {
    let services: AppServices

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self)
            .get(use: self.form)
            .post(use: self.read)
    }

    /// GET /received-invoices
    @Sendable func form(request: Request, context: AppRequestContext) async throws -> Response {
        try render(FormState(), reading: nil, request: request, context: context)
    }

    /// POST /received-invoices: shows the uploaded invoice, or sends it back as PDF when asked.
    @Sendable func read(request: Request, context: AppRequestContext) async throws -> Response {
        let texts = Texts(context.language)
        var state = FormState(context.form)
        guard let file = context.files.first(where: { $0.fieldName == "einvoice" }), !file.data.isEmpty else {
            state.errors["einvoice"] = texts["err_file"]
            return try render(state, reading: nil, request: request, context: context, status: .unprocessableContent)
        }
        do {
            if context.form.flag("asPDF") {
                let invoice = try services.kontor.readEInvoice(data: file.data, fileName: file.fileName)
                let pdf = try services.kontor.receivedInvoicePDF(invoice, language: context.language)
                let name = (file.fileName as NSString).deletingPathExtension + "-lesbar.pdf"
                return .download(RenderedDocument(fileName: name, data: pdf), contentType: "application/pdf")
            }
            let reading = try services.kontor.readEInvoice(
                data: file.data, fileName: file.fileName, language: context.language)
            return try render(FormState(), reading: ReceivedInvoiceView(reading, fileName: file.fileName, texts: texts),
                              request: request, context: context)
        } catch {
            guard let message = ErrorText(texts).message(error) else { throw error }
            state.errors["einvoice"] = message
            return try render(state, reading: nil, request: request, context: context, status: .unprocessableContent)
        }
    }

    private func render(
        _ state: FormState, reading: ReceivedInvoiceView?, request: Request, context: AppRequestContext,
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let texts = Texts(context.language)
        let make = FieldFactory(state: state, texts: texts)
        var file = make.text("einvoice", "f_received_einvoice", type: "file", required: true, hint: texts["h_received_einvoice"], wide: true)
        file.placeholder = nil
        let page = ReceivedInvoicesPage(fields: [file, make.checkbox("asPDF", "f_einvoice_pdf")], reading: reading)
        return try services.page("einvoices/index", area: .invoices, title: texts["einvoice_title"], page,
                                 request: request, context: context, status: status)
    }
}

/// The upload form and, after an upload, what the invoice says.
struct ReceivedInvoicesPage: Sendable, Encodable {
    let fields: [FieldView]
    let reading: ReceivedInvoiceView?
}

/// A received invoice on the page.
struct ReceivedInvoiceView: Sendable, Encodable {
    let fileName: String
    let heading: String
    let facts: [Fact]
    let hasWarnings: Bool
    let warnings: [String]
    let report: String

    init(_ reading: ReceivedInvoiceReading, fileName: String, texts: Texts) {
        self.fileName = fileName
        heading = "\(reading.kind) \(reading.number)"
        facts = [
            Fact(term: texts["einvoice_seller"], detail: reading.sellerName),
            Fact(term: texts["einvoice_buyer"], detail: reading.buyerName),
            Fact(term: texts["einvoice_issued"], detail: texts.day(reading.issueDate)),
            Fact(term: texts["invoice_due"], detail: texts.day(reading.dueDate)),
            Fact(term: texts["einvoice_amount_due"], detail: reading.amountDueEuros.map(texts.money) ?? reading.amountDue),
            Fact(term: texts["einvoice_syntax"], detail: reading.syntax),
        ]
        warnings = reading.warnings
        hasWarnings = !warnings.isEmpty
        report = reading.report
    }
}
