import Foundation
import KontorBanking
import KontorCore
import Testing

/// Field-level checks on the camt fixtures (the counts are in `FixtureTests`).
struct CamtFixtureTests {
    func parse(_ name: String) throws -> StatementFile {
        try StatementParser.parse(contentsOf: Fixtures.url(name))
    }

    @Test func reversedBatchKeepsOneEntryWithItsParts() throws {
        let statement = try #require(try parse("camt053-v02-oca-01.xml").statements.first)
        #expect(statement.messageType == CamtMessageType(message: 53, version: "001.02"))
        #expect(statement.accountIBAN == "NL77ABNA0574908765")
        let batch = statement.entries[1]
        #expect(batch.amount == Money(cents: 66_405) && batch.direction == .debit && batch.isReversal)
        #expect(batch.batchCount == 2 && batch.transactions.count == 2)
        #expect(batch.transactions.map(\.amount) == [Money(cents: 56_405), Money(cents: 10_000)])
        #expect(batch.transactions.map(\.endToEndId) == ["TESTBANK/NL/20141229/01206408", "TESTBANK/NL/20141229/01206407"])
        #expect(batch.transactions.allSatisfy { $0.remittanceText == "Direct Debit S14 0410" && $0.counterpartyName == "Test Customer" })
        #expect(statement.entries[0].transactions.isEmpty)  // a single payment keeps its details on the entry
        #expect(batch.transactionCode == "PMNT/IDDT/UPDD EIST")
        // Entry 3: a credit without RmtInf.
        let credit = statement.entries[2]
        #expect(credit.isCredit && credit.remittanceText.isEmpty && credit.counterpartyName == "3rd party Media")
        #expect(credit.counterpartyIBAN == "NL69ABNA0522123643")
        // The synthetic balances do not reconcile (README).
        #expect(statement.reconciles == false)
    }

    @Test func bookingDateTimeIsTheBerlinDayAndMatchesTheDuplicate() throws {
        // BookgDt/DtTm 2014-01-04T23:00:00.000Z is 5 January in Berlin, the Dt of the same entry in the other file.
        let dateTime = try #require(try parse("camt053-v02-oca-bookgdt-dttm.xml").entries.first)
        let plain = try #require(try parse("camt053-v02-oca-01.xml").entries.first)
        #expect(dateTime.bookingDate == Day("2014-01-05"))
        #expect(dateTime.identity == plain.identity)
        #expect(dateTime.identity.hasPrefix("H:"))
        #expect(dateTime.endToEndId == "435005714488-ABNO33052620")
        #expect(dateTime.remittanceText == "Insurance policy 857239PERIOD 01.01.2014 - 31.12.2014")
    }

    @Test func swissBatchExposesEachPaymentWithItsReference() throws {
        let file = try parse("camt053-v04-oca-batch-txdtls.xml")
        let statement = try #require(file.statements.first)
        #expect(statement.reconciles == true)
        let entry = try #require(statement.entries.first)
        #expect(entry.currency == "CHF" && entry.batchCount == 2)
        #expect(entry.transactions.map(\.amount) == [Money(cents: 218_700), Money(cents: 129_600)])
        #expect(entry.transactions.compactMap(\.amount).sum() == entry.amount)
        #expect(entry.transactions.map(\.structuredReference) == ["302388292000011111111111111", "302388292000022222222222222"])
        #expect(entry.transactions.map(\.counterpartyIBAN) == ["CH2222000000123456789", "CH3333000000123456789"])
        #expect(entry.bookingText?.hasPrefix("CRÉDIT GROUPÉ BVR") == true)
        #expect(entry.identity == "R:20170323001234567891234567891234")
    }

    @Test func statementWithoutEntriesHasBalances() throws {
        let statement = try #require(try parse("camt053-v04-oca-no-entries.xml").statements.first)
        #expect(statement.entries.isEmpty)
        #expect(statement.openingBalance?.amount == Money(cents: 152_076))
        #expect(statement.reconciles == true)
    }

    @Test func twoStatementsInOneDocumentChainTheirBalances() throws {
        let statements = try parse("camt053-v02-genkgo-multi-statement.xml").statements
        #expect(statements.count == 2)
        #expect(statements.map { $0.openingBalance?.amount } == [Money(cents: 1815), Money(cents: 2700)])
        #expect(statements.map { $0.closingBalance?.amount } == [Money(cents: 2700), Money(cents: 2000)])
        #expect(statements.allSatisfy { $0.reconciles == true })
    }

    @Test func version08WithMixedCurrencyBalancesAndZeroAmount() throws {
        let statement = try #require(try parse("camt053-v08-genkgo-01.xml").statements.first)
        #expect(statement.messageType?.description == "camt.053.001.08")
        #expect(statement.accountIBAN == nil && statement.accountId == "NL26VAYB8060476890")
        #expect(statement.balances.map(\.currency) == ["EUR", "SEK", "CHF", "JPY"])
        #expect(statement.closingBalance == StatementBalance(type: "CLBD", amount: Money(cents: -2700), currency: "SEK", date: Day("2014-12-30")))
        #expect(statement.balances.last?.amount == Money(cents: -270_000))  // JPY "2700"
        #expect(statement.reconciles == nil)  // balances in different currencies
        let entry = try #require(statement.entries.first)
        #expect(entry.bookingDate == Day("2014-12-31") && entry.valueDate == Day("2015-01-02"))
        #expect(entry.structuredReference == "4654654654654654")
        #expect(entry.counterpartyName == "NAME NAME" && entry.endToEndId == "MUELL/FINP/RA12345")
        #expect(entry.bankReference == "AAAASESS-FP-CN_98765/01")
    }

    @Test func bundesbankSampleWithPrefixOnlyNamespace() throws {
        let statement = try #require(try parse("camt053-v08-bundesbank-ebics-de.xml").statements.first)
        // The namespace is only declared as xmlns:n0; the version still comes from it.
        #expect(statement.messageType == CamtMessageType(message: 53, version: "001.08"))
        #expect(statement.accountIBAN == "DE00IBANdesDotationskontos")
        #expect(statement.reconciles == true)
        let cheque = statement.entries[2]
        #expect(cheque.remittanceText == "Bestätigter Scheck vom 13.03.2024 Scheck Nr. 135469")
        #expect(cheque.counterpartyName == "Deutsche Bundesbank KBS HMS Hamburg")
        // Ntry/Amt (20000.00) wins over the inconsistent TxDtls/Amt (250000.00); a single payment has no parts.
        #expect(cheque.amount == Money(cents: 2_000_000) && cheque.transactions.isEmpty)
        #expect(statement.entries[4].bookingText == "Überweisungsgutschrift mit Festvaluta")
        #expect(statement.entries[4].transactionCode == "PMNT/RCDT/SDVA NTRF+088+0019000003")
        // Entries 3 and 4 share an AcctSvcrRef; identities stay unique.
        #expect(statement.entries[3].identity == statement.entries[2].identity + "#2")
    }

    @Test func zipBundlesAreReadMemberByMemberInArchiveOrder() throws {
        let file = try parse("camt053-v08-c53-bundle.zip")
        #expect(file.format == .camtZip && file.warnings.isEmpty)
        #expect(file.statements.map { $0.entries.count } == [11, 3, 11, 1])
        let names = file.statements.compactMap(\.dfuName)
        #expect(names.count == 4)
        #expect(names.first == DFUFileName("2024-03-13_C53_DE00IBANdesDotationskontos_EUR_0001.xml"))
        #expect(names.first?.kind == "C53" && names.first?.date == Day("2024-03-13") && names.first?.serial == "0001")
        #expect(file.statements[0].source == "camt053-v08-c53-bundle.zip/2024-03-13_C53_DE00IBANdesDotationskontos_EUR_0001.xml")
        // Sub-account member: XML comments inside Bal and Refs do not disturb the values.
        let sub = file.statements[2]
        #expect(sub.accountId == "UDEEURZYBUDEFFSEKDE1SCL1")
        #expect(sub.openingBalance == StatementBalance(type: "OPBD", amount: .zero, currency: "EUR", date: Day("2022-07-08")))
        #expect(sub.entries.first?.endToEndId == "SIA0800001000100")
        #expect(file.statements.allSatisfy { $0.messageType?.version == "001.08" })
    }

    @Test func duplicateStatementsInABundleKeepTheirOwnEntries() throws {
        let file = try parse("camt053-v02-c53-bundle.zip")
        #expect(file.statements.count == 3)
        // Members 0001 and 0002 hold the same booking (Dt vs DtTm): same identity, so an importer can skip it.
        #expect(file.statements[0].entries[0].identity == file.statements[1].entries[0].identity)
        #expect(file.statements[2].closingBalance?.currency == "SEK")
    }
}
