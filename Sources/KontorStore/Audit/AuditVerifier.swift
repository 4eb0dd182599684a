import Crypto
import Foundation
import GRDB
import KontorApp

/// Recomputes the chain, replays the journal and compares the result with the book as it is now: a change made
/// with the triggers dropped (or around them) leaves the book and its history disagreeing.
enum AuditVerifier {
    typealias Fields = [String: DatabaseValue]

    static func verify(_ db: Database) throws -> AuditReport {
        var problems: [AuditProblem] = []
        var state: [String: [String: Fields]] = [:]
        var columns: [String: [String]] = [:]
        var recordedTriggers: Fields?
        var previous = AuditChain.genesis
        var chainBroken = false
        var count = 0
        var expectedId: Int64 = 1
        let decoder = try db.cachedStatement(sql: "SELECT key, atom FROM json_each(?)")
        // A bulk entry's `[key, hash]` pairs (`AuditJournal.insertInBulk`), or `[key, row]` in older books.
        let bulkDecoder = try db.cachedStatement(sql: """
            SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_type(value, '$[1]') FROM json_each(?)
            """)
        // Rows journaled by their hash: what is known of them is their hash and, from later entries, the fields
        // they had before each was first changed (see `HashedRows`).
        var hashed: [String: HashedRows] = [:]
        func decode(_ json: String?) throws -> Fields {
            guard let json else { return [:] }
            var fields: Fields = [:]
            for row in try Row.fetchAll(decoder, arguments: [json]) { fields[row[0]] = row[1] as DatabaseValue }
            return fields
        }

        let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM auditJournal ORDER BY id")
        while let row = try cursor.next() {
            let entry = AuditEntry(row: row)
            count += 1
            if !chainBroken {
                if entry.id != expectedId {
                    problems.append(problem(entry.id, nil, "Einträge vor Nr. \(entry.id) fehlen im Journal.",
                                            "entries before #\(entry.id) are missing from the journal"))
                    chainBroken = true
                } else if let broken = AuditChain.brokenLink(entry, after: previous) {
                    problems.append(broken)
                    chainBroken = true
                }
                previous = entry.hash ?? previous
                expectedId = entry.id + 1
            }
            if entry.actor == AuditChain.outsideActor { problems.append(.outside(entry)) }
            if entry.operation == "schema" {
                if entry.table == "sqlite_master" {
                    recordedTriggers = try decode(entry.after)
                    continue
                }
                let names = try String.fetchAll(
                    db, sql: "SELECT value FROM json_each(?, '$.columns')", arguments: [entry.after ?? "{}"])
                columns[entry.table] = names
                let kept = Set(names)
                state[entry.table] = (state[entry.table] ?? [:]).mapValues { $0.filter { kept.contains($0.key) } }
                continue
            }
            var rows = state[entry.table] ?? [:]
            let before = try decode(entry.before)
            if entry.operation == "update" || entry.operation == "delete" {
                let known = rows[entry.key] ?? [:]
                let isHashed = hashed[entry.table]?.rows[entry.key] != nil
                for (field, value) in before.sorted(by: { $0.key < $1.key }) where known[field] != value {
                    if isHashed && known[field] == nil {
                        // A field of a hashed row changed for the first time: it had this value when inserted.
                        hashed[entry.table]?.noteFirst(field, value, key: entry.key)
                        continue
                    }
                    problems.append(
                        .changedBetween(entry, field: field, known: shown(known[field]), value: shown(value)))
                    break
                }
            }
            switch entry.operation {
            case "insert" where AuditJournal.isBulk(operation: entry.operation, after: entry.after):
                for pair in try Row.fetchAll(bulkDecoder, arguments: [entry.after]) {
                    if pair[2] as String == "text" {
                        hashed[entry.table, default: HashedRows()].add(
                            key: pair[0], hash: pair[1], columns: columns[entry.table] ?? [], entry: entry.id)
                    } else {
                        rows[pair[0]] = try decode(pair[1])
                    }
                }
            case "insert": rows[entry.key] = try decode(entry.after)
            case "snapshot", "update": rows[entry.key, default: [:]].merge(try decode(entry.after)) { $1 }
            case "delete":
                if let problem = hashed[entry.table]?.check(key: entry.key, now: before, table: entry.table) {
                    problems.append(problem)
                }
                hashed[entry.table]?.rows[entry.key] = nil
                rows[entry.key] = nil
            default: break
            }
            state[entry.table] = rows
        }

        problems += try compareTriggers(db, recorded: recordedTriggers)
        problems += try compareBook(db, state: state, hashed: hashed, columns: columns, decode: decode)
        problems += try compareDocuments(db, journaled: state["auditDocument"] ?? [:])
        let head = try String.fetchOne(db, sql: "SELECT hash FROM auditJournal ORDER BY id DESC LIMIT 1")
        return AuditReport(entries: count, head: head, problems: problems)
    }

    /// The evidence triggers as the last migration left them: none missing, none changed.
    static func compareTriggers(_ db: Database, recorded: Fields?) throws -> [AuditProblem] {
        let current = Dictionary(try Row.fetchAll(db, sql: """
            SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name NOT LIKE 'audit\\_%' ESCAPE '\\'
            """).map { ($0["name"] as String, $0["sql"] as DatabaseValue) }, uniquingKeysWith: { first, _ in first })
        var problems: [AuditProblem] = []
        for name in EvidenceTriggers.names where current[name] == nil { problems.append(.triggerMissing(name)) }
        for (name, sql) in (recorded ?? [:]).sorted(by: { $0.key < $1.key })
        where current[name] != nil && current[name] != sql {
            problems.append(problem(nil, nil, "Der Schutz-Trigger \(name) wurde verändert.",
                                    "the guard trigger \(name) was altered"))
        }
        return problems
    }

    /// The book as it is now against the replayed journal, table by table and field by field.
    static func compareBook(
        _ db: Database, state: [String: [String: Fields]], hashed: [String: HashedRows], columns: [String: [String]],
        decode: (String?) throws -> Fields
    ) throws -> [AuditProblem] {
        var problems: [AuditProblem] = []
        for table in try AuditTriggers.tables(db) {
            guard let journaled = columns[table.name] else {
                problems.append(problem(nil, nil, "Die Tabelle \(table.name) steht nicht im Journal.",
                                        "the table \(table.name) is not in the journal"))
                continue
            }
            if journaled != table.columns {
                problems.append(problem(nil, nil, "Die Spalten von \(table.name) wurden außerhalb von Kontor geändert.",
                                        "the columns of \(table.name) were changed outside Kontor"))
            }
            var expected = state[table.name] ?? [:]
            var hashedRows = hashed[table.name] ?? HashedRows()
            let rows = try Row.fetchCursor(db, sql: """
                SELECT \(table.keyExpression("t")) AS k, \(table.object("t")) AS o FROM \(AuditTriggers.quoted(table.name)) AS t
                """)
            while let row = try rows.next() {
                let key: String = row["k"]
                let record = "\(table.name):\(key)"
                let label = try self.label(db, table: table.name, key: key)
                var known = expected.removeValue(forKey: key)
                let now = try decode(row["o"])
                if hashedRows.rows[key] != nil {
                    let problem = hashedRows.check(key: key, now: now, table: table.name, label: label)
                    known = hashedRows.inserted(key: key, now: now).merging(known ?? [:]) { $1 }
                    hashedRows.rows[key] = nil
                    if let problem {
                        problems.append(problem)
                        continue
                    }
                }
                guard let known else {
                    problems.append(.addedOutside(record: record, label: label))
                    continue
                }
                for field in table.columns where journaled.contains(field) && now[field] != known[field] {
                    problems.append(.differs(
                        record: record, label: label, field: field, now: shown(now[field]), journaled: shown(known[field])))
                    break
                }
            }
            for key in Set(expected.keys).union(hashedRows.rows.keys).sorted() {
                let label = try self.label(db, table: table.name, key: key)
                problems.append(.deletedOutside(record: "\(table.name):\(key)", label: label))
            }
        }
        return problems
    }

    /// The rows of one table journaled by their hash (`AuditJournal.insertInBulk`), while the journal is replayed.
    struct HashedRows {
        struct Hashed {
            var hash: String
            /// The table's columns when the row was inserted, in order: what the hash covers.
            var columns: [String]
            var entry: Int64
            /// Fields changed later, with the value each had before its first change: the value inserted.
            var firstBefore: Fields = [:]
        }

        var rows: [String: Hashed] = [:]

        mutating func add(key: String, hash: String, columns: [String], entry: Int64) {
            rows[key] = Hashed(hash: hash, columns: columns, entry: entry)
        }

        mutating func noteFirst(_ field: String, _ value: DatabaseValue, key: String) {
            if rows[key]?.firstBefore[field] == nil { rows[key]?.firstBefore[field] = value }
        }

        /// The row as inserted: as it is `now`, with each field changed since as it was before its first change.
        func inserted(key: String, now: Fields) -> Fields {
            now.merging(rows[key]?.firstBefore ?? [:]) { $1 }
        }

        /// A problem when the row as inserted (see `inserted`) does not hash to what the journal recorded.
        func check(key: String, now: Fields, table: String, label: String? = nil) -> AuditProblem? {
            guard let row = rows[key] else { return nil }
            let inserted = inserted(key: key, now: now)
            guard AuditJournal.rowHash(row.columns.map { inserted[$0] ?? .null }) != row.hash else { return nil }
            let label = label ?? "\(table):\(key)"
            return AuditVerifier.problem(
                row.entry, "\(table):\(key)",
                "\(label) wurde außerhalb von Kontor geändert: er stimmt nicht mit Eintrag Nr. \(row.entry) überein.",
                "\(label) was changed outside Kontor: it does not match entry #\(row.entry)")
        }
    }

    /// Every kept document: its bytes still hash to what the journal recorded when it left.
    static func compareDocuments(_ db: Database, journaled: [String: Fields]) throws -> [AuditProblem] {
        var expected = journaled
        var problems: [AuditProblem] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT id, record, fileName, sha256, bytes FROM auditDocument ORDER BY id")
        while let row = try rows.next() {
            let id: Int64 = row["id"]
            let name = "\(row["fileName"] as String) (\(row["record"] as String))"
            let stored: String = row["sha256"]
            let known = expected.removeValue(forKey: String(id))
            if AuditChain.hex(SHA256.hash(data: row["bytes"] as Data)) != stored || known?["sha256"] != stored.databaseValue {
                problems.append(problem(nil, "auditDocument:\(id)",
                                        "Das Dokument \(name) ist nicht mehr das, das Kontor verlassen hat.",
                                        "the document \(name) is not the one that left Kontor"))
            }
        }
        for key in expected.keys.sorted() {
            problems.append(problem(nil, "auditDocument:\(key)", "Das Dokument Nr. \(key) wurde gelöscht.",
                                    "the kept document #\(key) was deleted"))
        }
        return problems
    }

    /// A record as people know it: an invoice by its number, a line or payment by its invoice's number.
    static func label(_ db: Database, table: String, key: String) throws -> String {
        guard let id = Int64(key) else { return "\(table):\(key)" }
        if table == "invoice", let number = try String.fetchOne(
            db, sql: "SELECT number FROM invoice WHERE id = ?", arguments: [id]) {
            return "invoice:\(key) (\(number))"
        }
        let children = ["invoiceLine", "invoiceBalance", "payment", "dunningLetter", "dunningCharge"]
        guard children.contains(table) else { return "\(table):\(key)" }
        let keyColumn = table == "invoiceBalance" ? "invoiceId" : "id"
        let number = try String.fetchOne(db, sql: """
            SELECT i.number FROM \(AuditTriggers.quoted(table)) c JOIN invoice i ON i.id = c.invoiceId
            WHERE c.\(keyColumn) = ?
            """, arguments: [id])
        return number.map { "\(table):\(key) (invoice \($0))" } ?? "\(table):\(key)"
    }

    static func shown(_ value: DatabaseValue?) -> String { value.map { $0.isNull ? "NULL" : "\($0)" } ?? "—" }

    static func problem(_ entry: Int64?, _ record: String?, _ german: String, _ english: String) -> AuditProblem {
        AuditProblem(entry: entry, record: record, german: german, english: english)
    }
}
