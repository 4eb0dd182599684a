/// The EN 16931 VAT category of a line or a breakdown group (UNTDID 5305), as Kontor's tax treatments use them.
///
/// There is no zero-rated category (Z) on purpose: German law knows a 0 % rate only for goods a writer does not
/// sell (§ 12 Abs. 3 UStG, photovoltaics), so a 0 % service on a domestic invoice is exempt (E), never Z.
public enum VATCategoryCode: String, Sendable, Hashable, Codable, CaseIterable {
    /// Taxable at 19 % or 7 % (§ 12 UStG).
    case standardRated = "S"
    /// Exempt: Kleinunternehmer (§ 19 UStG) or a 0 % service on a domestic invoice (§ 4 UStG).
    case exempt = "E"
    /// EU reverse charge: the recipient owes the tax (§ 13b UStG, § 14a Abs. 1 UStG).
    case reverseCharge = "AE"
    /// Not subject to German VAT: place of supply abroad (§ 3a Abs. 2 UStG).
    case notSubjectToVAT = "O"
}

/// The tax category of a line or group: code, rate and why no tax is charged.
public struct TaxCategory: Sendable, Hashable, Codable {
    /// The EN 16931 category code.
    public let code: VATCategoryCode
    /// The rate charged (0 for every category but S).
    public let rate: VATRate
    /// The treatment of the whole document: it decides between a § 4 exemption (standard) and § 19 (E).
    public let treatment: TaxTreatment

    /// The category of a line at `rate` on an invoice under `treatment`.
    public init(treatment: TaxTreatment, lineRate rate: VATRate) {
        self.treatment = treatment
        switch treatment {
        case .standard: (code, self.rate) = rate.percent == 0 ? (.exempt, .zero) : (.standardRated, rate)
        case .smallBusiness: (code, self.rate) = (.exempt, .zero)
        case .reverseCharge: (code, self.rate) = (.reverseCharge, .zero)
        case .outsideScope: (code, self.rate) = (.notSubjectToVAT, .zero)
        }
    }

    /// Whether a document states this category's rate and tax amount. Only taxable supplies do: a rate shown
    /// on a § 19 or reverse-charge invoice is a tax owed (§ 14c UStG; LAW.md 1.4).
    public var showsRate: Bool { code == .standardRated || (code == .exempt && treatment == .standard) }

    /// The reason no tax is charged, for the printed note and the XML (BT-120): the same words in both.
    public func exemptionReason(_ language: Language) -> String? {
        switch code {
        case .standardRated: nil
        case .exempt where treatment == .standard:
            language == .de ? "Steuerfreie Leistung gemäß § 4 UStG." : "VAT-exempt supply under § 4 UStG."
        case .exempt, .reverseCharge, .notSubjectToVAT: treatment.note(language)
        }
    }

    /// The VATEX code (BT-121) where the EN 16931 code list has one that fits.
    public var exemptionReasonCode: String? {
        switch code {
        case .standardRated, .exempt: nil
        case .reverseCharge: "VATEX-EU-AE"
        case .notSubjectToVAT: "VATEX-EU-O"
        }
    }
}

/// The taxable amount and tax of one category and rate (one EN 16931 BG-23 group).
public struct TaxGroup: Sendable, Hashable, Codable {
    /// Category and rate of the group.
    public let category: TaxCategory
    /// The sum of the group's line nets (discount lines included).
    public let basis: Money
    /// The tax on `basis`, rounded once for the group (EN 16931).
    public let tax: Money
}

/// The one VAT breakdown of a document: every rate, category, basis, tax and exemption text that the PDF, the
/// e-invoice XML and the e-mail print come from here, so they cannot disagree (§ 14 Abs. 4 Nr. 7 and 8 UStG).
public struct TaxBreakdown: Sendable, Hashable, Codable {
    /// The treatment of the whole document.
    public let treatment: TaxTreatment
    /// One group per category and rate, taxable groups first, higher rates first.
    public let groups: [TaxGroup]

    /// The breakdown of `lines` under `treatment`.
    public init(lines: [DocumentLine], treatment: TaxTreatment) {
        self.treatment = treatment
        var bases: [TaxCategory: Money] = [:]
        for line in lines {
            bases[TaxCategory(treatment: treatment, lineRate: line.vatRate), default: .zero] += line.net
        }
        groups = bases.keys.sorted { ($0.rate, $0.code.rawValue) > ($1.rate, $1.code.rawValue) }.map { category in
            let basis = bases[category]!
            return TaxGroup(category: category, basis: basis, tax: basis.percentage(category.rate.percent))
        }
    }

    /// Whether the document states rates and tax amounts at all: never under § 19, reverse charge or outside the
    /// scope, where only the note may appear (§ 14c UStG; § 14a Abs. 5 UStG; LAW.md 1.4, 1.6).
    public var showsTax: Bool { treatment == .standard }

    /// The category of one line.
    public func category(of line: DocumentLine) -> TaxCategory {
        TaxCategory(treatment: treatment, lineRate: line.vatRate)
    }

    /// The notes the document must carry: the treatment's note, or on a standard invoice the exemption text of
    /// each exempt group (§ 14 Abs. 4 Nr. 8 UStG: "einen Hinweis auf die Steuerbefreiung").
    public func notes(_ language: Language) -> [String] {
        if let note = treatment.note(language) { return [note] }
        var notes: [String] = []
        for group in groups {
            if let reason = group.category.exemptionReason(language), !notes.contains(reason) { notes.append(reason) }
        }
        return notes
    }

    /// The sum of all bases (BT-109).
    public var net: Money { groups.map(\.basis).sum() }
    /// The sum of the groups' taxes (BT-110).
    public var tax: Money { groups.map(\.tax).sum() }
    /// Net plus tax (BT-112).
    public var gross: Money { net + tax }
}
