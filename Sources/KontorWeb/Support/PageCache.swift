import Foundation

/// Rendered pages kept while the book does not change: Heute and the lists and reports, as a plain GET shows them.
///
/// A page is stored under the book's stamp (`Kontor.pageStamp`: the book's version, raised by every committed write
/// of any process, the CLI included; on PostgreSQL the count of changes heard by `LISTEN`) and a key naming
/// everything else it depends on (day, language, user). The
/// session's CSRF token is not part of it: pages are rendered with `csrfPlaceholder` and each answer gets its
/// own token put in. A page with a one-time message (flash) is never taken from or put into the cache.
final class PageCache: @unchecked Sendable {
    /// Stands for the session's CSRF token in a stored page.
    static let csrfPlaceholder = "kontor-csrf-placeholder-3f9c1e"

    private struct Entry {
        let version: Int64
        /// The page cut at each placeholder (Foundation's `replacingOccurrences` costs more than the rest of
        /// the answer together).
        let parts: [Substring]
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private let capacity = 64

    /// The stored page for `key` at `version`, with `csrf` put in; nil when there is none that fresh.
    func page(key: String, version: Int64, csrf: String) -> String? {
        guard let entry = lock.withLock({ entries[key] }), entry.version == version else { return nil }
        return entry.parts.joined(separator: csrf)
    }

    /// Keeps a page rendered from the book at `version` (or later: a write in between only makes the next
    /// request render again, since it sees a newer version), and returns it with `csrf` put in.
    func store(_ html: String, key: String, version: Int64, csrf: String) -> String {
        let parts = html.split(separator: PageCache.csrfPlaceholder, omittingEmptySubsequences: false)
        lock.withLock {
            if entries.count >= capacity, entries[key] == nil { entries.removeAll() }
            entries[key] = Entry(version: version, parts: parts)
        }
        return parts.joined(separator: csrf)
    }
}
