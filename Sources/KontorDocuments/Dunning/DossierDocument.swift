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
    /// Who the cover page is addressed to: a lawyer's address lines, or nil for the writer's own files.
    public var addressee: [String]?
    /// Whether private notes appear in the timeline (off by default: they are the writer's, not evidence).
    public var includeNotes: Bool
    /// The evidence the dossier lists, embedded as files: the invoice and every letter sent.
    public var attachments: [DossierAttachment]

    /// Creates the facts.
    public init(
        seller: BusinessProfile, dunningCase: DunningCase, letter: DunningLetter, timeline: [TimelineEvent],
        limitationEnd: Day, addressee: [String]? = nil, includeNotes: Bool = false,
        attachments: [DossierAttachment] = []
    ) {
        self.seller = seller
        self.dunningCase = dunningCase
        self.letter = letter
        self.timeline = timeline
        self.limitationEnd = limitationEnd
        self.addressee = addressee
        self.includeNotes = includeNotes
        self.attachments = attachments
    }

    /// The timeline as the dossier prints it: private notes only when chosen.
    public var printedTimeline: [TimelineEvent] { includeNotes ? timeline : timeline.filter { $0.kind != .note } }
}

/// A PDF that the dossier carries as evidence (an embedded file, listed under "Anlagen").
public struct DossierAttachment: Sendable {
    public var fileName: String
    public var data: Data
    /// What it is, e.g. "Rechnung 2026-0001" or "1. Mahnung vom 02.03.2026".
    public var description: String

    /// Creates an attachment.
    public init(fileName: String, data: Data, description: String) {
        self.fileName = fileName
        self.data = data
        self.description = description
    }
}

/// Renders the dossier: an internal document with a cover page addressed to the writer (or a lawyer), the claim
/// table for the Mahnantrag, the parties, the timeline and the evidence attached as PDF files. Nothing in it is
/// meant for the debtor, so it has no window address of theirs and is handed over, not sent.
public enum DossierDocument {
    public static func pdf(_ facts: DossierFacts) throws -> Data {
        let language = Language.de
        let texts = DocumentTexts(language: language)
        let claim = facts.dunningCase
        let number = facts.letter.invoiceNumber
        let ownLines = [facts.seller.name] + (facts.seller.address?.lines ?? [])
        var letter = try LetterComposer(
            sender: facts.seller, recipient: facts.addressee ?? ownLines,
            info: [(texts.date, facts.letter.createdOn.formatted(language)), (texts.invoiceNumber, number),
                   ("Schuldner", claim.customer.name)],
            subject: "Übergabe-Dossier (intern): Rechnung \(number), \(claim.customer.name)",
            title: "Übergabe-Dossier \(number)", language: language, date: facts.letter.createdOn)
        letter.paragraph("Internes Dokument für die eigenen Unterlagen"
            + (facts.addressee == nil ? "" : " und die anwaltliche Vertretung")
            + ": nicht an den Schuldner senden. Es enthält die Angaben für den Mahnantrag, die Forderung am "
            + "\(claim.letterDate.formatted(language)), den Verlauf und als Anlagen die Rechnung und jedes "
            + "versandte Schreiben.")
        letter.paragraph("Forderung für den Mahnantrag (www.online-mahnantrag.de)", style: letter.bold)
        let table = PDFTable(
            columns: [PDFTableColumn("Posten", width: .mm(130)),
                      PDFTableColumn("Betrag", width: .mm(35), alignment: .right)],
            x: .mm(LetterLayout.leftMargin), headerStyle: letter.bold.withSize(8.5), bodyStyle: letter.body.withSize(9),
            cellPadding: 2, rowPadding: 2, headerBackground: .gray(0.92), headerRule: PDFTableRule(lineWidth: 0.6),
            rowRule: PDFTableRule(lineWidth: 0.2, color: .gray(0.75)))
        letter.plainTable(table, rows: claimRows(facts).map { PDFTableRow([$0.item, $0.amount]) }
            + [PDFTableRow(["Forderung gesamt (Zinsen, Pauschale und Kosten ohne Umsatzsteuer)",
                            claim.claimTotal.formatted(language)], style: letter.bold.withSize(9))])
        letter.paragraph("Parteien und Forderungsgrund", style: letter.bold)
        for line in lines(facts) { letter.paragraph(line, spacingAfter: 3) }
        letter.paragraph("Verjährung (§§ 195, 199 BGB): mit Ablauf des \(facts.limitationEnd.formatted(language)). "
            + "Ein Mahnbescheid hemmt die Verjährung.")
        letter.paragraph("Verlauf" + (facts.includeNotes ? " (mit eigenen Notizen)" : ""), style: letter.bold)
        for event in facts.printedTimeline {
            letter.paragraph(DossierTimeline.line(event), style: letter.small.withSize(8.5), spacingAfter: 1.5)
        }
        letter.paragraph("Anlagen (in dieser PDF-Datei eingebettet)", style: letter.bold)
        if facts.attachments.isEmpty { letter.paragraph("keine") }
        for (index, attachment) in facts.attachments.enumerated() {
            letter.paragraph("\(index + 1). \(attachment.description) (\(attachment.fileName))", spacingAfter: 1.5)
        }
        let created = letter.document.info.creationDate
        let files = facts.attachments.map {
            PDFAttachment(fileName: $0.fileName, data: $0.data, mimeType: "application/pdf",
                          description: $0.description, relationship: .supplement, modificationDate: created)
        }
        return letter.finish(attachments: files).serialized()
    }

    /// The claim's items as the Mahnantrag asks for them: principal, interest per principal part, settled
    /// interest, costs and the lump sum, each with its amount.
    public static func claimRows(_ facts: DossierFacts) -> [(item: String, amount: String)] {
        let language = Language.de
        let claim = facts.dunningCase
        var rows = [("Hauptforderung: Rechnung \(facts.letter.invoiceNumber) vom "
                     + "\(claim.invoice.issueDate?.formatted(language) ?? "?")", claim.principal.formatted(language))]
        for part in claim.principalParts {
            rows.append(("Zinsen aus \(part.amount.formatted(language)), \(claim.marginPoints) Prozentpunkte über dem "
                         + "Basiszinssatz ab \(part.interestFrom.formatted(language)) bis "
                         + "\(claim.letterDate.formatted(language))", part.interestToDate.formatted(language)))
        }
        if let settled = claim.settledInterest, settled.amount.cents > 0 {
            rows.append(("Ausgerechnete Zinsen \(settled.from.formatted(language)) – "
                         + "\(settled.through.formatted(language))", settled.amount.formatted(language)))
        }
        if claim.costs.cents > 0 { rows.append(("Mahnkosten (Porto, Druck)", claim.costs.formatted(language))) }
        if claim.lumpSum.cents > 0 {
            rows.append(("Verzugspauschale § 288 Abs. 5 BGB", claim.lumpSum.formatted(language)))
        }
        return rows
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
