import Crypto
import Foundation
public import KontorCore

/// The audit journal's SHA-256 chain (GoBD), one implementation for every store: the SQLite store seals and
/// verifies with it, the PostgreSQL store too, so a book copied from SQLite to PostgreSQL (`kontor migrate`) keeps
/// one chain, continued by the entries written there.
///
/// Each entry's hash covers the previous entry's hash and every field of the entry, each field written as its byte
/// count in decimal, a colon and its UTF-8 bytes (a missing `before`/`after` as the one byte 0), so that no two
/// different entries hash the same bytes.
public enum AuditChain {
    /// The hash before the first entry.
    public static let genesis = String(repeating: "0", count: 64)
    /// Who wrote an entry when no Kontor process named itself: a change made with another program (sqlite3, psql).
    public static let outsideActor = "outside Kontor"

    /// The operating-system user of this process, the actor of CLI writes.
    public static let processActor: String = {
        let name = ProcessInfo.processInfo.environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? NSUserName()
        return "os:\(name)"
    }()

    /// Tables no store journals: the journal itself, its kept documents (journaled by a trigger of their own, by
    /// their hash, not their bytes), the SQLite store's writer slot and sign-ins (not records of the business, and
    /// they would journal every page view). Each store adds its own bookkeeping tables.
    public static let unjournaledTables: Set<String> = ["auditJournal", "auditContext", "auditDocument", "webSession"]

    /// What is wrong with `entry` as the link after the hash `previous` — not sealed, or sealed with another hash —
    /// or nil when it follows: the one chain check of both stores' verifiers.
    public static func brokenLink(_ entry: AuditEntry, after previous: String) -> AuditProblem? {
        guard let hash = entry.hash else { return .notSealed(entry) }
        return chainHash(previous: previous, entry: entry) == hash ? nil : .chainBreak(entry)
    }

    /// The hash of `entry` chained onto `previous`.
    public static func chainHash(previous: String, entry: AuditEntry) -> String {
        // One byte array rather than a `Data` per field: sealing a 100,000-row import hashes 100,000 entries.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256 + (entry.before?.utf8.count ?? 1) + (entry.after?.utf8.count ?? 1))
        appendField(previous.utf8, to: &bytes)
        appendField(String(entry.id).utf8, to: &bytes)
        for field in [entry.at, entry.actor, entry.table, entry.key, entry.operation] {
            appendField(field.utf8, to: &bytes)
        }
        for field in [entry.before, entry.after] {
            if let field { appendField(field.utf8, to: &bytes) } else { appendField(CollectionOfOne(0), to: &bytes) }
        }
        return hex(SHA256.hash(data: bytes))
    }

    /// One field as the chain hashes it: its byte count in decimal, a colon, the bytes. Public for a store that
    /// hashes the bytes its database holds without making strings of them (the SQLite store's seal).
    @inlinable
    public static func appendField<Bytes: Collection>(_ field: Bytes, to bytes: inout [UInt8])
    where Bytes.Element == UInt8 {
        bytes += String(field.count).utf8
        bytes.append(58)  // ":"
        bytes += field
    }

    /// The SHA-256 of `fields` (built with `appendField`) as 64 lower-case hex digits, appended to `text`.
    public static func appendHash(of fields: [UInt8], to text: inout [UInt8]) {
        appendHex(SHA256.hash(data: fields), to: &text)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Bytes as lower-case hex digits, appended to `text`.
    public static func appendHex<Bytes: Sequence>(_ bytes: Bytes, to text: inout [UInt8])
    where Bytes.Element == UInt8 {
        for byte in bytes {
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0F)])
        }
    }

    /// Bytes as lower-case hex digits (a SHA-256 as the journal and the kept documents write it).
    public static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var text: [UInt8] = []
        appendHex(bytes, to: &text)
        return String(decoding: text, as: UTF8.self)
    }
}

/// One entry of the audit journal.
public struct AuditEntry: Sendable, Equatable, Codable {
    /// Position in the journal (1, 2, …; a PostgreSQL book may skip numbers a rolled-back write drew).
    public let id: Int64
    /// When (UTC, ISO 8601 with milliseconds).
    public let at: String
    /// Who: `os:USER` for the CLI, `web:USER` for the web app, `outside Kontor` for other programs.
    public let actor: String
    /// The table of the record.
    public let table: String
    /// The record's key in that table.
    public let key: String
    /// `insert`, `update`, `delete`, `snapshot` (the state when the journal began) or `schema`.
    public let operation: String
    /// The changed fields before (JSON object), or the whole row for a delete.
    public let before: String?
    /// The changed fields after (JSON object), or the whole row for an insert; for many rows inserted at once
    /// (`rowKey` `first..last`) a JSON array of `[key, row]` pairs, which `audit log` narrows to the row asked for.
    public let after: String?
    /// The chain hash (nil until sealed).
    public let hash: String?

    /// An entry as a store read it.
    public init(
        id: Int64, at: String, actor: String, table: String, key: String, operation: String, before: String?,
        after: String?, hash: String?
    ) {
        self.id = id
        self.at = at
        self.actor = actor
        self.table = table
        self.key = key
        self.operation = operation
        self.before = before
        self.after = after
        self.hash = hash
    }

    /// The record as `audit log --record` takes it.
    public var record: String { "\(table):\(key)" }
}

/// What `kontor audit verify` found: the length and head of the chain and every break, first break first.
public struct AuditReport: Sendable {
    /// Number of journal entries.
    public let entries: Int
    /// The hash of the last entry: write it down elsewhere, and a rewritten journal cannot end in it.
    public let head: String?
    /// Every break found, in the order of the journal; empty when the book is untouched.
    public let problems: [AuditProblem]

    /// A store's finding.
    public init(entries: Int, head: String?, problems: [AuditProblem]) {
        self.entries = entries
        self.head = head
        self.problems = problems
    }

    /// Whether the chain, the triggers and every record agree.
    public var isIntact: Bool { problems.isEmpty }
}

/// One break found by `audit verify`, worded in German and English.
public struct AuditProblem: Sendable, Equatable {
    /// The journal entry where it shows (nil for the comparison with the book as it is now).
    public let entry: Int64?
    /// The record it concerns, as `audit log --record` takes it (`invoiceLine:5`).
    public let record: String?
    /// The sentence in German.
    public let german: String
    /// The sentence in English.
    public let english: String

    /// A break, worded in both languages.
    public init(entry: Int64?, record: String?, german: String, english: String) {
        self.entry = entry
        self.record = record
        self.german = german
        self.english = english
    }
}

/// A record named in a form `audit log` cannot read.
public struct AuditRecordError: BilingualError, CustomStringConvertible {
    /// What was given.
    public let record: String

    /// The error for `record`.
    public init(record: String) {
        self.record = record
    }

    public func message(_ language: Language) -> String {
        switch language {
        case .de: "„\(record)“ ist kein Datensatz: erwartet TABELLE:SCHLÜSSEL, z. B. invoice:2026-0001 oder customer:3."
        case .en: "'\(record)' is not a record: expected TABLE:KEY, e.g. invoice:2026-0001 or customer:3."
        }
    }

    public var description: String { message(.en) }
}

extension AuditProblem {
    // The findings both stores' verifiers report, worded once.

    /// An entry without a hash: the chain ends before it.
    public static func notSealed(_ entry: AuditEntry) -> AuditProblem {
        AuditProblem(entry: entry.id, record: entry.record, german: "Eintrag Nr. \(entry.id) ist nicht versiegelt.",
                     english: "entry #\(entry.id) is not sealed")
    }

    /// An entry whose hash is not the chain's: it (or one before it) was changed or removed afterwards.
    public static func chainBreak(_ entry: AuditEntry) -> AuditProblem {
        AuditProblem(
            entry: entry.id, record: entry.record,
            german: "Die Kette bricht bei Eintrag Nr. \(entry.id) (\(entry.record)): er wurde nachträglich geändert.",
            english: "the chain breaks at entry #\(entry.id) (\(entry.record)): it was changed afterwards")
    }

    /// An entry written while no Kontor process named itself.
    public static func outside(_ entry: AuditEntry) -> AuditProblem {
        AuditProblem(
            entry: entry.id, record: entry.record,
            german: "\(entry.record) wurde außerhalb von Kontor geändert (Eintrag Nr. \(entry.id)).",
            english: "\(entry.record) was changed outside Kontor (entry #\(entry.id))")
    }

    /// An entry's `before` disagrees with the journal so far: `field` was `known`, the entry says `value`.
    public static func changedBetween(_ entry: AuditEntry, field: String, known: String, value: String) -> AuditProblem {
        AuditProblem(
            entry: entry.id, record: entry.record,
            german: "\(entry.record): \(field) war vor Eintrag Nr. \(entry.id) \(known) statt \(value): dazwischen "
                + "außerhalb des Journals geändert.",
            english: "\(entry.record): \(field) was \(known) before entry #\(entry.id), not \(value): changed outside "
                + "the journal in between")
    }

    /// A record whose `field` is `now` where the replayed journal says `journaled`.
    public static func differs(record: String, label: String, field: String, now: String, journaled: String)
        -> AuditProblem
    {
        AuditProblem(
            entry: nil, record: record, german: "\(label): \(field) ist \(now), laut Journal \(journaled).",
            english: "\(label): \(field) is \(now), the journal says \(journaled)")
    }

    /// A record the journal does not know.
    public static func addedOutside(record: String, label: String) -> AuditProblem {
        AuditProblem(
            entry: nil, record: record, german: "\(label) steht nicht im Journal: außerhalb von Kontor angelegt.",
            english: "\(label) is not in the journal: added outside Kontor")
    }

    /// A record the journal knows and the book no longer has.
    public static func deletedOutside(record: String, label: String) -> AuditProblem {
        AuditProblem(entry: nil, record: record, german: "\(label) wurde außerhalb von Kontor gelöscht.",
                     english: "\(label) was deleted outside Kontor")
    }

    /// A guard or journal trigger that is gone.
    public static func triggerMissing(_ name: String) -> AuditProblem {
        AuditProblem(entry: nil, record: nil, german: "Der Schutz-Trigger \(name) fehlt.",
                     english: "the guard trigger \(name) is missing")
    }
}
