import Foundation
import KontorBanking
import KontorCore

/// The statement benchmarks: MT940 and CSV files of 10,000 entries made here (deterministic, shaped like the
/// peers' `mt940-10k.sta`: German `:86:` with `?20`… subfields and SEPA keywords, umlauts in the names), and the
/// peak memory of the camt import.
enum BankBench {
    static let entries = 10_000
    /// Each file is parsed this often; one parse of 10,000 entries is too short to time on a busy machine.
    static let rounds = 5

    static let payers = [
        "Möbelhaus Grünwald GmbH", "Bäckerei Schüßler KG", "Dr. Jörg Weißenfels", "Agentur Nordlicht GmbH & Co. KG",
        "Stadtwerke Überlingen", "Café Hüttenzauber", "Verlag Müller-Lüdenscheidt", "Praxis Dr. Öztürk",
    ]
    static let purposes = [
        "Rechnung RE-2027-#", "RE # vielen Dank", "Rg.-Nr. RE-2027-#", "RE2027#", "Zahlung zu re-2027-#",
        "INV RE-2027-# / Januar",
    ]

    /// The parse rows: MT940 and CSV, each `rounds` × 10,000 entries.
    @MainActor static func parsing() async throws -> [Bench.Measurement] {
        let mt940 = Data(mt940Text().utf8)
        let csv = Data(csvText().utf8)
        var parsed = 0
        let mt940Row = try await Bench.measure("MT940 parse, 10,000 entries", count: rounds * entries) {
            for _ in 0..<rounds { parsed += try entryCount(StatementParser.parse(data: mt940, fileName: "bench.sta")) }
        }
        let csvRow = try await Bench.measure("CSV parse, 10,000 entries", count: rounds * entries) {
            for _ in 0..<rounds { parsed += try entryCount(StatementParser.parse(data: csv, fileName: "bench.csv")) }
        }
        guard parsed == 2 * rounds * entries else { throw BankBenchError.unexpected("parsed \(parsed) entries") }
        return [mt940Row, csvRow]
    }

    /// Counted per statement: `StatementFile.entries` would copy every entry into one more array.
    private static func entryCount(_ file: StatementFile) -> Int { file.statements.reduce(0) { $0 + $1.entries.count } }

    /// Sets the process's peak resident size back to the current one (Linux `clear_refs` 5), so that the next
    /// `peakMemory` names the peak of what ran in between rather than of building the book.
    /// - Returns: the resident size now, in KiB.
    static func resetPeakMemory() -> Int {
        ProcessMemory.resetPeak()
        return status("VmRSS:") ?? 0
    }

    /// The peak resident size since the last reset (`VmHWM`) and its growth over `baseline` (KiB) as two rows:
    /// the count is MiB, the time is zero.
    static func peakMemory(_ operation: String, baseline: Int) -> [Bench.Measurement] {
        let peak = status("VmHWM:") ?? maxResidentKiB()
        func row(_ name: String, _ kibibytes: Int) -> Bench.Measurement {
            Bench.Measurement(
                operation: operation + name, count: (kibibytes + 1023) / 1024, totalMilliseconds: 0,
                perOperationMicroseconds: 0, operationsPerSecond: 0)
        }
        print("\(operation): peak RSS \((peak + 1023) / 1024) MiB, \((peak - baseline + 1023) / 1024) MiB above the "
            + "\((baseline + 1023) / 1024) MiB before")
        return [row(", peak RSS MiB", peak), row(", RSS growth MiB", max(peak - baseline, 0))]
    }

    /// A `kB` figure of `/proc/self/status`.
    private static func status(_ key: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        let line = text.split(separator: "\n").first { $0.hasPrefix(key) }
        return line.flatMap { Int($0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") }
    }

    /// `getrusage`'s lifetime peak, where `/proc` is missing.
    private static func maxResidentKiB() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss)
    }

    /// A camt.053 statement of `entries` credits: every hundredth pays one of `open` by its number (its open amount,
    /// its buyer as payer), the rest are unrelated transfers for the review queue.
    static func camt(entries: Int, paying open: [Invoice]) -> String {
        var camt = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
            <GrpHdr><MsgId>BENCH</MsgId><CreDtTm>2026-11-26T08:00:00</CreDtTm></GrpHdr>
            <Stmt><Id>BENCH-1</Id><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>
            """
        for index in 0..<entries {
            let invoice = index % 100 == 0 && index / 100 < open.count ? open[index / 100] : nil
            let amount =
                invoice?.openAmount.decimalString ?? "\(10 + index % 900).\(String(format: "%02d", index % 100))"
            let text = invoice.map { "RE \($0.number!)" } ?? "Gutschrift \(index) Rueckerstattung"
            let payer = invoice?.buyer?.name ?? "Zahler \(index % 5000)"
            camt += "<Ntry><Amt Ccy=\"EUR\">\(amount)</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>"
                + "<BookgDt><Dt>2026-11-25</Dt></BookgDt><AcctSvcrRef>B\(index)</AcctSvcrRef><NtryDtls><TxDtls>"
                + "<RltdPties><Dbtr><Pty><Nm>\(payer.replacingOccurrences(of: "&", with: "&amp;"))</Nm></Pty></Dbtr>"
                + "</RltdPties><RmtInf><Ustrd>\(text)</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>\n"
        }
        return camt + "</Stmt></BkToCstmrStmt></Document>\n"
    }

    /// An MT940 statement as German banks write it: CRLF, `:86:` wrapped at 65 characters.
    static func mt940Text() -> String {
        var lines = [":20:STARTUMSE", ":25:20050550/1015871393", ":28C:00001/001", ":60F:C270101EUR1000,00"]
        lines.reserveCapacity(entries * 5 + 6)
        var balance: Int64 = 100_000
        var day = (month: 1, day: 1)
        for index in 0..<entries {
            day = dayOfYear(index % 365)
            let cents = Int64(100 + index * 37 % 4900) * 100 + Int64(index % 100)
            let credit = index % 5 != 4
            balance += credit ? cents : -cents
            let date = "27" + twoDigits(day.month) + twoDigits(day.day)
            lines.append(":61:\(date)\(twoDigits(day.month))\(twoDigits(day.day))\(credit ? "C" : "D")"
                + "\(comma(cents))NTRFNONREF//BANKREF\(sevenDigits(index))")
            let payer = Array(payers[index % payers.count])
            let purpose = "SVWZ+" + purposes[index % purposes.count].replacingOccurrences(
                of: "#", with: fourDigits(index % 10_000))
            let (code, label) = credit ? ("166", "GUTSCHR. UEBERWEISUNG") : ("177", "ONLINE-UEBERWEISUNG")
            var body = ":86:\(code)?00\(label)?109310?20EREF+RE-2027-\(fourDigits(index % 10_000))"
            let characters = Array(purpose)
            for (part, start) in stride(from: 0, to: characters.count, by: 27).enumerated() {
                body += "?\(21 + part)" + String(characters[start..<min(start + 27, characters.count)])
            }
            body += "?30HASPDEHHXXX?31DE89370400440532013000?32" + String(payer.prefix(27))
            if payer.count > 27 { body += "?33" + String(payer[27..<min(54, payer.count)]) }
            body += "?34997"
            let bodyCharacters = Array(body)
            for start in stride(from: 0, to: bodyCharacters.count, by: 65) {
                lines.append(String(bodyCharacters[start..<min(start + 65, bodyCharacters.count)]))
            }
        }
        let sign = balance >= 0 ? "C" : "D"
        lines.append(":62F:\(sign)27\(twoDigits(day.month))\(twoDigits(day.day))EUR\(comma(abs(balance)))")
        return lines.joined(separator: "\r\n") + "\r\n-\r\n"
    }

    /// A Sparkasse CSV-CAMT export: `;`, quoted fields, German dates and amounts.
    static func csvText() -> String {
        var rows = [
            "\"Auftragskonto\";\"Buchungstag\";\"Valutadatum\";\"Buchungstext\";\"Verwendungszweck\";\"Glaeubiger ID\";"
                + "\"Mandatsreferenz\";\"Kundenreferenz (End-to-End)\";\"Sammlerreferenz\";"
                + "\"Lastschrift Ursprungsbetrag\";\"Auslagenersatz Ruecklastschrift\";"
                + "\"Beguenstigter/Zahlungspflichtiger\";\"Kontonummer/IBAN\";\"BIC (SWIFT-Code)\";\"Betrag\";"
                + "\"Waehrung\";\"Info\""
        ]
        rows.reserveCapacity(entries + 1)
        for index in 0..<entries {
            let day = dayOfYear(index % 365)
            let date = "\(twoDigits(day.day)).\(twoDigits(day.month)).27"
            let cents = Int64(100 + index * 37 % 4900) * 100 + Int64(index % 100)
            let credit = index % 5 != 4
            let purpose = purposes[index % purposes.count]
                .replacingOccurrences(of: "#", with: fourDigits(index % 10_000))
            let fields = [
                "DE02200505501015871393", date, date, credit ? "GUTSCHR. UEBERWEISUNG" : "ONLINE-UEBERWEISUNG",
                "EREF+RE-2027-\(fourDigits(index % 10_000)) SVWZ+\(purpose)", "", "",
                "RE-2027-\(fourDigits(index % 10_000))", "", "", "", payers[index % payers.count],
                "DE89370400440532013000", "HASPDEHHXXX", (credit ? "" : "-") + comma(cents), "EUR", "Umsatz gebucht",
            ]
            let quoted = fields.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
            rows.append(quoted.joined(separator: ";"))
        }
        return rows.joined(separator: "\r\n") + "\r\n"
    }

    /// Month and day of the `offset`th day of 2027 (not a leap year).
    private static func dayOfYear(_ offset: Int) -> (month: Int, day: Int) {
        let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        var rest = offset
        for (month, length) in lengths.enumerated() {
            if rest < length { return (month + 1, rest + 1) }
            rest -= length
        }
        return (12, 31)
    }

    private static func comma(_ cents: Int64) -> String { "\(cents / 100)," + twoDigits(Int(cents % 100)) }
    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    private static func fourDigits(_ value: Int) -> String { String(String(value + 10_000).dropFirst()) }
    private static func sevenDigits(_ value: Int) -> String { String(String(value + 10_000_000).dropFirst()) }
}

/// A benchmark that read back something other than it made.
enum BankBenchError: Error {
    case unexpected(String)
}
