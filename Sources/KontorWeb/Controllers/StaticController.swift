import Foundation
import Hummingbird

/// The stylesheet and icon, read once at start-up and served from memory.
struct StaticController: Sendable {
    let files: [String: (type: String, data: Data)]

    static func load() throws -> StaticController {
        guard let folder = Bundle.module.resourceURL?.appendingPathComponent("Static") else {
            throw Views.MissingResources(path: "Kontor_KontorWeb.resources/Static")
        }
        var files: [String: (type: String, data: Data)] = [:]
        for (name, type) in [("app.css", "text/css; charset=utf-8"), ("favicon.svg", "image/svg+xml"),
                             ("app.js", "text/javascript; charset=utf-8")] {
            let url = folder.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw Views.MissingResources(path: url.path)
            }
            files[name] = (type, data)
        }
        return StaticController(files: files)
    }

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self)
            .get(":file", use: self.file)
    }

    /// GET /static/:file — only the app's own files.
    @Sendable func file(request: Request, context: AppRequestContext) async throws -> Response {
        guard let name = context.parameters.get("file"), let file = files[name] else { throw WebError.notFound }
        return Response(
            status: .ok, headers: [.contentType: file.type, .cacheControl: "public, max-age=3600"],
            body: .init(byteBuffer: ByteBuffer(bytes: file.data)))
    }
}
