import KontorApp

/// The "page 2 of 40" line under a long list with links to the neighbouring pages; it keeps the list's other
/// query parameters (search, filter) in its links.
struct PagerView: Sendable, Encodable {
    let pageText: String
    let previousPath: String?
    let nextPath: String?

    /// Nil when the list fits on one page. `path` is the list's address with its other parameters, e.g.
    /// `/customers?q=nord`; the page number is appended.
    init?<Item>(_ page: ListPage<Item>, path: String, parameter: String = "page", texts: Texts) {
        self.init(page: page.window.page, pageCount: page.pageCount, path: path, parameter: parameter, texts: texts)
    }

    init?(page: Int, pageCount: Int, path: String, parameter: String = "page", texts: Texts) {
        guard pageCount > 1 else { return nil }
        let base = path + (path.contains("?") ? "&" : "?") + parameter + "="
        pageText = texts.format("page_of", "\(min(page, pageCount))", "\(pageCount)")
        previousPath = page > 1 ? base + "\(min(page - 1, pageCount))" : nil
        nextPath = page < pageCount ? base + "\(page + 1)" : nil
    }
}
