import KontorCore

/// The timeline lines of the hand-over dossier, in German (the dossier goes to the Mahngericht or a lawyer).
enum DossierTimeline {
    /// "12.03.2026  Rechnung 2026-0042 ausgestellt – brutto 1.190,00 €, fällig 26.03.2026".
    static func line(_ event: TimelineEvent) -> String {
        let text = [event.title(.de), event.details(.de)].compactMap { $0 }.joined(separator: " – ")
        return "\(event.day.formatted(.de))  \(text)"
    }
}
