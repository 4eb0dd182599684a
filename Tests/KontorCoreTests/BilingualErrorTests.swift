import KontorCore
import Testing

/// `LegalError` speaks German and English: English is the `description`, German carries the same facts.
struct BilingualErrorTests {
    /// Words that show an English sentence slipped into a German message.
    static let englishWords = [" the ", " is ", " not ", " must ", " has ", " with ", " cannot ", " Add "]

    static let cases: [(LegalError, [String])] = [
        (.missingBaseRate(halfYearStarting: Day("2026-07-01")!), ["01.07.2026", "Basiszinssatz"]),
        (.notHalfYearStart(Day("2026-03-15")!), ["15.03.2026", "01.01.2026", "1. Juli"]),
        (.invalidBaseRateTable(reason: "2026-01-01: 2,27 %"), ["2026-01-01: 2,27 %", "Basiszinssätze"]),
        (.negativeAmount(what: .principal), ["Hauptforderung", "negativ"]),
        (.negativeAmount(what: .partialPayment), ["Teilzahlung", "negativ"]),
        (.negativeAmount(what: .fee), ["Gebühr", "negativ"]),
        (.amountTooLarge, ["Verzugszinsen"]),
    ]

    @Test(arguments: cases) func englishIsTheDescription(error: LegalError, facts: [String]) {
        #expect(error.message(.en) == error.description)
    }

    @Test(arguments: cases) func germanCarriesTheFacts(error: LegalError, facts: [String]) {
        let german = error.message(.de)
        #expect(german != error.description)
        for fact in facts { #expect(german.contains(fact), "\(fact) missing in: \(german)") }
        for word in Self.englishWords { #expect(!german.contains(word), "'\(word)' in: \(german)") }
    }

    @Test func missingBaseRateSaysWhereToAddIt() {
        let german = LegalError.missingBaseRate(halfYearStarting: Day("2027-01-01")!).message(.de)
        #expect(german.contains("01.01.2027"))
        #expect(german.contains("Einstellungen → Basiszinssätze"))
        #expect(german.contains("kontor settings base-rate add 2027-01-01"))
    }

    @Test func usableThroughTheProtocol() {
        let error: any BilingualError = LegalError.amountTooLarge
        #expect(error.message(.en) == String(describing: LegalError.amountTooLarge))
        #expect(error.message(.de).hasPrefix("Die Beträge"))
    }
}
