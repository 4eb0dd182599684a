public import Foundation
public import KontorCore
public import KontorEInvoice
import KontorPDF

/// A received e-invoice (XRechnung, ZUGFeRD) printed in Kontor's letter layout, so that it can be read,
/// filed and forwarded like any paper invoice.
public enum ReceivedInvoiceDocument {
    public static func pdf(_ invoice: ReceivedInvoice, language: Language = .de) throws -> Data {
        let texts = DocumentTexts(language: language)
        let seller = invoice.seller
        var profile = BusinessProfile(name: seller.name)
        if let city = seller.city {
            profile.address = PostalAddress(
                street: seller.addressLines.first ?? "", postalCode: seller.postcode ?? "", city: city,
                country: seller.countryCode ?? "DE")
        }
        profile.email = seller.contact?.email ?? seller.email
        profile.phone = seller.contact?.phone
        profile.taxNumber = seller.taxNumber
        profile.vatId = seller.vatID
        if let account = invoice.paymentMeans.compactMap(\.accountID).first { profile.iban = try? IBAN(account) }
        profile.bic = invoice.paymentMeans.compactMap(\.bic).first
        let buyer = invoice.buyer
        let recipient = [buyer.name] + buyer.addressLines + [buyer.cityLine].compactMap { $0 }
        let kind = CodeNames.documentType(invoice.typeCode, isCreditNote: invoice.isCreditNote, language: language)
        var info: [(String, String)] = [(texts.invoiceNumber, invoice.number), (texts.date, invoice.issueDate.formatted(language))]
        if let reference = invoice.buyerReference { info.append((texts.buyerReference, reference)) }
        if let due = invoice.dueDate { info.append((language == .de ? "Fällig am" : "Due", due.formatted(language))) }
        var letter = try LetterComposer(
            sender: profile, recipient: recipient, info: info, subject: "\(kind) \(invoice.number)",
            title: "\(kind) \(invoice.number)", language: language, date: invoice.issueDate)
        let currency = invoice.currency
        func money(_ amount: DecimalAmount?) -> String { amount.map { $0.formatted(language, currency: currency) } ?? "" }
        let rows = invoice.lines.map { line in
            PDFTableRow([
                line.id, [line.name, line.description].compactMap { $0 }.joined(separator: "\n"),
                line.quantity.map { $0.formatted(language, minimumFractionDigits: 0) } ?? "",
                line.unitCode.map { CodeNames.unitName($0, quantity: line.quantity ?? DecimalAmount(2), language: language) } ?? "",
                money(line.netPrice), line.vatRate.map { "\($0.formatted(language, minimumFractionDigits: 0)) %" } ?? "",
                money(line.netAmount),
            ])
        }
        letter.plainTable(letter.lineTable().fitted(to: rows, flexible: 1), rows: rows)
        letter.totalLine(language == .de ? "Summe Positionen" : "Sum of lines", money(invoice.totals.lineTotal))
        for allowance in invoice.allowancesAndCharges {
            let label = allowance.reason ?? (allowance.isCharge ? (language == .de ? "Zuschlag" : "Charge") : (language == .de ? "Nachlass" : "Allowance"))
            letter.totalLine(label, (allowance.isCharge ? "" : "-") + money(allowance.amount))
        }
        letter.totalLine(texts.netTotal, money(invoice.totals.taxExclusive))
        for group in invoice.vatBreakdown {
            let rate = group.rate.map { $0.formatted(language, minimumFractionDigits: 0) } ?? "0"
            letter.totalLine("\(CodeNames.vatCategory(group.category, language: language)) \(rate) %", money(group.taxAmount))
        }
        letter.totalLine(texts.grossTotal, money(invoice.totals.grandTotal), style: letter.bold, rule: true)
        if invoice.totals.duePayable != invoice.totals.grandTotal {
            letter.totalLine(language == .de ? "Zu zahlen" : "Amount due", money(invoice.totals.duePayable), style: letter.bold)
        }
        letter.y += 8
        if let terms = invoice.paymentTerms { letter.paragraph(terms) }
        for note in invoice.notes { letter.paragraph(note.text, style: letter.small.withSize(8.5)) }
        let warnings = invoice.arithmeticWarnings(language: language)
        if !warnings.isEmpty {
            letter.paragraph((language == .de ? "Prüfhinweise: " : "Checks: ") + warnings.joined(separator: " "),
                             style: letter.small.withSize(8.5))
        }
        return letter.finish().serialized()
    }
}
