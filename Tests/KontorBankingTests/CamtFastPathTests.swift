import Foundation
import KontorCore
import Testing

@testable import KontorBanking
import KontorTestTools

/// The byte scanner (`CamtScanner`) against Foundation's `XMLParser`: same statements for every file it reads, and
/// for everything else it declines, so that `XMLParser` reads the file and reports errors as it always did.
struct CamtFastPathTests {
    typealias Outcome = Result<StatementFile, StatementError>

    /// The file read with one engine, with its progress reports.
    static func parse(_ engine: CamtParser.Engine, url: URL) -> (outcome: Outcome, reports: [Int]) {
        var reports: [Int] = []
        let outcome = CamtParser.$engine.withValue(engine) {
            Outcome { () throws(StatementError) in try StatementParser.parse(contentsOf: url) { reports.append($0) } }
        }
        return (outcome, reports)
    }

    static func parse(_ engine: CamtParser.Engine, data: Data, name: String = "test.xml") -> Outcome {
        CamtParser.$engine.withValue(engine) {
            Outcome { () throws(StatementError) in try StatementParser.parse(data: data, fileName: name) }
        }
    }

    /// Whether the scanner reads `data` itself (rather than declining).
    static func scannerAccepts(_ data: Data) -> Bool {
        data.withUnsafeBytes { CamtScanner.parse($0, file: "test.xml", progress: ProgressCounter(nil)) } != nil
    }

    static let camtFixtures: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.directory.path)) ?? []
        return names.filter { $0.hasPrefix("camt") }.sorted()
    }()

    static let head = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
        <GrpHdr><MsgId>M1</MsgId></GrpHdr><Stmt><Id>S1</Id><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>

        """

    static func entry(
        name: String = "Kunde GmbH", text: String = "Rechnung 2026-1", amount: String = "10.00"
    ) -> String {
        """
        <Ntry><Amt Ccy="EUR">\(amount)</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-03-15</Dt></BookgDt>
        <NtryDtls><TxDtls><RltdPties><Dbtr><Nm>\(name)</Nm></Dbtr></RltdPties>
        <RmtInf><Ustrd>\(text)</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>

        """
    }

    static let tail = "</Stmt></BkToCstmrStmt></Document>\n"

    static func document(_ entries: String...) -> Data {
        Data((head + entries.joined() + tail).utf8)
    }

    // MARK: (a) Fixtures

    @Test func everyCamtFixtureGivesTheSameResultWithBothReaders() throws {
        #expect(Self.camtFixtures.count >= 9)
        for name in Self.camtFixtures {
            let url = Fixtures.url(name)
            let scanned = Self.parse(.scanner, url: url)
            let parsed = Self.parse(.xmlParser, url: url)
            // `.scanner` fails when the scanner declines a file or any ZIP member, so success means it read them all.
            let file = try scanned.outcome.get()
            #expect(scanned.outcome == parsed.outcome, "\(name)")
            #expect(scanned.reports == parsed.reports, "\(name)")
            #expect(!file.statements.isEmpty, "\(name)")
            // The same from memory.
            let data = try Data(contentsOf: url)
            #expect(Self.parse(.scanner, data: data, name: name) == Self.parse(.xmlParser, data: data, name: name))
        }
    }

    @Test func zipMembersAreEachReadByTheScanner() throws {
        for name in Self.camtFixtures where name.hasSuffix(".zip") {
            let file = try Self.parse(.scanner, url: Fixtures.url(name)).outcome.get()
            #expect(file.format == .camtZip && file.statements.count >= 2, "\(name)")
            #expect(file.statements.allSatisfy { $0.source.hasPrefix(name + "/") }, "\(name)")
        }
    }

    @Test func fixtureVariantsTheScannerMustReadAlike() throws {
        // CRLF line ends, a byte order mark, tabs, comments in odd places, a prefixed namespace and a multi-line tag.
        let base = try String(contentsOf: Fixtures.url("camt053-v08-genkgo-01.xml"), encoding: .utf8)
        let variants = [
            base.replacingOccurrences(of: "\n", with: "\r\n"),
            "\u{FEFF}" + base,
            base.replacingOccurrences(of: "    ", with: "\t"),
            base.replacingOccurrences(of: "<Ntry>", with: "<!-- entry --><Ntry>")
                .replacingOccurrences(of: "</Nm>", with: "<!---->\n</Nm >"),
            base.replacingOccurrences(of: "<Amt Ccy=", with: "<Amt\n   Ccy = ")
                .replacingOccurrences(of: "<Ntry>", with: "<Ntry\n>"),
            base.replacingOccurrences(of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", with: "<?xml version='1.0'?>"),
            base.replacingOccurrences(
                of: "<CdtDbtInd>CRDT</CdtDbtInd>", with: "<CdtDbtInd/><CdtDbtInd>CRDT</CdtDbtInd>"),
        ]
        for (index, text) in variants.enumerated() {
            let data = Data(text.utf8)
            #expect(Self.scannerAccepts(data), "variant \(index)")
            #expect(Self.parse(.automatic, data: data) == Self.parse(.xmlParser, data: data), "variant \(index)")
        }
    }

    // MARK: (b) Declining

    /// Documents the scanner must leave to XMLParser, by what is wrong or unusual about them.
    static let declined: [(String, String)] = {
        let body = String(head.split(separator: "\n", maxSplits: 1)[1])
        let plain = entry()
        let relativeHead = head.replacingOccurrences(of: "urn:iso:std:iso:20022:tech:xsd:", with: "")
        return [
            ("CDATA", head + Self.entry(text: "<![CDATA[Straße & Co]]>") + tail),
            ("DOCTYPE", "<?xml version=\"1.0\"?>\n<!DOCTYPE Document>\n" + body + plain + tail),
            ("processing instruction", head + "<?pi data?>" + plain + tail),
            ("unknown entity", head + Self.entry(name: "M&uuml;ller") + tail),
            ("truncated", String((head + plain + plain + tail).dropLast(40))),
            ("mismatched tags", head + plain.replacingOccurrences(of: "</Nm>", with: "</Name>") + tail),
            ("unclosed root", head + plain + "</Stmt></BkToCstmrStmt>\n"),
            ("content after the root", head + plain + tail + "<Document/>"),
            ("duplicate attribute", head + plain.replacingOccurrences(of: "Ccy=", with: "Ccy=\"X\" Ccy=") + tail),
            ("xml:space", head + plain.replacingOccurrences(of: "<Ntry>", with: "<Ntry xml:space=\"keep\">") + tail),
            ("undeclared prefix", head + plain.replacingOccurrences(of: "Nm>", with: "x:Nm>") + tail),
            ("lone carriage return", head + Self.entry(text: "a\rb") + tail),
            ("control character", head + Self.entry(text: "a\u{1}b") + tail),
            ("bad character reference", head + Self.entry(text: "&#0;") + tail),
            ("double hyphen in a comment", head + "<!-- a -- b -->" + plain + tail),
            ("]]> in text", head + Self.entry(text: "a ]]> b") + tail),
            ("XML 1.1", head.replacingOccurrences(of: "version=\"1.0\"", with: "version=\"1.1\"") + plain + tail),
            ("relative namespace", relativeHead + plain + tail),
            ("invalid amount", head + Self.entry(amount: "1.234,5x") + tail),
            ("not camt", "<Invoice><Id>1</Id></Invoice>"),
        ]
    }()

    @Test(arguments: declined)
    func declinesAndXMLParserDecides(_ label: String, _ text: String) {
        let data = Data(text.utf8)
        #expect(!Self.scannerAccepts(data), "\(label)")
        #expect(Self.parse(.automatic, data: data) == Self.parse(.xmlParser, data: data), "\(label)")
        #expect(Self.parse(.scanner, data: data) == .failure(CamtParser.scannerDeclined(file: "test.xml")), "\(label)")
    }

    @Test func declinesOtherEncodingsAndInvalidUTF8() {
        // Müller in Latin-1, declared as such.
        let body = Self.head.split(separator: "\n", maxSplits: 1)[1]
        let latin1Text =
            "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" + body + Self.entry(name: "M\u{FC}ller") + Self.tail
        let latin1 = Data(latin1Text.unicodeScalars.map { UInt8($0.value) })
        #expect(!Self.scannerAccepts(latin1))
        let file = try? Self.parse(.automatic, data: latin1).get()
        #expect(file?.entries.first?.counterpartyName == "Müller")
        #expect(Self.parse(.automatic, data: latin1) == Self.parse(.xmlParser, data: latin1))

        var broken = Self.document(Self.entry())
        broken[broken.count - 60] = 0xFF
        #expect(!Self.scannerAccepts(broken))
        #expect(Self.parse(.automatic, data: broken) == Self.parse(.xmlParser, data: broken))
    }

    @Test func aDeclinedFileReportsProgressOnce() throws {
        // 2,500 entries, then CDATA: the scanner counts 2,000 before it declines; XMLParser counts again silently.
        let entries = String(repeating: Self.entry(), count: 2500)
        let text = Self.head + entries + Self.entry(text: "<![CDATA[x]]>") + Self.tail
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("kontor-decline-\(UUID().uuidString).xml")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let automatic = Self.parse(.automatic, url: url)
        let parsed = Self.parse(.xmlParser, url: url)
        #expect(automatic.outcome == parsed.outcome)
        #expect(automatic.reports == [1000, 2000, 2501] && parsed.reports == automatic.reports)
    }

    // MARK: (c) Entities

    @Test func entitiesAndCharacterReferencesAreDecoded() throws {
        let data = Self.document(
            Self.entry(
                name: "M&#252;ller &amp; S&#xF6;hne &lt;GmbH&gt;",
                text: "&quot;Rechnung&quot; &apos;7&apos; &#x20AC; 12 &#8364; Stra&#xDF;e &#x1F600;"),
            Self.entry(name: "  &#160;Eins&#10;Zwei\u{A0} ", text: "a &#13;\n b"))
        #expect(Self.scannerAccepts(data))
        let file = try Self.parse(.scanner, data: data).get()
        #expect(file.entries[0].counterpartyName == "Müller & Söhne <GmbH>")
        #expect(file.entries[0].remittanceText == "\"Rechnung\" '7' € 12 € Straße 😀")
        #expect(file.entries[1].counterpartyName == "Eins Zwei")
        #expect(file.entries[1].remittanceText == "a b")
        #expect(Self.parse(.scanner, data: data) == Self.parse(.xmlParser, data: data))
    }

    // MARK: (d) A large statement

    /// A camt.053.001.08 as `kontor-bench` writes it, with `entries` credits on one line each.
    static func benchStatement(entries: Int) -> Data {
        var camt = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
            <GrpHdr><MsgId>BENCH</MsgId><CreDtTm>2026-11-26T08:00:00</CreDtTm></GrpHdr>
            <Stmt><Id>BENCH-1</Id><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>
            """
        for index in 0..<entries {
            let amount = "\(10 + index % 900).\(index % 100 < 10 ? "0" : "")\(index % 100)"
            let text = index % 100 == 0 ? "RE 2026-\(index / 100)" : "Gutschrift \(index) Rueckerstattung"
            let payer = index % 7 == 0 ? "Zahler & Sohn \(index % 5000)" : "Zahler \(index % 5000)"
            camt += "<Ntry><Amt Ccy=\"EUR\">\(amount)</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>"
                + "<BookgDt><Dt>2026-11-25</Dt></BookgDt><AcctSvcrRef>B\(index)</AcctSvcrRef><NtryDtls><TxDtls>"
                + "<RltdPties><Dbtr><Pty><Nm>\(payer.replacingOccurrences(of: "&", with: "&amp;"))</Nm></Pty></Dbtr>"
                + "</RltdPties><RmtInf><Ustrd>\(text)</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>\n"
        }
        camt += "</Stmt></BkToCstmrStmt></Document>\n"
        return Data(camt.utf8)
    }

    @Test func generatedStatementGivesTheSameResultWithBothReaders() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-bench-\(UUID().uuidString).xml")
        try Self.benchStatement(entries: 20_000).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let scanned = Self.parse(.scanner, url: url)
        let parsed = Self.parse(.xmlParser, url: url)
        let file = try scanned.outcome.get()
        #expect(file.entries.count == 20_000)
        #expect(file.entries[7].counterpartyName == "Zahler & Sohn 7")
        #expect(scanned.outcome == parsed.outcome)
        #expect(scanned.reports == parsed.reports && scanned.reports.count == 21)
    }

    // MARK: Mutations

    /// Small random edits of fixtures (a seeded generator, so failures repeat): whenever the scanner accepts the
    /// result, XMLParser must agree; otherwise both engines report the same.
    @Test func randomEditsNeverMakeTheReadersDisagree() throws {
        var random = SeededGenerator(seed: 0x5EED_CA47)
        let names = [
            "camt053-v08-genkgo-01.xml", "camt053-v08-bundesbank-ebics-de.xml", "camt053-v04-oca-batch-txdtls.xml",
        ]
        let sources = try names.map { try Array(Data(contentsOf: Fixtures.url($0))) }
        let texts = [
            "<", ">", "/", "&", ";", "&amp;", "&#", "\"", "'", "=", " ", "\n", "\r", "-->", "<!--", "]]>", ":", "x:",
            "xmlns", "\u{0}", "\u{FEFF}", "é", "<a>", "</a>", "<a/>",
        ]
        let pieces = texts.map { Array($0.utf8) } + [[0xC3], [0xFF], [0x80]]
        var accepted = 0
        for round in 0..<400 {
            var bytes = sources[round % sources.count]
            for _ in 0..<(1 + Int(random.next() % 3)) {
                let at = Int(random.next() % UInt64(bytes.count))
                switch random.next() % 3 {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(contentsOf: pieces[Int(random.next() % UInt64(pieces.count))], at: at)
                default:
                    let piece = pieces[Int(random.next() % UInt64(pieces.count))]
                    bytes.replaceSubrange(at..<min(at + 4, bytes.count), with: piece)
                }
            }
            let data = Data(bytes)
            if Self.scannerAccepts(data) { accepted += 1 }
            #expect(Self.parse(.automatic, data: data) == Self.parse(.xmlParser, data: data), "round \(round)")
        }
        // Most edits land in text or white space, which the scanner reads.
        #expect(accepted > 50)
    }
}
