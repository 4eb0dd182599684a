/// The one place where workflow errors are worded, in English and German. On the command line a message ends with
/// the command that helps; the web app leaves it out (its pages offer the way).
extension WorkflowError: CustomStringConvertible {
    public func message(_ language: Language, for audience: Audience) -> String {
        let (text, command) = language == .de ? german : english
        switch audience {
        case .commandLine: return text + (command ?? "")
        case .web: return text + (webHint(language).map { " " + $0 } ?? "")
        }
    }

    /// Where the web app offers what the command line's command does, for the errors that need a pointer.
    private func webHint(_ language: Language) -> String? {
        let de = language == .de
        switch self {
        case .reverseChargeWithoutSellerVATId:
            return de ? "Tragen Sie sie unter Einstellungen ein." : "Add it under Settings."
        case .profileIncomplete:
            return de ? "Ergänzen Sie es unter Einstellungen." : "Add it under Settings."
        case .reverseChargeWithoutBuyerVATId, .customerWithoutAddress, .customerWithoutEmail:
            return de ? "Tragen Sie sie beim Kunden ein." : "Add it on the customer's page."
        case .quoteEmpty, .invoiceEmpty:
            return de ? "Fügen Sie zuerst eine hinzu." : "Add one first."
        default: return nil
        }
    }

    /// The form field the error is about, where a form has one.
    public var field: Field? {
        switch self {
        case .belongsToAnotherCustomer(.invoice), .notPayable, .cancellationTakesNoPayments: .invoice
        case .belongsToAnotherCustomer(.inquiry): .inquiry
        case .customerFixed: .customer
        default: nil
        }
    }

    /// The message and, separately, the sentence naming a command (nil when there is none).
    private var english: (String, String?) {
        let en = Language.en
        switch self {
        case let .jobTransition(id, from, to):
            return ("Job \(id) is \(from.word(en)) and cannot become \(to.word(en)).", nil)
        case let .inquiryClosed(id, status):
            return ("Inquiry \(id) is already \(status.word(en)); it cannot be changed any more.", nil)
        case let .quoteDecided(id, status):
            return ("Quote \(id) was already \(status.word(en)); create a new quote instead.", nil)
        case let .inquiryWithoutSize(id):
            return ("Inquiry \(id) has no size yet, so there is nothing to price: ask for the scope, then add it.",
                    " Use 'kontor inquiry edit \(id) --size … --unit …'.")
        case let .quoteEmpty(id):
            return ("Quote \(id) has no lines.", " Add one with 'kontor quote add-line \(id) …'.")
        case let .invoiceIssued(number):
            return ("Invoice \(number) is issued and can no longer be changed; correct it with a cancellation "
                        + "invoice and a new invoice.", " Use 'kontor invoice cancel \(number)'.")
        case let .invoiceNotIssued(id):
            return ("Invoice draft \(id) is not issued yet.", " Issue it with 'kontor invoice issue \(id)'.")
        case let .invoiceEmpty(id):
            return ("Invoice draft \(id) has no lines.", " Add one with 'kontor invoice add-line \(id) …'.")
        case let .invoiceCancelled(number): return ("Invoice \(number) is cancelled.", nil)
        case let .cancellationOfCancellation(number):
            return ("\(number) is a cancellation invoice itself and cannot be cancelled.", nil)
        case let .customerWithoutAddress(id, name):
            return ("Customer \(id) (\(name)) has no postal address, which an invoice must show (§ 14 Abs. 4 UStG).",
                    " Add it with 'kontor customer edit \(id) --street … --postal-code … --city …'.")
        case let .profileIncomplete(missing):
            return ("The business profile lacks \(missing.word(en)), which every invoice must show.",
                    " Set it with 'kontor profile set' and \(missing.options).")
        case let .invoicePaid(number): return ("Invoice \(number) is already paid in full.", nil)
        case let .nothingOpen(number): return ("Invoice \(number) has nothing open.", nil)
        case let .overpayment(number, owed, amount):
            return ("Invoice \(number) has \(owed.decimalString) open; \(amount.decimalString) would leave "
                        + "\((amount - owed).decimalString) as the customer's credit. If the money really came, "
                        + "confirm the overpayment; the credit can then be applied to another invoice or refunded.",
                    " Repeat with --confirm-overpayment.")
        case let .paymentNotReversible(id, kind):
            return ("Payment \(id) is a \(kind.word(en)) entry itself; only payments received can be reversed.", nil)
        case let .paymentAlreadyReversed(id): return ("Payment \(id) was already reversed.", nil)
        case let .creditTooSmall(customerId, available, requested):
            return ("Customer \(customerId) has \(available.decimalString) credit, less than "
                        + "\(requested.decimalString).", nil)
        case let .quoteAccepted(id):
            return ("Quote \(id) was accepted and is the agreement behind its job; it cannot be deleted.",
                    " Change the job with 'kontor job edit …' instead.")
        case let .quoteInvoiced(id, invoice):
            if case let .invoiceDraft(draft) = invoice {
                return ("Quote \(id) is the source of invoice draft \(draft); delete that draft first.",
                        " Use 'kontor invoice delete \(draft)'.")
            }
            return ("Quote \(id) is the source of \(invoice.name(en)) and stays as its record; it cannot be deleted.",
                    nil)
        case let .jobClosed(id):
            return ("Job \(id) was accepted by the customer and is finished; it can no longer be changed.", nil)
        case let .issueNumberChanged(confirmed, next):
            return ("The invoice was confirmed as \(confirmed), but the next number is \(next) by now. "
                        + "Nothing was issued; check it and confirm again.", nil)
        case .reverseChargeWithoutSellerVATId:
            return ("This is a reverse-charge invoice, which must show your VAT ID (USt-IdNr.) (§ 14a Abs. 1 UStG), "
                        + "but the business profile has none; nothing was issued.",
                    " Set it with 'kontor profile set --vat-id DE…'.")
        case let .reverseChargeWithoutBuyerVATId(id, name):
            return ("This is a reverse-charge invoice, which must show the customer's VAT ID (§ 14a Abs. 1 UStG), "
                        + "but customer \(id) (\(name)) has none; nothing was issued.",
                    " Add it with 'kontor customer edit \(id) --vat-id …'.")
        case let .mailNotRetryable(id, status):
            return ("Mail \(id) is \(status.word(en)); only failed mails and mails whose delivery is unknown can be "
                        + "sent again.", " See 'kontor mail list'.")
        case let .belongsToAnotherCustomer(record):
            return ("\(record.name(en).capitalizedFirst) belongs to another customer.", nil)
        case let .reminderDecided(id, status):
            return ("Reminder \(id) is already \(status.word(en)).", " See 'kontor remind list'.")
        case let .noDossier(id):
            return ("Reminder \(id) is not a hand-over; only the hand-over step has a dossier.", nil)
        case let .handoverNotMailed(id):
            return ("Reminder \(id) is the hand-over, which is not sent to the customer; save its dossier instead.",
                    " Use 'kontor remind pdf \(id)'.")
        case let .bankEntryNotInReview(id, status):
            return ("Bank entry \(id) is \(status.word(en)), not waiting for review.", " See 'kontor import review'.")
        case let .cancellationTakesNoPayments(number):
            return ("\(number) is a cancellation invoice; it takes no payments.", nil)
        case let .notPayable(reference):
            return ("Invoice \(reference) takes no payments: only issued, uncancelled invoices do.", nil)
        case .suggestionTaken: return ("This suggestion was taken over already.", nil)
        case let .customerWithoutEmail(id, name):
            return ("Customer \(id) (\(name)) has no e-mail address; nothing was sent.",
                    " Add one with 'kontor customer edit \(id) --email ADDRESS'.")
        case let .customerFixed(record, source):
            return ("\(record.name(en).capitalizedFirst) was made from \(source.name(en)) of its customer, so it "
                        + "stays with that customer; for another customer start a new one.", nil)
        }
    }

    private var german: (String, String?) {
        let de = Language.de
        switch self {
        case let .jobTransition(id, from, to):
            return ("Auftrag \(id) ist „\(from.word(de))“ und kann nicht zu „\(to.word(de))“ werden.", nil)
        case let .inquiryClosed(id, status):
            return ("Anfrage \(id) ist bereits „\(status.word(de))“ und lässt sich nicht mehr ändern.", nil)
        case let .quoteDecided(id, status):
            return ("Angebot \(id) ist bereits \(status.word(de)); schreiben Sie bei Bedarf ein neues.", nil)
        case let .inquiryWithoutSize(id):
            return ("Anfrage \(id) hat noch keinen Umfang, also gibt es noch keinen Preis: Fragen Sie nach dem "
                        + "Umfang und tragen Sie ihn ein.", " Mit „kontor inquiry edit \(id) --size … --unit …“.")
        case let .quoteEmpty(id):
            return ("Angebot \(id) hat noch keine Positionen.",
                    " Fügen Sie eine mit „kontor quote add-line \(id) …“ hinzu.")
        case let .invoiceIssued(number):
            return ("Rechnung \(number) ist ausgestellt und lässt sich nicht mehr ändern; korrigieren Sie sie per "
                        + "Stornorechnung und neuer Rechnung.", " Mit „kontor invoice cancel \(number)“.")
        case let .invoiceNotIssued(id):
            return ("Rechnungsentwurf \(id) ist noch nicht ausgestellt.",
                    " Stellen Sie ihn mit „kontor invoice issue \(id)“ aus.")
        case let .invoiceEmpty(id):
            return ("Rechnungsentwurf \(id) hat noch keine Positionen.",
                    " Fügen Sie eine mit „kontor invoice add-line \(id) …“ hinzu.")
        case let .invoiceCancelled(number): return ("Rechnung \(number) ist storniert.", nil)
        case let .cancellationOfCancellation(number):
            return ("\(number) ist selbst eine Stornorechnung und kann nicht storniert werden.", nil)
        case let .customerWithoutAddress(id, name):
            return ("Für eine Rechnung fehlt die Anschrift von Kunde \(id) (\(name)) (§ 14 Abs. 4 UStG).",
                    " Tragen Sie sie mit „kontor customer edit \(id) --street … --postal-code … --city …“ ein.")
        case let .profileIncomplete(missing):
            let gap = missing.word(de)
            return ("Ihrem Profil fehlt noch etwas, das auf jeder Rechnung stehen muss: \(gap)\(gap.hasSuffix(".") ? "" : ".")",
                    " Ergänzen Sie es mit „kontor profile set“ und \(missing.options).")
        case let .invoicePaid(number): return ("Rechnung \(number) ist bereits vollständig bezahlt.", nil)
        case let .nothingOpen(number): return ("Auf Rechnung \(number) ist nichts offen.", nil)
        case let .overpayment(number, owed, amount):
            return ("Auf Rechnung \(number) sind \(owed.formatted(de)) offen; bei \(amount.formatted(de)) blieben "
                        + "\((amount - owed).formatted(de)) als Guthaben des Kunden. Wenn das Geld wirklich kam, "
                        + "bestätigen Sie die Überzahlung; das Guthaben lässt sich dann mit einer anderen Rechnung "
                        + "verrechnen oder erstatten.", " Wiederholen Sie den Befehl mit --confirm-overpayment.")
        case let .paymentNotReversible(id, kind):
            return ("Zahlung \(id) ist selbst eine Buchung der Art „\(kind.word(de))“; nur erhaltene Zahlungen "
                        + "lassen sich zurückbuchen.", nil)
        case let .paymentAlreadyReversed(id): return ("Zahlung \(id) wurde bereits zurückgebucht.", nil)
        case let .creditTooSmall(customerId, available, requested):
            return ("Kunde \(customerId) hat \(available.formatted(de)) Guthaben, weniger als "
                        + "\(requested.formatted(de)).", nil)
        case let .quoteAccepted(id):
            return ("Angebot \(id) wurde angenommen und ist die Grundlage seines Auftrags; es lässt sich nicht "
                        + "löschen.", " Ändern Sie stattdessen den Auftrag mit „kontor job edit …“.")
        case let .quoteInvoiced(id, invoice):
            if case let .invoiceDraft(draft) = invoice {
                return ("Aus Angebot \(id) wurde Rechnungsentwurf \(draft) erstellt; löschen Sie zuerst den Entwurf.",
                        " Mit „kontor invoice delete \(draft)“.")
            }
            return ("Aus Angebot \(id) wurde \(invoice.name(de)) erstellt; es bleibt als Beleg erhalten und lässt "
                        + "sich nicht löschen.", nil)
        case let .jobClosed(id):
            return ("Auftrag \(id) ist abgenommen und abgeschlossen; er lässt sich nicht mehr ändern.", nil)
        case let .issueNumberChanged(confirmed, next):
            return ("Die Rechnung wurde als \(confirmed) bestätigt, inzwischen ist aber \(next) die nächste Nummer. "
                        + "Es wurde nichts ausgestellt; bitte prüfen und erneut bestätigen.", nil)
        case .reverseChargeWithoutSellerVATId:
            return ("Eine Rechnung mit Steuerschuldnerschaft des Leistungsempfängers muss Ihre USt-IdNr. zeigen "
                        + "(§ 14a Abs. 1 UStG), Ihr Profil hat keine; es wurde nichts ausgestellt.",
                    " Tragen Sie sie mit „kontor profile set --vat-id DE…“ ein.")
        case let .reverseChargeWithoutBuyerVATId(id, name):
            return ("Eine Rechnung mit Steuerschuldnerschaft des Leistungsempfängers muss die USt-IdNr. des Kunden "
                        + "zeigen (§ 14a Abs. 1 UStG), Kunde \(id) (\(name)) hat keine; es wurde nichts ausgestellt.",
                    " Tragen Sie sie mit „kontor customer edit \(id) --vat-id …“ ein.")
        case let .mailNotRetryable(id, status):
            return ("E-Mail \(id) ist „\(status.word(de))“; nur fehlgeschlagene E-Mails und solche, deren Zustellung "
                        + "unklar ist, lassen sich erneut senden.", " Siehe „kontor mail list“.")
        case let .belongsToAnotherCustomer(record):
            return ("\(record.name(de)) gehört zu einem anderen Kunden.", nil)
        case let .reminderDecided(id, status):
            return ("Mahnschritt \(id) ist bereits \(status.word(de)).", " Siehe „kontor remind list“.")
        case let .noDossier(id):
            return ("Mahnschritt \(id) ist keine Übergabe; nur die Übergabe hat ein Dossier.", nil)
        case let .handoverNotMailed(id):
            return ("Mahnschritt \(id) ist die Übergabe, die nicht an den Kunden geht; speichern Sie stattdessen "
                        + "ihr Dossier.", " Mit „kontor remind pdf \(id)“.")
        case let .bankEntryNotInReview(id, status):
            return ("Kontobewegung \(id) ist „\(status.word(de))“ und wartet nicht auf Prüfung.",
                    " Siehe „kontor import review“.")
        case let .cancellationTakesNoPayments(number):
            return ("\(number) ist eine Stornorechnung; darauf werden keine Zahlungen gebucht.", nil)
        case let .notPayable(reference):
            return ("Auf Rechnung \(reference) lässt sich nichts buchen: nur ausgestellte, nicht stornierte "
                        + "Rechnungen nehmen Zahlungen an.", nil)
        case .suggestionTaken: return ("Dieser Vorschlag wurde bereits übernommen.", nil)
        case let .customerWithoutEmail(id, name):
            return ("Kunde \(id) (\(name)) hat keine E-Mail-Adresse; es wurde nichts gesendet.",
                    " Tragen Sie eine mit „kontor customer edit \(id) --email ADRESSE“ ein.")
        case let .customerFixed(record, source):
            return ("\(record.name(de)) entstand aus \(source.name(de)) dieses Kunden und bleibt bei ihm; für einen "
                        + "anderen Kunden legen Sie ein neues Dokument an.", nil)
        }
    }
}
