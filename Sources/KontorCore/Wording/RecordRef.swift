/// One record named in a message: "Rechnung 2026-0001", "quote 3".
public enum RecordRef: Sendable, Equatable {
    case invoice(String), invoiceDraft(Int64), inquiry(Int64), quote(Int64), job(Int64)

    /// "Rechnung 2026-0001" / "invoice 2026-0001".
    public func name(_ language: Language) -> String {
        let de = language == .de
        switch self {
        case let .invoice(number): return (de ? "Rechnung " : "invoice ") + number
        case let .invoiceDraft(id): return (de ? "Rechnungsentwurf " : "invoice draft ") + "\(id)"
        case let .inquiry(id): return (de ? "Anfrage " : "inquiry ") + "\(id)"
        case let .quote(id): return (de ? "Angebot " : "quote ") + "\(id)"
        case let .job(id): return (de ? "Auftrag " : "job ") + "\(id)"
        }
    }
}
