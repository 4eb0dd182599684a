import Foundation
import Hummingbird

extension AppRequestContext {
    /// A numeric id from the path; anything else names nothing (404).
    func id(_ name: String = "id") throws -> Int64 {
        guard let text = parameters.get(name), let id = Int64(text), id > 0 else { throw WebError.notFound }
        return id
    }

    /// An invoice reference from the path: a number such as 2026-0001, or a draft's id.
    func reference(_ name: String = "ref") throws -> String {
        guard let text = parameters.get(name)?.removingPercentEncoding, !text.isEmpty, text.count <= 64 else {
            throw WebError.notFound
        }
        return text
    }
}

extension Request {
    /// A query parameter, trimmed; nil when absent or empty.
    func query(_ name: String) -> String? {
        guard let value = uri.queryParameters[Substring(name)].map(String.init)?.trimmingCharacters(in: .whitespaces),
            !value.isEmpty
        else { return nil }
        return value
    }
}
