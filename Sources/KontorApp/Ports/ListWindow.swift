/// Which rows of a long list a page shows: the page number (from 1) and how many rows a page has. Lists read
/// only this window from the store, so a page costs the same in a small book and in an agency's.
public struct ListWindow: Sendable, Hashable {
    public var page: Int
    public var size: Int

    /// A window; page numbers below 1 and sizes below 1 are raised to 1.
    public init(page: Int = 1, size: Int) {
        self.page = max(page, 1)
        self.size = max(size, 1)
    }

    /// The rows skipped before this page.
    public var offset: Int { (page - 1) * size }
}

/// One page of a list and the length of the whole list.
public struct ListPage<Item: Sendable>: Sendable {
    public var items: [Item]
    /// Rows in the whole list (all pages).
    public var total: Int
    public var window: ListWindow

    public init(items: [Item], total: Int, window: ListWindow) {
        self.items = items
        self.total = total
        self.window = window
    }

    /// The number of pages of the whole list (at least 1).
    public var pageCount: Int { max(1, (total + window.size - 1) / window.size) }

    /// The same page with other items (e.g. the rows joined with the names they show).
    public func map<Other: Sendable>(_ transform: (Item) throws -> Other) rethrows -> ListPage<Other> {
        ListPage<Other>(items: try items.map(transform), total: total, window: window)
    }
}
