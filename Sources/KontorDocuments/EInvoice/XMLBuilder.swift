/// Writes indented XML as UTF-8 bytes into one growing buffer, with every text value escaped, so a customer called
/// `Müller & <Söhne>` can never break the document.
///
/// Element names and attributes are `StaticString`s: they are Kontor's own constants and need no escaping, and
/// copying their bytes costs less than building a `String` per tag. Numbers and dates are written as digits
/// straight into the buffer (`appendFixed`, `appendInteger`): the writer runs for every e-invoice, and the
/// strings that `description` and interpolation made for each amount cost more than the rest of the XML.
struct XMLBuilder {
    private(set) var bytes: [UInt8] = []
    private var depth = 0
    /// Deeper elements are indented as deep as this (as the string writer did).
    private static let maximumIndent = 31

    init() {
        bytes.reserveCapacity(16_384)
        append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
    }

    /// The document as text.
    ///
    /// The bytes are valid UTF-8 by construction: constants are `StaticString`s, numbers ASCII digits, and text is
    /// copied from a `String`'s UTF-8 in runs that end only at ASCII bytes. So they become the string without a
    /// second validation, which cost a third of writing the document (`String(decoding:)` checks byte by byte).
    var text: String {
        assert(String(validating: bytes, as: UTF8.self) != nil, "XMLBuilder wrote invalid UTF-8")
        if #available(macOS 26, *) {
            return String(copying: unsafe UTF8Span(unchecked: bytes.span))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: - Structure

    /// An element with children written by `body`; `attributes` is written as it is (` name="value"`…).
    mutating func element(_ name: StaticString, _ attributes: StaticString = "", _ body: (inout XMLBuilder) -> Void) {
        openTag(name, attributes)
        bytes.append(0x0A)
        depth += 1
        body(&self)
        depth -= 1
        indent()
        closeTag(name)
    }

    /// An element with text content, escaped.
    mutating func leaf(_ name: StaticString, _ value: String, _ attributes: StaticString = "") {
        openTag(name, attributes)
        appendEscaped(value)
        closeTag(name)
    }

    /// An element with text content, or nothing when the value is nil or empty.
    mutating func optionalLeaf(_ name: StaticString, _ value: String?, _ attributes: StaticString = "") {
        if let value, !value.isEmpty { leaf(name, value, attributes) }
    }

    /// An element with constant text content (a code, a keyword), written as it is.
    mutating func leaf(_ name: StaticString, constant value: StaticString) {
        openTag(name, "")
        append(value)
        closeTag(name)
    }

    /// An element whose content `content` writes with the `append` functions (which escape only `appendEscaped`).
    mutating func leaf(
        _ name: StaticString, _ attributes: StaticString = "", content: (inout XMLBuilder) -> Void
    ) {
        openTag(name, attributes)
        content(&self)
        closeTag(name)
    }

    /// An amount with two decimals (`1190.00`, `-5.00`), as `Money.decimalString` writes it.
    mutating func leaf(_ name: StaticString, cents: Int64, _ attributes: StaticString = "") {
        openTag(name, attributes)
        appendFixed(cents, scale: 2, minimumFraction: 2)
        closeTag(name)
    }

    /// A whole number.
    mutating func leaf(_ name: StaticString, integer: Int64) {
        openTag(name, "")
        appendInteger(integer)
        closeTag(name)
    }

    private mutating func openTag(_ name: StaticString, _ attributes: StaticString) {
        indent()
        bytes.append(0x3C)  // <
        append(name)
        append(attributes)
        bytes.append(0x3E)  // >
    }

    private mutating func closeTag(_ name: StaticString) {
        bytes.append(0x3C)
        bytes.append(0x2F)  // </
        append(name)
        bytes.append(0x3E)
        bytes.append(0x0A)
    }

    private mutating func indent() {
        bytes.append(contentsOf: Self.spaces[0..<2 * min(depth, Self.maximumIndent)])
    }

    /// Enough spaces for the deepest indentation, copied from in one piece.
    private static let spaces = [UInt8](repeating: 0x20, count: 2 * maximumIndent)

    // MARK: - Content

    /// Constant text, as it is.
    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// `value` with the five XML special characters escaped and the control characters XML 1.0 does not allow
    /// dropped (tab, line feed and carriage return stay). Byte by byte: all of these are ASCII, which never occurs
    /// inside a multi-byte UTF-8 sequence, so the other characters' bytes are copied as they are, in runs.
    mutating func appendEscaped(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            var runStart = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                // One comparison settles most bytes: everything above '>' (lower case, non-ASCII) needs nothing.
                if byte > 0x3E || (byte >= 0x28 && byte != 0x3C && byte != 0x3E)
                    || (byte >= 0x20 && byte < 0x28 && byte != 0x22 && byte != 0x26 && byte != 0x27)
                {
                    continue
                }
                if index > runStart { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
                runStart = index + 1
                switch byte {
                case 0x26: append("&amp;")
                case 0x3C: append("&lt;")
                case 0x3E: append("&gt;")
                case 0x22: append("&quot;")
                case 0x27: append("&apos;")
                case 0x09, 0x0A, 0x0D: bytes.append(byte)
                default: break  // another control character: not allowed in XML 1.0
                }
            }
            if utf8.count > runStart {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
            }
        }
    }

    /// A whole number in decimal digits, with `-` when negative.
    mutating func appendInteger(_ value: Int64) {
        if value < 0 { bytes.append(0x2D) }
        appendDigits(value.magnitude, minimumCount: 1)
    }

    /// `value / 10^scale` with `.` as decimal point and at least `minimumFraction` decimals, trailing zeros beyond
    /// them dropped: what `FixedPoint.format(value, scale:minimumFraction:)` writes (`Money.decimalString`,
    /// `Quantity.description`, `UnitPrice.description`).
    mutating func appendFixed(_ value: Int64, scale: Int, minimumFraction: Int) {
        if value < 0 { bytes.append(0x2D) }
        let magnitude = value.magnitude
        var divisor: UInt64 = 1
        for _ in 0..<scale { divisor *= 10 }
        appendDigits(magnitude / divisor, minimumCount: 1)
        var fraction = magnitude % divisor
        var digits = scale
        while digits > minimumFraction && fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        guard digits > 0 else { return }
        bytes.append(0x2E)  // .
        appendDigits(fraction, minimumCount: digits)
    }

    /// The digits of `value`, zero-padded to `minimumCount`.
    mutating func appendDigits(_ value: UInt64, minimumCount: Int) {
        // 20 digits hold any UInt64; written from the end into a fixed buffer, then copied.
        var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &buffer) { raw in
            var position = raw.count
            var rest = value
            repeat {
                position -= 1
                raw[position] = UInt8(truncatingIfNeeded: 0x30 + rest % 10)
                rest /= 10
            } while rest > 0 || raw.count - position < minimumCount
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[position...]))
        }
    }

    /// Two digits, zero-padded.
    mutating func appendTwoDigits(_ value: Int) {
        bytes.append(UInt8(truncatingIfNeeded: 0x30 + value / 10 % 10))
        bytes.append(UInt8(truncatingIfNeeded: 0x30 + value % 10))
    }
}
