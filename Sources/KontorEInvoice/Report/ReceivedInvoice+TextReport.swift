import Foundation
public import KontorCore

extension ReceivedInvoice {
    /// The invoice as readable plain text (monospaced, at most about 96 columns): header with
    /// number and dates, seller and buyer, lines as a table, allowances and charges, VAT breakdown,
    /// totals, payment instructions, notes and the result of ``arithmeticWarnings(language:)``.
    /// - Parameter language: German (the default) or English.
    public func textReport(language: Language = .de) -> String {
        TextReport(invoice: self, language: language).render()
    }
}

/// Renders one ``ReceivedInvoice`` as plain text.
private struct TextReport {
    let invoice: ReceivedInvoice
    let language: Language
    typealias Layout = PlainTextLayout

    private func t(_ de: String, _ en: String) -> String { language == .de ? de : en }
    private func date(_ day: Day) -> String { day.formatted(language) }
    private func money(_ amount: DecimalAmount) -> String { amount.formatted(language, currency: invoice.currency) }
    private func number(_ amount: DecimalAmount) -> String { amount.formatted(language) }
    private func percent(_ rate: DecimalAmount) -> String { rate.formatted(language, minimumFractionDigits: 0) + " %" }

    func render() -> String {
        let sections = [header(), parties(), lineTable(), allowancesAndCharges(), vatSection(), totals(), payment(),
                        notes(), documents(), checks()]
        return sections.filter { !$0.isEmpty }.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    }

    // MARK: - Header

    private func header() -> [String] {
        let type = CodeNames.documentType(invoice.typeCode, isCreditNote: invoice.isCreditNote, language: language)
        let title = "\(type.uppercased()) \(t("Nr.", "No.")) \(invoice.number)"
        var lines = [title, String(repeating: "=", count: min(96, title.count))]
        lines.append(Layout.field(t("Art", "Type"), "\(type) (\(invoice.typeCode))"))
        lines.append(Layout.field(t("Rechnungsnummer", "Invoice number"), invoice.number))
        lines.append(Layout.field(t("Rechnungsdatum", "Invoice date"), date(invoice.issueDate)))
        if let due = invoice.dueDate { lines.append(Layout.field(t("Fällig am", "Due date"), date(due))) }
        if let delivery = invoice.deliveryDate {
            lines.append(Layout.field(t("Liefer-/Leistungsdatum", "Delivery date"), date(delivery)))
        }
        if let period = invoice.servicePeriod {
            lines.append(Layout.field(t("Leistungszeitraum", "Service period"), describe(period)))
        }
        lines.append(Layout.field(t("Währung", "Currency"), invoice.currency))
        if let reference = invoice.buyerReference {
            lines.append(Layout.field(t("Käuferreferenz", "Buyer reference"), reference))
        }
        if let order = invoice.orderReference { lines.append(Layout.field(t("Bestellnummer", "Purchase order"), order)) }
        if let contract = invoice.contractReference { lines.append(Layout.field(t("Vertrag", "Contract"), contract)) }
        if let project = invoice.projectReference { lines.append(Layout.field(t("Projekt", "Project"), project)) }
        for preceding in invoice.precedingInvoices {
            let when = preceding.issueDate.map { t(" vom ", " of ") + date($0) } ?? ""
            lines.append(Layout.field(t("Bezug auf Rechnung", "Preceding invoice"), preceding.number + when))
        }
        let syntax = invoice.syntax == .cii ? "UN/CEFACT CII" : "OASIS UBL 2.1"
        let profile = invoice.specificationID.map { " – \($0)" } ?? ""
        lines.append(Layout.field(t("Format", "Format"), syntax + profile))
        return lines
    }

    private func describe(_ period: ReceivedInvoice.Period) -> String {
        switch (period.start, period.end) {
        case let (start?, end?): start == end ? date(start) : "\(date(start)) – \(date(end))"
        case let (start?, nil): t("ab ", "from ") + date(start)
        case let (nil, end?): t("bis ", "until ") + date(end)
        case (nil, nil): ""
        }
    }

    // MARK: - Parties

    private func parties() -> [String] {
        partyBlock(t("Rechnungssteller (Verkäufer)", "Seller"), invoice.seller)
            + [""] + partyBlock(t("Rechnungsempfänger (Käufer)", "Buyer"), invoice.buyer)
    }

    private func partyBlock(_ title: String, _ party: ReceivedInvoice.Party) -> [String] {
        var lines = [title, String(repeating: "-", count: title.count), "  " + party.name]
        if let trading = party.tradingName { lines.append("  " + trading) }
        lines += party.addressLines.map { "  " + $0 }
        if let cityLine = party.cityLine { lines.append("  " + cityLine) }
        let region = [party.countrySubdivision, party.countryCode].compactMap { $0 }.joined(separator: ", ")
        if !region.isEmpty { lines.append("  " + region) }
        if let vatID = party.vatID { lines.append(Layout.field(t("USt-IdNr.", "VAT ID"), vatID, indent: "  ")) }
        if let taxNumber = party.taxNumber {
            lines.append(Layout.field(t("Steuernummer", "Tax number"), taxNumber, indent: "  "))
        }
        if let registration = party.legalRegistrationID {
            lines.append(Layout.field(t("Registernummer", "Registration"), registration, indent: "  "))
        }
        if let identifier = party.identifier {
            lines.append(Layout.field(t("Kennung", "Identifier"), identifier, indent: "  "))
        }
        if let email = party.email {
            lines.append(Layout.field(t("E-Mail", "E-mail"), email, indent: "  "))
        } else if let address = party.electronicAddress {
            let scheme = party.electronicAddressScheme.map { " (\($0))" } ?? ""
            lines.append(Layout.field(t("Elektronische Adresse", "Electronic address"), address + scheme, indent: "  "))
        }
        if let contact = party.contact {
            let parts = [contact.name, contact.phone.map { t("Tel. ", "phone ") + $0 }, contact.email].compactMap { $0 }
            lines.append(Layout.field(t("Kontakt", "Contact"), parts.joined(separator: ", "), indent: "  "))
        }
        if let legal = party.legalInformation {
            lines.append(Layout.field(t("Rechtliches", "Legal"), legal, indent: "  "))
        }
        return lines
    }

    // MARK: - Lines

    private static let widths = (position: 9, description: 33, quantity: 16, price: 14, vat: 8, amount: 14)

    private func row(_ position: String, _ description: String, _ quantity: String, _ price: String, _ vat: String,
                     _ amount: String) -> String {
        let w = Self.widths
        let text = Layout.pad(position, w.position) + Layout.pad(description, w.description)
            + Layout.pad(quantity, w.quantity, right: true) + Layout.pad(price, w.price, right: true)
            + Layout.pad(vat, w.vat, right: true) + Layout.pad(amount, w.amount, right: true)
        return String(text.reversed().drop { $0 == " " }.reversed())
    }

    private func lineTable() -> [String] {
        let title = t("Positionen", "Lines")
        var lines = [title, String(repeating: "-", count: title.count)]
        guard !invoice.lines.isEmpty else {
            lines.append(t("  (keine Positionen im Datensatz)", "  (no invoice lines in the data)"))
            return lines
        }
        lines.append(row(t("Pos.", "No."), t("Bezeichnung", "Description"), t("Menge", "Quantity"),
                         t("Einzelpreis", "Unit price"), t("USt.", "VAT"), t("Betrag", "Amount")))
        let w = Self.widths
        lines.append(String(repeating: "-", count: w.position + w.description + w.quantity + w.price + w.vat + w.amount))
        for line in invoice.lines { lines += lineRows(line, indent: "") }
        let total = t("Summe Positionen (netto)", "Sum of lines (net)")
        lines.append(row("", "", "", "", "", String(repeating: "-", count: 12)))
        lines.append(row("", total, "", "", "", number(invoice.totals.lineTotal)))
        return lines
    }

    private func lineRows(_ line: ReceivedInvoice.Line, indent: String) -> [String] {
        let width = Self.widths.description - 2
        // Detail rows leave the number columns empty, so they may run across them.
        let detailWidth = 60
        var quantity = ""
        if let amount = line.quantity {
            let unit = line.unitCode.map { " " + CodeNames.unitName($0, quantity: amount, language: language) } ?? ""
            quantity = amount.formatted(language, minimumFractionDigits: 0) + unit
        }
        var price = line.netPrice.map { number($0) } ?? ""
        if let base = line.priceBaseQuantity, base != DecimalAmount(1), !price.isEmpty {
            price += " / " + base.formatted(language, minimumFractionDigits: 0)
        }
        let vat = line.vatRate.map(percent) ?? line.vatCategory ?? ""
        let name = Layout.wrap(line.name, width: width - indent.count).map { indent + $0 }
        // A long line ID (some senders use texts) gets a row of its own above the item.
        let fitsColumn = line.id.count < Self.widths.position
        var rows = fitsColumn ? [] : [Layout.pad("", indent.count) + line.id]
        rows.append(row(fitsColumn ? line.id : "", name[0], quantity, price, vat, number(line.netAmount)))
        var details = Array(name.dropFirst())
        if let description = line.description, description != line.name {
            details += Layout.wrap(description, width: detailWidth - indent.count).map { indent + $0 }
        }
        if let note = line.note { details += Layout.wrap(note, width: detailWidth - indent.count).map { indent + $0 } }
        if let period = line.period { details.append(indent + t("Zeitraum ", "Period ") + describe(period)) }
        if let item = line.sellerItemID { details.append(indent + t("Art.-Nr. ", "Item no. ") + item) }
        if let gross = line.grossPrice, gross != line.netPrice {
            details.append(indent + t("Bruttopreis ", "Gross price ") + number(gross))
        }
        if line.vatRate != nil, let category = line.vatCategory, category != "S" {
            details.append(indent + t("USt.-Kategorie ", "VAT category ") + category + " – "
                + CodeNames.vatCategory(category, language: language))
        }
        for adjustment in line.allowancesAndCharges {
            let label = adjustment.isCharge ? t("Zuschlag", "Charge") : t("Nachlass", "Allowance")
            let reason = adjustment.reason ?? adjustment.reasonCode ?? ""
            let signed = adjustment.isCharge ? number(adjustment.amount) : number(-adjustment.amount)
            details.append(indent + "\(label) \(reason)".trimmingTrailingSpaces() + ": " + signed)
        }
        rows += details.map { row("", "  " + $0, "", "", "", "") }
        for sub in line.subLines { rows += lineRows(sub, indent: indent + "  ") }
        return rows
    }

    // MARK: - Allowances, VAT, totals

    private func allowancesAndCharges() -> [String] {
        guard !invoice.allowancesAndCharges.isEmpty else { return [] }
        let title = t("Nachlässe und Zuschläge (Dokumentebene)", "Allowances and charges (document level)")
        var lines = [title, String(repeating: "-", count: title.count)]
        for item in invoice.allowancesAndCharges {
            var label = item.isCharge ? t("Zuschlag", "Charge") : t("Nachlass", "Allowance")
            if let reason = item.reason ?? item.reasonCode { label += ": " + reason }
            if let percentage = item.percentage {
                let base = item.baseAmount.map { t(" von ", " of ") + number($0) } ?? ""
                label += " (\(percent(percentage))\(base))"
            }
            if let category = item.vatCategory {
                label += ", \(t("USt.", "VAT")) \(category)" + (item.vatRate.map { " " + percent($0) } ?? "")
            }
            lines.append(Layout.amountLine(label, item.isCharge ? money(item.amount) : money(-item.amount), width: 90))
        }
        return lines
    }

    private func vatSection() -> [String] {
        guard !invoice.vatBreakdown.isEmpty else { return [] }
        let title = t("Umsatzsteuer", "VAT")
        var lines = [title, String(repeating: "-", count: title.count)]
        lines.append("  " + Layout.pad(t("Kategorie", "Category"), 44) + Layout.pad(t("Satz", "Rate"), 8, right: true)
            + Layout.pad(t("Bemessungsgrundlage", "Taxable amount"), 22, right: true)
            + Layout.pad(t("Steuer", "VAT"), 16, right: true))
        for breakdown in invoice.vatBreakdown {
            let name = breakdown.category + " " + CodeNames.vatCategory(breakdown.category, language: language)
            lines.append("  " + Layout.pad(String(name.prefix(43)), 44)
                + Layout.pad(breakdown.rate.map(percent) ?? "", 8, right: true)
                + Layout.pad(number(breakdown.taxableAmount), 22, right: true)
                + Layout.pad(number(breakdown.taxAmount), 16, right: true))
            let reason = [breakdown.exemptionReason, breakdown.exemptionReasonCode.map { "(\($0))" }].compactMap { $0 }
            if !reason.isEmpty {
                lines.append(Layout.field(t("Befreiungsgrund", "Exemption reason"), reason.joined(separator: " "),
                                          indent: "    "))
            }
        }
        return lines
    }

    private func totals() -> [String] {
        let totals = invoice.totals
        let title = t("Summen", "Totals")
        var lines = [title, String(repeating: "-", count: title.count)]
        lines.append(Layout.amountLine(t("Summe Positionen (netto)", "Sum of lines (net)"), money(totals.lineTotal)))
        if let allowances = totals.allowanceTotal {
            lines.append(Layout.amountLine(t("- Nachlässe", "- Allowances"), money(allowances)))
        }
        if let charges = totals.chargeTotal {
            lines.append(Layout.amountLine(t("+ Zuschläge", "+ Charges"), money(charges)))
        }
        lines.append(Layout.amountLine(t("Gesamtbetrag netto", "Total without VAT"), money(totals.taxExclusive)))
        lines.append(Layout.amountLine(t("+ Umsatzsteuer", "+ VAT"), money(totals.vatTotal ?? .zero)))
        lines.append(Layout.amountLine(t("Gesamtbetrag brutto", "Total with VAT"), money(totals.grandTotal)))
        if let prepaid = totals.prepaid, !prepaid.isZero {
            lines.append(Layout.amountLine(t("- bereits gezahlt", "- Paid"), money(prepaid)))
        }
        if let rounding = totals.rounding, !rounding.isZero {
            lines.append(Layout.amountLine(t("+/- Rundung", "+/- Rounding"), money(rounding)))
        }
        for payment in invoice.thirdPartyPayments {
            let what = payment.description ?? payment.type ?? ""
            lines.append(Layout.amountLine(t("+ Zahlung an Dritte", "+ Third-party payment"), money(payment.amount)))
            if !what.isEmpty { lines += Layout.wrap(what, width: 56).map { "    " + $0 } }
        }
        lines.append(Layout.amountLine("", String(repeating: "=", count: money(totals.duePayable).count)))
        let dueLabel = totals.duePayable.isNegative || invoice.isCreditNote
            ? t("Betrag (Gutschrift)", "Amount (credit)") : t("Zahlbetrag", "Amount due")
        lines.append(Layout.amountLine(dueLabel, money(totals.duePayable)))
        if let taxCurrency = invoice.taxCurrency, let accounting = totals.vatTotalInTaxCurrency {
            lines.append(Layout.amountLine(t("Umsatzsteuer in ", "VAT in ") + taxCurrency,
                                           accounting.formatted(language, currency: taxCurrency)))
        }
        return lines
    }

    // MARK: - Payment, notes, checks

    private func payment() -> [String] {
        let title = t("Zahlung", "Payment")
        var lines = [title, String(repeating: "-", count: title.count)]
        if let due = invoice.dueDate {
            lines.append(Layout.field(t("Zahlbar bis", "Payable by"), date(due), indent: "  "))
        }
        if let terms = invoice.paymentTerms {
            lines.append(Layout.field(t("Zahlungsbedingungen", "Payment terms"), readableTerms(terms), indent: "  "))
        }
        if let reference = invoice.paymentReference {
            lines.append(Layout.field(t("Verwendungszweck", "Payment reference"), reference, indent: "  "))
        }
        if let payee = invoice.payeeName {
            lines.append(Layout.field(t("Zahlungsempfänger", "Payee"), payee, indent: "  "))
        }
        for means in invoice.paymentMeans {
            var head = "  " + CodeNames.paymentMeans(means.code, language: language) + " (\(means.code))"
            if let text = means.text { head += ": " + text }
            lines.append(head)
            if let account = means.accountID {
                lines.append(Layout.field(IBANText.looksLikeIBAN(account) ? "IBAN" : t("Konto", "Account"),
                                          IBANText.format(account, language: language), indent: "    "))
            }
            if let bic = means.bic { lines.append(Layout.field("BIC", bic, indent: "    ")) }
            if let name = means.accountName {
                lines.append(Layout.field(t("Kontoinhaber", "Account holder"), name, indent: "    "))
            }
            if let card = means.cardNumber { lines.append(Layout.field(t("Karte", "Card"), card, indent: "    ")) }
            if let mandate = means.mandateReference {
                lines.append(Layout.field(t("Mandatsreferenz", "Mandate reference"), mandate, indent: "    "))
            }
            if let creditor = means.creditorID {
                lines.append(Layout.field(t("Gläubiger-ID", "Creditor ID"), creditor, indent: "    "))
            }
            if let debited = means.debitedAccountID {
                lines.append(Layout.field(t("Belastetes Konto", "Debited account"),
                                          IBANText.format(debited, language: language), indent: "    "))
            }
        }
        return lines.count > 2 ? lines : []
    }

    /// Turns the XRechnung `#SKONTO#TAGE=14#PROZENT=2.00#` convention into a sentence.
    private func readableTerms(_ terms: String) -> String {
        terms.split(separator: "\n", omittingEmptySubsequences: true).map { raw -> String in
            let line = raw.trimmingCharacters(in: .whitespaces)
            let parts = line.split(separator: "#").map(String.init)
            guard line.hasPrefix("#"), let kind = parts.first, kind == "SKONTO" || kind == "VERZUG" else { return line }
            var values: [String: String] = [:]
            for part in parts.dropFirst() {
                let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
                if pair.count == 2 { values[pair[0]] = pair[1] }
            }
            guard let days = values["TAGE"], let rate = values["PROZENT"].flatMap(DecimalAmount.init) else { return line }
            let base = values["BASISBETRAG"].flatMap(DecimalAmount.init).map { t(" auf ", " on ") + money($0) } ?? ""
            if kind == "SKONTO" {
                return t("\(percent(rate)) Skonto bei Zahlung innerhalb von \(days) Tagen\(base)",
                         "\(percent(rate)) discount if paid within \(days) days\(base)")
            }
            return t("\(percent(rate)) Verzugszinsen ab \(days) Tagen\(base)",
                     "\(percent(rate)) late payment interest after \(days) days\(base)")
        }.joined(separator: "\n")
    }

    private func notes() -> [String] {
        guard !invoice.notes.isEmpty else { return [] }
        let title = t("Bemerkungen", "Notes")
        var lines = [title, String(repeating: "-", count: title.count)]
        for note in invoice.notes {
            let prefix = note.subjectCode.map { "[\($0)] " } ?? ""
            lines += Layout.wrap(prefix + note.text, width: 92).map { "  " + $0 }
        }
        return lines
    }

    private func documents() -> [String] {
        guard !invoice.supportingDocuments.isEmpty else { return [] }
        let title = t("Anlagen", "Supporting documents")
        var lines = [title, String(repeating: "-", count: title.count)]
        for document in invoice.supportingDocuments {
            var head = "  " + (document.fileName ?? document.reference)
            if let data = document.data {
                let size = DecimalAmount(Int64(data.count)).formatted(language, minimumFractionDigits: 0)
                head += " (" + [document.mimeType, "\(size) Bytes"].compactMap { $0 }.joined(separator: ", ") + ")"
            }
            lines.append(head)
            if let description = document.description {
                lines += Layout.wrap(description, width: 88).map { "    " + $0 }
            }
            if let uri = document.uri { lines.append("    " + uri) }
        }
        return lines
    }

    private func checks() -> [String] {
        let title = t("Prüfung der Summen", "Arithmetic check")
        let warnings = invoice.arithmeticWarnings(language: language)
        guard !warnings.isEmpty else {
            return [title, String(repeating: "-", count: title.count),
                    t("  Alle Summen stimmen.", "  All sums add up.")]
        }
        return [title, String(repeating: "-", count: title.count)]
            + warnings.flatMap { Layout.wrap("! " + $0, width: 92).map { "  " + $0 } }
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String { String(reversed().drop { $0 == " " }.reversed()) }
}
