public import Foundation
public import KontorCore
import KontorPDF

/// The hand-over dossier: everything the online Mahnantrag asks for, the claim as of today, and the customer's
/// whole timeline as evidence. For the writer's own files (or a lawyer), not for the customer.
public struct DossierFacts: Sendable {
    public var seller: BusinessProfile
    /// The claim, from the same builder as the letters.
    public var dunningCase: DunningCase
    public var letter: DunningLetter
    public var timeline: [TimelineEvent]
    public var limitationEnd: Day

    /// Creates the facts.
    public init(
        seller: BusinessProfile, dunningCase: DunningCase, letter: DunningLetter, timeline: [TimelineEvent],
        limitationEnd: Day
    ) {
        self.seller = seller
        self.dunningCase = dunningCase
        self.letter = letter
        self.timeline = timeline
        self.limitationEnd = limitationEnd
    }
}

/// Renders the dossier as a PDF in the letter layout.
public enum DossierDocument {
    public static func pdf(_ facts: DossierFacts) throws -> Data {
        let language = Language.de
        let texts = DocumentTexts(language: language)
        let claim = facts.dunningCase
        let number = facts.letter.invoiceNumber
        var letter = try LetterComposer(
            sender: facts.seller, recipient: InvoiceDocument.recipientLines(claim.customer),
            info: [(texts.date, facts.letter.createdOn.formatted(language)), (texts.invoiceNumber, number),
                   (texts.customerNumber, "\(claim.customer.id)")],
            subject: "Dossier für den Mahnantrag: Rechnung \(number)", title: "Dossier \(number)", language: language,
            date: facts.letter.createdOn)
        letter.paragraph("Angaben für den Mahnantrag (www.online-mahnantrag.de)", style: letter.bold)
        for line in lines(facts) { letter.paragraph(line, spacingAfter: 3) }
        letter.paragraph("Forderung gesamt am \(claim.letterDate.formatted(language)): "
            + "\(claim.claimTotal.formatted(language)) (Zinsen, Pauschale und Kosten ohne Umsatzsteuer)",
            style: letter.bold, spacingAfter: 3)
        letter.paragraph("Verjährung (§§ 195, 199 BGB): mit Ablauf des \(facts.limitationEnd.formatted(language)). "
            + "Ein Mahnbescheid hemmt die Verjährung.")
        letter.paragraph("Verlauf", style: letter.bold)
        for event in facts.timeline {
            letter.paragraph(DossierTimeline.line(event), style: letter.small.withSize(8.5), spacingAfter: 1.5)
        }
        return letter.finish().serialized()
    }

    /// The Mahnantrag's fields in its order: parties, Hauptforderung, interest per principal part (each with its
    /// own start, so interest already worked out up to a payment is never claimed again), Auslagen and
    /// Nebenforderungen (issue 13 item 7).
    public static func lines(_ facts: DossierFacts) -> [String] {
        let language = Language.de
        let claim = facts.dunningCase
        let number = facts.letter.invoiceNumber
        var lines: [String] = []
        var applicant = [facts.seller.name] + (facts.seller.address?.lines ?? [])
        if let iban = facts.seller.iban { applicant.append("IBAN \(iban.description)") }
        lines.append("Antragsteller: " + applicant.joined(separator: ", "))
        // Consumer or business as at issue: it decides the rate and the lump sum.
        let debtorKind = claim.debtor == .business ? "Unternehmen" : "Verbraucher"
        lines.append("Antragsgegner (\(debtorKind)): "
            + ([claim.customer.name] + (claim.customer.addressName(language: .de).map { ["z. Hd. \($0)"] } ?? [])
               + (claim.customer.address?.lines ?? [])).joined(separator: ", "))
        lines.append("Hauptforderung: Dienstleistungs-/Werkvertrag gemäß Rechnung \(number) vom "
            + "\(claim.invoice.issueDate?.formatted(language) ?? "?"), offen \(claim.principal.formatted(language))")
        for part in claim.principalParts {
            lines.append("Laufende Zinsen: aus \(part.amount.formatted(language)), \(claim.marginPoints) Prozentpunkte "
                + "über dem jeweiligen Basiszinssatz ab \(part.interestFrom.formatted(language)) (bis "
                + "\(claim.letterDate.formatted(language)): \(part.interestToDate.formatted(language)))")
        }
        if let settled = claim.settledInterest, settled.amount.cents > 0 {
            lines.append("Nebenforderung: ausgerechnete Zinsen vom \(settled.from.formatted(language)) bis "
                + "\(settled.through.formatted(language)), \(settled.amount.formatted(language)) "
                + "(nach Abzug gezahlter Zinsen)")
        }
        if claim.costs.cents > 0 {
            lines.append("Auslagen: Mahnkosten (Porto, Druck), \(claim.costs.formatted(language))")
        }
        if claim.lumpSum.cents > 0 {
            lines.append("Nebenforderung: Verzugspauschale nach § 288 Abs. 5 BGB, \(claim.lumpSum.formatted(language))"
                + " (weitere Kosten der Rechtsverfolgung werden darauf angerechnet, § 288 Abs. 5 Satz 3 BGB)")
        }
        return lines
    }
}
