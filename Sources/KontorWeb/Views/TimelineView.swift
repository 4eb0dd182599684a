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

    /// Rewords the use case's event (its titles are English) and links its reference.
    init(_ event: TimelineEvent, texts: Texts) {
        iso = event.day.description
        dateText = texts.day(event.day)
        let link = TimelineItem.link(event)
        hasLink = link != nil
        self.link = link ?? ""
        tone = TimelineItem.tone(event.kind)
        title = texts.language == .en ? event.title : TimelineItem.german(event, texts: texts)
        detail = TimelineItem.detail(event, texts: texts)
    }

    private static func tail(_ title: String) -> String {
        guard let range = title.range(of: ": ") else { return "" }
        return String(title[range.upperBound...])
    }

    private static func about(_ title: String) -> String {
        guard let open = title.lastIndex(of: "("), title.hasSuffix(")") else { return "" }
        return " " + title[open...]
    }

    private static func german(_ event: TimelineEvent, texts: Texts) -> String {
        let title = event.title
        switch event.kind {
        case .customerCreated: return texts["tl_customer-created"]
        case .inquiry:
            let channel = InquiryChannel.allCases.first { title.hasPrefix("Inquiry by \($0.rawValue):") }
            return texts.format("tl_inquiry", channel.map(texts.channel) ?? "–", tail(title))
        case .inquiryAnswered: return texts["tl_inquiry-answered"]
        case .inquiryClosed:
            let status = InquiryStatus.allCases.first { title.hasSuffix($0.rawValue) } ?? .lost
            return texts.format("tl_inquiry-closed", texts.inquiryStatus(status))
        case .quote: return texts.format("tl_quote", tail(title))
        case .quoteDecided:
            let status = QuoteStatus.allCases.first { title.hasSuffix($0.rawValue) } ?? .declined
            return texts.format("tl_quote-decided", texts.quoteStatus(status))
        case .job: return texts.format("tl_job", tail(title))
        case .jobStarted: return texts["tl_job-started"]
        case .jobDelivered: return texts["tl_job-delivered"]
        case .jobAccepted: return texts["tl_job-accepted"]
        case .revision: return texts[title == "Change request" ? "tl_revision_change" : "tl_revision_critique"]
        case .invoice: return texts.format("tl_invoice", event.reference ?? "")
        case .cancellation: return texts.format("tl_cancellation", event.reference ?? "")
        case .payment: return texts["tl_payment"] + (event.reference.map { " · \($0)" } ?? "")
        case .reminder:
            let step = DunningStep.sequence.first { title.hasPrefix($0.label(.en)) }
            return (step.map { $0.label(.de) } ?? texts["tl_reminder"]) + (event.reference.map { " · \($0)" } ?? "")
        case .promise:
            var text = texts["tl_promise"]
            if let range = title.range(of: "by "), let day = Day(String(title[range.upperBound...].prefix(10))) {
                text += " " + texts.day(day)
            }
            return text + about(title)
        case .objection: return texts["tl_objection"] + about(title)
        case .objectionResolved: return texts["tl_objection-resolved"] + about(title)
        case .note: return texts["tl_note"] + about(title)
        }
    }

    /// Amounts and dates in the detail line, formatted for the language.
    private static func detail(_ event: TimelineEvent, texts: Texts) -> String? {
        guard let detail = event.detail else { return nil }
        switch event.kind {
        case .payment:
            return (try? Money(parsing: detail)).map(texts.money) ?? detail
        case .invoice, .cancellation, .quote, .job:
            var parts: [String] = []
            for piece in detail.components(separatedBy: ", ") {
                let words = piece.split(separator: " ", maxSplits: 1).map(String.init)
                guard words.count == 2 else { parts.append(piece); continue }
                switch words[0] {
                case "gross": parts.append("\(texts["gross"]) \((try? Money(parsing: words[1])).map(texts.money) ?? words[1])")
                case "net": parts.append("\(texts["net"]) \((try? Money(parsing: words[1])).map(texts.money) ?? words[1])")
                case "due": parts.append("\(texts["invoice_due"]) \(Day(words[1]).map(texts.day) ?? words[1])")
                case "deadline": parts.append("\(texts["deadline"]) \(Day(words[1]).map(texts.day) ?? words[1])")
                case "payment":
                    let days = words[1].split(separator: " ").dropFirst().first.map(String.init) ?? ""
                    parts.append("\(texts["fig_term"]) \(texts.format("term_days", days))")
                default: parts.append(piece)
                }
            }
            return parts.joined(separator: " · ")
        default: return detail
        }
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
        case .reminder, .revision: "warn"
        case .objection: "bad"
        default: "muted"
        }
    }
}
