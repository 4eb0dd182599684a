/// Turns a message into the bytes sent after DATA: every line ended by CRLF (bare LF and CR become CRLF), a dot at
/// the start of a line doubled (RFC 5321 § 4.5.2), and the terminating "CRLF . CRLF".
enum SMTPDataEncoding {
    static func encode(_ message: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(message.count + message.count / 50 + 5)
        var atLineStart = true
        var index = 0
        while index < message.count {
            let byte = message[index]
            switch byte {
            case UInt8(ascii: "\r"):
                out += [13, 10]
                // A CRLF pair is one line end, not two.
                if index + 1 < message.count, message[index + 1] == 10 { index += 1 }
                atLineStart = true
            case UInt8(ascii: "\n"):
                out += [13, 10]
                atLineStart = true
            default:
                if atLineStart, byte == UInt8(ascii: ".") { out.append(byte) }
                out.append(byte)
                atLineStart = false
            }
            index += 1
        }
        if !atLineStart { out += [13, 10] }
        out += [UInt8(ascii: "."), 13, 10]
        return out
    }

    /// Whether any byte needs 8BITMIME (or SMTPUTF8) to travel unchanged.
    static func hasEightBitBytes(_ message: [UInt8]) -> Bool {
        message.contains { $0 >= 0x80 }
    }
}
