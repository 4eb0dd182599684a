public import KontorCore

/// Readable German and English names for the code lists an e-invoice uses: units of measure
/// (UN/ECE Recommendation 20/21), invoice types (UNTDID 1001), VAT categories (UNCL 5305) and
/// payment means (UNTDID 4461). Unknown codes are returned as they are.
public enum CodeNames {
    private struct Unit {
        let de: (one: String, many: String)
        let en: (one: String, many: String)
    }

    private static func unit(_ de: String, _ dePlural: String, _ en: String, _ enPlural: String) -> Unit {
        Unit(de: (de, dePlural), en: (en, enPlural))
    }

    private static func symbol(_ text: String) -> Unit { Unit(de: (text, text), en: (text, text)) }

    private static let units: [String: Unit] = [
        "C62": unit("Stück", "Stück", "piece", "pieces"),
        "H87": unit("Stück", "Stück", "piece", "pieces"),
        "EA": unit("Stück", "Stück", "each", "each"),
        "XPP": unit("Stück", "Stück", "piece", "pieces"),
        "NAR": unit("Stück", "Stück", "article", "articles"),
        "PR": unit("Paar", "Paar", "pair", "pairs"),
        "SET": unit("Satz", "Sätze", "set", "sets"),
        "XPK": unit("Packung", "Packungen", "package", "packages"),
        "XBX": unit("Karton", "Kartons", "box", "boxes"),
        "SEC": unit("Sekunde", "Sekunden", "second", "seconds"),
        "MIN": unit("Minute", "Minuten", "minute", "minutes"),
        "HUR": unit("Stunde", "Stunden", "hour", "hours"),
        "DAY": unit("Tag", "Tage", "day", "days"),
        "WEE": unit("Woche", "Wochen", "week", "weeks"),
        "MON": unit("Monat", "Monate", "month", "months"),
        "QAN": unit("Quartal", "Quartale", "quarter", "quarters"),
        "ANN": unit("Jahr", "Jahre", "year", "years"),
        "LS": unit("Pauschale", "Pauschalen", "lump sum", "lump sums"),
        "E48": unit("Leistungseinheit", "Leistungseinheiten", "service unit", "service units"),
        "P1": symbol("%"),
        "KGM": symbol("kg"),
        "GRM": symbol("g"),
        "TNE": symbol("t"),
        "MTR": symbol("m"),
        "KMT": symbol("km"),
        "CMT": symbol("cm"),
        "MMT": symbol("mm"),
        "MTK": symbol("m²"),
        "MTQ": symbol("m³"),
        "LTR": symbol("l"),
        "KWH": symbol("kWh"),
        "MWH": symbol("MWh"),
        "KWT": symbol("kW"),
        "D64": unit("Block", "Blöcke", "block", "blocks"),
        "ZP": unit("Seite", "Seiten", "page", "pages"),
    ]

    /// The name of a unit of measure for `quantity` units (singular for exactly 1), e.g. "Stunden";
    /// an unknown code is returned unchanged.
    /// - Parameters:
    ///   - code: The Recommendation 20/21 code (BT-130), e.g. "HUR".
    ///   - quantity: The quantity, to choose singular or plural.
    ///   - language: The language of the name.
    public static func unitName(_ code: String, quantity: DecimalAmount = DecimalAmount(2), language: Language)
        -> String
    {
        guard let unit = units[code.uppercased()] else { return code }
        let forms = language == .de ? unit.de : unit.en
        return quantity == DecimalAmount(1) ? forms.one : forms.many
    }

    /// The name of an invoice type (BT-3), e.g. "Rechnung" for 380.
    public static func documentType(_ code: String, isCreditNote: Bool, language: Language) -> String {
        let names: [String: (String, String)] = [
            "326": ("Teilrechnung", "Partial invoice"),
            "380": ("Rechnung", "Invoice"),
            "381": ("Gutschrift (Rechnungskorrektur)", "Credit note"),
            "383": ("Belastungsanzeige", "Debit note"),
            "384": ("Korrigierte Rechnung", "Corrected invoice"),
            "386": ("Vorauszahlungsrechnung", "Prepayment invoice"),
            "389": ("Gutschrift im Gutschriftsverfahren (Selbstfakturierung)", "Self-billed invoice"),
            "261": ("Selbstfakturierte Gutschrift", "Self-billed credit note"),
            "751": ("Rechnungsinformation (keine Rechnung)", "Invoice information for accounting purposes"),
            "875": ("Abschlagsrechnung (Bau)", "Partial construction invoice"),
            "876": ("Teilschlussrechnung (Bau)", "Partial final construction invoice"),
            "877": ("Schlussrechnung (Bau)", "Final construction invoice"),
        ]
        if let name = names[code] { return language == .de ? name.0 : name.1 }
        if isCreditNote { return language == .de ? "Gutschrift" : "Credit note" }
        return language == .de ? "Rechnung (Typ \(code))" : "Invoice (type \(code))"
    }

    /// The name of a VAT category (BT-118, BT-151), e.g. "Normalsatz" for "S".
    public static func vatCategory(_ code: String, language: Language) -> String {
        let names: [String: (String, String)] = [
            "S": ("Normalsatz", "standard rate"),
            "Z": ("Nullsatz", "zero rated"),
            "E": ("steuerbefreit", "exempt"),
            "AE": ("Steuerschuldnerschaft des Leistungsempfängers (Reverse Charge)", "reverse charge"),
            "K": ("innergemeinschaftliche Lieferung/Leistung", "intra-community supply"),
            "G": ("Ausfuhr (Drittland), steuerfrei", "export outside the EU"),
            "O": ("nicht steuerbar", "not subject to VAT"),
            "L": ("IGIC (Kanarische Inseln)", "IGIC (Canary Islands)"),
            "M": ("IPSI (Ceuta und Melilla)", "IPSI (Ceuta and Melilla)"),
            "B": ("Übertragungsverfahren (Italien)", "transferred VAT (Italy)"),
        ]
        guard let name = names[code] else { return code }
        return language == .de ? name.0 : name.1
    }

    /// The name of a payment means (BT-81), e.g. "SEPA-Überweisung" for 58.
    public static func paymentMeans(_ code: String, language: Language) -> String {
        let names: [String: (String, String)] = [
            "1": ("nicht angegeben", "not defined"),
            "10": ("Barzahlung", "cash"),
            "20": ("Scheck", "cheque"),
            "30": ("Überweisung", "credit transfer"),
            "31": ("Überweisung", "debit transfer"),
            "42": ("Zahlung auf Bankkonto", "payment to bank account"),
            "48": ("Kartenzahlung", "bank card"),
            "49": ("Lastschrift", "direct debit"),
            "54": ("Kreditkarte", "credit card"),
            "55": ("Debitkarte", "debit card"),
            "57": ("Dauerauftrag", "standing agreement"),
            "58": ("SEPA-Überweisung", "SEPA credit transfer"),
            "59": ("SEPA-Lastschrift", "SEPA direct debit"),
            "68": ("Online-Zahlungsdienst", "online payment service"),
            "97": ("Verrechnung", "clearing between partners"),
            "ZZZ": ("andere Zahlungsart", "other payment means"),
        ]
        guard let name = names[code] else { return code }
        return language == .de ? name.0 : name.1
    }
}
