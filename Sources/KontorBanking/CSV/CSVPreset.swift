import Foundation
/// A known bank CSV layout: the header columns that identify it and the column mapping to read it.
public struct CSVPreset: Sendable, Hashable, Codable, Identifiable {
    /// Short id, e.g. `sparkasse-camt`.
    public var id: String
    /// Name for people.
    public var name: String
    /// Header columns that must all be present for auto-detection.
    public var signature: [String]
    /// How to read the columns.
    public var mapping: CSVColumnMapping
    /// The layout's decimal notation.
    public var decimal: DecimalSeparator
    /// Currency when the layout has no currency column.
    public var defaultCurrency: String?

    public init(
        id: String, name: String, signature: [String], mapping: CSVColumnMapping, decimal: DecimalSeparator = .comma,
        defaultCurrency: String? = nil
    ) {
        self.id = id
        self.name = name
        self.signature = signature
        self.mapping = mapping
        self.decimal = decimal
        self.defaultCurrency = defaultCurrency
    }

    /// The preset with this id.
    public static func named(_ id: String) -> CSVPreset? { all.first { $0.id == id } }

    /// All presets in detection order; the generic one comes last.
    public static let all: [CSVPreset] = [
        sparkasseCamt, sparkasseMT940, atruvia, ing, dkb, commerzbank, commerzbankClassic, generic,
    ]

    /// Sparkasse "CSV-CAMT V2" and "CSV-CAMT V8" (same columns).
    public static let sparkasseCamt = CSVPreset(
        id: "sparkasse-camt", name: "Sparkasse CSV-CAMT (V2/V8)",
        signature: ["Auftragskonto", "Buchungstag", "Kundenreferenz (End-to-End)", "Beguenstigter/Zahlungspflichtiger", "Info"],
        mapping: CSVColumnMapping([
            .account: ["Auftragskonto"], .date: ["Buchungstag"], .valueDate: ["Valutadatum"],
            .bookingText: ["Buchungstext"], .text: ["Verwendungszweck"], .creditorId: ["Glaeubiger ID"],
            .mandate: ["Mandatsreferenz"], .reference: ["Kundenreferenz (End-to-End)"],
            .name: ["Beguenstigter/Zahlungspflichtiger"], .iban: ["Kontonummer/IBAN"], .bic: ["BIC (SWIFT-Code)"],
            .amount: ["Betrag"], .currency: ["Waehrung"], .status: ["Info"],
        ]))

    /// Sparkasse "CSV-MT940": SEPA keywords (`EREF+`, `SVWZ+` …) inside the Verwendungszweck.
    public static let sparkasseMT940 = CSVPreset(
        id: "sparkasse-mt940", name: "Sparkasse CSV-MT940",
        signature: ["Auftragskonto", "Buchungstag", "Beguenstigter/Zahlungspflichtiger", "Kontonummer", "BLZ", "Info"],
        mapping: CSVColumnMapping([
            .account: ["Auftragskonto"], .date: ["Buchungstag"], .valueDate: ["Valutadatum"],
            .bookingText: ["Buchungstext"], .text: ["Verwendungszweck"], .name: ["Beguenstigter/Zahlungspflichtiger"],
            .iban: ["Kontonummer"], .bic: ["BLZ"], .amount: ["Betrag"], .currency: ["Waehrung"], .status: ["Info"],
        ]))

    /// Atruvia layout of Volksbanken/Raiffeisenbanken, GLS, Sparda.
    public static let atruvia = CSVPreset(
        id: "atruvia", name: "Volksbank/Raiffeisenbank/GLS (Atruvia)",
        signature: ["IBAN Auftragskonto", "Buchungstag", "Name Zahlungsbeteiligter", "Betrag"],
        mapping: CSVColumnMapping([
            .account: ["IBAN Auftragskonto"], .date: ["Buchungstag"], .valueDate: ["Valutadatum"],
            .name: ["Name Zahlungsbeteiligter"], .iban: ["IBAN Zahlungsbeteiligter"],
            .bic: ["BIC (SWIFT-Code) Zahlungsbeteiligter"], .bookingText: ["Buchungstext"],
            .text: ["Verwendungszweck"], .amount: ["Betrag"], .currency: ["Waehrung"],
            .creditorId: ["Glaeubiger ID"], .mandate: ["Mandatsreferenz"],
        ]))

    /// ING Deutschland (preamble with IBAN, header `Buchung;Wertstellungsdatum;…`; older files say `Valuta`).
    public static let ing = CSVPreset(
        id: "ing", name: "ING Deutschland",
        signature: ["Buchung", "Auftraggeber/Empfänger", "Verwendungszweck", "Betrag"],
        mapping: CSVColumnMapping([
            .date: ["Buchung"], .valueDate: ["Wertstellungsdatum", "Valuta"], .name: ["Auftraggeber/Empfänger"],
            .bookingText: ["Buchungstext"], .text: ["Verwendungszweck"], .amount: ["Betrag"], .currency: ["Währung"],
        ]))

    /// DKB since 2023 (preamble with IBAN, payer and payee in separate columns, amounts in EUR).
    public static let dkb = CSVPreset(
        id: "dkb", name: "DKB (2023+)",
        signature: ["Buchungsdatum", "Zahlungspflichtige*r", "Zahlungsempfänger*in", "Betrag (€)"],
        mapping: CSVColumnMapping([
            .date: ["Buchungsdatum"], .valueDate: ["Wertstellung"], .status: ["Status"],
            .payer: ["Zahlungspflichtige*r"], .payee: ["Zahlungsempfänger*in"], .text: ["Verwendungszweck"],
            .bookingText: ["Umsatztyp"], .iban: ["IBAN"], .amount: ["Betrag (€)"], .creditorId: ["Gläubiger-ID"],
            .mandate: ["Mandatsreferenz"], .reference: ["Kundenreferenz"],
        ]),
        defaultCurrency: "EUR")

    /// Commerzbank export (`Buchungstag;Wertstellung;Umsatzart;Buchungstext;Betrag;Währung;IBAN Kontoinhaber;Kategorie`).
    public static let commerzbank = CSVPreset(
        id: "commerzbank", name: "Commerzbank",
        signature: ["Buchungstag", "Umsatzart", "Buchungstext", "IBAN Kontoinhaber"],
        mapping: CSVColumnMapping([
            .date: ["Buchungstag"], .valueDate: ["Wertstellung"], .bookingText: ["Umsatzart"], .text: ["Buchungstext"],
            .amount: ["Betrag"], .currency: ["Währung"], .account: ["IBAN Kontoinhaber"],
        ]))

    /// The Commerzbank columns listed in LAW.md §7 (`Datum, Valutadatum, Buchungstext, Verwendungszweck, …`).
    public static let commerzbankClassic = CSVPreset(
        id: "commerzbank-classic", name: "Commerzbank (Datum/Valutadatum layout)",
        signature: ["Datum", "Valutadatum", "Buchungstext", "Verwendungszweck", "Kundenreferenz", "IBAN", "Betrag"],
        mapping: CSVColumnMapping([
            .date: ["Datum"], .valueDate: ["Valutadatum"], .bookingText: ["Buchungstext"], .text: ["Verwendungszweck"],
            .creditorId: ["Gläubiger-ID"], .mandate: ["Mandatsreferenz"], .reference: ["Kundenreferenz"],
            .iban: ["IBAN"], .amount: ["Betrag"], .currency: ["Währung"],
        ]))

    /// Any file with a recognisable date and amount column.
    public static let generic = CSVPreset(
        id: "generic", name: "Generic bank CSV", signature: [],
        mapping: CSVColumnMapping([
            .date: ["Buchungstag", "Buchungsdatum", "Buchung", "Datum", "Date", "Booking date"],
            .valueDate: ["Valutadatum", "Valuta", "Wertstellung", "Wertstellungsdatum", "Value date"],
            .amount: ["Betrag", "Betrag (EUR)", "Umsatz", "Amount"],
            .currency: ["Währung", "Waehrung", "Currency"],
            .name: [
                "Name", "Beguenstigter/Zahlungspflichtiger", "Auftraggeber/Empfänger", "Auftraggeber / Begünstigter",
                "Name Zahlungsbeteiligter", "Empfänger", "Payee", "Counterparty",
            ],
            .iban: ["IBAN", "Kontonummer/IBAN", "IBAN Zahlungsbeteiligter"],
            .text: ["Verwendungszweck", "Beschreibung", "Purpose", "Description", "Reference"],
            .bookingText: ["Buchungstext", "Umsatzart"],
        ]))
}
