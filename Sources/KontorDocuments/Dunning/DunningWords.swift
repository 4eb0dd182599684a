import KontorCore

/// The words dunning letters and the dossier build from facts (beside the editable templates), in German and
/// English: kept apart from `DocumentTexts` because they belong to the dunning case alone.
struct DunningWords {
    let language: Language

    private func t(_ de: String, _ en: String) -> String { language == .de ? de : en }

    /// "9 Prozentpunkte über dem Basiszinssatz".
    func interestMargin(_ points: Int) -> String {
        t("\(points) Prozentpunkte über dem Basiszinssatz", "\(points) percentage points above the base rate")
    }

    /// One payment received and how it was credited (§ 367 BGB: costs, then interest, then the invoice), in words
    /// a customer understands.
    func receivedPayment(_ payment: ReceivedPayment) -> String {
        let day = payment.receivedOn.formatted(language)
        let amount = payment.amount.formatted(language)
        let head = t("Am \(day) sind \(amount) eingegangen", "On \(day) I received \(amount)")
        guard payment.toCosts.cents != 0 || payment.toInterest.cents != 0 else {
            return head + t("; der Betrag ist vollständig auf die Rechnung angerechnet.",
                            "; the whole amount went towards the invoice.")
        }
        var parts: [String] = []
        if payment.toCosts.cents != 0 {
            parts.append(t("\(payment.toCosts.formatted(language)) auf die Mahnkosten und die Verzugspauschale",
                           "\(payment.toCosts.formatted(language)) towards the reminder costs and the lump sum"))
        }
        if payment.toInterest.cents != 0 {
            parts.append(t("\(payment.toInterest.formatted(language)) auf die Verzugszinsen",
                           "\(payment.toInterest.formatted(language)) towards the default interest"))
        }
        parts.append(t("\(payment.toPrincipal.formatted(language)) auf den Rechnungsbetrag",
                       "\(payment.toPrincipal.formatted(language)) towards the invoice"))
        let list = parts.dropLast().joined(separator: ", ") + t(" und ", " and ") + parts.last!
        return head + t(". Wie das Gesetz es vorsieht (§ 367 BGB), werden Zahlungen zuerst auf Kosten, dann auf Zinsen "
                            + "und zuletzt auf die Rechnung angerechnet: \(list).",
                        ". As the law provides (§ 367 BGB), a payment is credited first to costs, then to interest and "
                            + "last to the invoice: \(list).")
    }
}
