import KontorCore

/// The timeline lines of the hand-over dossier, in German (the dossier goes to the Mahngericht or a lawyer).
enum DossierTimeline {
    /// "12.03.2026  Rechnung 2026-0042 ausgestellt – brutto 1.190,00 €, fällig 26.03.2026".
    static func line(_ event: TimelineEvent) -> String {
        let text = [title(event), detail(event)].compactMap { $0 }.joined(separator: " – ")
        return "\(event.day.formatted(.de))  \(text)"
    }

    private static func title(_ event: TimelineEvent) -> String {
        let facts = event.facts
        let about = facts.invoiceNumber.map { " (Rechnung \($0))" } ?? ""
        switch event.kind {
        case .customerCreated: return "Kunde angelegt"
        case .inquiry:
            let channel: String = switch facts.status.flatMap(InquiryChannel.init(rawValue:)) {
            case .phone?: "per Telefon"
            case .email?: "per E-Mail"
            case .form?: "über das Formular"
            case .referral?: "auf Empfehlung"
            case .other?, nil: "auf anderem Weg"
            }
            return "Anfrage \(channel): \(facts.subject ?? "")"
        case .inquiryAnswered: return "Anfrage beantwortet"
        case .inquiryClosed:
            return facts.status == InquiryStatus.won.rawValue ? "Anfrage gewonnen" : "Anfrage nicht zustande gekommen"
        case .quote: return "Angebot: \(facts.subject ?? "")"
        case .quoteDecided:
            return facts.status == QuoteStatus.accepted.rawValue ? "Angebot angenommen" : "Angebot abgelehnt"
        case .job: return "Auftrag: \(facts.subject ?? "")"
        case .deadlineChanged:
            let new = facts.day.map { $0.formatted(.de) } ?? "–"
            return facts.previousDay.map { "Termin verschoben vom \($0.formatted(.de)) auf den \(new)" }
                ?? "Termin festgelegt auf den \(new)"
        case .jobStarted: return "Auftrag begonnen"
        case .workLogged:
            let hours = facts.quantity.map { $0.formatted(.de) } ?? "–"
            return "Arbeit erfasst: \(hours) h" + (facts.status.map { ", \($0) Wörter" } ?? "")
        case .jobDelivered: return "Auftrag geliefert"
        case .jobAccepted: return "Auftrag abgenommen"
        case .revision: return facts.status == RevisionKind.change.rawValue ? "Änderungswunsch" : "Kritik"
        case .invoice: return "Rechnung \(event.reference ?? "") ausgestellt"
        case .cancellation:
            return "Stornorechnung \(event.reference ?? "")" + (facts.invoiceNumber.map { " zu Rechnung \($0)" } ?? "")
        case .payment:
            let kind = facts.status.flatMap(PaymentKind.init(rawValue:)) ?? .received
            return switch kind {
            case .received: "Zahlung erhalten" + about
            case .reversal: "Zahlung storniert (Gegenbuchung)" + about
            case .creditOut: "Guthaben auf eine andere Rechnung übertragen" + about
            case .creditIn: "Guthaben verrechnet" + about
            case .refund: "Guthaben erstattet" + about
            }
        case .statusChange:
            let status = facts.status.flatMap(CustomerStatus.init(rawValue:))
            let why: String = switch facts.subject.flatMap(CustomerStatusReason.init(rawValue:)) {
            case .paidWithoutReminder?: "Rechnung ohne Mahnung vollständig bezahlt"
            case .paymentReversed?: "Zahlung storniert"
            case .byHand?, nil: "von Hand gesetzt"
            }
            return (status == .regular ? "Wird Stammkunde" : "Wieder Neukunde") + " (\(why))" + about
        case .reminder:
            // The hand-over goes to the writer's own files or a lawyer, never to the debtor: it is handed over.
            let step = facts.status.flatMap(DunningStep.init(rawValue:))
            return (step?.label(.de) ?? "Mahnschritt") + (step == .handover ? " übergeben" : " versendet") + about
        case .mailSent: return "E-Mail „\(facts.subject ?? "")“ an \(facts.recipient ?? "–") gesendet"
        case .promise: return "Zahlungszusage" + (facts.day.map { " bis \($0.formatted(.de))" } ?? "") + about
        case .objection: return "Einwand" + about
        case .objectionResolved: return "Einwand erledigt" + about
        case .note: return "Notiz" + about
        }
    }

    private static func detail(_ event: TimelineEvent) -> String? {
        let facts = event.facts
        switch event.kind {
        case .payment: return [facts.amount?.formatted(.de), facts.subject].compactMap { $0 }.joined(separator: " – ")
        case .invoice:
            return [facts.amount.map { "brutto \($0.formatted(.de))" }, facts.day.map { "fällig \($0.formatted(.de))" }]
                .compactMap { $0 }.joined(separator: ", ")
        case .cancellation: return facts.amount.map { "brutto \($0.formatted(.de))" }
        case .quote:
            return [facts.amount.map { "netto \($0.formatted(.de))" }, facts.termDays.map { "Zahlungsziel \($0) Tage" }]
                .compactMap { $0 }.joined(separator: ", ")
        case .job: return facts.day.map { "Termin \($0.formatted(.de))" }
        case .mailSent: return facts.messageId.map { "Message-ID <\($0)>" }
        default: return event.detail
        }
    }
}
