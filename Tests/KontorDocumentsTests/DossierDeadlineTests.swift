import KontorCore
import Testing

@testable import KontorDocuments

/// A moved deadline reads in the dossier with both dates: what was agreed first and what now.
struct DossierDeadlineTests {
    @Test func movedAndFirstSetDeadlinesAreWordedInGerman() {
        let moved = TimelineEvent(
            day: Day("2026-03-04")!, kind: .deadlineChanged,
            reference: "job 1", facts: TimelineFacts(day: Day("2026-03-17")!, previousDay: Day("2026-03-10")!))
        #expect(DossierTimeline.line(moved) == "04.03.2026  Termin verschoben vom 10.03.2026 auf den 17.03.2026")
        let set = TimelineEvent(
            day: Day("2026-03-04")!, kind: .deadlineChanged, reference: "job 2",
            facts: TimelineFacts(day: Day("2026-03-20")!))
        #expect(DossierTimeline.line(set) == "04.03.2026  Termin festgelegt auf den 20.03.2026")
    }
}
