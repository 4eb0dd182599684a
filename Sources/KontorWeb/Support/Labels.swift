import KontorApp
import KontorCore

/// Words and badge colours for the domain's states, and dates and amounts as people read them.
extension Texts {
    func customerStatus(_ status: CustomerStatus) -> String { status.word(language) }
    func kind(_ kind: CustomerKind) -> String { kind.word(language) }
    func channel(_ channel: InquiryChannel) -> String { channel.word(language) }
    func inquiryStatus(_ status: InquiryStatus) -> String { status.word(language) }
    func quoteStatus(_ status: QuoteStatus) -> String { status.word(language) }
    func jobStatus(_ status: JobStatus) -> String { status.word(language) }
    func invoiceStatus(_ status: InvoiceStatus) -> String { status.word(language) }
    func letterStatus(_ status: DunningLetterStatus) -> String { status.word(language) }
    /// A hand-over is internal: nothing is sent to the debtor, so its done state reads "übergeben".
    func letterStatus(_ status: DunningLetterStatus, step: DunningStep) -> String {
        step == .handover && status == .sent ? self["letter_handed_over"] : letterStatus(status)
    }
    func unit(_ unit: BillingUnit) -> String { self["unit_\(unit.rawValue)"] }
    /// Singular for exactly one, as the documents print it ("1 Stunde", "1 hour").
    func unit(_ unit: BillingUnit, quantity: Quantity) -> String {
        quantity == Quantity(1) ? unit.label(language, quantity: quantity) : self.unit(unit)
    }
    func revisionKind(_ kind: RevisionKind) -> String { kind.word(language).capitalizedFirst }
    func noteKind(_ kind: NoteKind) -> String { kind.word(language).capitalizedFirst }
    func step(_ step: DunningStep) -> String { step.label(language) }

    func money(_ amount: Money) -> String { amount.formatted(language) }
    func day(_ day: Day) -> String { day.formatted(language) }
    func day(_ day: Day?) -> String { day.map { $0.formatted(language) } ?? "–" }
    func quantity(_ quantity: Quantity) -> String { quantity.formatted(language) }
    /// A count with its thousands grouped: "30.000" / "30,000" (shown only, never read back).
    func count(_ count: Int) -> String {
        let digits = Array(String(count.magnitude))
        var text = count < 0 ? "-" : ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { text += language == .de ? "." : "," }
            text.append(digit)
        }
        return text
    }

    /// "26.11." / "26 Nov".
    func shortDay(_ day: Day) -> String {
        let (_, m, d) = day.components
        return language == .de ? "\(d).\(m)." : "\(d) \(monthName(m, short: true))"
    }

    /// "Donnerstag, 26. November 2026" / "Thursday, 26 November 2026".
    func longDay(_ day: Day) -> String {
        let (y, m, d) = day.components
        let weekday = weekdayName(day)
        let month = monthName(m)
        return language == .de ? "\(weekday), \(d). \(month) \(y)" : "\(weekday), \(d) \(month) \(y)"
    }

    func weekdayName(_ day: Day, short: Bool = false) -> String {
        let de = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
        let en = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        let name = (language == .de ? de : en)[day.isoWeekday - 1]
        return short ? String(name.prefix(2)) : name
    }

    func monthName(_ month: Int, short: Bool = false) -> String {
        let de = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
                  "November", "Dezember"]
        let en = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                  "November", "December"]
        let name = (language == .de ? de : en)[month - 1]
        return short ? String(name.prefix(3)) : name
    }

    /// "wartet seit 3 Tagen".
    func waiting(_ days: Int) -> String {
        days <= 0 ? self["waiting_today"] : days == 1 ? self["waiting_one"] : format("waiting_days", "\(days)")
    }

    /// "in 3 Tagen", "heute fällig", "2 Tage über Termin".
    func daysLeft(_ days: Int) -> String {
        switch days {
        case ..<(-1): format("late_days", "\(-days)")
        case -1: self["late_one"]
        case 0: self["due_today"]
        case 1: self["due_tomorrow"]
        default: format("due_in_days", "\(days)")
        }
    }

    func overdue(_ days: Int) -> String { days == 1 ? self["overdue_one"] : format("overdue_days", "\(days)") }
}

/// The badge colours (CSS classes `badge-ok`, `-info`, `-warn`, `-bad`, `-muted`).
enum Tone {
    static func customer(_ status: CustomerStatus) -> String {
        switch status { case .prospect: "muted"; case .new: "info"; case .regular: "ok" }
    }
    static func channel(_ channel: InquiryChannel) -> String { channel == .phone ? "phone" : "info" }
    static func inquiry(_ status: InquiryStatus) -> String {
        switch status { case .open: "warn"; case .answered, .quoted: "info"; case .won: "ok"; case .lost: "muted" }
    }
    static func quote(_ status: QuoteStatus) -> String {
        switch status { case .open: "info"; case .accepted: "ok"; case .declined: "muted" }
    }
    static func job(_ status: JobStatus) -> String {
        switch status { case .planned: "muted"; case .inProgress: "info"; case .delivered: "ok"; case .revising: "warn"; case .accepted: "ok" }
    }
    static func invoice(_ invoice: Invoice, today: Day) -> String {
        if invoice.isOverdue(on: today) { return "bad" }
        switch invoice.status {
        case .draft: return "muted"
        case .issued: return invoice.kind == .cancellation ? "muted" : "info"
        case .partiallyPaid: return "warn"
        case .paid: return "ok"
        case .cancelled: return "muted"
        }
    }
    static func letter(_ status: DunningLetterStatus) -> String {
        switch status { case .draft: "warn"; case .sent: "ok"; case .skipped: "muted" }
    }
    static func step(_ step: DunningStep) -> String {
        switch step { case .inquiry: "info"; case .firstNotice: "warn"; case .secondNotice, .handover: "bad" }
    }
}

extension Texts {
    /// The status word of an invoice, "überfällig" when it is.
    func invoiceStatus(_ invoice: Invoice, today: Day) -> String {
        if invoice.kind == .cancellation { return self["inv_cancellation"] }
        return invoice.isOverdue(on: today) ? self["inv_overdue"] : invoiceStatus(invoice.status)
    }
}
