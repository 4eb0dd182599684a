public import Foundation

// MARK: - Public API

/// A file embedded in an existing PDF (an "associated file" of PDF/A-3, e.g. the XML of a
/// ZUGFeRD/Factur-X invoice), as returned by ``PDFEmbeddedFiles/extract(from:)``.
public struct PDFEmbeddedFile: Sendable, Equatable {
    /// The file name from the file specification (`/UF`, else `/F`, else the name-tree key).
    /// Files found only as bare `/EmbeddedFile` streams are named `embedded-file-<object>`.
    public var fileName: String
    /// The decoded file contents.
    public var data: Data
    /// The MIME type from the stream's `/Subtype`, e.g. "text/xml", if given.
    public var mimeType: String?
    /// The `/AFRelationship` of the file specification, if given and known.
    public var relationship: PDFAttachment.Relationship?
    /// The `/Desc` of the file specification, if given.
    public var description: String?

    /// An embedded file.
    /// - Parameters:
    ///   - fileName: The file name.
    ///   - data: The decoded contents.
    ///   - mimeType: The MIME type, if known.
    ///   - relationship: The relationship to the document, if known.
    ///   - description: The description, if any.
    public init(
        fileName: String, data: Data, mimeType: String? = nil,
        relationship: PDFAttachment.Relationship? = nil, description: String? = nil
    ) {
        self.fileName = fileName
        self.data = data
        self.mimeType = mimeType
        self.relationship = relationship
        self.description = description
    }
}

/// Why an existing PDF could not be read.
public enum PDFReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The data does not start with a `%PDF-` header.
    case notPDF
    /// The PDF is encrypted; embedded files cannot be read without decrypting it.
    case encrypted
    /// The file structure is broken (the reason says where).
    case malformed(String)
    /// A stream uses a filter this reader does not decode (only FlateDecode and ASCIIHexDecode are supported).
    case unsupportedFilter(String)

    /// A sentence for logs and error messages.
    public var description: String {
        switch self {
        case .notPDF: "Not a PDF file (no %PDF- header)"
        case .encrypted: "The PDF is encrypted"
        case .malformed(let reason): "Malformed PDF: \(reason)"
        case .unsupportedFilter(let name): "Unsupported PDF stream filter: \(name)"
        }
    }
}

/// Reads the embedded files of an existing PDF.
///
/// It follows the cross-reference table or stream (PDF 1.5 xref streams with PNG predictors,
/// hybrid files, incremental updates via `/Prev`), resolves objects inside object streams, and
/// collects file specifications from the catalog's `/AF` array and `/EmbeddedFiles` name tree.
/// When those list nothing it scans every object for file specifications and bare
/// `/EmbeddedFile` streams. A broken cross-reference table falls back to scanning for `n 0 obj`.
///
/// ```swift
/// let files = try PDFEmbeddedFiles.extract(from: pdfData)
/// let xml = files.first { $0.fileName == "factur-x.xml" }?.data
/// ```
public enum PDFEmbeddedFiles {
    /// The largest PDF read (a ZUGFeRD invoice is a few hundred KB): 32 MiB.
    public static let maximumFileBytes = 32 << 20
    /// The most bytes one stream may decode to (attachment, object or cross-reference stream): 32 MiB, so a
    /// DEFLATE bomb stops there. Object nesting is limited to 64 levels and name trees to 32.
    public static let maximumStreamBytes = 32 << 20
    /// The most bytes all streams of one PDF may decode to together: 96 MiB.
    public static let maximumDecodedBytes = 96 << 20

    /// Whether `data` looks like a PDF (`%PDF-` within the first 1024 bytes).
    public static func isPDF(_ data: Data) -> Bool {
        let head = [UInt8](data.prefix(1024))
        return PDFFileReader.find(Array("%PDF-".utf8), in: head, from: 0) != nil
    }

    /// Extracts all embedded files of a PDF.
    /// - Parameter pdf: The complete PDF file.
    /// - Returns: The files in the order of `/AF`, then the name tree (each file once).
    /// - Throws: ``PDFReadError`` when the data is not a readable, unencrypted PDF or an embedded
    ///   file's stream cannot be decoded.
    public static func extract(from pdf: Data) throws(PDFReadError) -> [PDFEmbeddedFile] {
        guard isPDF(pdf) else { throw .notPDF }
        guard pdf.count <= maximumFileBytes else { throw .malformed("larger than \(maximumFileBytes >> 20) MiB") }
        let reader = try PDFFileReader(bytes: [UInt8](pdf))
        return try reader.embeddedFiles()
    }
}

// MARK: - Objects

/// A parsed PDF object. Streams keep their dictionary and the offset of their data in the file
/// (streams never live inside object streams).
private indirect enum PDFObject {
    case null
    case boolean(Bool)
    case integer(Int)
    case real(String)
    case name(String)
    case string([UInt8])
    case array([PDFObject])
    case dictionary([String: PDFObject])
    case reference(Int)
    case stream([String: PDFObject], dataStart: Int)

    var integer: Int? { if case .integer(let value) = self { value } else { nil } }
    var name: String? { if case .name(let value) = self { value } else { nil } }
    var array: [PDFObject]? { if case .array(let value) = self { value } else { nil } }
    var dictionary: [String: PDFObject]? {
        switch self {
        case .dictionary(let value), .stream(let value, _): value
        default: nil
        }
    }
    var referenceNumber: Int? { if case .reference(let number) = self { number } else { nil } }
}

// MARK: - Lexer

/// Tokenises PDF object syntax (ISO 32000-1 §7.2–7.3) from a byte array.
private struct PDFLexer {
    let bytes: [UInt8]
    var position: Int

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0 || byte == 9 || byte == 10 || byte == 12 || byte == 13 || byte == 32
    }

    static func isDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x28, 0x29, 0x3C, 0x3E, 0x5B, 0x5D, 0x7B, 0x7D, 0x2F, 0x25: true
        default: false
        }
    }

    static func isRegular(_ byte: UInt8) -> Bool { !isWhitespace(byte) && !isDelimiter(byte) }

    var atEnd: Bool { position >= bytes.count }

    mutating func skipWhitespace() {
        while position < bytes.count {
            let byte = bytes[position]
            if Self.isWhitespace(byte) {
                position += 1
            } else if byte == UInt8(ascii: "%") {
                while position < bytes.count, bytes[position] != 10, bytes[position] != 13 { position += 1 }
            } else {
                return
            }
        }
    }

    /// Reads a run of regular characters.
    mutating func token() -> ArraySlice<UInt8> {
        let start = position
        while position < bytes.count, Self.isRegular(bytes[position]) { position += 1 }
        return bytes[start..<position]
    }

    /// Whether the bytes at the current position are `keyword`, followed by a non-regular byte.
    func matches(_ keyword: String) -> Bool {
        let key = Array(keyword.utf8)
        guard position + key.count <= bytes.count, bytes[position..<position + key.count].elementsEqual(key) else {
            return false
        }
        return position + key.count == bytes.count || !Self.isRegular(bytes[position + key.count])
    }

    mutating func unsignedInteger() -> Int? {
        let start = position
        var value = 0
        while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 {
            let (times10, overflow) = value.multipliedReportingOverflow(by: 10)
            let (next, carry) = times10.addingReportingOverflow(Int(bytes[position] - 0x30))
            guard !overflow, !carry else { position = start; return nil }
            value = next
            position += 1
        }
        guard position > start, position == bytes.count || !Self.isRegular(bytes[position]) else {
            position = start
            return nil
        }
        return value
    }

    mutating func parseObject(depth: Int = 0) throws(PDFReadError) -> PDFObject {
        guard depth < 64 else { throw .malformed("objects nested too deeply") }
        skipWhitespace()
        guard position < bytes.count else { throw .malformed("unexpected end of data") }
        let byte = bytes[position]
        switch byte {
        case UInt8(ascii: "/"):
            position += 1
            return .name(Self.decodeName(token()))
        case UInt8(ascii: "("):
            return .string(try literalString())
        case UInt8(ascii: "<"):
            if position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "<") {
                position += 2
                var dictionary: [String: PDFObject] = [:]
                while true {
                    skipWhitespace()
                    guard position < bytes.count else { throw .malformed("unterminated dictionary") }
                    if bytes[position] == UInt8(ascii: ">") {
                        guard position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: ">") else {
                            throw .malformed("bad dictionary end")
                        }
                        position += 2
                        return .dictionary(dictionary)
                    }
                    guard case .name(let key) = try parseObject(depth: depth + 1) else {
                        throw .malformed("dictionary key is not a name at byte \(position)")
                    }
                    dictionary[key] = try parseObject(depth: depth + 1)
                }
            }
            return .string(try hexString())
        case UInt8(ascii: "["):
            position += 1
            var elements: [PDFObject] = []
            while true {
                skipWhitespace()
                guard position < bytes.count else { throw .malformed("unterminated array") }
                if bytes[position] == UInt8(ascii: "]") {
                    position += 1
                    return .array(elements)
                }
                elements.append(try parseObject(depth: depth + 1))
            }
        default:
            if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
                || (byte >= 0x30 && byte <= 0x39)
            {
                return try number()
            }
            let word = token()
            switch String(decoding: word, as: UTF8.self) {
            case "true": return .boolean(true)
            case "false": return .boolean(false)
            case "null": return .null
            default:
                throw .malformed("unexpected token '\(String(decoding: word.prefix(20), as: UTF8.self))'")
            }
        }
    }

    /// A number, or an indirect reference `n g R`.
    private mutating func number() throws(PDFReadError) -> PDFObject {
        let start = position
        if let first = unsignedInteger() {
            let afterFirst = position
            skipWhitespace()
            if unsignedInteger() != nil {
                skipWhitespace()
                if matches("R") {
                    position += 1
                    return .reference(first)
                }
            }
            position = afterFirst
            return .integer(first)
        }
        position = start
        let text = String(decoding: token(), as: UTF8.self)
        if let value = Int(text) { return .integer(value) }
        guard !text.isEmpty, text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" }) else {
            throw .malformed("bad number '\(text)'")
        }
        return .real(text)
    }

    private mutating func literalString() throws(PDFReadError) -> [UInt8] {
        position += 1
        var result: [UInt8] = []
        var depth = 1
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\\"):
                guard position < bytes.count else { break }
                let escaped = bytes[position]
                position += 1
                switch escaped {
                case UInt8(ascii: "n"): result.append(10)
                case UInt8(ascii: "r"): result.append(13)
                case UInt8(ascii: "t"): result.append(9)
                case UInt8(ascii: "b"): result.append(8)
                case UInt8(ascii: "f"): result.append(12)
                case 13:  // line continuation
                    if position < bytes.count, bytes[position] == 10 { position += 1 }
                case 10: break
                case 0x30...0x37:
                    var value = Int(escaped - 0x30)
                    for _ in 0..<2 where position < bytes.count && (0x30...0x37).contains(bytes[position]) {
                        value = value * 8 + Int(bytes[position] - 0x30)
                        position += 1
                    }
                    result.append(UInt8(truncatingIfNeeded: value))
                default: result.append(escaped)
                }
            case UInt8(ascii: "("):
                depth += 1
                result.append(byte)
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return result }
                result.append(byte)
            case 13:
                // An unescaped end of line is read as a line feed.
                if position < bytes.count, bytes[position] == 10 { position += 1 }
                result.append(10)
            default:
                result.append(byte)
            }
        }
        throw .malformed("unterminated string")
    }

    private mutating func hexString() throws(PDFReadError) -> [UInt8] {
        position += 1
        var result: [UInt8] = []
        var high: UInt8?
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if byte == UInt8(ascii: ">") {
                if let high { result.append(high << 4) }
                return result
            }
            if Self.isWhitespace(byte) { continue }
            guard let nibble = Self.hexValue(byte) else { throw .malformed("bad hex string") }
            if let pending = high {
                result.append(pending << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        throw .malformed("unterminated hex string")
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }

    /// Decodes `#xx` escapes of a name.
    static func decodeName(_ raw: ArraySlice<UInt8>) -> String {
        var result: [UInt8] = []
        var index = raw.startIndex
        while index < raw.endIndex {
            if raw[index] == UInt8(ascii: "#"), index + 2 < raw.endIndex,
                let high = hexValue(raw[index + 1]), let low = hexValue(raw[index + 2])
            {
                result.append(high << 4 | low)
                index += 3
            } else {
                result.append(raw[index])
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}

// MARK: - File reader

/// Random access to the objects of one PDF file. A class because it caches resolved objects and
/// decoded object streams; it never leaves ``PDFEmbeddedFiles/extract(from:)`` (internal only so that
/// tests can check which path found the objects).
final class PDFFileReader {
    private enum Location {
        case offset(Int)
        case compressed(stream: Int, index: Int)
    }

    let bytes: [UInt8]
    private var locations: [Int: Location] = [:]
    private var trailer: [String: PDFObject] = [:]
    private var cache: [Int: PDFObject] = [:]
    private var objectStreams: [Int: [Int: PDFObject]] = [:]
    private var scannedOffsets: [Int: Int]?
    private var scannedStreams: [Int]?
    private var resolving: Set<Int> = []
    /// Bytes decoded from streams so far: many small bombs must not add up to what one may not be.
    private var decodedBytes = 0
    /// Whether the cross-reference sections could be read (otherwise objects were found by scanning).
    private(set) var crossReferencesIntact = true
    /// How many objects were found only by scanning the file, not through the cross-references.
    private(set) var recoveredObjects = 0

    init(bytes: [UInt8]) throws(PDFReadError) {
        self.bytes = bytes
        do {
            try loadCrossReferences()
        } catch {
            // A broken table: rebuild object locations by scanning, and take the last trailer.
            crossReferencesIntact = false
            locations = [:]
            trailer = lastTrailerDictionary() ?? [:]
        }
        if trailer["Root"] == nil, let root = scanForCatalog() { trailer["Root"] = .reference(root) }
        if trailer["Encrypt"] != nil { throw .encrypted }
    }

    // MARK: Cross-reference sections

    private func loadCrossReferences() throws(PDFReadError) {
        let keyword = Array("startxref".utf8)
        guard let found = Self.findLast(keyword, in: bytes) else { throw .malformed("no startxref") }
        var lexer = PDFLexer(bytes: bytes, position: found + keyword.count)
        lexer.skipWhitespace()
        guard let start = lexer.unsignedInteger() else { throw .malformed("bad startxref") }
        var pending: [Int] = [start]
        var visited: Set<Int> = []
        var isFirst = true
        while let offset = pending.first {
            pending.removeFirst()
            guard offset >= 0, offset < bytes.count, visited.insert(offset).inserted else { continue }
            let sectionTrailer = try readSection(at: offset)
            for (key, value) in sectionTrailer where isFirst || trailer[key] == nil { trailer[key] = value }
            isFirst = false
            // A hybrid file's xref stream is consulted before the previous section.
            if let stream = sectionTrailer["XRefStm"]?.integer { pending.insert(stream, at: 0) }
            if let previous = sectionTrailer["Prev"]?.integer { pending.append(previous) }
        }
    }

    /// Reads a classic `xref` table or an xref stream and returns its trailer dictionary.
    /// Earlier-read (newer) entries win.
    private func readSection(at offset: Int) throws(PDFReadError) -> [String: PDFObject] {
        var lexer = PDFLexer(bytes: bytes, position: offset)
        lexer.skipWhitespace()
        if lexer.matches("xref") {
            lexer.position += 4
            while true {
                lexer.skipWhitespace()
                if lexer.matches("trailer") {
                    lexer.position += 7
                    guard case .dictionary(let dictionary) = try lexer.parseObject() else {
                        throw .malformed("trailer is not a dictionary")
                    }
                    return dictionary
                }
                guard let first = lexer.unsignedInteger() else { throw .malformed("bad xref subsection") }
                lexer.skipWhitespace()
                guard let count = lexer.unsignedInteger(), first <= Int.max - count else {
                    throw .malformed("bad xref subsection")
                }
                for index in 0..<count {
                    lexer.skipWhitespace()
                    guard let entryOffset = lexer.unsignedInteger() else { throw .malformed("bad xref entry") }
                    lexer.skipWhitespace()
                    _ = lexer.unsignedInteger()
                    lexer.skipWhitespace()
                    let kind = lexer.token()
                    if kind.first == UInt8(ascii: "n"), entryOffset > 0, locations[first + index] == nil {
                        locations[first + index] = .offset(entryOffset)
                    }
                }
            }
        }
        let (_, object) = try parseIndirectObject(at: offset)
        guard case .stream(let dictionary, _) = object, dictionary["Type"]?.name == "XRef" else {
            throw .malformed("startxref does not point to a cross-reference section")
        }
        try readCrossReferenceStream(object)
        return dictionary
    }

    private func readCrossReferenceStream(_ stream: PDFObject) throws(PDFReadError) {
        guard case .stream(let dictionary, _) = stream else { return }
        let data = try decodedData(of: stream)
        let widths = (dictionary["W"]?.array ?? []).compactMap(\.integer)
        guard widths.count == 3, widths.allSatisfy({ (0...8).contains($0) }) else {
            throw .malformed("bad /W in xref stream")
        }
        let size = dictionary["Size"]?.integer ?? 0
        let index = (dictionary["Index"]?.array ?? [.integer(0), .integer(size)]).compactMap(\.integer)
        let entryLength = widths.reduce(0, +)
        guard entryLength > 0 else { throw .malformed("empty xref stream entries") }
        var position = 0
        func field(_ width: Int, default value: Int) -> Int {
            guard width > 0 else { return value }
            var result = 0
            for offset in 0..<width { result = result << 8 | Int(data[position + offset]) }
            position += width
            return result
        }
        var pair = 0
        while pair + 1 < index.count {
            let (first, count) = (index[pair], index[pair + 1])
            guard first >= 0, count >= 0, first <= Int.max - count else { throw .malformed("bad /Index in xref stream") }
            for number in first..<first + count {
                guard position + entryLength <= data.count else { return }
                let type = field(widths[0], default: 1)
                let second = field(widths[1], default: 0)
                let third = field(widths[2], default: 0)
                guard locations[number] == nil else { continue }
                switch type {
                case 1 where second > 0: locations[number] = .offset(second)
                case 2: locations[number] = .compressed(stream: second, index: third)
                default: break
                }
            }
            pair += 2
        }
    }

    // MARK: Objects

    /// Parses `n g obj … endobj` at `offset`; streams are returned with their data offset.
    private func parseIndirectObject(at offset: Int) throws(PDFReadError) -> (number: Int, object: PDFObject) {
        var lexer = PDFLexer(bytes: bytes, position: offset)
        lexer.skipWhitespace()
        guard let number = lexer.unsignedInteger() else { throw .malformed("no object at byte \(offset)") }
        lexer.skipWhitespace()
        guard lexer.unsignedInteger() != nil else { throw .malformed("no object at byte \(offset)") }
        lexer.skipWhitespace()
        guard lexer.matches("obj") else { throw .malformed("no object at byte \(offset)") }
        lexer.position += 3
        let object = try lexer.parseObject()
        if case .dictionary(let dictionary) = object {
            lexer.skipWhitespace()
            if lexer.matches("stream") {
                var start = lexer.position + 6
                if start < bytes.count, bytes[start] == 13 { start += 1 }
                if start < bytes.count, bytes[start] == 10 { start += 1 }
                return (number, .stream(dictionary, dataStart: start))
            }
        }
        return (number, object)
    }

    /// The object with the given number, or `.null` when it does not exist.
    fileprivate func object(_ number: Int) -> PDFObject {
        if let cached = cache[number] { return cached }
        guard resolving.insert(number).inserted else { return .null }
        defer { resolving.remove(number) }
        var result: PDFObject?
        switch locations[number] {
        case .offset(let offset)?:
            if let (found, object) = try? parseIndirectObject(at: offset), found == number { result = object }
        case .compressed(let stream, _)?:
            result = try? objectStream(stream)[number]
        case nil: break
        }
        if result == nil, let offset = scanned()[number] {
            result = (try? parseIndirectObject(at: offset))?.object
            if result != nil { recoveredObjects += 1 }
        }
        if result == nil {
            // Last resort for broken files: objects inside any object stream found by scanning.
            for stream in scannedObjectStreams() {
                if let object = try? objectStream(stream)[number] {
                    result = object
                    recoveredObjects += 1
                    break
                }
            }
        }
        let object = result ?? .null
        cache[number] = object
        return object
    }

    /// Follows references (a bounded number of steps, so loops cannot hang).
    fileprivate func resolve(_ object: PDFObject?) -> PDFObject {
        var current = object ?? .null
        for _ in 0..<16 {
            guard case .reference(let number) = current else { return current }
            current = self.object(number)
        }
        return .null
    }

    private func objectStream(_ number: Int) throws(PDFReadError) -> [Int: PDFObject] {
        if let parsed = objectStreams[number] { return parsed }
        objectStreams[number] = [:]  // guards against a stream that refers to itself
        let stream = object(number)
        guard case .stream(let dictionary, _) = stream, dictionary["Type"]?.name == "ObjStm",
            let count = resolve(dictionary["N"]).integer, let first = resolve(dictionary["First"]).integer
        else { throw .malformed("object \(number) is not an object stream") }
        let data = try decodedData(of: stream)
        var header = PDFLexer(bytes: data, position: 0)
        var objects: [Int: PDFObject] = [:]
        for _ in 0..<count {
            header.skipWhitespace()
            guard let objectNumber = header.unsignedInteger() else { break }
            header.skipWhitespace()
            guard let offset = header.unsignedInteger(), first >= 0, offset <= data.count, first <= data.count - offset
            else { break }
            var lexer = PDFLexer(bytes: data, position: first + offset)
            if let object = try? lexer.parseObject() { objects[objectNumber] = object }
        }
        objectStreams[number] = objects
        return objects
    }

    // MARK: Streams

    /// The raw (still encoded) bytes of a stream.
    private func rawData(of stream: PDFObject) throws(PDFReadError) -> ArraySlice<UInt8> {
        guard case .stream(let dictionary, let start) = stream, start <= bytes.count else {
            throw .malformed("not a stream")
        }
        if let length = resolve(dictionary["Length"]).integer, length >= 0, length <= bytes.count - start {
            var lexer = PDFLexer(bytes: bytes, position: start + length)
            lexer.skipWhitespace()
            if lexer.matches("endstream") { return bytes[start..<start + length] }
        }
        // A wrong /Length: the data ends before the next `endstream`.
        guard var end = Self.find(Array("endstream".utf8), in: bytes, from: start) else {
            throw .malformed("stream without endstream")
        }
        if end > start, bytes[end - 1] == 10 { end -= 1 }
        if end > start, bytes[end - 1] == 13 { end -= 1 }
        return bytes[start..<end]
    }

    /// The decoded bytes of a stream (FlateDecode with PNG predictors, ASCIIHexDecode).
    fileprivate func decodedData(of stream: PDFObject) throws(PDFReadError) -> [UInt8] {
        guard case .stream(let dictionary, _) = stream else { throw .malformed("not a stream") }
        var data = Array(try rawData(of: stream))
        let filters: [String]
        switch resolve(dictionary["Filter"]) {
        case .name(let name): filters = [name]
        case .array(let names): filters = names.compactMap { resolve($0).name }
        default: filters = []
        }
        let parameters: [PDFObject]
        switch resolve(dictionary["DecodeParms"] ?? dictionary["DP"]) {
        case .array(let array): parameters = array.map { resolve($0) }
        case let single: parameters = [single]
        }
        for (index, filter) in filters.enumerated() {
            switch filter {
            case "FlateDecode", "Fl":
                do {
                    let room = min(
                        PDFEmbeddedFiles.maximumStreamBytes, PDFEmbeddedFiles.maximumDecodedBytes - decodedBytes)
                    data = try Inflater.inflate(zlib: data, limit: max(room, 0))
                    decodedBytes += data.count
                } catch {
                    throw .malformed("cannot inflate stream: \(error)")
                }
                let parameter = index < parameters.count ? parameters[index].dictionary ?? [:] : [:]
                data = try Self.removePredictor(data, parameters: parameter)
            case "ASCIIHexDecode", "AHx":
                data = Self.decodeASCIIHex(data)
            default:
                throw .unsupportedFilter(filter)
            }
        }
        return data
    }

    /// Undoes the PNG row predictors (`/Predictor` ≥ 10) used by xref and object streams.
    private static func removePredictor(_ data: [UInt8], parameters: [String: PDFObject]) throws(PDFReadError)
        -> [UInt8]
    {
        let predictor = parameters["Predictor"]?.integer ?? 1
        guard predictor > 1 else { return data }
        guard predictor >= 10 else { throw .unsupportedFilter("TIFF predictor \(predictor)") }
        let colors = parameters["Colors"]?.integer ?? 1
        let bitsPerComponent = parameters["BitsPerComponent"]?.integer ?? 8
        let columns = parameters["Columns"]?.integer ?? 1
        guard (1...64).contains(colors), (1...16).contains(bitsPerComponent), (1...(1 << 20)).contains(columns) else {
            throw .malformed("bad predictor parameters")
        }
        let bytesPerPixel = max(1, (colors * bitsPerComponent + 7) / 8)
        let rowLength = (colors * bitsPerComponent * columns + 7) / 8
        var output: [UInt8] = []
        output.reserveCapacity(data.count)
        var previous = [UInt8](repeating: 0, count: rowLength)
        var position = 0
        while position + 1 + rowLength <= data.count {
            let type = data[position]
            var row = Array(data[position + 1..<position + 1 + rowLength])
            position += 1 + rowLength
            for index in 0..<rowLength {
                let left = index >= bytesPerPixel ? Int(row[index - bytesPerPixel]) : 0
                let up = Int(previous[index])
                let upLeft = index >= bytesPerPixel ? Int(previous[index - bytesPerPixel]) : 0
                let add: Int
                switch type {
                case 0: add = 0
                case 1: add = left
                case 2: add = up
                case 3: add = (left + up) / 2
                case 4:
                    let estimate = left + up - upLeft
                    let (a, b, c) = (abs(estimate - left), abs(estimate - up), abs(estimate - upLeft))
                    add = a <= b && a <= c ? left : (b <= c ? up : upLeft)
                default: throw .malformed("bad PNG predictor type \(type)")
                }
                row[index] = UInt8(truncatingIfNeeded: Int(row[index]) + add)
            }
            output.append(contentsOf: row)
            previous = row
        }
        return output
    }

    private static func decodeASCIIHex(_ data: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        var high: UInt8?
        for byte in data {
            if byte == UInt8(ascii: ">") { break }
            guard let nibble = PDFLexer.hexValue(byte) else { continue }
            if let pending = high {
                result.append(pending << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        if let high { result.append(high << 4) }
        return result
    }

    // MARK: Embedded files

    func embeddedFiles() throws(PDFReadError) -> [PDFEmbeddedFile] {
        var files: [PDFEmbeddedFile] = []
        var seenStreams: Set<Int> = []
        let catalog = resolve(trailer["Root"]).dictionary ?? [:]
        for specification in resolve(catalog["AF"]).array ?? [] {
            if let file = try file(from: specification, key: nil, seen: &seenStreams) { files.append(file) }
        }
        let names = resolve(catalog["Names"]).dictionary ?? [:]
        var entries: [(key: String, value: PDFObject)] = []
        var visitedNodes: Set<Int> = []
        collectNameTree(names["EmbeddedFiles"], depth: 0, visited: &visitedNodes, into: &entries)
        for entry in entries {
            if let file = try file(from: entry.value, key: entry.key, seen: &seenStreams) { files.append(file) }
        }
        guard files.isEmpty else { return files }

        // Nothing in the catalog: look at every object (page /AF, annotations, broken catalogs).
        let numbers = knownObjectNumbers()
        for number in numbers {
            let object = self.object(number)
            guard case .dictionary(let dictionary) = object, dictionary["EF"] != nil else { continue }
            if let file = try file(from: .reference(number), key: nil, seen: &seenStreams) { files.append(file) }
        }
        for number in numbers where !seenStreams.contains(number) {
            let object = self.object(number)
            guard case .stream(let dictionary, _) = object, dictionary["Type"]?.name == "EmbeddedFile" else { continue }
            seenStreams.insert(number)
            files.append(PDFEmbeddedFile(fileName: "embedded-file-\(number)", data: Data(try decodedData(of: object)),
                                         mimeType: dictionary["Subtype"]?.name))
        }
        return files
    }

    private func collectNameTree(
        _ node: PDFObject?, depth: Int, visited: inout Set<Int>, into entries: inout [(key: String, value: PDFObject)]
    ) {
        guard depth < 32 else { return }
        if let number = node?.referenceNumber, !visited.insert(number).inserted { return }
        guard let dictionary = resolve(node).dictionary else { return }
        if let names = resolve(dictionary["Names"]).array {
            var index = 0
            while index + 1 < names.count {
                if case .string(let key) = resolve(names[index]) {
                    entries.append((Self.textString(key), names[index + 1]))
                }
                index += 2
            }
        }
        for kid in resolve(dictionary["Kids"]).array ?? [] {
            collectNameTree(kid, depth: depth + 1, visited: &visited, into: &entries)
        }
    }

    private func file(from specification: PDFObject, key: String?, seen: inout Set<Int>) throws(PDFReadError)
        -> PDFEmbeddedFile?
    {
        guard let spec = resolve(specification).dictionary, let files = resolve(spec["EF"]).dictionary else {
            return nil
        }
        guard let reference = files["UF"] ?? files["F"] ?? files.values.first else { return nil }
        if let number = reference.referenceNumber, !seen.insert(number).inserted { return nil }
        let stream = resolve(reference)
        guard case .stream(let streamDictionary, _) = stream else { return nil }
        let name = [spec["UF"], spec["F"]].lazy.compactMap { value -> String? in
            guard case .string(let bytes) = self.resolve(value) else { return nil }
            let text = Self.textString(bytes)
            return text.isEmpty ? nil : text
        }.first ?? key ?? "embedded-file-\(reference.referenceNumber ?? 0)"
        var description: String?
        if case .string(let bytes) = resolve(spec["Desc"]) { description = Self.textString(bytes) }
        return PDFEmbeddedFile(
            fileName: name, data: Data(try decodedData(of: stream)),
            mimeType: resolve(streamDictionary["Subtype"]).name,
            relationship: resolve(spec["AFRelationship"]).name.flatMap(PDFAttachment.Relationship.init(rawValue:)),
            description: description)
    }

    // MARK: Scanning fallbacks

    /// Offsets of every `n g obj` in the file; later definitions win, as in an incremental update.
    private func scanned() -> [Int: Int] {
        if let scannedOffsets { return scannedOffsets }
        var offsets: [Int: Int] = [:]
        let count = bytes.count
        var index = 0
        while index + 3 <= count {
            guard bytes[index] == UInt8(ascii: "o"), bytes[index + 1] == UInt8(ascii: "b"),
                bytes[index + 2] == UInt8(ascii: "j"), index + 3 == count || !PDFLexer.isRegular(bytes[index + 3])
            else {
                index += 1
                continue
            }
            // Walk back over "<number> <generation> ".
            var cursor = index - 1
            func skipSpace() { while cursor >= 0, PDFLexer.isWhitespace(bytes[cursor]) { cursor -= 1 } }
            func skipDigits() -> Bool {
                let end = cursor
                while cursor >= 0, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39 { cursor -= 1 }
                return cursor < end
            }
            skipSpace()
            if skipDigits() {
                skipSpace()
                let numberEnd = cursor
                if skipDigits(), cursor < 0 || !PDFLexer.isRegular(bytes[cursor]) {
                    let start = cursor + 1
                    if let number = Int(String(decoding: bytes[start...numberEnd], as: UTF8.self)) {
                        offsets[number] = start
                    }
                }
            }
            index += 3
        }
        scannedOffsets = offsets
        return offsets
    }

    private func scannedObjectStreams() -> [Int] {
        if let scannedStreams { return scannedStreams }
        let offsets = scanned()
        let streams = offsets.keys.sorted().filter { number in
            guard let offset = offsets[number], let (_, object) = try? parseIndirectObject(at: offset),
                case .stream(let dictionary, _) = object
            else { return false }
            return dictionary["Type"]?.name == "ObjStm"
        }
        scannedStreams = streams
        return streams
    }

    private func lastTrailerDictionary() -> [String: PDFObject]? {
        guard let found = Self.findLast(Array("trailer".utf8), in: bytes) else { return nil }
        var lexer = PDFLexer(bytes: bytes, position: found + 7)
        return (try? lexer.parseObject())?.dictionary
    }

    /// Every object number the cross-reference sections, a scan of the file or its object streams know.
    private func knownObjectNumbers() -> [Int] {
        var numbers = Set(locations.keys).union(scanned().keys)
        for stream in scannedObjectStreams() {
            numbers.formUnion(((try? objectStream(stream)) ?? [:]).keys)
        }
        return numbers.sorted()
    }

    private func scanForCatalog() -> Int? {
        for number in knownObjectNumbers() {
            if object(number).dictionary?["Type"]?.name == "Catalog" { return number }
        }
        return nil
    }

    // MARK: Helpers

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var index = start
        while index + needle.count <= haystack.count {
            if haystack[index] == first, haystack[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    static func findLast(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var index = haystack.count - needle.count
        while index >= 0 {
            if haystack[index..<index + needle.count].elementsEqual(needle) { return index }
            index -= 1
        }
        return nil
    }

    /// Decodes a PDF text string: UTF-16BE or UTF-8 with byte order mark, else PDFDocEncoding.
    static func textString(_ bytes: [UInt8]) -> String {
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            var units: [UInt16] = []
            var index = 2
            while index + 1 < bytes.count {
                units.append(UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]))
                index += 2
            }
            return String(decoding: units, as: UTF16.self)
        }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            return String(decoding: bytes.dropFirst(3), as: UTF8.self)
        }
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            if (0x80...0xA0).contains(byte), let special = pdfDocEncoding[Int(byte - 0x80)] {
                scalars.append(special)
            } else if let scalar = Unicode.Scalar(UInt32(byte)) {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// PDFDocEncoding 0x80–0xA0 (ISO 32000-1 Annex D); the rest matches Latin-1.
    private static let pdfDocEncoding: [Unicode.Scalar?] = [
        "\u{2022}", "\u{2020}", "\u{2021}", "\u{2026}", "\u{2014}", "\u{2013}", "\u{0192}", "\u{2044}",
        "\u{2039}", "\u{203A}", "\u{2212}", "\u{2030}", "\u{201E}", "\u{201C}", "\u{201D}", "\u{2018}",
        "\u{2019}", "\u{201A}", "\u{2122}", "\u{FB01}", "\u{FB02}", "\u{0141}", "\u{0152}", "\u{0160}",
        "\u{0178}", "\u{017D}", "\u{0131}", "\u{0142}", "\u{0153}", "\u{0161}", "\u{017E}", nil, "\u{20AC}",
    ]
}
