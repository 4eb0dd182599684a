public import KontorCore

extension ReceivedInvoice {
    /// Sums that do not add up, in German (see ``arithmeticWarnings(language:)``). Empty for a
    /// consistent invoice.
    public var arithmeticWarnings: [String] { arithmeticWarnings(language: .de) }

    /// Sums that do not add up, as sentences naming the business terms involved.
    ///
    /// Checked: the EN 16931 rules BR-CO-10 (Σ BT-131 = BT-106), BR-CO-11/12 (Σ allowances and
    /// charges = BT-107/BT-108), BR-CO-13 (BT-109 = BT-106 − BT-107 + BT-108), BR-CO-14
    /// (Σ BT-117 = BT-110), BR-CO-15 (BT-112 = BT-109 + BT-110), BR-CO-16
    /// (BT-115 = BT-112 − BT-113 + BT-114 + third-party payments), BR-CO-17 (BT-117 ≈ BT-116 × BT-119 / 100, ±0.01),
    /// Σ BT-116 = BT-109, and per line quantity × price ± line allowances and charges ≈ line net amount (±0.02) and sub-lines
    /// adding up to their parent. Reading never fails because of these; they are warnings.
    /// - Parameter language: The language of the sentences.
    public func arithmeticWarnings(language: Language) -> [String] {
        var warnings: [String] = []
        func amount(_ value: DecimalAmount) -> String { value.formatted(language) }
        func mismatch(_ rule: String, _ de: String, _ en: String, expected: DecimalAmount, found: DecimalAmount) {
            guard expected != found else { return }
            let difference = amount(found - expected)
            warnings.append(language == .de
                ? "\(de): erwartet \(amount(expected)), angegeben \(amount(found)) (Differenz \(difference); \(rule))"
                : "\(en): expected \(amount(expected)), stated \(amount(found)) (difference \(difference); \(rule))")
        }

        if !lines.isEmpty {
            mismatch("BR-CO-10", "Summe der Positionen (BT-106) ≠ Summe der Positionsbeträge (BT-131)",
                     "Sum of lines (BT-106) ≠ sum of line net amounts (BT-131)",
                     expected: lines.map(\.netAmount).sum(), found: totals.lineTotal)
        }
        let allowances = allowancesAndCharges.filter { !$0.isCharge }.map(\.amount).sum()
        let charges = allowancesAndCharges.filter(\.isCharge).map(\.amount).sum()
        mismatch("BR-CO-11", "Summe der Nachlässe (BT-107)", "Sum of allowances (BT-107)",
                 expected: allowances, found: totals.allowanceTotal ?? .zero)
        mismatch("BR-CO-12", "Summe der Zuschläge (BT-108)", "Sum of charges (BT-108)",
                 expected: charges, found: totals.chargeTotal ?? .zero)
        mismatch("BR-CO-13", "Nettobetrag (BT-109) ≠ BT-106 − BT-107 + BT-108",
                 "Total without VAT (BT-109) ≠ BT-106 − BT-107 + BT-108",
                 expected: totals.lineTotal - (totals.allowanceTotal ?? .zero) + (totals.chargeTotal ?? .zero),
                 found: totals.taxExclusive)
        mismatch("BR-CO-15", "Bruttobetrag (BT-112) ≠ BT-109 + BT-110",
                 "Total with VAT (BT-112) ≠ BT-109 + BT-110",
                 expected: totals.taxExclusive + (totals.vatTotal ?? .zero), found: totals.grandTotal)
        let thirdParty = thirdPartyPayments.isEmpty ? "" : " + BT-DEX-002"
        mismatch("BR-CO-16", "Zahlbetrag (BT-115) ≠ BT-112 − BT-113 + BT-114" + thirdParty,
                 "Amount due (BT-115) ≠ BT-112 − BT-113 + BT-114" + thirdParty,
                 expected: totals.grandTotal - (totals.prepaid ?? .zero) + (totals.rounding ?? .zero)
                    + thirdPartyPayments.map(\.amount).sum(),
                 found: totals.duePayable)
        if !vatBreakdown.isEmpty {
            mismatch("BR-CO-14", "Umsatzsteuer gesamt (BT-110) ≠ Summe der Steuerbeträge (BT-117)",
                     "Total VAT (BT-110) ≠ sum of VAT amounts (BT-117)",
                     expected: vatBreakdown.map(\.taxAmount).sum(), found: totals.vatTotal ?? .zero)
            mismatch("BT-116", "Nettobetrag (BT-109) ≠ Summe der Bemessungsgrundlagen (BT-116)",
                     "Total without VAT (BT-109) ≠ sum of taxable amounts (BT-116)",
                     expected: vatBreakdown.map(\.taxableAmount).sum(), found: totals.taxExclusive)
        }
        let tolerance = DecimalAmount(units: 1, scale: 2)
        for breakdown in vatBreakdown {
            guard let rate = breakdown.rate,
                let expected = breakdown.taxableAmount.multiplied(by: rate)?.divided(by: .hundred, scale: 2),
                (expected - breakdown.taxAmount).magnitude > tolerance
            else { continue }
            let label = "\(breakdown.category) \(rate.formatted(language, minimumFractionDigits: 0)) %"
            mismatch("BR-CO-17", "Steuerbetrag \(label) (BT-117) ≠ Bemessungsgrundlage × Steuersatz",
                     "VAT amount \(label) (BT-117) ≠ taxable amount × rate",
                     expected: expected, found: breakdown.taxAmount)
        }
        // The Peppol/XRechnung rule allows 0.02 slack per line.
        checkLines(lines, tolerance: DecimalAmount(units: 2, scale: 2), language: language, mismatch: mismatch)
        return warnings
    }

    private func checkLines(
        _ lines: [Line], tolerance: DecimalAmount, language: Language,
        mismatch: (String, String, String, DecimalAmount, DecimalAmount) -> Void
    ) {
        for line in lines {
            if let price = line.netPrice, let gross = line.quantity?.multiplied(by: price),
                let perBase = gross.divided(by: line.priceBaseQuantity ?? DecimalAmount(1), scale: 2)
            {
                let adjustments = line.allowancesAndCharges.reduce(DecimalAmount.zero) { sum, item in
                    item.isCharge ? sum + item.amount : sum - item.amount
                }
                let expected = perBase + adjustments
                if (expected - line.netAmount).magnitude > tolerance {
                    mismatch("BT-131", "Position \(line.id): Menge × Preis ≠ Positionsbetrag",
                             "Line \(line.id): quantity × price ≠ line net amount", expected, line.netAmount)
                }
            }
            if !line.subLines.isEmpty {
                mismatch("XRechnung", "Position \(line.id): Summe der Unterpositionen ≠ Positionsbetrag",
                         "Line \(line.id): sum of sub-lines ≠ line net amount",
                         line.subLines.map(\.netAmount).sum(), line.netAmount)
                checkLines(line.subLines, tolerance: tolerance, language: language, mismatch: mismatch)
            }
        }
    }
}
