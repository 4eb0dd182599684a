import KontorCore

/// The fast camt reader: a byte scanner over UTF-8 XML that feeds `CamtCollector` directly.
///
/// Foundation's `XMLParser` on Linux turns every element name, attribute and text run into Swift strings through
/// libxml2 callbacks, which costs seconds for 100,000 entries. This scanner reads the bytes itself and only makes
/// strings of element names and of the text that elements end with.
///
/// It understands just the XML that banks write camt in: the XML declaration (version 1.0, UTF-8), comments,
/// white space, start and end tags with namespace prefixes and attributes, text with the five predefined entities
/// and character references. Anything else — DOCTYPE, CDATA, processing instructions, another encoding, an
/// unknown entity, a tag that does not match, a truncated file, invalid UTF-8, an error the collector reports, and
/// whatever libxml2 might so much as warn about — makes it decline: `parse` returns nil and `CamtParser` reads the
/// file with `XMLParser`, so every error (with its line and column) and every unusual file is handled as before.
/// When it returns statements, they are the ones `XMLParser` would have produced.
struct CamtScanner {
    /// Thrown inside the scanner for anything it does not handle; `parse` turns it into nil.
    fileprivate struct Decline: Error {}

    /// An attribute of the start tag being read, as offsets into the input.
    fileprivate struct Attribute {
        var name: Int
        /// The offset of the colon in a prefixed name, else nil.
        var colon: Int?
        var nameEnd: Int
        var value: Int
        var valueEnd: Int

        /// The offset of the local name.
        var local: Int { colon.map { $0 + 1 } ?? name }
    }

    /// An open element: where its qualified name is in the input (to check the end tag against) and how many
    /// namespace prefixes it declared.
    fileprivate struct OpenElement {
        var name: Int
        var length: Int
        var declared: Int
    }

    /// A namespace prefix in scope, as offsets into the input.
    fileprivate struct Binding {
        var prefix: Int
        var prefixEnd: Int
        var value: Int
        var valueEnd: Int
    }

    /// The deepest nesting accepted; a deeper file is declined, and `XMLParser` (through `CamtHandler`) then
    /// refuses it with the line where the limit is passed.
    private static let maximumDepth = InputLimits.xmlDepth
    /// The longest text run, tag or comment accepted; libxml2 gives up on 10 MB it has to hold at once.
    fileprivate static let maximumRun = 1 << 20

    private let input: ScannerInput
    private var collector: CamtCollector

    /// The line being read (1-based, counting LF as libxml2 does); line breaks are counted where white space is
    /// skipped.
    private var line = 1

    private var open: [OpenElement] = []
    /// Prefixes in scope, innermost last.
    private var bindings: [Binding] = []
    private var attributes: [Attribute] = []
    /// Element names made into strings, by their bytes; the same few dozen names make up every camt file.
    private var names = NameCache()
    /// The decoded text since the last tag, once an entity, a line break or a comment made the raw bytes unusable.
    private var text: [UInt8] = []

    /// The mapping `input` reads, when the scanner may hand back the pages it has read (see `MappedFile`).
    private let mapped: MappedFile?
    /// Where the scanner stood when it last handed back pages.
    private var releasedUpTo = 0

    private init(input: ScannerInput, collector: CamtCollector, mapped: MappedFile?) {
        self.input = input
        self.collector = collector
        self.mapped = mapped
    }

    /// The statements of the camt file mapped by `file`, handing back its pages as they are read.
    static func parse(
        _ mapped: MappedFile, file: String, progress: ProgressCounter, sink: EntrySink? = nil
    ) -> [BankStatement]? {
        parse(mapped.bytes, file: file, progress: progress, mapped: mapped, sink: sink)
    }

    /// The statements of the camt document in `buffer`, or nil when the scanner declines (see the type).
    /// With a `sink`, the entries go there as they are read (an error the sink throws makes the scanner decline).
    static func parse(
        _ buffer: UnsafeRawBufferPointer, file: String, progress: ProgressCounter, mapped: MappedFile? = nil,
        sink: EntrySink? = nil
    ) -> [BankStatement]? {
        buffer.withMemoryRebound(to: UInt8.self) { bytes in
            ScannerInput.classes.withUnsafeBufferPointer { classes in
                guard let base = bytes.baseAddress, !bytes.isEmpty, let classes = classes.baseAddress else {
                    return nil
                }
                let input = ScannerInput(bytes: base, count: bytes.count, classes: classes)
                var collector = CamtCollector(file: file, progress: progress)
                collector.sink = sink
                var scanner = CamtScanner(input: input, collector: collector, mapped: mapped)
                return try? scanner.document()
            }
        }
    }

    // MARK: Document

    private mutating func document() throws(Decline) -> [BankStatement] {
        var i = 0
        if input.at(0) == 0xEF && input.at(1) == 0xBB && input.at(2) == 0xBF { i = 3 }
        if input.matches(i, "<?xml") && ScannerInput.isSpace(input.at(i + 5)) { i = try input.declaration(i + 5) }
        i = try input.misc(i)
        // A DOCTYPE, CDATA or processing instruction fails in `startTag`: `<!` and `<?` do not start a name.
        guard input.at(i) == UInt8(ascii: "<") else { throw Decline() }
        line += input.lineBreaks(from: 0, to: i)
        i = try content(i)
        i = try input.misc(i)
        guard i == input.count, collector.rootClosed, collector.messageType != nil else { throw Decline() }
        return collector.statements
    }

    /// Reads the root element from its `<` to the end of its end tag.
    private mutating func content(_ start: Int) throws(Decline) -> Int {
        // A local copy: `self` may change in every call below, so its `input` would be loaded again each time.
        let input = input
        let bytes = input.bytes
        let classes = input.classes
        let raw = UnsafeRawPointer(bytes)
        var i = start
        var segment = start  // start of the raw text not yet copied to `text`
        var runStart = start  // start of the text since the last tag
        var buffered = false  // whether `text` holds the beginning of the text since the last tag
        while true {
            var byteClass = classes[Int(input.at(i))]
            while byteClass == ByteClass.plain {
                i += 1
                byteClass = classes[Int(input.at(i))]
            }
            switch byteClass {
            case ByteClass.lineFeed:
                line += 1
                i += 1
                // Indentation of pretty-printed files, eight spaces at a time.
                let spaces: UInt64 = 0x2020_2020_2020_2020
                while i + 8 <= input.count, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) == spaces { i += 8 }
            case ByteClass.tag:
                guard i - runStart < Self.maximumRun else { throw Decline() }
                let next = input.at(i + 1)
                if next == UInt8(ascii: "/") {
                    i = try endTag(i + 2, text: segment, textEnd: i, buffered: buffered)
                } else if next == UInt8(ascii: "!") {
                    guard input.at(i + 2) == UInt8(ascii: "-") && input.at(i + 3) == UInt8(ascii: "-") else {
                        throw Decline()
                    }
                    // The text around a comment is one text to XMLParser: keep what came before it.
                    buffer(from: segment, to: i, buffered: &buffered)
                    let end = try input.comment(i + 4)
                    line += input.lineBreaks(from: i, to: end)
                    i = end
                    segment = i
                    continue
                } else {
                    i = try startTag(i + 1)
                }
                if open.isEmpty { return i }
                segment = i
                runStart = i
                buffered = false
            case ByteClass.reference:
                buffer(from: segment, to: i, buffered: &buffered)
                i = try reference(i + 1)
                segment = i
            case ByteClass.carriageReturn:
                // XML reads CR LF as LF. A lone CR is declined: libxml2 does not count it as a line.
                guard input.at(i + 1) == 0x0A else { throw Decline() }
                buffer(from: segment, to: i, buffered: &buffered)
                i += 1
                segment = i
            case ByteClass.greaterThan:
                // `]]>` is not allowed in text.
                guard !(bytes[i - 1] == UInt8(ascii: "]") && bytes[i - 2] == UInt8(ascii: "]")) else {
                    throw Decline()
                }
                i += 1
            case ByteClass.multiByte:
                i += try input.utf8Length(i)
            default:
                throw Decline()
            }
        }
    }

    /// Copies the raw text `start..<end` to `text`, starting `text` afresh if it does not hold the current text yet.
    private mutating func buffer(from start: Int, to end: Int, buffered: inout Bool) {
        if !buffered {
            text.removeAll(keepingCapacity: true)
            buffered = true
        }
        text.append(contentsOf: UnsafeBufferPointer(start: input.bytes + start, count: end - start))
    }

    /// Decodes an entity or character reference after its `&` into `text`; returns the offset after its `;`.
    private mutating func reference(_ start: Int) throws(Decline) -> Int {
        guard input.at(start) == UInt8(ascii: "#") else {
            let (byte, next) = try input.entity(start)
            text.append(byte)
            return next
        }
        var i = start + 1
        var value: UInt32 = 0
        var digits = 0
        let hex = input.at(i) == UInt8(ascii: "x")
        if hex { i += 1 }
        while true {
            let byte = input.at(i)
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: digit = 16
            }
            if digit == 16 { break }
            value = value * (hex ? 16 : 10) + digit
            guard value <= 0x10FFFF else { throw Decline() }
            digits += 1
            i += 1
        }
        guard digits > 0, input.at(i) == UInt8(ascii: ";"), ScannerInput.isXMLCharacter(value),
            let scalar = Unicode.Scalar(value)
        else { throw Decline() }
        text.append(contentsOf: String(scalar).utf8)
        return i + 1
    }

    // MARK: Tags

    /// Reads a start tag after its `<`; returns the offset after its `>`.
    private mutating func startTag(_ start: Int) throws(Decline) -> Int {
        let (nameEnd, colon) = try input.name(start)
        var i = nameEnd
        if !attributes.isEmpty { attributes.removeAll(keepingCapacity: true) }
        var selfClosing = false
        while true {
            let spaced = ScannerInput.isSpace(input.at(i))
            let afterSpace = try input.skipSpace(i)
            countLines(from: i, to: afterSpace)
            i = afterSpace
            let byte = input.at(i)
            if byte == UInt8(ascii: ">") { break }
            if byte == UInt8(ascii: "/") {
                guard input.at(i + 1) == UInt8(ascii: ">") else { throw Decline() }
                selfClosing = true
                break
            }
            // libxml2 wants white space between attributes.
            guard spaced, attributes.count < 64 else { throw Decline() }
            let attribute = try input.attribute(i)
            // `="` takes two bytes; more means white space around the `=`.
            if attribute.value - attribute.nameEnd > 2 { countLines(from: attribute.nameEnd, to: attribute.value) }
            attributes.append(attribute)
            i = attribute.valueEnd + 1
        }
        try openElement(name: start, colon: colon, nameEnd: nameEnd, line: line)
        if selfClosing {
            try closeElement(value: "", line: line)
            return i + 2
        }
        return i + 1
    }

    /// Checks the namespaces of the start tag just read and reports the element to the collector.
    private mutating func openElement(name: Int, colon: Int?, nameEnd: Int, line: Int) throws(Decline) {
        guard open.count < Self.maximumDepth else { throw Decline() }
        let isRoot = open.isEmpty
        if attributes.isEmpty && colon == nil && !isRoot {
            // Most elements: no attributes, no prefix, nothing to check.
            open.append(OpenElement(name: name, length: nameEnd - name, declared: 0))
            let local = names.string(input, name, nameEnd)
            do {
                try collector.startElement(local, namespaceURI: nil, line: line) { _ in nil }
            } catch {
                throw Decline()
            }
            return
        }
        // Declarations first: they apply to the element's own name and attributes.
        var declared = 0
        var defaultNamespace: Attribute?
        for attribute in attributes {
            if attribute.colon == nil, input.equal(attribute.name, attribute.nameEnd, "xmlns") {
                guard defaultNamespace == nil else { throw Decline() }
                try input.checkNamespaceName(attribute.value, attribute.valueEnd)
                defaultNamespace = attribute
            } else if let colon = attribute.colon, input.equal(attribute.name, colon, "xmlns") {
                let prefix = colon + 1
                guard !input.equal(prefix, attribute.nameEnd, "xml"), !input.equal(prefix, attribute.nameEnd, "xmlns"),
                    !bindings.suffix(declared).contains(where: {
                        input.same($0.prefix, $0.prefixEnd, prefix, attribute.nameEnd)
                    })
                else { throw Decline() }
                try input.checkNamespaceName(attribute.value, attribute.valueEnd)
                bindings.append(
                    Binding(
                        prefix: prefix, prefixEnd: attribute.nameEnd, value: attribute.value,
                        valueEnd: attribute.valueEnd))
                declared += 1
            }
        }
        open.append(OpenElement(name: name, length: nameEnd - name, declared: declared))

        // The root's namespace names the message; other elements are read by local name only.
        var namespace: (start: Int, end: Int)?
        if let colon {
            guard let binding = input.binding(name, colon, in: bindings) else { throw Decline() }
            namespace = (binding.value, binding.valueEnd)
        } else if let defaultNamespace {
            namespace = (defaultNamespace.value, defaultNamespace.valueEnd)
        }

        for (index, attribute) in attributes.enumerated() where !input.isDeclaration(attribute) {
            // Prefixes must be declared. `xml:` needs none, but libxml2 checks the values of `xml:lang` and
            // `xml:space`, and camt has no use for them.
            if let colon = attribute.colon {
                guard input.binding(attribute.name, colon, in: bindings) != nil else { throw Decline() }
            }
            // Two attributes with one local name may be a duplicate to libxml2 (same namespace): decline them all.
            for other in attributes[(index + 1)...] where !input.isDeclaration(other) {
                if input.same(attribute.local, attribute.nameEnd, other.local, other.nameEnd) { throw Decline() }
            }
        }

        var namespaceURI: String?
        if isRoot {
            namespaceURI = namespace.map { input.string($0.start, $0.end) }
            // XMLParser reports the root's declarations in dictionary order; the collector takes the first that may
            // name the message when the root has no namespace, so more than one such candidate is ambiguous.
            var candidates: Set<String> = []
            for attribute in attributes where input.isDeclaration(attribute) {
                let uri = input.string(attribute.value, attribute.valueEnd)
                collector.declareNamespace(uri)
                if CamtCollector.mayNameMessage(uri) { candidates.insert(uri) }
            }
            if namespaceURI == nil && candidates.count > 1 { throw Decline() }
        }

        let local = names.string(input, colon.map { $0 + 1 } ?? name, nameEnd)
        do {
            if attributes.isEmpty {
                try collector.startElement(local, namespaceURI: namespaceURI, line: line) { _ in nil }
            } else {
                let reader = input
                let attributes = attributes
                try collector.startElement(local, namespaceURI: namespaceURI, line: line) { wanted in
                    reader.value(of: wanted, in: attributes)
                }
            }
        } catch {
            throw Decline()
        }
    }

    /// Reads an end tag after its `</`; `segment..<textEnd` is the raw text since the last tag, or its rest after
    /// what is already in `text` when `buffered`.
    private mutating func endTag(_ start: Int, text segment: Int, textEnd: Int, buffered: Bool) throws(Decline) -> Int {
        guard let element = open.last, start + element.length <= input.count,
            input.same(start, start + element.length, element.name, element.name + element.length)
        else { throw Decline() }
        let length = element.length
        let i = try input.skipSpace(start + length)
        countLines(from: start + length, to: i)
        // A longer name (or a different prefix) leaves something else than `>` here.
        guard input.at(i) == UInt8(ascii: ">") else { throw Decline() }
        let rest = UnsafeBufferPointer(start: input.bytes + segment, count: textEnd - segment)
        let value: String
        if buffered {
            text.append(contentsOf: rest)
            value = text.withUnsafeBufferPointer { ScannerInput.trimmedString($0) }
        } else {
            value = ScannerInput.trimmedString(rest)
        }
        try closeElement(value: value, line: line)
        if let mapped, i - releasedUpTo >= 8 << 20 {
            // Every 8 MB: what lies behind is read (open elements' names there are read again from the file).
            mapped.release(before: i)
            releasedUpTo = i
        }
        return i + 1
    }

    private mutating func closeElement(value: String, line: Int) throws(Decline) {
        do {
            try collector.endElement(value: value, line: line)
        } catch {
            throw Decline()
        }
        let declared = open.removeLast().declared
        if declared > 0 { bindings.removeLast(declared) }
    }

    /// Counts the line breaks in the white space skipped in a tag; none or a single space is the usual case.
    private mutating func countLines(from start: Int, to end: Int) {
        if end == start || (end == start + 1 && input.bytes[start] == 0x20) { return }
        line += input.lineBreaks(from: start, to: end)
    }
}

/// Strings of element names for `CamtScanner`, kept by the bytes of names of up to 16 bytes: making a string
/// anew for each of the millions of tags in a large file costs more than finding it here.
private struct NameCache {
    /// A name's bytes in two words (little-endian, zero beyond its length), its length and its string.
    private struct Slot {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var length = -1
        var string = ""
    }

    private static let size = 256
    private var slots = [Slot](repeating: Slot(), count: NameCache.size)

    mutating func string(_ input: ScannerInput, _ start: Int, _ end: Int) -> String {
        let length = end - start
        guard length <= 16 else { return input.string(start, end) }
        var low: UInt64 = 0
        var high: UInt64 = 0
        if start + 16 <= input.count {
            // Two loads, cut to the name's length: the bytes after it belong to the tag.
            let raw = UnsafeRawPointer(input.bytes + start)
            low = raw.loadUnaligned(as: UInt64.self)
            high = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
            if length < 8 {
                low &= (1 << (8 * UInt64(length))) - 1
                high = 0
            } else if length < 16 {
                high &= (1 << (8 * UInt64(length - 8))) - 1
            }
        } else {
            for index in 0..<length {
                let byte = UInt64(input.bytes[start + index])
                if index < 8 { low |= byte << (8 * index) } else { high |= byte << (8 * (index - 8)) }
            }
        }
        let slot = Int(truncatingIfNeeded: ((low ^ (high &* 31) ^ UInt64(length)) &* 0x9E37_79B9_7F4A_7C15) >> 56)
        if slots[slot].length == length && slots[slot].low == low && slots[slot].high == high {
            return slots[slot].string
        }
        let string = input.string(start, end)
        slots[slot] = Slot(low: low, high: high, length: length, string: string)
        return string
    }
}

/// Byte classes of element content for `CamtScanner`: what the hot loop must look at more closely.
private enum ByteClass {
    static let plain: UInt8 = 0
    static let lineFeed: UInt8 = 7
    static let tag: UInt8 = 1
    static let reference: UInt8 = 2
    static let carriageReturn: UInt8 = 3
    static let greaterThan: UInt8 = 4
    static let multiByte: UInt8 = 5
    static let invalid: UInt8 = 6
}

/// The bytes `CamtScanner` reads and everything that can be read from them without its state. It is a separate
/// small value so that the many little reads do not copy the scanner, collector and all, on every call.
private struct ScannerInput {
    typealias Decline = CamtScanner.Decline

    let bytes: UnsafePointer<UInt8>
    let count: Int
    /// `ScannerInput.classes`, as a pointer for the hot loops (no bounds checks, no lazy-global access).
    let classes: UnsafePointer<UInt8>

    /// The `ByteClass` of every byte value, then (from 256 on) `nameStart` and `nameCharacter` flags for each.
    static let classes: [UInt8] =
        (0..<256).map { (byte: Int) -> UInt8 in
            switch byte {
            case 0x3C: return ByteClass.tag
            case 0x26: return ByteClass.reference
            case 0x0D: return ByteClass.carriageReturn
            case 0x3E: return ByteClass.greaterThan
            case 0x0A: return ByteClass.lineFeed
            case 0x09, 0x20..<0x80: return ByteClass.plain
            case 0x80...: return ByteClass.multiByte
            default: return ByteClass.invalid  // control characters, and NUL, which `at` returns past the end
            }
        }
        + (0..<256).map { (byte: Int) -> UInt8 in
            switch UInt8(byte) {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"):
                return nameStart | nameCharacter
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."): return nameCharacter
            default: return 0
            }
        }
    private static let nameStart: UInt8 = 1
    private static let nameCharacter: UInt8 = 2

    /// The byte at `offset`, or 0 past the end; 0 is invalid everywhere, so a truncated file declines.
    @inline(__always) func at(_ offset: Int) -> UInt8 {
        offset < count ? bytes[offset] : 0
    }

    // MARK: Outside the root element

    /// Reads `version="1.0" encoding="UTF-8" standalone="yes"?>` after `<?xml `; only UTF-8 is accepted because
    /// the scanner reads the bytes as UTF-8, and only version 1.0 because libxml2 warns about others.
    func declaration(_ start: Int) throws(Decline) -> Int {
        var i = try skipSpace(start)
        guard matches(i, "version") else { throw Decline() }
        var value = try pseudoAttribute(i + 7)
        guard equal(value.start, value.end, "1.0") else { throw Decline() }
        var spaced = Self.isSpace(at(value.next))
        i = try skipSpace(value.next)
        if matches(i, "encoding") {
            guard spaced else { throw Decline() }
            value = try pseudoAttribute(i + 8)
            guard equal(value.start, value.end, "utf-8", ignoringCase: true) else { throw Decline() }
            spaced = Self.isSpace(at(value.next))
            i = try skipSpace(value.next)
        }
        if matches(i, "standalone") {
            guard spaced else { throw Decline() }
            value = try pseudoAttribute(i + 10)
            guard equal(value.start, value.end, "yes") || equal(value.start, value.end, "no") else { throw Decline() }
            i = try skipSpace(value.next)
        }
        guard at(i) == UInt8(ascii: "?") && at(i + 1) == UInt8(ascii: ">") else { throw Decline() }
        return i + 2
    }

    /// `= "value"` of the XML declaration, with plain ASCII values only.
    private func pseudoAttribute(_ start: Int) throws(Decline) -> (start: Int, end: Int, next: Int) {
        var i = try skipSpace(start)
        guard at(i) == UInt8(ascii: "=") else { throw Decline() }
        i = try skipSpace(i + 1)
        let quote = at(i)
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { throw Decline() }
        var end = i + 1
        while Self.isNameCharacter(at(end)) { end += 1 }
        guard at(end) == quote else { throw Decline() }
        return (i + 1, end, end + 1)
    }

    /// White space and comments before or after the root element.
    func misc(_ start: Int) throws(Decline) -> Int {
        var i = start
        while true {
            i = try skipSpace(i)
            guard matches(i, "<!--") else { return i }
            i = try comment(i + 4)
        }
    }

    /// Skips a comment whose `<!--` ends at `start`; returns the offset after `-->`.
    func comment(_ start: Int) throws(Decline) -> Int {
        var i = start
        while true {
            let byte = at(i)
            if byte == UInt8(ascii: "-") {
                if at(i + 1) == UInt8(ascii: "-") {
                    // `--` must end the comment; libxml2 reports it anywhere else.
                    guard at(i + 2) == UInt8(ascii: ">") else { throw Decline() }
                    return i + 3
                }
                i += 1
            } else if byte >= 0x80 {
                i += try utf8Length(i)
            } else if byte >= 0x20 || byte == 0x0A || byte == 0x09 {
                i += 1
            } else if byte == 0x0D && at(i + 1) == 0x0A {
                i += 1
            } else {
                throw Decline()
            }
            guard i - start < CamtScanner.maximumRun else { throw Decline() }
        }
    }

    // MARK: Tags

    /// Scans a name of ASCII letters, digits, `_`, `-` and `.` with at most one colon inside.
    func name(_ start: Int) throws(Decline) -> (end: Int, colon: Int?) {
        let names = classes + 256
        guard names[Int(at(start))] & Self.nameStart != 0 else { throw Decline() }
        var i = start + 1
        var colon: Int?
        while true {
            let byte = at(i)
            if names[Int(byte)] & Self.nameCharacter != 0 {
                i += 1
            } else if byte == UInt8(ascii: ":"), colon == nil, names[Int(at(i + 1))] & Self.nameStart != 0 {
                colon = i
                i += 2
            } else {
                break
            }
        }
        guard i - start < 1000 else { throw Decline() }
        return (i, colon)
    }

    /// Reads `name="value"` at `start`; the value ends at the closing quote (`valueEnd`).
    func attribute(_ start: Int) throws(CamtScanner.Decline) -> CamtScanner.Attribute {
        let (nameEnd, colon) = try name(start)
        var i = try skipSpace(nameEnd)
        guard at(i) == UInt8(ascii: "=") else { throw Decline() }
        i = try skipSpace(i + 1)
        let quote = at(i)
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { throw Decline() }
        let value = i + 1
        i = value
        while true {
            let byte = at(i)
            if byte == quote { break }
            // Entities, and tabs or line breaks (which XML turns into spaces), do not occur in camt attributes.
            if byte >= 0x80 {
                i += try utf8Length(i)
            } else if byte >= 0x20 && byte != UInt8(ascii: "<") && byte != UInt8(ascii: "&") {
                i += 1
            } else {
                throw Decline()
            }
        }
        guard i - value < CamtScanner.maximumRun else { throw Decline() }
        return CamtScanner.Attribute(name: start, colon: colon, nameEnd: nameEnd, value: value, valueEnd: i)
    }

    /// The byte one of the five predefined entities stands for, after its `&`, and the offset after its `;`.
    func entity(_ start: Int) throws(Decline) -> (byte: UInt8, next: Int) {
        if matches(start, "amp;") { return (UInt8(ascii: "&"), start + 4) }
        if matches(start, "lt;") { return (UInt8(ascii: "<"), start + 3) }
        if matches(start, "gt;") { return (UInt8(ascii: ">"), start + 3) }
        if matches(start, "quot;") { return (UInt8(ascii: "\""), start + 5) }
        if matches(start, "apos;") { return (UInt8(ascii: "'"), start + 5) }
        throw Decline()
    }

    func skipSpace(_ start: Int) throws(Decline) -> Int {
        var i = start
        while true {
            let byte = at(i)
            if byte == 0x20 || byte == 0x0A || byte == 0x09 {
                i += 1
            } else if byte == 0x0D {
                guard at(i + 1) == 0x0A else { throw Decline() }
                i += 1
            } else {
                return i
            }
        }
    }

    /// The number of LF bytes in `start..<end`.
    func lineBreaks(from start: Int, to end: Int) -> Int {
        var lines = 0
        var i = start
        // Eight bytes at a time: a byte of `word ^ 0x0A…` is zero where the input has LF. Adding 0x7F to the low
        // seven bits sets the high bit of every non-zero byte without carrying into the next one; the multiply
        // adds up the resulting 0/1 bytes in the top byte (cheaper than a bit count on CPUs without POPCNT).
        let raw = UnsafeRawPointer(bytes)
        while i + 8 <= end {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ 0x0A0A_0A0A_0A0A_0A0A
            let nonZero = ((word & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | word
            let zeros = (~nonZero & 0x8080_8080_8080_8080) >> 7
            lines &+= Int(truncatingIfNeeded: (zeros &* 0x0101_0101_0101_0101) >> 56)
            i += 8
        }
        while i < end {
            lines &+= bytes[i] == 0x0A ? 1 : 0
            i += 1
        }
        return lines
    }

    /// The length of the UTF-8 sequence at `offset`; declines on invalid sequences and non-characters XML forbids.
    func utf8Length(_ offset: Int) throws(Decline) -> Int {
        let lead = at(offset)
        func continuation(_ index: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) throws(Decline) {
            guard range.contains(at(offset + index)) else { throw Decline() }
        }
        switch lead {
        case 0xC2...0xDF:
            try continuation(1)
            return 2
        case 0xE0...0xEF:
            try continuation(1, lead == 0xE0 ? 0xA0...0xBF : lead == 0xED ? 0x80...0x9F : 0x80...0xBF)
            try continuation(2)
            // U+FFFE and U+FFFF are not XML characters.
            guard !(lead == 0xEF && at(offset + 1) == 0xBF && at(offset + 2) >= 0xBE) else { throw Decline() }
            return 3
        case 0xF0...0xF4:
            try continuation(1, lead == 0xF0 ? 0x90...0xBF : lead == 0xF4 ? 0x80...0x8F : 0x80...0xBF)
            try continuation(2)
            try continuation(3)
            return 4
        default:
            throw Decline()
        }
    }

    // MARK: Namespaces

    func isDeclaration(_ attribute: CamtScanner.Attribute) -> Bool {
        equal(attribute.name, attribute.colon ?? attribute.nameEnd, "xmlns")
    }

    /// The binding of the prefix `start..<end` in scope, innermost first.
    func binding(_ start: Int, _ end: Int, in bindings: [CamtScanner.Binding]) -> CamtScanner.Binding? {
        bindings.last { same($0.prefix, $0.prefixEnd, start, end) }
    }

    /// Accepts only namespace names libxml2 takes without a word: absolute URIs of plain characters
    /// (`urn:iso:std:iso:20022:tech:xsd:camt.053.001.08`, `http://www.w3.org/2001/XMLSchema-instance`).
    func checkNamespaceName(_ start: Int, _ end: Int) throws(Decline) {
        guard end > start, end - start < 1000, Self.isLetter(bytes[start]) else { throw Decline() }
        var i = start + 1
        while i < end, Self.isLetter(bytes[i]) || Self.isDigit(bytes[i]) || "+-.".utf8.contains(bytes[i]) { i += 1 }
        guard i < end, bytes[i] == UInt8(ascii: ":") else { throw Decline() }
        i += 1
        if i + 1 < end, bytes[i] == UInt8(ascii: "/"), bytes[i + 1] == UInt8(ascii: "/") {
            // An authority: a plain host name, no user or port.
            i += 2
            let host = i
            while i < end, bytes[i] != UInt8(ascii: "/") {
                guard Self.isUnreserved(bytes[i]) else { throw Decline() }
                i += 1
            }
            guard i > host else { throw Decline() }
        }
        while i < end {
            guard Self.isUnreserved(bytes[i]) || bytes[i] == UInt8(ascii: "/") || bytes[i] == UInt8(ascii: ":") else {
                throw Decline()
            }
            i += 1
        }
        // The XML and XMLNS namespace names may not be bound to other prefixes.
        guard !equal(start, end, "http://www.w3.org/XML/1998/namespace"),
            !equal(start, end, "http://www.w3.org/2000/xmlns/")
        else { throw Decline() }
    }

    /// The value of the attribute without prefix called `name`.
    func value(of name: String, in attributes: [CamtScanner.Attribute]) -> String? {
        var name = name
        return name.withUTF8 { wanted in
            for attribute in attributes where attribute.colon == nil {
                let name = UnsafeBufferPointer(start: bytes + attribute.name, count: attribute.nameEnd - attribute.name)
                if name.elementsEqual(wanted) { return string(attribute.value, attribute.valueEnd) }
            }
            return nil
        }
    }

    // MARK: Comparing and converting

    func matches(_ offset: Int, _ literal: StaticString) -> Bool {
        let pointer = literal.utf8Start
        for index in 0..<literal.utf8CodeUnitCount where at(offset + index) != pointer[index] { return false }
        return true
    }

    func equal(_ start: Int, _ end: Int, _ literal: StaticString, ignoringCase: Bool = false) -> Bool {
        guard end - start == literal.utf8CodeUnitCount else { return false }
        let pointer = literal.utf8Start
        for index in 0..<(end - start) {
            var byte = bytes[start + index]
            if ignoringCase && byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte += 32 }
            if byte != pointer[index] { return false }
        }
        return true
    }

    func same(_ start: Int, _ end: Int, _ otherStart: Int, _ otherEnd: Int) -> Bool {
        let length = end - start
        guard length == otherEnd - otherStart else { return false }
        let raw = UnsafeRawPointer(bytes)
        var index = 0
        while index + 8 <= length {
            let word = raw.loadUnaligned(fromByteOffset: start + index, as: UInt64.self)
            if word != raw.loadUnaligned(fromByteOffset: otherStart + index, as: UInt64.self) { return false }
            index += 8
        }
        while index < length {
            if bytes[start + index] != bytes[otherStart + index] { return false }
            index += 1
        }
        return true
    }

    func string(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: bytes + start, count: end - start), as: UTF8.self)
    }

    /// The text as `TextNormal.trim` leaves it (spaces, tabs, line breaks and NBSP off both ends).
    static func trimmedString(_ text: UnsafeBufferPointer<UInt8>) -> String {
        guard let first = text.first, let last = text.last else { return "" }
        if first > 0x20 && first != 0xC2 && last > 0x20 && last != 0xA0 {
            // Nothing to trim (the usual value).
            return String(decoding: text, as: UTF8.self)
        }
        var start = 0
        var end = text.count
        while start < end {
            let byte = text[start]
            if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                start += 1
            } else if byte == 0xC2 && start + 1 < end && text[start + 1] == 0xA0 {
                start += 2
            } else {
                break
            }
        }
        while end > start {
            let byte = text[end - 1]
            if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                end -= 1
            } else if byte == 0xA0 && end - 2 >= start && text[end - 2] == 0xC2 {
                // A0 is a continuation byte and C2 a lead byte, so the pair is always U+00A0.
                end -= 2
            } else {
                break
            }
        }
        guard end > start else { return "" }
        return String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self)
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    static func isNameStart(_ byte: UInt8) -> Bool {
        isLetter(byte) || byte == UInt8(ascii: "_")
    }

    static func isNameCharacter(_ byte: UInt8) -> Bool {
        isNameStart(byte) || isDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }

    static func isUnreserved(_ byte: UInt8) -> Bool {
        isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
    }

    static func isXMLCharacter(_ value: UInt32) -> Bool {
        switch value {
        case 0x09, 0x0A, 0x0D, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
