import KontorCore

/// How the XML writes a line's or an allowance's category; the category itself comes from `TaxBreakdown`.
extension TaxCategory {
    /// Where a short trade tax stands: in a line's settlement or in a document-level allowance.
    enum ShortElement {
        case line
        case allowance
    }

    /// Writes the trade tax of a line or an allowance (type, category, rate). Category O carries no rate there
    /// (BR-O-05, BR-O-06).
    func writeShort(_ xml: inout XMLBuilder, element: ShortElement) {
        let body = { (xml: inout XMLBuilder) in
            xml.leaf("ram:TypeCode", constant: "VAT")
            xml.leaf("ram:CategoryCode", code.rawValue)
            if code != .notSubjectToVAT { xml.leaf("ram:RateApplicablePercent", integer: rate.percent) }
        }
        switch element {
        case .line: xml.element("ram:ApplicableTradeTax") { body(&$0) }
        case .allowance: xml.element("ram:CategoryTradeTax") { body(&$0) }
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

    /// `unitCode` as the attribute of `ram:BilledQuantity` (a constant: the builder writes attributes as they are).
    var unitCodeAttribute: StaticString {
        switch self {
        case .word, .line, .page: " unitCode=\"C62\""
        case .hour: " unitCode=\"HUR\""
        case .flat: " unitCode=\"LS\""
        }
    }
}
