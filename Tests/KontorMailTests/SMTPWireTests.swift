@testable import KontorMail
import Testing

/// The two pieces of the wire format that need no server: replies spread over lines, and the DATA encoding.
@Suite struct SMTPWireTests {
    func assemble(_ lines: [String]) throws -> [SMTPReply] {
        var assembler = SMTPReplyAssembler()
        return try lines.compactMap { line throws(SMTPError) in try assembler.feed(Array(line.utf8)) }
    }

    @Test func multiLineReplyIsOneReply() throws {
        let replies = try assemble(["250-mail.test Hello", "250-SIZE 1000", "250-AUTH=PLAIN LOGIN", "250 8BITMIME"])
        #expect(replies == [SMTPReply(code: 250, lines: ["mail.test Hello", "SIZE 1000", "AUTH=PLAIN LOGIN", "8BITMIME"])])
        let capabilities = SMTPCapabilities(ehlo: replies[0])
        #expect(capabilities.authenticationMechanisms == ["PLAIN", "LOGIN"])
        #expect(capabilities.sizeLimit == 1000)
        #expect(capabilities.offers("8BITMIME") && !capabilities.offers("STARTTLS"))
    }

    @Test func bareCodeIsAReply() throws {
        #expect(try assemble(["354"]) == [SMTPReply(code: 354, lines: [""])])
    }

    @Test(arguments: ["hello", "25", "250x text", "099 zero", "250-a\u{0}", "250-first"])
    func nonSMTPLinesAreMalformed(_ line: String) throws {
        // A continuation that changes its code is malformed too.
        let lines = line == "250-first" ? [line, "251 other"] : [line]
        if line == "250-a\u{0}" {
            #expect(try assemble([line]).isEmpty)  // still waiting for the last line: not an error yet
            return
        }
        #expect(throws: SMTPError.self) { try assemble(lines) }
    }

    @Test func replyClasses() {
        #expect(SMTPReply(code: 451, lines: []).isTemporary)
        #expect(SMTPReply(code: 421, lines: []).isTemporary)
        #expect(SMTPReply(code: 550, lines: []).isPermanent)
        #expect(SMTPReply(code: 250, lines: []).isPositive)
    }

    @Test func dataEncodingNormalisesLineEndsAndStuffsDots() {
        let encoded = SMTPDataEncoding.encode(Array("a\n.b\r\n..c\rd".utf8))
        #expect(String(decoding: encoded, as: UTF8.self) == "a\r\n..b\r\n...c\r\nd\r\n.\r\n")
        #expect(String(decoding: SMTPDataEncoding.encode(Array("x\r\n".utf8)), as: UTF8.self) == "x\r\n.\r\n")
        #expect(String(decoding: SMTPDataEncoding.encode([]), as: UTF8.self) == ".\r\n")
    }
}
