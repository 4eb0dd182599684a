/// Who is writing to the book, for the audit journal: the web app names the signed-in user for the duration of a
/// request; without it the store names the operating-system user of the process (the CLI).
public enum BookActor {
    /// The actor of the writes in the current task, e.g. `web:lena`.
    @TaskLocal public static var current: String?
}
