public import KontorCore
public import KontorMailReader

/// Why a received mail was not filed, worded once in German and English.
public enum MailRefusal: Sendable, Equatable, Worded {
    /// Not a mail Kontor can read.
    case unreadable(MailReadError)
    /// A new sender without an address to answer: no inquiry can come of it.
    case noSenderAddress

    public func word(_ language: Language) -> String {
        switch self {
        case let .unreadable(problem): problem.word(language)
        case .noSenderAddress: pick(language, "no sender address to answer", "keine Absenderadresse für eine Antwort")
        }
    }
}

extension MailReadError: Worded {
    public func word(_ l: Language) -> String {
        switch self {
        case .tooLarge(let limit): pick(l, "larger than \(limit / 1_048_576) MB", "größer als \(limit / 1_048_576) MB")
        case .nestedTooDeeply(let limit):
            pick(l, "MIME parts nested deeper than \(limit)", "MIME-Teile tiefer verschachtelt als \(limit)")
        case .tooManyParts(let limit): pick(l, "more than \(limit) MIME parts", "mehr als \(limit) MIME-Teile")
        case .fieldTooLong(let name): pick(l, "the header field \(name) is too long", "das Kopffeld \(name) ist zu lang")
        case .notAMail: pick(l, "not a mail (no header)", "keine E-Mail (kein Kopf)")
        case .notAnMbox:
            pick(l, "not an mbox file (no 'From ' line first)", "keine mbox-Datei (die erste Zeile ist keine „From “-Zeile)")
        case .tooManyMessages(let limit): pick(l, "more than \(limit) messages", "mehr als \(limit) Nachrichten")
        }
    }
}
