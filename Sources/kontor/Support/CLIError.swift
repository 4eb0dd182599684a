import KontorCore

/// A mistake on the command line itself or with a file it names, worded once in English and German.
enum CLIError: Error, Equatable, UserError, CustomStringConvertible {
    case fileTooLarge(name: String, limit: InputLimit)
    case cannotRead(path: String, reason: String)
    case cannotWrite(path: String, reason: String)
    case noSuchFile(path: String)
    /// `--send` together with `--by post`.
    case postalLetterNotMailed
    case noPasswordOnStdin
    case passwordUnreadable
    case passwordsDiffer
    case unknownLogLevel(String)
    case mailHostMissing
    case passwordFileReadable(path: String, mode: String)
    /// A command that works on the SQLite file itself (its audit journal) asked of a PostgreSQL book.
    case onlyForSQLite(command: String)

    func message(_ language: Language, for audience: Audience) -> String {
        language == .de ? german : english
    }

    private var english: String {
        switch self {
        case let .fileTooLarge(name, limit): "\(name): beyond what Kontor reads (\(limit.wording(.en)))."
        case let .cannotRead(path, reason): "Cannot read \(path): \(reason)"
        case let .cannotWrite(path, reason): "Cannot write \(path): \(reason)"
        case let .noSuchFile(path): "There is no file '\(path)'."
        case .postalLetterNotMailed: "A letter sent by post is not also sent by e-mail; leave out --send or --by post."
        case .noPasswordOnStdin: "No password on stdin."
        case .passwordUnreadable: "Could not read the password."
        case .passwordsDiffer: "The two passwords differ; nothing was changed."
        case let .unknownLogLevel(text):
            "Unknown log level '\(text)'; use trace, debug, info, notice, warning, error or critical."
        case .mailHostMissing: "Name the mail server with --host smtp.example.de."
        case let .passwordFileReadable(path, mode):
            "The password file \(path) can be read by others (mode \(mode)); allow only yourself with "
                + "'chmod 600 \(path)'. Nothing was sent."
        case let .onlyForSQLite(command):
            "'kontor \(command)' reads the SQLite book's own journal; a PostgreSQL book does not keep one yet. Back it "
                + "up and check it with PostgreSQL's tools (pg_dump)."
        }
    }

    private var german: String {
        switch self {
        case let .fileTooLarge(name, limit): "\(name): mehr, als Kontor liest (\(limit.wording(.de)))."
        case let .cannotRead(path, reason): "\(path) lässt sich nicht lesen: \(reason)"
        case let .cannotWrite(path, reason): "\(path) lässt sich nicht schreiben: \(reason)"
        case let .noSuchFile(path): "Die Datei „\(path)“ gibt es nicht."
        case .postalLetterNotMailed:
            "Ein Brief per Post geht nicht zusätzlich per E-Mail; lassen Sie --send oder --by post weg."
        case .noPasswordOnStdin: "Auf der Standardeingabe kam kein Passwort."
        case .passwordUnreadable: "Das Passwort ließ sich nicht lesen."
        case .passwordsDiffer: "Die beiden Passwörter unterscheiden sich; es wurde nichts geändert."
        case let .unknownLogLevel(text):
            "Unbekannte Protokollstufe „\(text)“; möglich sind trace, debug, info, notice, warning, error, critical."
        case .mailHostMissing: "Nennen Sie den Mailserver mit --host smtp.example.de."
        case let .passwordFileReadable(path, mode):
            "Die Passwortdatei \(path) ist für andere lesbar (Modus \(mode)); erlauben Sie nur sich selbst den "
                + "Zugriff mit „chmod 600 \(path)“. Es wurde nichts gesendet."
        case let .onlyForSQLite(command):
            "„kontor \(command)“ liest das Journal der SQLite-Datei; ein Buch in PostgreSQL führt noch keines. Sichern "
                + "und prüfen Sie es mit den Werkzeugen von PostgreSQL (pg_dump)."
        }
    }
}
