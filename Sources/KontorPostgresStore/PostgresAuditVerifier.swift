import Foundation
import KontorApp
import PostgresNIO

/// `kontor audit verify` on a PostgreSQL book: recomputes the chain (`AuditChain`, as the SQLite store's
/// `AuditVerifier` does), checks that the guard and journal triggers are in place, replays the journal and compares
/// the result with the book as it is now, so that a change made with the triggers disabled (or with
/// `session_replication_role = replica`) leaves the book and its history disagreeing. The findings are worded as
/// the SQLite store's (`AuditProblem`'s factories).
///
/// Unlike SQLite's, ids may skip numbers (a write rolled back or run again after a serialization failure keeps the
/// ids it drew), so a missing entry shows as the chain breaking at the next one, not as a gap.
enum PostgresAuditVerifier {
    /// A record's fields as the journal writes them, decoded.
    typealias Fields = [String: Value]

    /// One field's value: a number compares by value (`1` and `1.0`, as SQLite and PostgreSQL may write a double).
    enum Value: Equatable {
        case null
        case number(Double)
        case text(String)
        case other(String)

        init(_ any: Any) {
            switch any {
            case is NSNull: self = .null
            case let text as String: self = .text(text)
            case let number as NSNumber: self = .number(number.doubleValue)
            default: self = .other("\(any)")
            }
        }

        /// As the findings show it: text in quotes, NULL, a number as written.
        var shown: String {
            switch self {
            case .null: "NULL"
            case let .text(text): "\"\(text)\""
            case let .number(number):
                number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : "\(number)"
            case let .other(text): text
            }
        }
    }

    static func verify(_ transaction: PostgresTransaction) throws -> AuditReport {
        let entries = try PostgresAuditJournal.entries(transaction)
        var problems: [AuditProblem] = []
        var previous = AuditChain.genesis
        var chainBroken = false
        // The records as the journal says they are: per table, per key, the fields.
        var state: [String: [String: Fields]] = [:]
        // Rows a SQLite book journaled by their hash only (`AuditJournal.insertInBulk`), copied along: known to
        // exist, their fields not compared.
        var hashed: [String: Set<String>] = [:]
        for entry in entries {
            if !chainBroken {
                if let broken = AuditChain.brokenLink(entry, after: previous) {
                    problems.append(broken)
                    chainBroken = true
                }
                previous = entry.hash ?? previous
            }
            if entry.actor == AuditChain.outsideActor { problems.append(.outside(entry)) }
            guard entry.operation != "schema" else { continue }
            var rows = state[entry.table] ?? [:]
            let before = decode(entry.before)
            if entry.operation == "update" || entry.operation == "delete",
                hashed[entry.table]?.contains(entry.key) != true
            {
                let known = rows[entry.key] ?? [:]
                for (field, value) in before.sorted(by: { $0.key < $1.key })
                where known[field].map({ $0 != value }) ?? false {
                    problems.append(
                        .changedBetween(entry, field: field, known: shown(known[field]), value: shown(value)))
                    break
                }
            }
            switch entry.operation {
            case "insert" where entry.key.contains(".."):
                for (key, row) in bulk(entry.after) {
                    if let row {
                        rows[key] = row
                    } else {
                        hashed[entry.table, default: []].insert(key)
                    }
                }
            case "insert": rows[entry.key] = decode(entry.after)
            case "snapshot", "update": rows[entry.key, default: [:]].merge(decode(entry.after)) { $1 }
            case "delete":
                rows[entry.key] = nil
                hashed[entry.table]?.remove(entry.key)
            default: break
            }
            state[entry.table] = rows
        }
        problems += try missingTriggers(transaction)
        problems += try compareBook(transaction, state: state, hashed: hashed)
        return AuditReport(entries: entries.count, head: entries.last?.hash, problems: problems)
    }

    /// The guard triggers of every migration and the journal trigger of every journaled table: each present and
    /// not disabled (`ALTER TABLE … DISABLE TRIGGER`).
    static func missingTriggers(_ transaction: PostgresTransaction) throws -> [AuditProblem] {
        let rows = try transaction.query(
            """
            SELECT t.tgname::text, t.tgenabled::text FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
            WHERE c.relnamespace = current_schema()::regnamespace AND NOT t.tgisinternal
            """)
        var enabled: Set<String> = []
        for row in rows {
            let (name, state) = try row.decode((String, String).self)
            if state != "D" { enabled.insert(name) }
        }
        let journaled = try tables(transaction).flatMap { PostgresAuditTriggers.triggerNames($0.name) }
        return (guardTriggers + journaled).filter { !enabled.contains($0) }.map(AuditProblem.triggerMissing)
    }

    /// The names of the guard triggers the migrations create (the one `v2-audit-journal` replaced aside).
    static let guardTriggers: [String] = {
        let statements = PostgresEvidenceTriggers.all + PostgresAuditTriggers.all
        let names = statements.compactMap { statement -> String? in
            guard let start = statement.range(of: #"CREATE TRIGGER ""#) else { return nil }
            return statement[start.upperBound...].split(separator: "\"", maxSplits: 1).first.map(String.init)
        }
        return names.filter { $0 != "auditJournal_no_update" }
    }()

    /// A journaled table as the comparison reads it.
    struct Table {
        let name: String
        let key: [String]
        let blobs: [String]
    }

    /// The journaled tables with their key and bytea columns, from the catalog (as `kontor_audit_install` finds
    /// them).
    static func tables(_ transaction: PostgresTransaction) throws -> [Table] {
        let excluded = Array(PostgresAuditTriggers.excludedTables)
        let rows = try transaction.query(
            """
            SELECT t.table_name::text,
                COALESCE((SELECT array_agg(k.column_name::text ORDER BY k.ordinal_position)
                    FROM information_schema.table_constraints c
                    JOIN information_schema.key_column_usage k ON k.constraint_schema = c.constraint_schema
                        AND k.constraint_name = c.constraint_name AND k.table_name = c.table_name
                    WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name
                      AND c.constraint_type = 'PRIMARY KEY'), '{}'),
                COALESCE((SELECT array_agg(column_name::text ORDER BY ordinal_position) FROM information_schema.columns
                    WHERE table_schema = t.table_schema AND table_name = t.table_name AND data_type = 'bytea'), '{}')
            FROM information_schema.tables t
            WHERE t.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
              AND NOT (t.table_name::text = ANY($1::text[]))
            ORDER BY t.table_name
            """,
            binds: try bindings(excluded))
        return try rows.map { row in
            let (name, key, blobs) = try row.decode((String, [String], [String]).self)
            return Table(name: name, key: key, blobs: blobs)
        }
    }

    /// The book as it is now against the replayed journal, table by table and field by field.
    static func compareBook(
        _ transaction: PostgresTransaction, state: [String: [String: Fields]], hashed: [String: Set<String>]
    ) throws -> [AuditProblem] {
        var problems: [AuditProblem] = []
        for table in try tables(transaction) where !table.key.isEmpty {
            var expected = state[table.name] ?? [:]
            var byHash = hashed[table.name] ?? []
            let key = table.key.map { #"t."\#($0.replacingOccurrences(of: "\"", with: "\"\""))"::text"# }
                .joined(separator: " || '|' || ")
            let rows = try transaction.query(
                """
                SELECT \(key), "kontor_audit_json"(row_to_json(t), $1::text[]) FROM \(quoted(table.name)) AS t
                ORDER BY 1
                """,
                binds: try bindings(table.blobs))
            for row in rows {
                let (key, json) = try row.decode((String, String).self)
                let record = "\(table.name):\(key)"
                if byHash.remove(key) != nil {
                    expected[key] = nil
                    continue
                }
                guard let known = expected.removeValue(forKey: key) else {
                    problems.append(.addedOutside(record: record, label: try label(transaction, table.name, key)))
                    continue
                }
                let now = decode(json)
                for (field, value) in known.sorted(by: { $0.key < $1.key }) where now[field] != value {
                    problems.append(.differs(
                        record: record, label: try label(transaction, table.name, key), field: field,
                        now: shown(now[field]), journaled: shown(value)))
                    break
                }
            }
            for key in Set(expected.keys).union(byHash).sorted() {
                problems.append(
                    .deletedOutside(record: "\(table.name):\(key)", label: try label(transaction, table.name, key)))
            }
        }
        return problems
    }

    /// A record as people know it: an invoice with its number.
    static func label(_ transaction: PostgresTransaction, _ table: String, _ key: String) throws -> String {
        guard table == "invoice", let id = Int64(key),
            let row = try transaction.query(#"SELECT "number" FROM "invoice" WHERE "id" = \#(id)"#).first,
            let number = try row.decode(String?.self)
        else { return "\(table):\(key)" }
        return "invoice:\(key) (\(number))"
    }

    /// A journal object's fields.
    static func decode(_ json: String?) -> Fields {
        guard let json, let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        else { return [:] }
        return object.mapValues(Value.init)
    }

    /// A bulk entry's rows: `[key, row]` pairs (the row's fields) or `[key, hash]` pairs (nil: known by hash).
    static func bulk(_ json: String?) -> [(String, Fields?)] {
        guard let json, let pairs = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[Any]]
        else { return [] }
        return pairs.compactMap { pair in
            guard pair.count == 2, let key = pair[0] as? String else { return nil }
            guard let row = pair[1] as? [String: Any] else { return (key, nil) }
            return (key, row.mapValues(Value.init))
        }
    }

    /// A value as the findings show it; `—` when the journal has none.
    static func shown(_ value: Value?) -> String { value?.shown ?? "—" }
}
