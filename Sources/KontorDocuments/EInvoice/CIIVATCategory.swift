import KontorCore

/// The EN 16931 VAT category (UNTDID 5305) of a line or breakdown group, with the exemption reason the
/// rules require for anything but standard-rated supplies.
struct CIIVATCategory: Equatable {
    let code: String
    let rate: Int64?
    let exemptionReason: String?
    let exemptionReasonCode: String?

    init(treatment: TaxTreatment, rate: VATRate) {
        switch treatment {
        case .standard where rate.percent == 0:
            (code, self.rate, exemptionReason, exemptionReasonCode) = ("Z", 0, nil, nil)
        case .standard:
            (code, self.rate, exemptionReason, exemptionReasonCode) = ("S", rate.percent, nil, nil)
        case .smallBusiness:
            (code, self.rate, exemptionReason, exemptionReasonCode) =
                ("E", 0, "Kleinunternehmer gemäß § 19 UStG: keine Umsatzsteuer", nil)
        case .reverseCharge:
            (code, self.rate, exemptionReason, exemptionReasonCode) =
                ("AE", 0, "Steuerschuldnerschaft des Leistungsempfängers (Reverse Charge)", "VATEX-EU-AE")
        case .outsideScope:
            (code, self.rate, exemptionReason, exemptionReasonCode) =
                ("O", nil, "Nicht im Inland steuerbare Leistung", "VATEX-EU-O")
        }
    }

    /// Writes the trade tax of a line or an allowance (type, category, rate).
    func writeShort(_ xml: inout XMLBuilder, element: String = "ram:ApplicableTradeTax") {
        xml.element(element) { xml in
            xml.leaf("ram:TypeCode", "VAT")
            xml.leaf("ram:CategoryCode", code)
            if let rate { xml.leaf("ram:RateApplicablePercent", "\(rate)") }
        }
    }
}

/// UN/ECE Recommendation 20 unit codes for the units writers bill by.
extension BillingUnit {
    var unitCode: String {
        switch self {
        case .word, .line, .page: "C62"
        case .hour: "HUR"
        case .flat: "LS"
        }
    }
}
