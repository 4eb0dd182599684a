import HTTPTypes
import Foundation
import KontorApp
import KontorCore
import Testing

struct SettingsTests {
    @Test func createProfileThenChangeEverySection() async throws {
        let book = try await Book(profile: false)
        try await withBrowser(book) { browser in
            // The first save creates the profile
            let created = try await browser.post("/settings/profile", [
                "name": "Texte Lena Schmidt", "street": "Am Bach 3", "postalCode": "50667", "city": "Köln",
                "iban": "DE89 3704 0044 0532 0130 00", "taxNumber": "214/5678/0123",
            ])
            #expect(created.status == .seeOther)
            var profile = try await book.kontor.profile()
            #expect(profile.name == "Texte Lena Schmidt")
            #expect(profile.iban?.electronic == "DE89370400440532013000")
            // A wrong IBAN comes back next to its field
            let badIBAN = try await browser.post("/settings/profile", ["name": "Lena", "iban": "DE00 1234"])
            #expect(badIBAN.status == .unprocessableContent)
            #expect(badIBAN.contains("ist keine gültige IBAN"))
            // Numbering
            let badFormat = try await browser.post("/settings/invoicing", [
                "taxMode": "standard", "paymentTerm": "14", "numberFormat": "RE-{YYYY}",
            ])
            #expect(badFormat.status == .unprocessableContent)
            #expect(badFormat.contains("es fehlt ein Zähler"))
            #expect(badFormat.contains("value=\"RE-{YYYY}\""))
            // Whole numbers are worded like every input error: the range with its unit, a day count not as an amount.
            let longTerm = try await browser.post("/settings/invoicing", [
                "taxMode": "standard", "paymentTerm": "200", "numberFormat": "{YYYY}-{NNNN}",
            ])
            #expect(longTerm.status == .unprocessableContent && longTerm.contains("liegt außerhalb des Erlaubten: 0 bis 120 Tage"))
            let typedTerm = try await browser.post("/settings/invoicing", [
                "taxMode": "standard", "paymentTerm": "zwei", "numberFormat": "{YYYY}-{NNNN}",
            ])
            #expect(typedTerm.contains("ist keine ganze Zahl") && !typedTerm.contains("1.500,00"))
            #expect(try await browser.post("/settings/invoicing", [
                "taxMode": "small-business", "paymentTerm": "21", "numberFormat": "RE-{YYYY}-{NNN}",
            ]).status == .seeOther)
            // Loyalty
            let badLoyalty = try await browser.post("/settings/loyalty", ["loyalty": "3:12"])
            #expect(badLoyalty.status == .unprocessableContent)
            #expect(badLoyalty.contains("1 bis 9"))
            #expect(try await browser.post("/settings/loyalty", ["loyalty": "2:2,5:4"]).status == .seeOther)
            // Dunning policy
            var dunning = ["inquiry": "10", "notice1": "14", "deadline1": "10", "notice2": "14", "deadline2": "7",
                           "handover": "14", "grace": "3", "skip": "7", "patience": "200", "costs": "1,50"]
            #expect(try await browser.post("/settings/dunning", dunning).status == .seeOther)
            dunning["patience"] = "900"
            #expect(try await browser.post("/settings/dunning", dunning).status == .unprocessableContent)
            profile = try await book.kontor.profile()
            #expect(profile.taxMode == .smallBusiness)
            #expect(profile.paymentTermDays == 21)
            #expect(profile.numberFormat.pattern == "RE-{YYYY}-{NNN}")
            #expect(profile.loyalty.description == "2:2,5:4")
            #expect(profile.effectiveDunningPolicy.inquiryAfterDays == 10)
            #expect(profile.effectiveDunningPolicy.materialCosts == Money(cents: 150))
            // LAW.md 3.4 asks for the day count and the payment day as settings (issue 13 item 15); the form
            // above, written before them, kept today's defaults.
            #expect(profile.effectiveDunningPolicy.dayCount == .actual365Leap366)
            #expect(profile.effectiveDunningPolicy.objectionSettledWaitDays == 14)
            let settingsPage = try await browser.get("/settings")
            #expect(settingsPage.contains("name=\"dayCount\"") && settingsPage.contains("name=\"countsPaymentDay\""))
            dunning["patience"] = "200"
            dunning["dayCount"] = "30E/360"
            dunning["settled"] = "21"
            #expect(try await browser.post("/settings/dunning", dunning).status == .seeOther)
            let changed = try await book.kontor.profile().effectiveDunningPolicy
            #expect(changed.dayCount == .thirty360 && !changed.countsPaymentDay && changed.objectionSettledWaitDays == 21)
            dunning["countsPaymentDay"] = "on"
            #expect(try await browser.post("/settings/dunning", dunning).status == .seeOther)
            #expect(try await book.kontor.profile().effectiveDunningPolicy.countsPaymentDay)
            // Base rate
            #expect(try await browser.post("/settings/base-rates", ["validFrom": "2026-07-01", "percent": "2,5"]).status
                == .seeOther)
            #expect(try await book.kontor.baseRates().entries.last?.basisPoints == 250)
            #expect(try await browser.post("/settings/base-rates", ["validFrom": "", "percent": ""]).status
                == .unprocessableContent)
            // The page shows it all
            let page = try await browser.get("/settings")
            #expect(page.contains("RE-{YYYY}-{NNN}"))
            #expect(page.contains("2,50 %"))
        }
    }

    @Test func dunningTemplatesAreEditable() async throws {
        let book = try await Book()
        try await withBrowser(book) { browser in
            let editor = try await browser.get("/settings/templates/inquiry/de")
            #expect(editor.contains("{{invoiceNumber}}"))
            let saved = try await browser.post("/settings/templates/inquiry/de", [
                "subject": "Rechnung {{invoiceNumber}}", "body": "Liebe Grüße,\n\nbitte an {{invoiceNumber}} denken.",
            ])
            #expect(saved.status == .seeOther)
            let template = try await book.kontor.messageTemplate(step: .inquiry, language: .de, subject: true)
            #expect(template.custom)
            #expect(template.text == "Rechnung {{invoiceNumber}}")
            let broken = try await browser.post("/settings/templates/inquiry/de", ["subject": "{{#offen", "body": "x"])
            #expect(broken.status == .unprocessableContent)
            #expect(try await browser.get("/settings").contains("eigene Fassung"))
        }
    }
}
