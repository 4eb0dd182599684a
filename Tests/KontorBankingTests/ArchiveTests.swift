import Foundation
import KontorBanking
import KontorCore
import Testing
import ZIPFoundation

/// camt ZIP bundles built in the test.
struct ArchiveTests {
    static func camt(_ amount: String) -> Data {
        Data("""
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><Stmt>
            <Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>
            <Ntry><Amt Ccy="EUR">\(amount)</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-03-15</Dt></BookgDt></Ntry>
            </Stmt></BkToCstmrStmt></Document>
            """.utf8)
    }

    static func zip(_ members: [(String, Data)]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (name, data) in members {
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
                provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
        }
        return try #require(archive.data)
    }

    @Test func membersInOrderAndNonXMLMembersWarned() throws {
        let data = try Self.zip([
            ("2026-03-16_C53_DE89370400440532013000_EUR_0002.xml", Self.camt("2.00")),
            ("liesmich.txt", Data("Hallo".utf8)),
            ("2026-03-15_C53_DE89370400440532013000_EUR_0001.xml", Self.camt("1.00")),
        ])
        let file = try StatementParser.parse(data: data, fileName: "bank.zip")
        #expect(file.format == .camtZip)
        #expect(file.entries.map(\.amount) == [Money(cents: 200), Money(cents: 100)])
        #expect(file.statements.map { $0.dfuName?.serial } == ["0002", "0001"])
        #expect(file.warnings == [
            ParseWarning(kind: .skippedArchiveMember, file: "bank.zip/liesmich.txt", line: nil)
        ])
    }

    @Test func aBadMemberFailsTheWholeArchive() throws {
        let data = try Self.zip([
            ("a.xml", Self.camt("1.00")),
            ("b.xml", Self.camt("1,00")),
        ])
        #expect(throws: StatementError.invalidAmount(file: "bank.zip/b.xml", line: 4, field: "Ntry/Amt", text: "1,00")) {
            try StatementParser.parse(data: data, fileName: "bank.zip")
        }
    }

    @Test func archiveWithoutXML() throws {
        let data = try Self.zip([("readme.txt", Data("x".utf8))])
        #expect(throws: StatementError.badArchive(file: "e.zip", detail: "the archive holds no XML file")) {
            try StatementParser.parse(data: data, fileName: "e.zip")
        }
    }
}
