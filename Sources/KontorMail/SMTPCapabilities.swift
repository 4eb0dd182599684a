/// The extensions a server announced in its EHLO reply (RFC 5321 § 4.1.1.1), by upper-case keyword.
struct SMTPCapabilities: Equatable {
    private var parameters: [String: [String]] = [:]

    init(ehlo reply: SMTPReply) {
        // The first line is the server's greeting name; every further line is one extension.
        for line in reply.lines.dropFirst() {
            // Some servers still write the pre-standard "AUTH=PLAIN LOGIN".
            let words = line.split { $0 == " " || $0 == "=" }.map(String.init)
            guard let keyword = words.first?.uppercased() else { continue }
            parameters[keyword, default: []] += words.dropFirst().map { $0.uppercased() }
        }
    }

    func offers(_ keyword: String) -> Bool { parameters[keyword] != nil }

    var authenticationMechanisms: Set<String> { Set(parameters["AUTH"] ?? []) }

    /// The largest message the server takes, when it says so (SIZE 0 means no limit).
    var sizeLimit: Int? {
        guard let value = parameters["SIZE"]?.first.flatMap({ Int($0) }), value > 0 else { return nil }
        return value
    }
}
