/// One reply of an SMTP server: the three-digit code and its text lines (RFC 5321 § 4.2).
public struct SMTPReply: Sendable, Equatable, CustomStringConvertible {
    /// The reply code, e.g. 250, 354, 451, 550.
    public let code: Int
    /// The text after the code, one entry per line of a multi-line reply.
    public let lines: [String]

    public init(code: Int, lines: [String]) {
        self.code = code
        self.lines = lines
    }

    /// 2xx and 3xx: the server went on.
    public var isPositive: Bool { (200..<400).contains(code) }
    /// 4xx: the server may accept the same thing later (greylisting, a full queue, a shutting-down server).
    public var isTemporary: Bool { (400..<500).contains(code) }
    /// 5xx: the server will not accept it; sending it again unchanged is pointless.
    public var isPermanent: Bool { (500..<600).contains(code) }

    /// The lines joined as the server wrote them, e.g. "250 2.0.0 Ok: queued as 4F2A".
    public var description: String {
        lines.isEmpty ? "\(code)" : lines.map { "\(code) \($0)" }.joined(separator: " / ")
    }
}

/// Collects the lines of one reply until its last line ("250-…", "250-…", "250 …").
struct SMTPReplyAssembler {
    private var code: Int?
    private var lines: [String] = []

    /// Feeds one line without its CRLF; returns the reply when this line ends it.
    mutating func feed(_ line: [UInt8]) throws(SMTPError) -> SMTPReply? {
        guard line.count >= 3, let lineCode = Self.code(of: line) else {
            throw .malformedReply(String(decoding: line.prefix(120), as: UTF8.self))
        }
        if let code, code != lineCode {
            throw .malformedReply(String(decoding: line.prefix(120), as: UTF8.self))
        }
        code = lineCode
        let separator = line.count > 3 ? line[3] : UInt8(ascii: " ")
        guard separator == UInt8(ascii: " ") || separator == UInt8(ascii: "-") else {
            throw .malformedReply(String(decoding: line.prefix(120), as: UTF8.self))
        }
        lines.append(String(decoding: line.dropFirst(4), as: UTF8.self))
        guard separator == UInt8(ascii: " ") else { return nil }
        let reply = SMTPReply(code: lineCode, lines: lines)
        self = SMTPReplyAssembler()
        return reply
    }

    private static func code(of line: [UInt8]) -> Int? {
        var value = 0
        for byte in line.prefix(3) {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return (200..<600).contains(value) ? value : nil
    }
}
