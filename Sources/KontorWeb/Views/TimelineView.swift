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
        title = TimelineItem.title(event, texts: texts)
        detail = TimelineItem.detail(event, texts: texts)
    }

    private static func title(_ event: TimelineEvent, texts: Texts) -> String {
        let facts = event.facts
        let about = facts.invoiceNumber.map { " · \($0)" } ?? ""
        switch event.kind {
        case .customerCreated: return texts["tl_customer-created"]
        case .inquiry:
            let channel = facts.status.flatMap(InquiryChannel.init(rawValue:))
            return texts.format("tl_inquiry", channel.map(texts.channel) ?? "–", facts.subject ?? "")
        case .inquiryAnswered: return texts["tl_inquiry-answered"]
        case .inquiryClosed:
            let status = facts.status.flatMap(InquiryStatus.init(rawValue:)) ?? .lost
            return texts.format("tl_inquiry-closed", texts.inquiryStatus(status))
        case .quote: return texts.format("tl_quote", facts.subject ?? "")
        case .quoteDecided:
            let status = facts.status.flatMap(QuoteStatus.init(rawValue:)) ?? .declined
            return texts.format("tl_quote-decided", texts.quoteStatus(status))
        case .job: return texts.format("tl_job", facts.subject ?? "")
        case .deadlineChanged:
            let new = facts.day.map(texts.day) ?? "–"
            return facts.previousDay.map { texts.format("tl_deadline-moved", texts.day($0), new) }
                ?? texts.format("tl_deadline-set", new)
        case .jobStarted: return texts["tl_job-started"]
        case .workLogged:
            let hours = facts.quantity.map(texts.quantity) ?? "–"
            return facts.status.map { texts.format("tl_work-logged-words", hours, $0) }
                ?? texts.format("tl_work-logged", hours)
        case .jobDelivered: return texts["tl_job-delivered"]
        case .jobAccepted: return texts["tl_job-accepted"]
        case .revision: return texts[facts.status == RevisionKind.change.rawValue ? "tl_revision_change" : "tl_revision_critique"]
        case .invoice: return texts.format("tl_invoice", event.reference ?? "")
        case .cancellation:
            return texts.format("tl_cancellation", event.reference ?? "")
                + (facts.invoiceNumber.map { " · " + texts.format("cancels", $0) } ?? "")
        case .payment:
            let kind = facts.status.flatMap(PaymentKind.init(rawValue:)) ?? .received
            return texts["tl_payment_\(kind.rawValue)"] + about
        case .statusChange:
            let status = facts.status.flatMap(CustomerStatus.init(rawValue:)) ?? .new
            let reason = facts.subject.flatMap(CustomerStatusReason.init(rawValue:)) ?? .byHand
            return texts.format("tl_status_\(status.rawValue)", texts["status_reason_\(reason.rawValue)"]) + about
        case .reminder:
            let step = facts.status.flatMap(DunningStep.init(rawValue:))
            return (step.map(texts.step) ?? texts["tl_reminder"]) + about
        case .mailSent: return texts.format("tl_mail-sent", facts.subject ?? "", facts.recipient ?? "–")
        case .promise:
            return texts["tl_promise"] + (facts.day.map { " " + texts.format("tl_promise_by", texts.day($0)) } ?? "")
                + about
        case .objection: return texts["tl_objection"] + about
        case .objectionResolved: return texts["tl_objection-resolved"] + about
        case .note: return texts["tl_note"] + about
        }
    }

    /// Amounts and dates in the detail line, formatted for the language.
    private static func detail(_ event: TimelineEvent, texts: Texts) -> String? {
        let facts = event.facts
        switch event.kind {
        case .payment:
            return [facts.amount.map(texts.money), facts.subject].compactMap { $0 }.joined(separator: " · ")
        case .invoice, .cancellation:
            var parts = facts.amount.map { ["\(texts["gross"]) \(texts.money($0))"] } ?? []
            if event.kind == .invoice, let due = facts.day { parts.append("\(texts["invoice_due"]) \(texts.day(due))") }
            return parts.isEmpty ? nil : parts.joined(separator: " · ")
        case .quote:
            var parts = facts.amount.map { ["\(texts["net"]) \(texts.money($0))"] } ?? []
            if let days = facts.termDays { parts.append("\(texts["fig_term"]) \(texts.format("term_days", "\(days)"))") }
            return parts.isEmpty ? nil : parts.joined(separator: " · ")
        case .job:
            return facts.day.map { "\(texts["deadline"]) \(texts.day($0))" }
        case .mailSent:
            return facts.messageId.map { "Message-ID <\($0)>" }
        default: return event.detail
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
        case .reminder, .revision, .deadlineChanged: "warn"
        case .objection: "bad"
        default: "muted"
        }
    }
}
