import KontorCore
import KontorDocuments
import Testing

/// `VCardError` and `EInvoiceExportError` speak German and English: English is the `description`, German carries
/// the same facts.
struct DocumentErrorMessageTests {
    /// Words that show an English sentence slipped into a German message.
    static let englishWords = [" the ", " is ", " not ", " has ", " with ", " needs ", "Nothing", " Add ", "your"]

    static let vCardCases: [(VCardError, [String])] = [
        (.noCards, ["BEGIN:VCARD … END:VCARD", "nichts importiert"]),
        (.unbalanced(card: 3), ["vCard 3", "END:VCARD", "nichts importiert"]),
        (.missingName(card: 5), ["vCard 5", "FN oder ORG", "nichts importiert"]),
        (.notUTF8(NotUTF8Error(file: "k.vcf", line: 2, column: 9, guess: "Windows-1252")),
         ["k.vcf", "Zeile 2", "Spalte 9", "kein UTF-8 (vielleicht Windows-1252?)", "nichts importiert"]),
        (.tooLarge(file: "vCard 4", limit: .properties(1000)),
         ["vCard 4", "höchstens 1000 Angaben", "nichts importiert"]),
        (.tooLarge(file: "", limit: .bytes(16 << 20)), ["Die Datei", "höchstens 16 MiB", "nichts importiert"]),
    ]

    static let exportCases: [(EInvoiceExportError, [String])] = [
        (.notIssued, ["E-Rechnung", "„kontor invoice issue“"]),
        (.missingSellerField("phone number (--phone)"), ["Telefonnummer (--phone)", "„kontor profile set“"]),
        (.missingSellerField("IBAN (--iban)"), ["IBAN (--iban)", "„kontor profile set“"]),
        (.missingBuyerField("e-mail address (--email)", customerId: 42),
         ["E-Mail-Adresse (--email)", "Kunden", "„kontor customer edit 42“"]),
        (.missingBuyerField("Leitweg-ID", customerId: 7), ["„Leitweg-ID“", "„kontor customer edit 7“"]),
    ]

    @Test(arguments: vCardCases) func vCardEnglishIsTheDescription(error: VCardError, facts: [String]) {
        #expect(error.message(.en) == error.description)
    }

    @Test(arguments: vCardCases) func vCardGermanCarriesTheFacts(error: VCardError, facts: [String]) {
        check(german: error.message(.de), english: error.description, facts: facts)
    }

    @Test(arguments: exportCases) func exportEnglishIsTheDescription(error: EInvoiceExportError, facts: [String]) {
        #expect(error.message(.en) == error.description)
    }

    @Test(arguments: exportCases) func exportGermanCarriesTheFacts(error: EInvoiceExportError, facts: [String]) {
        check(german: error.message(.de), english: error.description, facts: facts)
    }

    private func check(german: String, english: String, facts: [String]) {
        #expect(german != english)
        for fact in facts { #expect(german.contains(fact), "\(fact) missing in: \(german)") }
        for word in Self.englishWords { #expect(!german.contains(word), "'\(word)' in: \(german)") }
    }
}
