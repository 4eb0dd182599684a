import Foundation
import KontorBanking
import KontorCore
import Testing

/// A generated camt.053.001.08 with 100,000 entries is streamed from disk.
struct LargeFileTests {
    /// Resident memory of this process in bytes (Linux `/proc/self/statm`; nil elsewhere).
    static func residentBytes() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// Writes the file in chunks so the test itself never holds the whole document.
    static func writeCamt(entries: Int, to url: URL) throws -> (credits: Int, creditCents: Int64) {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.write(contentsOf: Data("""
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
            <BkToCstmrStmt><GrpHdr><MsgId>BIG-1</MsgId><CreDtTm>2026-03-15T18:00:00+01:00</CreDtTm></GrpHdr>
            <Stmt><Id>BIG-1</Id><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>

            """))
        var credits = 0
        var creditCents: Int64 = 0
        var chunk = ""
        for index in 0..<entries {
            let cents = Int64(index % 9973 + 1)
            let credit = index % 3 != 0
            if credit {
                credits += 1
                creditCents += cents
            }
            let amount = Money(cents: cents).decimalString
            chunk += """
                <Ntry><Amt Ccy="EUR">\(amount)</Amt><CdtDbtInd>\(credit ? "CRDT" : "DBIT")</CdtDbtInd>\
                <Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-03-15</Dt></BookgDt><ValDt><Dt>2026-03-15</Dt></ValDt>\
                <AcctSvcrRef>REF\(index)</AcctSvcrRef><NtryDtls><TxDtls><Refs><EndToEndId>E2E\(index)</EndToEndId></Refs>\
                <RltdPties><Dbtr><Pty><Nm>Kunde \(index % 50) GmbH</Nm></Pty></Dbtr></RltdPties>\
                <RmtInf><Ustrd>Rechnung 2026-\(index)</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>

                """
            if index % 2000 == 1999 {
                try handle.write(contentsOf: Data(chunk))
                chunk = ""
            }
        }
        try handle.write(contentsOf: Data(chunk + "</Stmt></BkToCstmrStmt></Document>\n"))
        return (credits, creditCents)
    }

    @Test func hundredThousandEntriesStreamWithBoundedMemory() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-camt-100k-\(UUID().uuidString).xml")
        defer { try? FileManager.default.removeItem(at: url) }
        let expected = try Self.writeCamt(entries: 100_000, to: url)
        let size = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0

        let before = Self.residentBytes()
        let start = Date()
        var reports: [Int] = []
        let result = try StatementParser.parse(contentsOf: url) { reports.append($0) }
        let seconds = Date().timeIntervalSince(start)
        let after = Self.residentBytes()

        let entries = result.entries
        #expect(entries.count == 100_000)
        #expect(entries.filter(\.isCredit).count == expected.credits)
        #expect(entries.filter(\.isCredit).map(\.amount).sum() == Money(cents: expected.creditCents))
        #expect(reports.first == 1000 && reports.last == 100_000 && reports.count == 101)
        let growth = zip([before], [after]).compactMap { b, a in b.flatMap { b in a.map { ($0 - b) / 1_048_576 } } }.first
        print(
            "camt 100k: \(size / 1_048_576) MB file parsed in \(String(format: "%.2f", seconds)) s; "
                + "resident memory grew by \(growth.map { "\($0) MB" } ?? "n/a")")
    }

    @Test func aFileReadFromDiskGivesWhatTheSameBytesInMemoryGive() throws {
        // Over 8 MB: reading from disk hands back the mapped pages behind the scanner, which must change nothing.
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-camt-30k-\(UUID().uuidString).xml")
        defer { try? FileManager.default.removeItem(at: url) }
        _ = try Self.writeCamt(entries: 30_000, to: url)
        let data = try Data(contentsOf: url)
        try #require(data.count > 8 << 20)
        let fromDisk = try StatementParser.parse(contentsOf: url)
        let inMemory = try StatementParser.parse(data: data, fileName: url.lastPathComponent)
        #expect(fromDisk.statements.first?.entries.count == 30_000)
        #expect(fromDisk == inMemory)
    }
}
