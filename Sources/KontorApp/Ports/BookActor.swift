public import KontorCore

/// Who is writing to the book, for the audit journal: the web app names the signed-in user for the duration of a
/// request; without it the store names the operating-system user of the process (the CLI).
public enum BookActor {
    /// The actor of the writes in the current task, e.g. `web:lena`.
    @TaskLocal public static var current: String?
    /// The role of the person signed in to the web app for this request. Nil at the machine — the CLI, the web app
    /// of a book without users — where the owner sits and everything is allowed, as before roles existed.
    @TaskLocal public static var role: Role?

    /// The signed-in person's login name, as records that name who did something keep it (`approvedBy`); nil when no
    /// one signed in.
    public static var signedInName: String? {
        guard role != nil, let current, current.hasPrefix("web:") else { return nil }
        return String(current.dropFirst(4))
    }

    /// Runs `body` as the signed-in `name` with `role`: the audit journal names them and the use cases check the role.
    public static func signedIn<T: Sendable>(
        _ name: String, role: Role, _ body: () async throws -> T
    ) async rethrows -> T {
        try await $current.withValue("web:\(name)") { try await $role.withValue(role) { try await body() } }
    }
}

extension Kontor {
    /// Refuses `action` when the signed-in person's role does not allow it (`Role.may`); at the machine (no role) it
    /// is always allowed. Called first thing by the use cases that move money, take numbers or decide Mahnungen, so
    /// that a refused action changes nothing even when a caller forgot the web app's route check.
    /// - Throws: `AccessError.notAllowed`.
    public static func authorize(_ action: Action) throws(AccessError) {
        if let role = BookActor.role, !role.may(action) { throw .notAllowed(action, role: role) }
    }

    /// Refuses changing (or deleting) a draft that the signed-in person may not change: editing drafts at all, and
    /// for a writer only their own (`Role.mayChangeDraft`). At the machine every draft may be changed.
    /// - Throws: `AccessError.notAllowed` or `.notYourDraft`.
    public static func authorize(changing draft: Invoice) throws(AccessError) {
        try authorize(.editInvoiceDrafts)
        guard let role = BookActor.role, let user = BookActor.signedInName else { return }
        if !role.mayChangeDraft(draftedBy: draft.draftedBy, signedInAs: user) {
            throw .notYourDraft(drafter: draft.draftedBy)
        }
    }
}
