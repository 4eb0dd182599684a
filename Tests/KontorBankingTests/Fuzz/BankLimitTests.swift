import Foundation
import KontorBanking
import KontorCore
import Testing
import ZIPFoundation

/// Regression tests for what a mutation fuzzer found in the bank import (issue 16): deeply nested camt, hangs on
/// very long CSV lines, ZIP bombs. Each hostile file is refused with an error naming file and position, fast, and
/// nothing is returned (so nothing can be imported).
struct BankLimitTests {
    /// `Tests/Fuzz/regressions/<target>/<name>`: inputs the fuzz targets and these tests share.
    static func regression(_ target: String, _ name: String) throws -> Data {
        let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try Data(contentsOf: tests.appendingPathComponent("Fuzz/regressions/\(target)/\(name)"))
    }

    static let head = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><Stmt>
        """

    /// Parses and returns the error, checking that it came within `seconds` (a hang fails, not waits).
    static func failure(
        _ data: Data, name: String, format: StatementFormat? = nil, seconds: Double = 10
    ) -> StatementError? {
        let start = ContinuousClock.now
        defer { #expect(ContinuousClock.now - start < .seconds(seconds), "\(name) took too long") }
        do {
            _ = try StatementParser.parse(data: data, fileName: name, options: StatementParseOptions(format: format))
            return nil
        } catch {
            return error
        }
    }

    @Test func camtNestedDeeperThanTheLimitIsRefusedAtItsLine() throws {
        // The fuzzer's shape: one element opened 100,000 times (a stack overflow or gigabytes before the limit).
        let text = Self.head + "\n" + String(repeating: "<Ntry>", count: 100_000)
            + "\n</Stmt></BkToCstmrStmt></Document>"
        let error = Self.failure(Data(text.utf8), name: "tief.xml")
        guard case .tooLarge(let file, let line, .depth(let depth))? = error else {
            Issue.record("expected a depth error, got \(String(describing: error))")
            return
        }
        #expect(file == "tief.xml" && line == 3 && depth == InputLimits.xmlDepth)
        #expect(error?.message(.de).contains("höchstens \(InputLimits.xmlDepth) verschachtelte Elemente") == true)
        let checkedIn = try Self.regression("camt", "nested-5000.xml")
        guard case .tooLarge(_, _, .depth)? = Self.failure(checkedIn, name: "nested-5000.xml") else {
            Issue.record("the checked-in nesting was not refused by depth")
            return
        }
    }

    @Test func camtAtTheDepthOfRealFilesIsRead() throws {
        // 20 levels of nesting inside an entry is more than any bank writes, and far below the limit.
        let entry = "<Ntry><Amt Ccy=\"EUR\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>"
            + "<BookgDt><Dt>2026-03-15</Dt></BookgDt>"
            + String(repeating: "<AddtlNtryInf>", count: 20) + String(repeating: "</AddtlNtryInf>", count: 20) + "</Ntry>"
        let text = Self.head + "<Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>" + entry
            + "</Stmt></BkToCstmrStmt></Document>"
        let file = try StatementParser.parse(data: Data(text.utf8), fileName: "ok.xml")
        #expect(file.entries.count == 1)
    }

    @Test func camtWithADocumentTypeIsRefused() {
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE Document [<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">]>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><Stmt>&a;&a;&a;
            </Stmt></BkToCstmrStmt></Document>
            """
        let error = Self.failure(Data(text.utf8), name: "dtd.xml")
        guard case .malformedXML("dtd.xml", 2, _, let message)? = error else {
            Issue.record("expected the DTD refused on line 2, got \(String(describing: error))")
            return
        }
        #expect(message.contains("DTD"))
    }

    @Test func camtThatIsNotUTF8SaysSoInBothLanguages() {
        var data = Data((Self.head + "\n<Ntry><AddtlNtryInf>M").utf8)
        data.append(0xFC)  // ü in Windows-1252
        data.append(contentsOf: Array("ller</AddtlNtryInf></Ntry></Stmt></BkToCstmrStmt></Document>".utf8))
        let error = Self.failure(data, name: "latin.xml")
        #expect(error == .notUTF8(file: "latin.xml", line: 3))
        #expect(error?.message(.en).contains("not UTF-8 (looks like Windows-1252?)") == true)
        #expect(error?.message(.de).contains("kein UTF-8 (vielleicht Windows-1252?)") == true)
    }

    @Test func csvWithOneEndlessLineIsRefusedQuickly() {
        // 4 MB without a line break: the fuzzer's hang. Refused at the record's line, in well under the 10 s.
        let text = "Buchungstag;Betrag;Verwendungszweck\n01.03.2026;1,00;" + String(repeating: "x", count: 4 << 20)
        let error = Self.failure(Data(text.utf8), name: "lang.csv", format: .csv)
        #expect(error == .tooLarge(file: "lang.csv", line: 2, limit: .lineLength(InputLimits.lineCharacters)))
    }

    @Test func csvWithTooManyFieldsIsRefused() {
        let text = "Buchungstag;Betrag\n" + String(repeating: ";", count: 10_000) + "\n"
        let error = Self.failure(Data(text.utf8), name: "breit.csv", format: .csv)
        #expect(error == .tooLarge(file: "breit.csv", line: 2, limit: .fields(InputLimits.csvFields)))
    }

    @Test func mt940WithAnEndlessLineIsRefusedAtItsLine() {
        let text = ":20:STARTUMS\n:25:10020030/1234567\n:28C:0\n:86:" + String(repeating: "x", count: 1 << 20) + "\n-"
        let error = Self.failure(Data(text.utf8), name: "lang.sta", format: .mt940)
        #expect(error == .tooLarge(file: "lang.sta", line: 4, limit: .lineLength(InputLimits.lineCharacters)))
    }

    @Test func aFileLargerThanTheLimitIsRefusedBeforeReading() {
        let data = Data(count: InputLimits.statementTextBytes + 1)
        let error = Self.failure(data, name: "riesig.csv", format: .csv)
        #expect(error == .tooLarge(file: "riesig.csv", line: nil, limit: .bytes(InputLimits.statementTextBytes)))
    }

    @Test func zipBombIsRefusedBeforeItIsInflated() throws {
        // 200 MiB of spaces in 200 KB (a ratio of 1,000): the directory already says so.
        let data = try Self.regression("camt-zip", "bomb-200mib.zip")
        let error = Self.failure(data, name: "bombe.zip")
        #expect(error == .tooLarge(
            file: "bombe.zip/bomb.xml", line: nil, limit: .expansionRatio(InputLimits.zipExpansionRatio)))
    }

    @Test func zipMemberWithAnUnderstatedSizeStopsAtTheRatioWhileInflating() throws {
        // 8 MiB of spaces deflate to ~8 KB (a ratio of about 1,000); its directory is forged to say 1 KB.
        let bomb = Data(repeating: 0x20, count: 8 << 20)
        var zip = try ArchiveTests.zip([("auszug.xml", bomb)])
        Self.forgeUncompressedSizes(in: &zip, to: 1024)
        let error = Self.failure(zip, name: "falsch.zip")
        #expect(error == .tooLarge(
            file: "falsch.zip/auszug.xml", line: nil, limit: .expansionRatio(InputLimits.zipExpansionRatio)))
    }

    @Test func zipWithADirectoryOffsetBeyondItsEndIsAnError() throws {
        // Found by the bank-detect fuzz target: a fixture ZIP with a few bytes changed trapped in ZIPFoundation's
        // in-memory reader (Range requires lowerBound <= upperBound), which `kontor serve` uses for uploads.
        let data = try Self.regression("bank-detect", "zip-offset-beyond-end.zip")
        let error = Self.failure(data, name: "kaputt.zip")
        #expect(error?.file.hasPrefix("kaputt.zip") == true)
    }

    @Test func zipWhoseDeflateStreamNeverEndsIsAnErrorNotAHang() throws {
        // Found by the camt-zip fuzz target in CI: ZIPFoundation kept asking for input past the end of the file.
        let data = try Self.regression("camt-zip", "deflate-stream-never-ends.zip")
        let error = Self.failure(data, name: "endlos.zip")
        #expect(error?.file.hasPrefix("endlos.zip") == true)
    }

    @Test func zipWhoseLastChunkIsShortIsReadWithinItsBuffer() throws {
        // Found by the camt-zip fuzz target under ASan: zlib was told a short last chunk was a full one.
        let data = try Self.regression("camt-zip", "short-last-chunk.zip")
        let error = Self.failure(data, name: "kurz.zip")
        #expect(error?.file.hasPrefix("kurz.zip") == true)
    }

    @Test func zipWithTooManyMembersIsRefused() throws {
        let members = (0...InputLimits.zipMembers).map { ("m\($0).txt", Data("x".utf8)) }
        let error = Self.failure(try ArchiveTests.zip(members), name: "viele.zip")
        #expect(error == .tooLarge(file: "viele.zip", line: nil, limit: .archiveMembers(InputLimits.zipMembers)))
    }

    @Test func limitErrorsSpeakBothLanguages() {
        let error = StatementError.tooLarge(file: "a.zip", line: 7, limit: .expansionRatio(200))
        #expect(error.message(.en) == "a.zip, line 7: beyond what Kontor reads (inflating at most 200 times).")
        #expect(error.message(.de) == "a.zip, Zeile 7: Die Datei übersteigt, was Kontor liest "
            + "(entpackt höchstens 200-mal so groß wie gepackt).")
    }

    /// Writes `size` into every local header and central directory entry (the sizes a forger controls).
    static func forgeUncompressedSizes(in zip: inout Data, to size: UInt32) {
        func put(_ value: UInt32, at offset: Int) {
            for index in 0..<4 { zip[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(index))) }
        }
        let bytes = [UInt8](zip)
        for offset in 0..<(bytes.count - 30) {
            if bytes[offset..<offset + 4].elementsEqual([0x50, 0x4B, 0x03, 0x04]) { put(size, at: offset + 22) }
            if bytes[offset..<offset + 4].elementsEqual([0x50, 0x4B, 0x01, 0x02]) { put(size, at: offset + 24) }
        }
    }
}
