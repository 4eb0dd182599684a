public import Foundation
public import KontorCore
import KontorPDF

/// The hand-over dossier: everything the online Mahnantrag asks for, the claim as of today, and the customer's
/// whole timeline as evidence. For the writer's own files (or a lawyer), not for the customer.
public struct DossierFacts: Sendable {
    public var seller: BusinessProfile
    public var customer: Customer
    public var invoice: Invoice
    public var letter: DunningLetter
    public var defaultFrom: Day?
    public var timeline: [TimelineEvent]
    public var limitationEnd: Day

    /// Creates the facts.
    public init(
        seller: BusinessProfile, customer: Customer, invoice: Invoice, letter: DunningLetter, defaultFrom: Day?,
        timeline: [TimelineEvent], limitationEnd: Day
    ) {
        self.seller = seller
        self.customer = customer
        self.invoice = invoice
        self.letter = letter
        self.defaultFrom = defaultFrom
        self.timeline = timeline
        self.limitationEnd = limitationEnd
    }
}

/// Renders the dossier as a PDF in the letter layout.
public enum DossierDocument {
    public static func pdf(_ facts: DossierFacts) throws -> Data {
        let language = Language.de
        let texts = DocumentTexts(language: language)
        let number = facts.letter.invoiceNumber
        let margin = DefaultInterest.marginBasisPoints(debtor: facts.customer.kind) / 100
        var letter = try LetterComposer(
            sender: facts.seller, recipient: InvoiceDocument.recipientLines(facts.customer),
            info: [(texts.date, facts.letter.createdOn.formatted(language)), (texts.invoiceNumber, number),
                   (texts.customerNumber, "\(facts.customer.id)")],
            subject: "Dossier für den Mahnantrag: Rechnung \(number)", title: "Dossier \(number)", language: language,
            date: facts.letter.createdOn)
        letter.paragraph("Angaben für den Mahnantrag (www.online-mahnantrag.de)", style: letter.bold)
        var applicant = [facts.seller.name] + (facts.seller.address?.lines ?? [])
        if let iban = facts.seller.iban { applicant.append("IBAN \(iban.description)") }
        letter.paragraph("Antragsteller: " + applicant.joined(separator: ", "), spacingAfter: 3)
        let debtorKind = facts.customer.kind == .business ? "Unternehmen" : "Verbraucher"
        letter.paragraph("Antragsgegner (\(debtorKind)): "
            + ([facts.customer.name] + (facts.customer.addressName(language: .de).map { ["z. Hd. \($0)"] } ?? [])
               + (facts.customer.address?.lines ?? [])).joined(separator: ", "), spacingAfter: 3)
        letter.paragraph("Hauptforderung: Dienstleistungs-/Werkvertrag gemäß Rechnung \(number) vom "
            + "\(facts.invoice.issueDate?.formatted(language) ?? "?"), offen \(facts.letter.openAmount.formatted(language))",
            spacingAfter: 3)
        if let from = facts.defaultFrom {
            letter.paragraph("Zinsen: \(margin) Prozentpunkte über dem jeweiligen Basiszinssatz seit \(from.formatted(language)) "
                + "(bis \(facts.letter.createdOn.formatted(language)): \(facts.letter.interest.formatted(language)))", spacingAfter: 3)
        }
        if facts.letter.lumpSum.cents > 0 {
            letter.paragraph("Nebenforderung: Verzugspauschale nach § 288 Abs. 5 BGB, \(facts.letter.lumpSum.formatted(language))",
                             spacingAfter: 3)
        }
        if facts.letter.costs.cents > 0 {
            letter.paragraph("Nebenforderung: Mahnkosten (Porto, Druck), \(facts.letter.costs.formatted(language))", spacingAfter: 3)
        }
        letter.paragraph("Forderung gesamt: \(facts.letter.claimTotal.formatted(language)) (Zinsen und Pauschale ohne Umsatzsteuer)",
                         style: letter.bold, spacingAfter: 3)
        letter.paragraph("Verjährung (§§ 195, 199 BGB): mit Ablauf des \(facts.limitationEnd.formatted(language)). "
            + "Ein Mahnbescheid hemmt die Verjährung.")
        letter.paragraph("Verlauf", style: letter.bold)
        for event in facts.timeline {
            letter.paragraph(DossierTimeline.line(event), style: letter.small.withSize(8.5), spacingAfter: 1.5)
        }
        return letter.finish().serialized()
    }
}
