public import Foundation
public import KontorCore
import KontorPDF

/// A plain business letter in the same layout (used for reminders and other correspondence).
public enum LetterDocument {
    /// Renders a letter with a subject and paragraphs; `references` fill the information block; `formal` chooses
    /// "Sehr geehrte Frau …" over "Guten Tag Frau …".
    public static func pdf(
        from seller: BusinessProfile, to customer: Customer, date: Day, subject: String, paragraphs: [String],
        references: [(String, String)] = [], formal: Bool = true
    ) throws -> Data {
        let language = customer.language
        let texts = DocumentTexts(language: language)
        let info = [(texts.date, date.formatted(language)), (texts.customerNumber, "\(customer.id)")] + references
        var letter = try LetterComposer(
            sender: seller, recipient: InvoiceDocument.recipientLines(customer), info: info, subject: subject,
            title: subject, language: language, date: date)
        letter.paragraph(customer.salutation(language: language, formal: formal), spacingAfter: 4)
        for paragraph in paragraphs { letter.paragraph(paragraph) }
        letter.paragraph(texts.regards, spacingAfter: 3)
        letter.paragraph(seller.name)
        return letter.finish().serialized()
    }
}
