/// The one wording of a timeline event, from its facts, in German and English: the CLI, the web app and the
/// hand-over dossier all show these words.
extension TimelineEvent {
    /// "Rechnung 2026-0042 ausgestellt" / "Invoice 2026-0042 issued".
    public func title(_ language: Language) -> String {
        let de = language == .de
        let about = facts.invoiceNumber.map { de ? " (Rechnung \($0))" : " (invoice \($0))" } ?? ""
        let subject = facts.subject ?? ""
        switch kind {
        case .customerCreated: return de ? "Kunde angelegt" : "Customer created"
        case .inquiry:
            let channel = facts.status.flatMap(InquiryChannel.init(rawValue:)) ?? .other
            let how: (String, String) = switch channel {
            case .phone: ("by phone", "per Telefon")
            case .email: ("by e-mail", "per E-Mail")
            case .form: ("through the form", "über das Formular")
            case .referral: ("by referral", "auf Empfehlung")
            case .other: ("another way", "auf anderem Weg")
            }
            return de ? "Anfrage \(how.1): \(subject)" : "Inquiry \(how.0): \(subject)"
        case .inquiryAnswered: return de ? "Anfrage beantwortet" : "Inquiry answered"
        case .inquiryClosed:
            let won = facts.status == InquiryStatus.won.rawValue
            return de ? (won ? "Anfrage gewonnen" : "Anfrage nicht zustande gekommen") : (won ? "Inquiry won" : "Inquiry lost")
        case .quote: return de ? "Angebot: \(subject)" : "Quote: \(subject)"
        case .quoteDecided:
            let status = facts.status.flatMap(QuoteStatus.init(rawValue:)) ?? .declined
            return de ? "Angebot \(status.word(.de))" : "Quote \(status.word(.en))"
        case .job: return de ? "Auftrag: \(subject)" : "Job: \(subject)"
        case .deadlineChanged:
            let new = facts.day.map { $0.formatted(language) } ?? "–"
            if let previous = facts.previousDay?.formatted(language) {
                return de ? "Termin verschoben vom \(previous) auf den \(new)" : "Deadline moved from \(previous) to \(new)"
            }
            return de ? "Termin festgelegt auf den \(new)" : "Deadline set to \(new)"
        case .jobStarted: return de ? "Auftrag begonnen" : "Job started"
        case .workLogged:
            let hours = facts.quantity.map { $0.formatted(language) } ?? "–"
            let words = facts.status.map { de ? ", \($0) Wörter" : ", \($0) words" } ?? ""
            return (de ? "Arbeit erfasst: \(hours) h" : "Work logged: \(hours) h") + words
        case .jobDelivered: return de ? "Auftrag geliefert" : "Job delivered"
        case .jobAccepted: return de ? "Auftrag abgenommen" : "Job accepted"
        case .revision:
            return (facts.status.flatMap(RevisionKind.init(rawValue:)) ?? .critique).word(language).capitalizedFirst
        case .invoice: return de ? "Rechnung \(reference ?? "") ausgestellt" : "Invoice \(reference ?? "") issued"
        case .cancellation:
            let original = facts.invoiceNumber.map { de ? " zu Rechnung \($0)" : " for invoice \($0)" } ?? ""
            return (de ? "Stornorechnung \(reference ?? "")" : "Cancellation invoice \(reference ?? "")") + original
        case .payment:
            let kind = facts.status.flatMap(PaymentKind.init(rawValue:)) ?? .received
            let words: (String, String) = switch kind {
            case .received: ("Payment received", "Zahlung erhalten")
            case .reversal: ("Payment reversed (counter-entry)", "Zahlung zurückgebucht (Gegenbuchung)")
            case .creditOut: ("Credit moved to another invoice", "Guthaben auf eine andere Rechnung übertragen")
            case .creditIn: ("Credit applied", "Guthaben verrechnet")
            case .refund: ("Credit refunded", "Guthaben erstattet")
            }
            return (de ? words.1 : words.0) + about
        case .statusChange:
            let status = facts.status.flatMap(CustomerStatus.init(rawValue:)) ?? .new
            let reason = facts.subject.flatMap(CustomerStatusReason.init(rawValue:)) ?? .byHand
            let became: String = switch status {
            case .regular: de ? "Wird Stammkunde" : "Became a regular customer"
            case .new: de ? "Wieder Neukunde" : "New customer again"
            case .prospect: de ? "Wieder Interessent" : "Prospect again"
            }
            return became + ": " + reason.word(language) + about
        case .reminder:
            // The hand-over goes to the writer's own files or a lawyer, never to the debtor: it is handed over.
            let step = facts.status.flatMap(DunningStep.init(rawValue:))
            let done = step == .handover ? (de ? " übergeben" : " handed over") : (de ? " versendet" : " sent")
            return (step?.label(language) ?? (de ? "Mahnschritt" : "Reminder")) + done + about
        case .mailSent:
            let recipient = facts.recipient ?? "–"
            return de ? "E-Mail „\(subject)“ an \(recipient) gesendet" : "E-mail “\(subject)” sent to \(recipient)"
        case .promise:
            let by = facts.day.map { de ? " bis \($0.formatted(.de))" : " by \($0.formatted(.en))" } ?? ""
            return (de ? "Zahlungszusage" : "Promise to pay") + by + about
        case .objection: return (de ? "Einspruch" : "Objection") + about
        case .objectionResolved: return (de ? "Einspruch erledigt" : "Objection settled") + about
        case .note: return (de ? "Notiz" : "Note") + about
        }
    }

    /// Amounts and dates behind the title, or the record's own words (a note's text): "brutto 1.190,00 €, fällig
    /// 26.03.2026" / "gross €1,190.00, due 26 Mar 2026"; nil when there is nothing more to say.
    public func details(_ language: Language) -> String? {
        let de = language == .de
        let parts: [String?]
        switch kind {
        case .payment:
            parts = [facts.amount?.formatted(language), facts.subject,
                     facts.actor.map { (de ? "gebucht von " : "booked by ") + $0 }]
        case .invoice:
            parts = [facts.amount.map { (de ? "brutto " : "gross ") + $0.formatted(language) },
                     facts.day.map { (de ? "fällig " : "due ") + $0.formatted(language) },
                     facts.actor.map { (de ? "ausgestellt von " : "issued by ") + $0 }]
        case .cancellation:
            parts = [facts.amount.map { (de ? "brutto " : "gross ") + $0.formatted(language) },
                     facts.actor.map { (de ? "storniert von " : "cancelled by ") + $0 }]
        case .quote:
            parts = [facts.amount.map { (de ? "netto " : "net ") + $0.formatted(language) },
                     facts.termDays.map { de ? "Zahlungsziel \($0) Tage" : "payment term \($0) days" },
                     facts.actor.map { (de ? "erstellt von " : "written by ") + $0 }]
        case .job:
            parts = [facts.day.map { (de ? "Termin " : "deadline ") + $0.formatted(language) },
                     facts.actor.map { (de ? "angelegt von " : "created by ") + $0 }]
        case .inquiry: parts = [detail, facts.actor.map { (de ? "erfasst von " : "recorded by ") + $0 }]
        case .note, .promise, .objection, .objectionResolved:
            parts = [detail, facts.actor.map { (de ? "notiert von " : "noted by ") + $0 }]
        case .mailSent: parts = [facts.messageId.map { "Message-ID <\($0)>" }]
        case .reminder: parts = [detail, facts.actor.map { (de ? "freigegeben von " : "approved by ") + $0 }]
        default: parts = [detail]
        }
        let text = parts.compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
        return text.isEmpty ? nil : text
    }
}
