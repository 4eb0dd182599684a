import Foundation
import KontorBanking
import KontorCore
import Testing

struct MT940FixtureTests {
    func parse(_ name: String) throws -> StatementFile {
        try StatementParser.parse(contentsOf: Fixtures.url(name))
    }

    @Test func structuredDetailsWrappedAcrossLines() throws {
        let statement = try #require(try parse("mt940-de-dresdner-sepa-snippet.sta").statements.first)
        #expect(statement.accountId == "50880050/0194787400888" && statement.sequenceNumber == "00004/00001")
        let entry = try #require(statement.entries.first)
        #expect(entry.valueDate == Day("2007-09-07") && entry.bookingDate == Day("2007-09-04"))
        #expect(entry.amount == Money(cents: 5_099_005) && entry.isCredit)
        #expect(entry.counterpartyName == "KARL KAUFMANN")
        #expect(entry.counterpartyIBAN == "DE14508800500194785000" && entry.counterpartyBIC == "DRESDEFF508")
        #expect(entry.bookingText == "GUTSCHRIFT" && entry.transactionCode == "NTRF 166")
        #expect(entry.endToEndId == "EndToEndId TFNR 22 004 00001")
        #expect(entry.remittanceText == "EREF+EndToEndId TFNR 22 004 00001SVWZ+Verw CTSc-01 BC-PPP TFNr 22 004")
        #expect(entry.bankReference == "0724710333343453" && entry.identity == "R:0724710333343453")
        // ?32 "Richter Renate 70 Zeichen B" + ?33 "eginn Fuellzeichen xxxxxxxx" form one name.
        let second = try parse("mt940-de-dresdner-sepa-snippet.sta").statements[1].entries[3]
        #expect(second.counterpartyName == "Richter Renate 70 Zeichen Beginn Fuellzeichen xxxxxxxx")
    }

    @Test func reversalOfCreditIsMoneyOutAndAllBalancesReconcile() throws {
        let file = try parse("mt940-de-dresdner-sepa-full.sta")
        #expect(file.statements.count == 26)
        #expect(file.statements.allSatisfy { $0.reconciles == true })
        let reversals = file.entries.filter(\.isReversal)
        #expect(reversals.count == 2)
        #expect(reversals.allSatisfy { $0.direction == .debit && $0.amount == Money(cents: 20_488) })
        #expect(file.statements.contains { $0.openingBalance?.type == "60M" && $0.closingBalance?.type == "62M" })
    }

    @Test func threeCurrenciesAndLegacyLayouts() throws {
        let file = try parse("mt940-multi-dem-eur-pln-cmxl.sta")
        #expect(file.statements.map(\.currency) == ["DEM", "EUR", "PLN"])
        #expect(file.statements.allSatisfy { $0.reconciles == true })
        #expect(file.statements[0].sequenceNumber == "27/01")  // :28: instead of :28C:
        let dem = file.statements[0].entries[0]
        #expect(dem.bookingDate == Day("2013-10-17") && dem.valueDate == Day("2013-10-17"))
        #expect(dem.remittanceText == "999PN5477SCHECK-NR. 0000016703074")  // unstructured :86:
        let pln = file.statements[2]
        #expect(pln.accountId == "BPHKPLPK/320000546101")
        #expect(pln.entries[0].counterpartyName == "HUTA SZKLA TOPIC UL PRZEMYSLOWA 67 32-669 WROCLAW")
        #expect(pln.entries[0].counterpartyIBAN == "PL08106000760000777777777777")  // ?38 wrapped across lines
        #expect(pln.entries[2].bookingText == "Uznanie kwotą odsetek")
        #expect(pln.entries[2].remittanceText == "Odsetki od lokaty nr 101000022086")
    }

    @Test func statementWithoutClosingBalanceAndEntryWithoutDetails() throws {
        let statement = try #require(try parse("mt940-de-paypal-no-closing-balance.sta").statements.first)
        #expect(statement.closingBalance == nil && statement.reconciles == nil)
        #expect(statement.entries.count == 2)
        let paypal = statement.entries[0]
        #expect(paypal.transactionCode == "NMSC 835" && paypal.bankReference == nil)
        #expect(paypal.endToEndId == "1234567890123 PAYPAL" && paypal.mandateId == "12AB234CD6E7F")
        #expect(statement.entries[1].remittanceText.isEmpty && statement.entries[1].bookingDate == Day("2019-10-25"))
    }

    @Test func volksbankExportWithCRLFAndOverflowFields() throws {
        let file = try parse("mt940-de-vr-bank-01.mta")
        #expect(file.statements.count == 3 && file.statements.allSatisfy { $0.reconciles == true })
        // Abschluss: value date 30.11. after entry date 28.11.
        let closing = file.statements[1].entries[0]
        #expect(closing.valueDate == Day("2025-11-30") && closing.bookingDate == Day("2025-11-28"))
        let debit = file.statements[2].entries[0]
        #expect(debit.counterpartyName == "RSG Group GmbH" && debit.creditorId?.hasPrefix("DE89370400440532013000") == true)
        #expect(debit.remittanceText.hasSuffix("IBAN: DE89370400440532013000"))  // ?63
        #expect(debit.endToEndId == "N0003--0149-0002756")
        let credit = file.statements[2].entries[2]
        #expect(credit.isCredit && credit.counterpartyName == "Max Mustermann" && credit.bookingText == "Gutschrift")
    }
}
