import ArgumentParser
import Foundation
import KontorApp
import KontorCore
import KontorPostgresStore
import KontorStore

/// `kontor audit`: the GoBD journal of every change to the book.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "The audit journal: verify the chain and the book, show a record's history.",
        subcommands: [Verify.self, Log.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "verify",
            abstract: "Recompute the journal's SHA-256 chain, check the guard triggers and every record; exit 1 on a break.")
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            // A PostgreSQL book keeps its journal in its own tables and checks it there (`PostgresAuditVerifier`).
            let report = if let store = try global.postgresStore() {
                try await store.verifyAuditJournal()
            } else {
                try AuditJournal.verify(try global.sqliteDatabase(for: "audit verify"))
            }
            let german = global.language == .de
            if global.json {
                try Output.json(VerifyJSON(
                    intact: report.isIntact, entries: report.entries, head: report.head,
                    problems: report.problems.map { ProblemJSON(entry: $0.entry, record: $0.record, text: $0.english) }))
            } else if let first = report.problems.first {
                print(german ? "Journal verletzt: \(first.german)" : "Journal broken: \(first.english)")
                for other in report.problems.dropFirst().prefix(20) { print("  " + (german ? other.german : other.english)) }
                if report.problems.count > 21 {
                    print(german ? "  … und \(report.problems.count - 21) weitere" : "  … and \(report.problems.count - 21) more")
                }
            } else {
                print(german
                    ? "Journal intakt: \(report.entries) Einträge, Kette und Buch stimmen überein. Letzter Hash: \(report.head ?? "–")"
                    : "Journal intact: \(report.entries) entries, chain and book agree. Head: \(report.head ?? "-")")
            }
            if !report.isIntact { throw ExitCode(1) }
        }
    }

    struct Log: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "log",
            abstract: "Show the journal of one record and what belongs to it (who, when, before → after).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The record: TABLE:KEY, e.g. invoice:2026-0001, invoice:3, customer:1.") var record: String

        func run() async throws {
            let entries = if let store = try global.postgresStore() {
                try await store.auditLog(record: record)
            } else {
                try AuditJournal.log(try global.sqliteDatabase(for: "audit log"), record: record)
            }
            if global.json { return try Output.json(entries) }
            guard !entries.isEmpty else {
                print(global.language == .de ? "Keine Einträge für \(record)." : "No entries for \(record).")
                return
            }
            // Operations, records and fields are the journal's own codes: evidence is shown as it was written.
            Output.table(
                global.language == .de
                    ? ["#", "Zeit", "Wer", "Änderung", "Datensatz", "Felder"] : ["#", "at", "actor", "change", "record", "fields"],
                entries.map { ["\($0.id)", $0.at, $0.actor, $0.operation, $0.record, AuditCommand.fields($0)] },
                rightAligned: [0])
        }
    }

    /// The changed fields of an entry in one line: `status: "draft" → "sent"`, or the row for an insert or delete.
    static func fields(_ entry: AuditEntry) -> String {
        let before = decode(entry.before)
        let after = decode(entry.after)
        if entry.operation == "update" {
            return after.keys.sorted().map { "\($0): \(before[$0] ?? "null") → \(after[$0] ?? "null")" }
                .joined(separator: ", ")
        }
        let row = entry.operation == "delete" ? before : after
        return row.keys.sorted().map { "\($0)=\(row[$0] ?? "null")" }.joined(separator: ", ")
    }

    static func decode(_ json: String?) -> [String: String] {
        guard let json, let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        else { return [:] }
        return object.mapValues { value in
            if value is NSNull { return "null" }
            if let text = value as? String { return "\"\(text)\"" }
            return "\(value)"
        }
    }

    struct VerifyJSON: Encodable {
        let intact: Bool
        let entries: Int
        let head: String?
        let problems: [ProblemJSON]
    }

    struct ProblemJSON: Encodable {
        let entry: Int64?
        let record: String?
        let text: String
    }
}
