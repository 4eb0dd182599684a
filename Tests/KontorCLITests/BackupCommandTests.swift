import Foundation
import Testing
import KontorTestTools

/// `kontor backup`, `restore`, `export --json` and `import-book`, run as a user would.
struct BackupCommandTests {
    /// Every file below `folder` (relative path → bytes).
    func files(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let base = folder.standardizedFileURL.path
        let enumerator = try #require(FileManager.default.enumerator(atPath: base))
        while let relative = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            let path = base + "/" + relative
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
                result[relative] = try Data(contentsOf: URL(fileURLWithPath: path))
            }
        }
        return result
    }

    /// A demo book with a sent reminder letter.
    func demoBook() async throws -> CLIRunner {
        let cli = try CLIRunner()
        try await cli.ok(["demo"])
        let created = try await cli.json(["remind"]).object()["created"] as? [[String: Any]] ?? []
        let letter = try #require(created.first?["id"], "no reminder drafted")
        try await cli.ok(["remind", "approve", "\(letter)"])
        return cli
    }

    @Test func theBookFileAloneHoldsWhatACommandWrote() async throws {
        // Given a statement large enough that its import queues a checkpoint of the log after it returns
        let cli = try CLIRunner()
        try await cli.ok(["init", "--name", "Probe"])
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
            <GrpHdr><MsgId>MSG-1</MsgId><CreDtTm>2026-03-02T08:00:00</CreDtTm></GrpHdr>
            <Stmt><Id>STMT-1</Id><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>

            """
        let entries = 15_000
        for index in 0..<entries {
            xml += """
                <Ntry><Amt Ccy="EUR">\(index % 900 + 10).00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>\
                <BookgDt><Dt>2026-03-02</Dt></BookgDt><AcctSvcrRef>REF-\(index)</AcctSvcrRef><NtryDtls><TxDtls>\
                <RmtInf><Ustrd>Honorar für Texte, Lektorat und Korrektur, Auftrag \(index) vom Februar</Ustrd>\
                </RmtInf></TxDtls></NtryDtls></Ntry>

                """
        }
        xml += "</Stmt></BkToCstmrStmt></Document>\n"
        let statement = cli.directory.appendingPathComponent("auszug.xml")
        try xml.write(to: statement, atomically: true, encoding: .utf8)
        // When it is imported and the command ends
        try await cli.ok(["import", statement.path])
        // Then a copy of the file without its -wal and -shm companions is the whole book: the process finished the
        // checkpoint before it ended
        let copy = cli.directory.appendingPathComponent("copy.sqlite")
        try FileManager.default.copyItem(atPath: cli.database, toPath: copy.path)
        let queue = try await cli.run(["import", "review", "--json", "--db", copy.path], useDatabase: false)
        try #require(queue.status == 0, "\(queue.stderr)")
        #expect(try queue.array().count == entries)
    }

    @Test func exportImportExportGivesIdenticalFolders() async throws {
        // Given a demo book, exported
        let cli = try await demoBook()
        let first = cli.directory.appendingPathComponent("export-1")
        let summary = try await cli.json(["export", first.path]).object()
        #expect((summary["records"] as? Int ?? 0) > 50)
        let exported = try files(first)
        let invoices = try await cli.json(["invoice", "list", "--status", "issued"]).array().count
        #expect(invoices > 0)
        #expect(exported.keys.filter { $0.hasPrefix("documents/invoices/") && $0.hasSuffix(".pdf") }.count >= invoices)
        #expect(exported.keys.filter { $0.hasPrefix("documents/invoices/") && $0.hasSuffix(".xml") }.count >= invoices)
        #expect(exported.keys.contains { $0.hasPrefix("documents/letters/") && $0.hasSuffix(".pdf") })
        #expect(exported.keys.contains("tables/invoiceLine.json") && exported.keys.contains("manifest.json"))

        // When it is imported into a fresh book and exported again
        var copy = try CLIRunner()
        copy.today = cli.today
        let imported = try await copy.json(["import-book", first.path]).object()
        #expect(imported["records"] as? Int == summary["records"] as? Int)
        let second = copy.directory.appendingPathComponent("export-2")
        _ = try await copy.json(["export", second.path])

        // Then both exports are byte for byte the same: every table, every invoice's PDF and XML, every letter
        let again = try files(second)
        #expect(Set(again.keys) == Set(exported.keys))
        for (path, data) in exported { #expect(again[path] == data, "\(path) differs") }
        #expect(try await copy.snapshot() == (try await cli.snapshot()))
        // and the imported book carries the same journal, whose chain and replay verify
        #expect(exported.keys.contains("tables/auditJournal.json"))
        try await copy.ok(["audit", "verify"])
    }

    @Test func importBookRefusesWhatItCannotUseAndChangesNothing() async throws {
        let cli = try await demoBook()
        let export = cli.directory.appendingPathComponent("export")
        _ = try await cli.json(["export", export.path])
        let manifest = export.appendingPathComponent("manifest.json")
        let original = try Data(contentsOf: manifest)

        // A book with records
        let result = try await cli.run(["import-book", export.path])
        #expect(result.status == 1 && result.stderr.contains("only fills an empty book"), "\(result.stderr)")

        let target = try CLIRunner()
        try await target.ok(["init", "--name", "Probe"])
        try await target.ok(["customer", "add", "--name", "Probe"])
        let empty = try CLIRunner()
        func refused(_ expected: String, in runner: CLIRunner = empty) async throws {
            let before = try await runner.snapshot()
            let result = try await runner.run(["import-book", export.path])
            #expect(result.status == 1 && result.stderr.contains(expected), "\(result.stderr)")
            #expect(try await runner.snapshot() == before)
        }
        try await refused("only fills an empty book", in: target)
        // A missing manifest, a corrupt one, one of another schema, a table file that does not match
        try FileManager.default.removeItem(at: manifest)
        try await refused("is missing")
        try Data("{\"format\": ".utf8).write(to: manifest)
        try await refused("not a readable manifest")
        let text = String(decoding: original, as: UTF8.self)
        try Data(text.replacingOccurrences(of: "\"v1-foundation\",", with: "").utf8).write(to: manifest)
        try await refused("schema version")
        try original.write(to: manifest)
        let customers = export.appendingPathComponent("tables/customer.json")
        let lines = String(decoding: try Data(contentsOf: customers), as: UTF8.self).components(separatedBy: "\n")
        try Data(lines.enumerated().filter { $0.offset != 1 }.map(\.element).joined(separator: "\n").utf8)
            .write(to: customers)
        try await refused("the manifest says")
    }

    @Test func backupWhileAnotherProcessWritesAndRestore() async throws {
        // Given a book, and another process adding customers one after another
        let cli = try CLIRunner()
        try await cli.setUpBusiness()
        let script = (1...20).map { "\"$K\" customer add --name Kunde-\($0) --db \"$DB\" >/dev/null || exit 1" }
            .joined(separator: "\n")
        let writer = Subprocess.start(
            "/bin/bash", ["-c", script],
            environment: ["K": CLIRunner.executable.path, "DB": cli.database, "KONTOR_TODAY": cli.today])
        // When backups are taken meanwhile
        var counts: [Int] = []
        for index in 0..<5 {
            let file = cli.directory.appendingPathComponent("backup-\(index).sqlite").path
            try await cli.ok(["backup", file])
            // Then each restores (integrity and schema are checked first) into a fresh book, with whole customers
            let fresh = try CLIRunner()
            try await fresh.ok(["restore", file])
            let names = try await fresh.json(["customer", "list"]).array().compactMap { $0["name"] as? String }
            #expect(names.first == "Agentur Blickfang GmbH")
            #expect(names.dropFirst().allSatisfy { $0.hasPrefix("Kunde-") })
            counts.append(names.count)
        }
        let written = try await writer.value
        #expect(written.status == 0, "\(written.errorText)")
        #expect(counts == counts.sorted())

        // A backup is not written over an existing file without --force
        let file = cli.directory.appendingPathComponent("backup-0.sqlite").path
        let again = try await cli.run(["backup", file])
        #expect(again.status == 1 && again.stderr.contains("exists already"))
        try await cli.ok(["backup", file, "--force"])

        // Restoring over a book with records needs --force, and then gives the backup's records
        let other = try CLIRunner()
        try await other.setUpBusiness()
        try await other.ok(["customer", "add", "--name", "Nur hier"])
        let before = try await other.snapshot()
        let refused = try await other.run(["restore", file])
        #expect(refused.status == 1 && refused.stderr.contains("--force"), "\(refused.stderr)")
        #expect(try await other.snapshot() == before)
        try await other.ok(["restore", file, "--force"])
        #expect(try await other.snapshot() == (try await cli.snapshot()))

        // A file that is no book is refused
        let text = cli.directory.appendingPathComponent("notes.txt")
        try Data(String(repeating: "Notizen\n", count: 600).utf8).write(to: text)
        let foreign = try await other.run(["restore", text.path, "--force"])
        #expect(foreign.status == 1 && foreign.stderr.contains("not a Kontor book"), "\(foreign.stderr)")
    }
}
