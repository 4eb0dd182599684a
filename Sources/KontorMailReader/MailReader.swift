import Foundation

/// Reads one RFC 5322 message with its MIME structure (RFC 2045–2047, 2231) into a ``ReceivedMail``, within
/// limits a hostile file cannot exceed: total size, nesting depth, number of parts, header field length.
public struct MailReader: Sendable {
    public var maximumSize = 40 * 1024 * 1024
    public var maximumDepth = 16
    public var maximumParts = 500
    public var maximumFieldLength = 64 * 1024

    public init() {}

    public func read(_ bytes: [UInt8]) throws(MailReadError) -> ReceivedMail {
        guard bytes.count <= maximumSize else { throw .tooLarge(limit: maximumSize) }
        let root = try MIMEPart(bytes[...], reader: self)
        guard !root.headers.fields.isEmpty else { throw .notAMail }
        var collected = CollectedContent()
        var parts = 0
        try collect(root, depth: 0, parts: &parts, into: &collected)
        let headers = root.headers
        return ReceivedMail(
            messageID: headers["Message-ID"].flatMap { MailAddressList.messageIDs($0).first },
            inReplyTo: headers["In-Reply-To"].map(MailAddressList.messageIDs) ?? [],
            references: headers["References"].map(MailAddressList.messageIDs) ?? [],
            from: headers["From"].flatMap { MailAddressList.parse($0).first },
            to: headers["To"].map(MailAddressList.parse) ?? [],
            subject: headers["Subject"].map(MailText.decodeEncodedWords) ?? "",
            date: headers["Date"].flatMap(MailDate.parse),
            text: collected.plain ?? collected.html.map(HTMLText.plainText) ?? "",
            attachments: collected.attachments, raw: bytes)
    }

    private struct CollectedContent {
        var plain: String?
        var html: String?
        var attachments: [MailAttachment] = []
    }

    /// Walks the part tree depth-first; the depth is bounded, so a file cannot drive the recursion arbitrarily deep.
    private func collect(_ part: MIMEPart, depth: Int, parts: inout Int, into content: inout CollectedContent)
        throws(MailReadError)
    {
        parts += 1
        guard parts <= maximumParts else { throw .tooManyParts(limit: maximumParts) }
        guard depth <= maximumDepth else { throw .nestedTooDeeply(limit: maximumDepth) }
        if part.contentType.value.hasPrefix("multipart/"), let boundary = part.contentType.parameters["boundary"] {
            for child in try part.children(boundary: boundary, reader: self) {
                try collect(child, depth: depth + 1, parts: &parts, into: &content)
            }
            return
        }
        if part.contentType.value == "message/rfc822", !part.isAttachment {
            try collect(try MIMEPart(part.decodedBody[...], reader: self), depth: depth + 1, parts: &parts, into: &content)
            return
        }
        if !part.isAttachment, part.contentType.value == "text/plain" || part.contentType.value.isEmpty {
            if content.plain == nil { content.plain = part.text }
        } else if !part.isAttachment, part.contentType.value == "text/html" {
            if content.html == nil { content.html = part.text }
        } else {
            content.attachments.append(MailAttachment(
                fileName: part.fileName ?? "Anhang-\(content.attachments.count + 1)",
                mediaType: part.contentType.value.isEmpty ? "application/octet-stream" : part.contentType.value,
                bytes: part.decodedBody))
        }
    }
}

/// One entity: its headers and body (the whole message is one too).
struct MIMEPart {
    let headers: MailHeaders
    let body: ArraySlice<UInt8>
    let contentType: MailHeaderValue

    init(_ bytes: ArraySlice<UInt8>, reader: MailReader) throws(MailReadError) {
        var lines: [[UInt8]] = []
        var index = bytes.startIndex
        var bodyStart = bytes.endIndex
        while index < bytes.endIndex {
            let end = bytes[index...].firstIndex(of: 10) ?? bytes.endIndex
            var line = Array(bytes[index..<end])
            if line.last == 13 { line.removeLast() }
            index = end < bytes.endIndex ? end + 1 : end
            if line.isEmpty {
                bodyStart = index
                break
            }
            lines.append(line)
        }
        headers = try MailHeaders(lines[...], maximumFieldLength: reader.maximumFieldLength)
        body = bytes[bodyStart...]
        contentType = MailHeaderValue(headers["Content-Type"] ?? "text/plain")
    }

    var disposition: MailHeaderValue? { headers["Content-Disposition"].map(MailHeaderValue.init) }

    var isAttachment: Bool { disposition?.value == "attachment" }

    var fileName: String? {
        (disposition?.parameters["filename"] ?? contentType.parameters["name"]).map(MailText.decodeEncodedWords)
    }

    var decodedBody: [UInt8] {
        switch (headers["Content-Transfer-Encoding"] ?? "").lowercased() {
        case "base64": MailText.base64(Array(body))
        case "quoted-printable": MailText.quotedPrintable(Array(body))
        default: Array(body)
        }
    }

    var text: String {
        MailText.decode(decodedBody, charset: contentType.parameters["charset"] ?? "utf-8")
            .replacingOccurrences(of: "\r\n", with: "\n")
    }

    /// The parts between `--boundary` lines, up to the closing `--boundary--`.
    func children(boundary: String, reader: MailReader) throws(MailReadError) -> [MIMEPart] {
        let delimiter = Array("--\(boundary)".utf8)
        var starts: [Int] = []
        var ends: [Int] = []
        var index = body.startIndex
        var lineStart = index
        while index <= body.endIndex {
            if index == body.endIndex || body[index] == 10 {
                var lineEnd = index
                if lineEnd > lineStart, body[lineEnd - 1] == 13 { lineEnd -= 1 }
                let line = body[lineStart..<lineEnd]
                if line.starts(with: delimiter) {
                    // The line break before a delimiter belongs to the delimiter.
                    var previousEnd = lineStart
                    if previousEnd > body.startIndex, body[previousEnd - 1] == 10 { previousEnd -= 1 }
                    if previousEnd > body.startIndex, body[previousEnd - 1] == 13 { previousEnd -= 1 }
                    if !starts.isEmpty { ends.append(max(previousEnd, starts[starts.count - 1])) }
                    if line.dropFirst(delimiter.count).starts(with: [45, 45]) { break }
                    starts.append(min(index + 1, body.endIndex))
                    if starts.count > reader.maximumParts { throw .tooManyParts(limit: reader.maximumParts) }
                }
                lineStart = index + 1
            }
            index += 1
        }
        if ends.count < starts.count { ends.append(body.endIndex) }
        var children: [MIMEPart] = []
        for (start, end) in zip(starts, ends) {
            children.append(try MIMEPart(body[start..<end], reader: reader))
        }
        return children
    }
}
