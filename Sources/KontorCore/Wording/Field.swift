/// What a person typed or chose, as error messages name it: each case is worded once in German and English.
public enum Field: String, Sendable, Hashable, CaseIterable {
    case amount, attachments, baseRate, bic, businessName, change, channel, city, columnMapping, country
    case customer, customerChange, customerName, date, day, dayCount, dayOff, deadline, debtor, delivery
    case deliveryDate, dueDate, dunningPolicy, dunningSetting, eInvoiceFormat, effort, email, evaluationDay, fee
    case firstPartDate, format, iban, inquiry, invoice, invoiceNumberFormat, jobTitle, kind, language, lineDescription
    case linePosition, loyaltyPolicy, loyaltyThreshold, mailKind, mailServer, mailTemplate, mailText, mailbox
    case materialCosts, noteKind, noteText, number, numberOfDays, numberOfRevisions, partialPayment, password
    case pauseEnd, paymentAmount, paymentDate, paymentDay, paymentTerm, port, postalCode, preset, principal
    case profile, promisedDate, quantity, quoteTitle, rate, reason, receiptDate, receivedDate, recipient
    case refundDate, requestDate, reversalDate, revisionKind, revisionNote, role, salutation, security, senderName
    case serviceDate, serviceEnd, servicePeriod, size, state, status, step, street, subject, suggestion
    case taxMode, template, unit, unitPrice, user, userName, vacation, vacationEnd, vacationStart
    case validityDate, vatId, vatRate, writingHours

    /// The field's name in `language`, as a label would show it ("Zahlungsziel", "payment term").
    public func name(_ language: Language) -> String {
        let (english, german) = names
        return language == .de ? german : english
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    private var names: (String, String) {
        switch self {
        case .amount: ("amount", "Betrag")
        case .attachments: ("attachments", "Anhänge")
        case .baseRate: ("base rate in percent", "Basiszinssatz in Prozent")
        case .bic: ("BIC", "BIC")
        case .businessName: ("business name", "Name Ihres Geschäfts")
        case .change: ("change", "Änderung")
        case .channel: ("channel", "Kanal")
        case .city: ("city", "Ort")
        case .columnMapping: ("column mapping", "Spaltenzuordnung")
        case .country: ("country", "Land")
        case .customer: ("customer", "Kunde")
        case .customerChange: ("customer change", "Kundenwechsel")
        case .customerName: ("customer name", "Kundenname")
        case .date: ("date", "Datum")
        case .day: ("day", "Tag")
        case .dayCount: ("day count", "Zinstagezählung")
        case .dayOff: ("day off", "freier Tag")
        case .deadline: ("deadline", "Termin")
        case .debtor: ("debtor", "Schuldner")
        case .delivery: ("way of sending", "Versandweg")
        case .deliveryDate: ("delivery date", "Liefertermin")
        case .dueDate: ("due date", "Fälligkeitsdatum")
        case .dunningPolicy: ("dunning policy", "Mahnregeln")
        case .dunningSetting: ("dunning setting", "Mahneinstellung")
        case .eInvoiceFormat: ("e-invoice format", "E-Rechnungsformat")
        case .effort: ("effort", "Aufwand")
        case .email: ("e-mail address", "E-Mail-Adresse")
        case .evaluationDay: ("day of evaluation (--today)", "Stichtag (--today)")
        case .fee: ("fee", "Gebühr")
        case .firstPartDate: ("first part date", "Termin für den ersten Teil")
        case .format: ("format", "Format")
        case .iban: ("IBAN", "IBAN")
        case .inquiry: ("inquiry", "Anfrage")
        case .invoice: ("invoice", "Rechnung")
        case .invoiceNumberFormat: ("invoice number format", "Format der Rechnungsnummer")
        case .jobTitle: ("job title", "Auftragstitel")
        case .kind: ("kind", "Art")
        case .language: ("language", "Sprache")
        case .lineDescription: ("line description", "Leistungsbeschreibung")
        case .linePosition: ("line position", "Position")
        case .loyaltyPolicy: ("loyalty discount", "Treuerabatt")
        case .loyaltyThreshold: ("loyalty threshold", "Schwelle des Treuerabatts")
        case .mailKind: ("kind of mail", "Art der E-Mail")
        case .mailServer: ("mail server", "Mailserver")
        case .mailTemplate: ("mail template", "E-Mail-Vorlage")
        case .mailText: ("text of the mail", "Text der E-Mail")
        case .mailbox: ("mailbox", "Postfach")
        case .materialCosts: ("material costs", "Auslagen")
        case .noteKind: ("note kind", "Art der Notiz")
        case .noteText: ("note text", "Text der Notiz")
        case .number: ("number", "Zahl")
        case .numberOfDays: ("number of days", "Anzahl der Tage")
        case .numberOfRevisions: ("number of revisions", "Anzahl der Korrekturschleifen")
        case .partialPayment: ("partial payment", "Teilzahlung")
        case .password: ("password", "Passwort")
        case .pauseEnd: ("pause end", "Ende der Pause")
        case .paymentAmount: ("payment amount", "Zahlbetrag")
        case .paymentDate: ("payment date", "Zahlungsdatum")
        case .paymentDay: ("payment day", "Zahlungstag")
        case .paymentTerm: ("payment term", "Zahlungsziel")
        case .port: ("port", "Port")
        case .postalCode: ("postal code", "Postleitzahl")
        case .preset: ("bank format", "Bankformat")
        case .principal: ("principal", "Hauptforderung")
        case .profile: ("e-invoice profile", "E-Rechnungsprofil")
        case .promisedDate: ("promised date", "zugesagter Zahlungstermin")
        case .quantity: ("quantity", "Menge")
        case .quoteTitle: ("quote title", "Angebotstitel")
        case .rate: ("rate", "Preis")
        case .reason: ("reason", "Grund")
        case .role: ("role", "Rolle")
        case .receiptDate: ("receipt date", "Eingangsdatum")
        case .receivedDate: ("received date", "Eingangsdatum")
        case .recipient: ("recipient", "Empfänger")
        case .refundDate: ("refund date", "Datum der Erstattung")
        case .requestDate: ("request date", "Datum der Anfrage")
        case .reversalDate: ("reversal date", "Datum der Rückbuchung")
        case .revisionKind: ("revision kind", "Art der Korrektur")
        case .revisionNote: ("revision note", "Notiz zur Korrektur")
        case .salutation: ("salutation", "Anrede")
        case .security: ("security", "Verschlüsselung")
        case .senderName: ("sender name", "Absendername")
        case .serviceDate: ("service date", "Leistungsdatum")
        case .serviceEnd: ("service end", "Ende des Leistungszeitraums")
        case .servicePeriod: ("service period", "Leistungszeitraum")
        case .size: ("size", "Umfang")
        case .state: ("state", "Bundesland")
        case .status: ("status", "Status")
        case .step: ("step", "Mahnstufe")
        case .street: ("street", "Straße")
        case .subject: ("subject", "Betreff")
        case .suggestion: ("suggestion", "Vorschlag")
        case .taxMode: ("tax mode", "Besteuerung")
        case .template: ("template", "Vorlage")
        case .unit: ("unit", "Einheit")
        case .unitPrice: ("unit price", "Einzelpreis")
        case .user: ("user", "Benutzer")
        case .userName: ("user name", "Benutzername")
        case .vacation: ("vacation", "Urlaub")
        case .vacationEnd: ("vacation end", "Urlaubsende")
        case .vacationStart: ("vacation start", "Urlaubsbeginn")
        case .validityDate: ("validity date", "Gültigkeitsdatum")
        case .vatId: ("VAT ID", "USt-IdNr.")
        case .vatRate: ("VAT rate", "Umsatzsteuersatz")
        case .writingHours: ("writing hours", "Schreibstunden")
        }
    }
}
