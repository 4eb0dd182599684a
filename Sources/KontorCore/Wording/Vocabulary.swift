/// The words for the domain's states and kinds, in German and English: the one table the CLI, the web app and the
/// documents read instead of showing raw codes like `in-progress` or `credit-out`.
public protocol Worded {
    /// The word a person reads for this value in `language`.
    func word(_ language: Language) -> String
}

extension Worded {
    public func pick(_ language: Language, _ english: String, _ german: String) -> String {
        language == .de ? german : english
    }
}

extension CustomerStatus: Worded {
    public func word(_ l: Language) -> String {
        switch self {
        case .prospect: pick(l, "Prospect", "Interessent")
        case .new: pick(l, "New customer", "Neukunde")
        case .regular: pick(l, "Regular customer", "Bestandskunde")
        }
    }
}

extension CustomerKind: Worded {
    public func word(_ l: Language) -> String {
        switch self {
        case .business: pick(l, "Business", "Firma")
        case .consumer: pick(l, "Consumer", "Privatperson")
        }
    }
}

extension InquiryChannel: Worded {
    public func word(_ l: Language) -> String {
        switch self {
        case .email: pick(l, "E-mail", "E-Mail")
        case .phone: pick(l, "Phone", "Telefon")
        case .form: pick(l, "Form", "Formular")
        case .referral: pick(l, "Referral", "Empfehlung")
        case .other: pick(l, "Other", "Sonstiges")
        }
    }
}

extension InquiryStatus: Worded {
    public func word(_ l: Language) -> String {
        switch self {
        case .open: pick(l, "open", "offen")
        case .answered: pick(l, "answered", "beantwortet")
        case .quoted: pick(l, "quoted", "Angebot")
        case .won: pick(l, "won", "gewonnen")
        case .lost: pick(l, "lost", "verloren")
        }
    }
}

extension QuoteStatus: Worded {
    public func word(_ l: Language) -> String {
        switch self {
        case .open: pick(l, "open", "offen")
        case .accepted: pick(l, "accepted", "angenommen")
        case .declined: pick(l, "declined", "abgelehnt")
        }
    }
}

extension JobStatus: Worded {
    public func word(_ l: Language) -> String {
        switch self {
        case .planned: pick(l, "planned", "geplant")
        case .inProgress: pick(l, "in progress", "in Arbeit")
        case .delivered: pick(l, "delivered", "geliefert")
        case .revising: pick(l, "revising", "Korrektur")
        case .accepted: pick(l, "accepted", "abgenommen")
        }
    }
}

extension InvoiceStatus: Worded {
    public func word(_ l: Language) -> String {
        switch self {
        case .draft: pick(l, "draft", "Entwurf")
        case .issued: pick(l, "open", "offen")
        case .partiallyPaid: pick(l, "partially paid", "teilweise bezahlt")
        case .paid: pick(l, "paid", "bezahlt")
        case .cancelled: pick(l, "cancelled", "storniert")
        }
    }
}

extension DunningLetterStatus: Worded {
    public func word(_ l: Language) -> String {
        switch self {
        case .draft: pick(l, "draft", "Entwurf")
        case .sent: pick(l, "sent", "versendet")
        case .skipped: pick(l, "skipped", "übersprungen")
        }
    }
}

extension BankEntryStatus: Worded {
    public func word(_ l: Language) -> String {
        switch self {
        case .applied: pick(l, "booked", "gebucht")
        case .review: pick(l, "waiting for review", "wartet auf Prüfung")
        case .ignored: pick(l, "ignored", "nicht relevant")
        case .assigned: pick(l, "assigned by hand", "von Hand zugeordnet")
        case .dismissed: pick(l, "dismissed", "abgelegt")
        }
    }
}

extension PaymentKind: Worded {
    public func word(_ l: Language) -> String {
        switch self {
        case .received: pick(l, "received", "Eingang")
        case .reversal: pick(l, "reversal", "Rückbuchung")
        case .creditOut: pick(l, "credit moved out", "Guthaben übertragen")
        case .creditIn: pick(l, "credit moved in", "Guthaben erhalten")
        case .refund: pick(l, "refund", "Erstattung")
        }
    }
}

extension RevisionKind: Worded {
    public func word(_ l: Language) -> String {
        switch self {
        case .change: pick(l, "change request", "Änderungswunsch")
        case .critique: pick(l, "critique", "Kritik")
        }
    }
}

extension NoteKind: Worded {
    public func word(_ l: Language) -> String {
        switch self {
        case .note: pick(l, "note", "Notiz")
        case .promise: pick(l, "promise to pay", "Zahlungszusage")
        case .objection: pick(l, "objection", "Einspruch")
        case .objectionResolved: pick(l, "objection settled", "Einspruch geklärt")
        case .statusChange: pick(l, "status change", "Statuswechsel")
        }
    }
}

extension OutboxMessage.Status: Worded {
    public func word(_ l: Language) -> String {
        switch self {
        case .queued: pick(l, "waiting", "wartet")
        case .sending: pick(l, "sending", "wird gesendet")
        case .sent: pick(l, "sent", "gesendet")
        case .failed: pick(l, "failed", "fehlgeschlagen")
        case .unknown: pick(l, "unclear whether it arrived", "unklar, ob angekommen")
        }
    }
}

extension CustomerStatusReason: Worded {
    public func word(_ l: Language) -> String {
        switch self {
        case .paidWithoutReminder: pick(l, "invoice paid in full without a reminder", "Rechnung ohne Mahnung vollständig bezahlt")
        case .paymentReversed: pick(l, "payment reversed", "Zahlung zurückgebucht")
        case .byHand: pick(l, "set by hand", "von Hand gesetzt")
        }
    }
}
