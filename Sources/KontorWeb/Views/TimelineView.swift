import Foundation
import KontorCore

/// One line of a customer's timeline, in the user's language, with a link to its record.
struct TimelineItem: Sendable, Encodable {
    let iso: String
    let dateText: String
    let title: String
    let detail: String?
    let hasLink: Bool
    let link: String
    let tone: String

    /// Words the use case's event in the page's language from its facts, and links its reference.
    init(_ event: TimelineEvent, texts: Texts) {
        iso = event.day.description
        dateText = texts.day(event.day)
        let link = TimelineItem.link(event)
        hasLink = link != nil
        self.link = link ?? ""
        tone = TimelineItem.tone(event.kind)
        title = event.title(texts.language)
        detail = event.details(texts.language)
    }

    private static func link(_ event: TimelineEvent) -> String? {
        guard let reference = event.reference else { return nil }
        let parts = reference.split(separator: " ")
        if parts.count == 2, let id = Int64(parts[1]) {
            switch parts[0] {
            case "inquiry": return "/inquiries#inquiry-\(id)"
            case "quote": return "/quotes/\(id)"
            case "job": return "/jobs/\(id)"
            default: return nil
            }
        }
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_/"))
        guard reference.unicodeScalars.allSatisfy(allowed.contains) else { return nil }
        return "/invoices/\(reference.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(.init(charactersIn: "/"))) ?? reference)"
    }

    private static func tone(_ kind: TimelineEventKind) -> String {
        switch kind {
        case .payment, .jobAccepted, .objectionResolved: "ok"
        case .invoice, .quote, .job, .inquiry, .promise: "info"
        case .reminder, .revision, .deadlineChanged: "warn"
        case .objection: "bad"
        default: "muted"
        }
    }
}
