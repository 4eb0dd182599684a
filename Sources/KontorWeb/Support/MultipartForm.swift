import Foundation

/// A `multipart/form-data` body (a form with a file), parsed from bytes: its text fields and its files.
struct MultipartForm: Sendable {
    /// One uploaded file.
    struct File: Sendable {
        let fieldName: String
        let fileName: String
        let data: Data
    }

    private(set) var fields = FormData()
    private(set) var files: [File] = []

    /// The boundary of a `multipart/form-data; boundary=…` content type, or nil for other types.
    static func boundary(contentType: String) -> String? {
        guard contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return value.isEmpty || value.count > 200 ? nil : value
            }
        }
        return nil
    }

    /// Parses the parts; a malformed body yields what could be read (and no file).
    init(data: Data, boundary: String) {
        let delimiter = Data("--\(boundary)".utf8)
        let headerEnd = Data("\r\n\r\n".utf8)
        var position = data.startIndex
        guard let first = data.range(of: delimiter, in: position..<data.endIndex) else { return }
        position = first.upperBound
        while position < data.endIndex {
            // "--" after a delimiter closes the body.
            if data[position...].starts(with: Data("--".utf8)) { break }
            guard let headersEnd = data.range(of: headerEnd, in: position..<data.endIndex),
                let next = data.range(of: Data("\r\n".utf8) + delimiter, in: headersEnd.upperBound..<data.endIndex)
            else { break }
            let headers = String(decoding: data[position..<headersEnd.lowerBound], as: UTF8.self)
            let content = data[headersEnd.upperBound..<next.lowerBound]
            if let disposition = headers.components(separatedBy: "\r\n")
                .first(where: { $0.lowercased().hasPrefix("content-disposition:") })
            {
                let name = MultipartForm.parameter("name", in: disposition)
                let fileName = MultipartForm.parameter("filename", in: disposition)
                if let name {
                    if let fileName {
                        if !fileName.isEmpty { files.append(File(fieldName: name, fileName: fileName, data: Data(content))) }
                    } else {
                        fields.set(name, String(decoding: content, as: UTF8.self))
                    }
                }
            }
            position = next.upperBound
        }
    }

    /// `name="value"` from a Content-Disposition header; the file name loses any folder a browser sends.
    private static func parameter(_ key: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == key else { continue }
            let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            return key == "filename" ? String(value.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? "") : value
        }
        return nil
    }
}
