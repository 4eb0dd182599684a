import KontorCore

/// Every word the documents print, in German and English. German is the default for customers.
struct DocumentTexts {
    let language: Language

    private func t(_ de: String, _ en: String) -> String { language == .de ? de : en }

    var invoice: String { t("Rechnung", "Invoice") }
    var invoiceDraft: String { t("Rechnungsentwurf", "Draft invoice") }
    var cancellation: String { t("Stornorechnung", "Cancellation invoice") }
    var quote: String { t("Angebot", "Quote") }
    var invoiceNumber: String { t("Rechnungsnr.", "Invoice no.") }
    var quoteNumber: String { t("Angebotsnr.", "Quote no.") }
    var customerNumber: String { t("Kundennr.", "Customer no.") }
    var date: String { t("Datum", "Date") }
    var serviceDate: String { t("Leistungsdatum", "Date of service") }
    var servicePeriod: String { t("Leistungszeitraum", "Service period") }
    var validUntil: String { t("Gültig bis", "Valid until") }
    var yourVatId: String { t("Ihre USt-IdNr.", "Your VAT ID") }
    var buyerReference: String { t("Ihre Referenz", "Your reference") }
    var position: String { t("Pos.", "No.") }
    var description: String { t("Beschreibung", "Description") }
    var quantity: String { t("Menge", "Qty") }
    var unit: String { t("Einheit", "Unit") }
    var unitPrice: String { t("Einzelpreis", "Unit price") }
    var vat: String { t("USt.", "VAT") }
    var amount: String { t("Betrag", "Amount") }
    var unitPriceGross: String { t("Einzelpreis brutto", "Unit price incl. VAT") }
    var amountGross: String { t("Betrag brutto", "Amount incl. VAT") }
    var carriedForward: String { t("Übertrag", "Carried forward") }
    var netTotal: String { t("Nettobetrag", "Net amount") }
    func vatLine(_ rate: Int64, on base: String) -> String {
        t("zzgl. \(rate) % USt. auf \(base)", "plus \(rate) % VAT on \(base)")
    }
    /// A 0 % group on a standard invoice stays in the breakdown (§ 14 Abs. 4 Nr. 7 UStG: Entgelt by exemption).
    func exemptLine(on base: String) -> String {
        t("steuerfrei (0 % USt.) auf \(base)", "VAT-exempt (0 % VAT) on \(base)")
    }
    /// § 3 PAngV: a consumer reads the total price including VAT, and the VAT it contains.
    func includedVATLine(_ rate: Int64) -> String { t("darin enthalten \(rate) % USt.", "including \(rate) % VAT") }
    var grossTotal: String { t("Rechnungsbetrag", "Total due") }
    var quoteTotal: String { t("Gesamtbetrag", "Total") }
    var quoteGrossTotal: String { t("Gesamtpreis inkl. USt.", "Total price incl. VAT") }
    /// Never "Gutschrift": on an invoice that word means self-billing (§ 14 Abs. 4 Nr. 10 UStG).
    var cancellationTotal: String { t("Stornobetrag", "Amount cancelled") }
    var page: String { t("Seite", "Page") }
    var of: String { t("von", "of") }
    var bank: String { t("Bankverbindung", "Bank details") }
    var taxNumber: String { t("Steuernr.", "Tax no.") }
    var vatId: String { t("USt-IdNr.", "VAT ID") }
    var phone: String { t("Tel.", "Phone") }
    var regards: String { t("Mit freundlichen Grüßen", "Kind regards") }
    /// The subject of the mail that answers an inquiry, before the inquiry's own subject.
    var inquiryReplySubject: String { t("Ihre Anfrage: ", "Your inquiry: ") }
    var giroCode: String { t("Bezahlen mit GiroCode: in der Banking-App scannen", "Pay by GiroCode: scan with your banking app") }

    var invoiceIntro: String {
        t("vielen Dank für Ihren Auftrag und die gute Zusammenarbeit. Für meine Leistungen berechne ich Ihnen:",
          "thank you for your order and the good cooperation. For my services I charge:")
    }

    func payBy(_ day: String, number: String) -> String {
        t("Bitte überweisen Sie den Rechnungsbetrag bis zum \(day) ohne Abzug auf das unten genannte Konto "
            + "und geben Sie dabei die Rechnungsnummer \(number) an.",
          "Please transfer the total by \(day) without deduction to the account below, quoting invoice number "
            + "\(number).")
    }

    func payByLabel(_ day: String) -> String { t("Zahlbar bis \(day) ohne Abzug.", "Payable by \(day) without deduction.") }

    /// § 286 Abs. 3 BGB: consumers fall into default after 30 days only if the invoice says so.
    var consumerDefaultNotice: String {
        t("Hinweis: Wird die Rechnung nicht bis zum Fälligkeitstermin bezahlt, kommen Sie spätestens 30 Tage nach "
            + "Fälligkeit und Zugang dieser Rechnung in Verzug, ohne dass es einer Mahnung bedarf (§ 286 Abs. 3 BGB).",
          "Note: if this invoice is not paid when due, you will be in default at the latest 30 days after the due date "
            + "and receipt of this invoice, without a reminder (§ 286 (3) BGB).")
    }

    func cancellationIntro(of number: String) -> String {
        t("hiermit storniere ich die Rechnung Nr. \(number) in voller Höhe. Die Stornierung umfasst folgende Beträge:",
          "I hereby cancel invoice no. \(number) in full. The cancellation covers the following amounts:")
    }

    func cancellationSubject(_ number: String, original: String) -> String {
        t("Stornorechnung Nr. \(number) zur Rechnung Nr. \(original)",
          "Cancellation invoice no. \(number) for invoice no. \(original)")
    }

    var quoteIntro: String {
        t("vielen Dank für Ihre Anfrage. Gern biete ich Ihnen Folgendes an:",
          "thank you for your inquiry. I am happy to offer the following:")
    }

    func quoteTerms(validUntil: String, revisions: Int, termDays: Int) -> String {
        t("Dieses Angebot gilt bis zum \(validUntil). Im Preis enthalten sind \(revisions) Korrekturschleifen. "
            + "Mit der Annahme vereinbaren wir ein Zahlungsziel von \(termDays) Tagen ab Rechnungsdatum.",
          "This quote is valid until \(validUntil). The price includes \(revisions) rounds of revisions. "
            + "By accepting it we agree on payment within \(termDays) days of the invoice date.")
    }

    var deliveryBy: String { t("Lieferung bis", "Delivery by") }

    /// The promised dates in a sentence: the whole work, and a first part if one was promised.
    func quoteDelivery(date: String, firstPart: String?) -> String {
        guard let firstPart else {
            return t("Liefertermin: Den fertigen Text erhalten Sie bis zum \(date).",
                     "Delivery: you will receive the finished text by \(date).")
        }
        return t("Liefertermin: Einen ersten Teil erhalten Sie bis zum \(firstPart), den vollständigen Text bis zum "
                    + "\(date).",
                 "Delivery: you will receive a first part by \(firstPart) and the complete text by \(date).")
    }

    var quoteClosing: String {
        t("Wenn Sie einverstanden sind, genügt eine kurze Antwort per E-Mail. Ich freue mich auf die Zusammenarbeit.",
          "If you agree, a short reply by e-mail is all it takes. I look forward to working with you.")
    }

    var draftWarning: String { t("Entwurf – keine gültige Rechnung", "Draft – not a valid invoice") }
}
