import KontorCore

/// How the XML writes a line's or an allowance's category; the category itself comes from `TaxBreakdown`.
extension TaxCategory {
    /// Writes the trade tax of a line or an allowance (type, category, rate). Category O carries no rate there
    /// (BR-O-05, BR-O-06).
    func writeShort(_ xml: inout XMLBuilder, element: String = "ram:ApplicableTradeTax") {
        xml.element(element) { xml in
            xml.leaf("ram:TypeCode", "VAT")
            xml.leaf("ram:CategoryCode", code.rawValue)
            if code != .notSubjectToVAT { xml.leaf("ram:RateApplicablePercent", "\(rate.percent)") }
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
