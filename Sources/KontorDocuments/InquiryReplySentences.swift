import KontorCore

/// The sentences of a reply that state facts — the price or the question for the scope, the discount, the date —
/// worded once so that the e-mail answer, the phone follow-up and the call note say the same.
struct InquiryReplySentences {
    let facts: InquiryReplyFacts
    let language: Language
    /// § 3 Abs. 1 PAngV: consumers read prices including VAT (LAW.md 1.4).
    let gross: Bool
    let treatment: TaxTreatment

    init(facts: InquiryReplyFacts, language: Language) {
        self.facts = facts
        self.language = language
        treatment = TaxTreatment.determine(mode: facts.seller.taxMode, customer: facts.customer)
        gross = treatment == .standard && facts.customer.kind == .consumer
    }

    private var de: Bool { language == .de }

    // MARK: - Amounts as the customer reads them

    /// What the price means for VAT: a § 19 business adds none.
    var vat: String {
        let rate = VATRate.standard.percent
        return switch (treatment, gross, language) {
        case (.standard, true, .de): "inkl. \(rate) % Umsatzsteuer"
        case (.standard, true, .en): "including \(rate) % VAT"
        case (.standard, false, .de): "zzgl. Umsatzsteuer"
        case (.standard, false, .en): "plus VAT"
        case (.smallBusiness, _, .de): "(keine Umsatzsteuer nach § 19 UStG)"
        case (.smallBusiness, _, .en): "(no VAT under § 19 UStG)"
        case (_, _, .de): "netto, ohne deutsche Umsatzsteuer"
        case (_, _, .en): "net, without German VAT"
        }
    }

    func shown(_ money: Money) -> String {
        (gross ? money.percentage(100 + VATRate.standard.percent) : money).formatted(language)
    }

    func shown(_ price: UnitPrice) -> String {
        var price = price
        if gross {
            price.tenThousandths = Money(cents: price.tenThousandths).percentage(100 + VATRate.standard.percent).cents
        }
        return price.formatted(language)
    }

    func size(_ size: WorkSize) -> String {
        "\(size.quantity.formatted(language)) \(size.unit.label(language, quantity: size.quantity))"
    }

    /// "pro Wort", "per standard page"; a flat fee is "pauschal".
    private func perUnit(_ unit: BillingUnit) -> String {
        if unit == .flat { return unit.label(language) }
        return (de ? "pro " : "per ") + unit.label(language, quantity: Quantity(1))
    }

    // MARK: - The offer

    /// The price with its discount, or, without a size, the question for the scope with the price per unit and
    /// what comparable work cost.
    var offer: String {
        guard let size = facts.inquiry.size, let unitPrice = facts.unitPrice, let price = facts.price else {
            return [scopeQuestion, discount(discounted: nil)].compactMap { $0 }.joined(separator: " ")
        }
        let first = de
            ? "Für rund \(self.size(size)) berechne ich \(shown(unitPrice)) \(perUnit(size.unit)), insgesamt "
                + "\(shown(price)) \(vat)."
            : "For about \(self.size(size)) I charge \(shown(unitPrice)) \(perUnit(size.unit)), \(shown(price)) in "
                + "total \(vat)."
        return [first, discount(discounted: discountedPrice)].compactMap { $0 }.joined(separator: " ")
    }

    /// The price after the loyalty discount, computed as the quote computes it (a discount line per VAT rate).
    var discountedPrice: Money? {
        guard let size = facts.inquiry.size, let unitPrice = facts.unitPrice, facts.loyaltyPercent > 0 else {
            return nil
        }
        let line = DocumentLine(description: facts.inquiry.subject, quantity: size.quantity, unit: size.unit,
                                unitPrice: unitPrice, vatRate: .standard)
        let lines = [line] + LoyaltyDiscount.lines(for: [line], percent: facts.loyaltyPercent, language: language)
        return lines.map(\.net).sum()
    }

    private var scopeQuestion: String {
        let unit = facts.pricedUnit
        let price = facts.unitPrice.map { shown($0) }
        var text = de
            ? "Damit ich Ihnen einen verbindlichen Preis nennen kann, brauche ich noch den Umfang: Wie lang soll der "
                + "Text ungefähr werden?"
            : "To give you a firm price, I need to know the scope: roughly how long should the text be?"
        if let price {
            text += de ? " Ich berechne \(price) \(perUnit(unit)) \(vat)" : " I charge \(price) \(perUnit(unit)) \(vat)"
            if let range = facts.typicalRange {
                text += de
                    ? "; vergleichbare Aufträge lagen bei mir zuletzt zwischen \(shown(range.low)) und "
                        + "\(shown(range.high))."
                    : "; comparable jobs recently came to between \(shown(range.low)) and \(shown(range.high))."
            } else {
                text += "."
            }
        }
        return text
    }

    /// The regular customer's discount: granted, or (for a regular customer below the first tier) when it starts.
    private func discount(discounted: Money?) -> String? {
        let percent = facts.loyaltyPercent
        if percent > 0 {
            if let discounted {
                return de
                    ? "Als Dank für die gute Zusammenarbeit ziehe ich davon \(percent) % Stammkundenrabatt ab: Sie "
                        + "zahlen \(shown(discounted)) \(vat)."
                    : "As a thank-you for working together, I take \(percent) % regular-customer discount off: you "
                        + "pay \(shown(discounted)) \(vat)."
            }
            return de
                ? "Als Dank für die gute Zusammenarbeit ziehe ich davon \(percent) % Stammkundenrabatt ab."
                : "As a thank-you for working together, I take \(percent) % regular-customer discount off."
        }
        guard facts.customer.status == .regular,
              let next = facts.seller.loyalty.tiers.first(where: { $0.paidInvoices > facts.paidInvoices })
        else { return nil }
        return de
            ? "Ab Ihrem \(next.paidInvoices). bezahlten Auftrag gewähre ich Ihnen \(next.percent) % Stammkundenrabatt."
            : "From your \(Self.ordinal(next.paidInvoices)) paid job on, you get \(next.percent) % regular-customer "
                + "discount."
    }

    static func ordinal(_ n: Int) -> String {
        let suffix = (11...13).contains(n % 100) ? "th" : [1: "st", 2: "nd", 3: "rd"][n % 10] ?? "th"
        return "\(n)\(suffix)"
    }

    // MARK: - The date

    /// The delivery date; a wish that cannot be met is named, with the earliest date and the first part.
    var delivery: String {
        let date = facts.proposal.deliveryDate.formatted(language)
        guard facts.inquiry.size != nil else { return unsizedDelivery(date) }
        let part = facts.firstPart?.formatted(language)
        switch (facts.missedWish?.formatted(language), part) {
        case let (wish?, part?):
            return de
                ? "Ihren Wunschtermin, den \(wish), schaffe ich für den ganzen Text leider nicht: fertig wird er bis "
                    + "zum \(date). Einen ersten Teil kann ich Ihnen aber schon bis zum \(part) schicken."
                : "I am afraid I cannot finish the whole text by your wished date, \(wish): it will be ready by "
                    + "\(date). I can send you a first part by \(part), though."
        case let (wish?, nil):
            return de
                ? "Ihren Wunschtermin, den \(wish), schaffe ich leider nicht ganz; liefern kann ich bis zum \(date)."
                : "I am afraid I cannot quite make your wished date, \(wish); I can deliver by \(date)."
        case let (nil, part?):
            return de
                ? "Liefern kann ich bis zum \(date). Wenn Sie früher etwas brauchen: einen ersten Teil kann ich Ihnen "
                    + "schon bis zum \(part) schicken."
                : "I can deliver by \(date). If you need something sooner, I can send a first part by \(part)."
        case (nil, nil):
            return de ? "Liefern kann ich bis zum \(date)." : "I can deliver by \(date)."
        }
    }

    /// Without a size only a short text has a date; a longer one gets its date with the scope.
    private func unsizedDelivery(_ date: String) -> String {
        let short = size(smallSize)
        let wish = facts.missedWish.map { day in
            let text = day.formatted(language)
            return de ? "Den \(text) schaffe ich leider nicht; " : "I cannot make \(text); "
        }
        let article = de ? (wish == nil ? "Einen" : "einen") : (wish == nil ? "A" : "a")
        return de
            ? (wish ?? "") + "\(article) kürzeren Text (bis etwa \(short)) kann ich bis zum \(date) liefern, für einen "
                + "längeren nenne ich Ihnen den Termin, sobald ich den Umfang kenne."
            : (wish ?? "") + "\(article) shorter text (up to about \(short)) I can deliver by \(date); for a longer "
                + "one I will name the date as soon as I know the scope."
    }

    /// What fits the small job the date is planned for, in the unit priced (words rounded to hundreds).
    var smallSize: WorkSize {
        let card = facts.seller.effectiveRateCard
        let hours = DeliveryPlanner.smallJobHours / 1000
        let unit = facts.pricedUnit
        let amount: Int64 = switch unit {
        case .word: hours * card.wordsPerHour / 100 * 100
        case .line: hours * card.linesPerHour
        case .page: max(1, hours * card.pagesPerTenHours / 10)
        case .hour, .flat: hours
        }
        return WorkSize(quantity: Quantity(amount), unit: unit == .flat ? .hour : unit)
    }

    // MARK: - Internal note

    /// The proposal in one line for the call note, to have at hand while on the phone.
    var proposalNote: String {
        var parts: [String] = []
        let date = facts.proposal.deliveryDate.formatted(language)
        parts.append(de ? "Lieferung bis \(date)" : "delivery by \(date)")
        if let part = facts.firstPart?.formatted(language) {
            parts.append(de ? "erster Teil bis \(part)" : "first part by \(part)")
        }
        if let wish = facts.missedWish {
            parts.append(de ? "Wunschtermin \(wish.formatted(language)) nicht zu halten"
                            : "wished date \(wish.formatted(language)) cannot be met")
        }
        if let price = facts.price {
            let net = discountedPrice ?? price
            parts.append(de ? "\(net.formatted(language)) netto" : "\(net.formatted(language)) net")
        } else {
            parts.append(de ? "Umfang erfragen" : "ask for the scope")
        }
        if facts.loyaltyPercent > 0 {
            let percent = facts.loyaltyPercent
            parts.append(de ? "\(percent) % Stammkundenrabatt" : "\(percent) % loyalty discount")
        }
        let hours = Quantity(thousandths: facts.proposal.hours).formatted(language)
        parts.append(de ? "rund \(hours) h Arbeit" : "about \(hours) h of work")
        return parts.joined(separator: "; ")
    }

    /// The caller as the note names them: the contact person with the business, or the customer's name.
    func caller(_ addressed: Customer) -> String {
        guard let person = addressed.addressName(language: language), person != addressed.name,
              addressed.kind == .business
        else { return addressed.addressName(language: language) ?? addressed.name }
        return "\(person) (\(addressed.name))"
    }
}
