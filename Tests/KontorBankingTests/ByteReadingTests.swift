import Foundation
import KontorCore
import Testing

@testable import KontorBanking
import KontorTestTools

/// The byte readers (MT940 fields and `:86:` subfields, SEPA keywords, CSV records, amounts, dates) read what the
/// character rules read: edge cases by hand, and many generated texts against the character implementations.
struct ByteReadingTests {
    // MARK: SEPA keywords

    @Test func sepaKeywordsInTextOrder() {
        let tags = SEPATags("EREF+RE-2026-0001 MREF+M-17 CRED+DE98ZZZ09999999999 SVWZ+Rechnung  2026-0001")
        #expect(tags.endToEndId == "RE-2026-0001")
        #expect(tags.mandateId == "M-17")
        #expect(tags.creditorId == "DE98ZZZ09999999999")
        #expect(tags.values["SVWZ"] == "Rechnung 2026-0001")
    }

    @Test func sepaKeywordEdgeCases() {
        #expect(SEPATags("EREF+NOTPROVIDED SVWZ+x").endToEndId == nil)
        #expect(SEPATags("Miete Januar").values.isEmpty)
        #expect(SEPATags("EREF+").values.isEmpty)
        // An empty first value does not hide a later one; the first non-empty value wins.
        #expect(SEPATags("EREF+ EREF+A EREF+B").endToEndId == "A")
        // BIC has three letters and is found inside a longer word, as a text search finds it.
        #expect(SEPATags("ABIC+HASPDEHH").values["BIC"] == "HASPDEHH")
        #expect(SEPATags("SVWZ+Müller Straße 5 EREF+Ä-1").endToEndId == "Ä-1")
        #expect(SEPATags("EREF+a\u{00A0}\u{00A0}b").endToEndId == "a b")
    }

    @Test func sepaKeywordFollowedByACombiningMark() {
        // "+" with a combining acute is another character: the character search finds no EREF there.
        let text = "EREF+\u{0301}x MREF+M1"
        #expect(SEPATags(text).values == SEPATags.search(text))
        #expect(SEPATags(text).mandateId == "M1")
    }

    @Test func sepaKeywordsAgreeWithTheCharacterSearch() {
        let pieces = [
            "EREF+", "MREF+", "CRED+", "SVWZ+", "BIC+", "IBAN+", "KREF+", "ABWA+", "COAM+", "OAMT+", "PURP+", "DEBT+",
            "ABWE+", " ", "  ", "+", "EREF", "RE-2026-0001", "Müller", "Ü", "ß", "\u{00A0}", "NOTPROVIDED", "\t", "x",
            "+\u{0301}", "e\u{0301}", "€", "?",
        ]
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<3000 {
            let text = (0..<Int(generator.next() % 9)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }
                .joined()
            #expect(SEPATags(text).values == SEPATags.search(text), "\(text.debugDescription)")
        }
    }

    // MARK: :86: subfields

    @Test func subfieldsOnBytesAgreeWithCharacters() {
        let texts = [
            "166?00GUTSCHRIFT?20Rechnung 2026-07 Übersetzun?21g Straße?32Müller & Söhne GmbH",
            "166?00GUTSCHR.?20Frage?Antwort?30HASPDEHHXXX?31DE89 3704 0044 0532 0130 00?32A",  // a literal "?"
            "166?20EREF+RE-20?2126-0001 SVWZ+Miete?32X",  // a keyword split over two subfields
            "  166?20vorne Leerzeichen",
            "166?20?21?32",  // empty subfields
            "166?20abc?\u{0301}def",  // a combining mark after the separator: not a separator
            "166?2\u{0301}0abc",  // nor digits with a mark a code
            "166?20Überweisung?60Ende?",  // ends with a separator
            "166/20slash/32Name",  // another ASCII separator
            "166§20section?32Name",  // a separator outside ASCII
            "Storno ohne?Struktur",  // unstructured
            "16?20",
            "166",
        ]
        for text in texts {
            let lines = stride(from: 0, to: text.count, by: 27).map { start -> String in
                let from = text.index(text.startIndex, offsetBy: start)
                return String(text[from..<(text.index(from, offsetBy: 27, limitedBy: text.endIndex) ?? text.endIndex)])
            }
            let source = MT940Parser.Source(bytes: Array(lines.joined(separator: "\n").utf8), segments: [])
            var segments: [Range<Int>] = []
            var offset = 0
            for line in lines {
                segments.append(offset..<offset + line.utf8.count)
                offset += line.utf8.count + 1
            }
            let bytes = MT940Parser.Details(source: source, lines: segments[...])
            let characters = MT940Parser.Details(lines: lines)
            #expect(bytes.transactionCode == characters.transactionCode, "\(text)")
            #expect(bytes.bookingText == characters.bookingText, "\(text)")
            #expect(bytes.purpose == characters.purpose, "\(text)")
            #expect(bytes.bankCode == characters.bankCode, "\(text)")
            #expect(bytes.iban == characters.iban, "\(text)")
            #expect(bytes.name == characters.name, "\(text)")
        }
    }

    @Test func mt940UmlautsInBothEncodingsAndWrappedKeywords() throws {
        let text = ":20:STARTUMS\r\n:25:10020030/1234567\r\n:60F:C260301EUR0,00\r\n"
            + ":61:2603150315CR1190,00NTRFNONREF//B-1\r\n"
            + ":86:166?00GUTSCHRIFT?20EREF+RE-2026-0007 SVWZ+?21Übersetzung Straße?22 MREF+M?2399?32Jörg Weißenf\r\n"
            + "els?33eld GmbH\r\n"
            + ":62F:C260315EUR1190,00\r\n-\r\n"
        for data in [Data(text.utf8), Data(text.data(using: .isoLatin1)!)] {
            let entry = try #require(try StatementParser.parse(data: data, fileName: "u.sta").entries.first)
            #expect(entry.counterpartyName == "Jörg Weißenfelseld GmbH")
            #expect(entry.remittanceText == "EREF+RE-2026-0007 SVWZ+Übersetzung Straße MREF+M99")
            #expect(entry.endToEndId == "RE-2026-0007")
            #expect(entry.mandateId == "M99")
            #expect(entry.bankReference == "B-1")
            #expect(entry.amount == Money(cents: 119_000))
            #expect(entry.transactionCode == "NTRF 166")
        }
    }

    @Test func mt940WithoutKeywordsAndWithNonASCIIInTheBookingLine() throws {
        let text = ":20:X\n:25:DE89370400440532013000\n:60F:C260301EUR0,00\n"
            + ":61:260302C5,NTRFNONREF//Zürich-1\n:86:166?20Miete März\n"
            + ":61:260303D1,5NMSCKdnr//Bank\n:62F:C260303EUR3,50\n-\n"
        let entries = try StatementParser.parse(data: Data(text.utf8), fileName: "x.sta").entries
        #expect(entries.count == 2)
        #expect(entries[0].endToEndId == nil && entries[0].mandateId == nil)
        #expect(entries[0].remittanceText == "Miete März")
        #expect(entries[0].bankReference == "Zürich-1")
        #expect(entries[0].amount == Money(cents: 500))
        #expect(entries[1].signedAmount == Money(cents: -150))
        #expect(entries[1].bankReference == "Bank")
        #expect(entries[1].transactionCode == "NMSC")
    }

    @Test func mt940BookingLinesOnBytesAndCharactersAgree() throws {
        let lines = [
            "2603020302C1190,00NTRFNONREF//B1", "260302RC10,00NTRFNONREF//B1", "260302RDR5,00NTRF", "260302CR1,NMSC",
            "260302D,5NTRF", "2603020302C1.234,5NTRF", "260302C1,234,567NTRF", "260302C12345678901234567NTRF",
            "260302X1,00NTRF", "2613020302C1,00NTRF", "2603021332C1,00NTRF", "260302C1,00", "260302C1,001NTRF",
            "260302C1,000NTRF//a//b", "260302CNTRF", "26030", "260302C1,00NTRF//",
        ]
        for line in lines {
            let bytes = Array(line.utf8)
            let fast = Result { () throws(StatementError) in
                try MT940Parser.Booking(ascii: bytes, 0..<bytes.count, line: 1, file: "f")
            }
            let slow = Result { () throws(StatementError) in
                try MT940Parser.Booking(characters: line, line: 1, file: "f")
            }
            switch (fast, slow) {
            case let (.success(a), .success(b)):
                #expect(a.value == b.value && a.booking == b.booking && a.direction == b.direction, "\(line)")
                #expect(a.reversal == b.reversal && a.cents == b.cents && a.type == b.type, "\(line)")
                #expect(a.bankReference == b.bankReference, "\(line)")
            case let (.failure(a), .failure(b)):
                #expect(a.description == b.description, "\(line)")
            default:
                Issue.record("\(line): \(fast) vs \(slow)")
            }
        }
    }

    // MARK: Lines, whitespace, amounts, dates

    @Test func lineBreaksOfEveryKind() {
        #expect(TextDecoding.lines("a\r\nb\rc\nd") == ["a", "b", "c", "d"])
        #expect(TextDecoding.lines("a\r\r\nb\n\r") == ["a", "", "b", ""])
        #expect(TextDecoding.lines("\n") == [""])
        #expect(TextDecoding.lines("ä\n") == ["ä"])
        #expect(TextDecoding.lines("") == [])
    }

    @Test func windows1252AndUTF8Decoding() {
        #expect(TextDecoding.decode(Data([0x4D, 0xFC, 0x80, 0x84, 0x81]), as: .auto) == "Mü€„\u{81}")
        #expect(TextDecoding.decode(Data([0xEF, 0xBB, 0xBF, 0x4D, 0xC3, 0xBC]), as: .auto) == "Mü")
        #expect(TextDecoding.decode(Data([0x4D, 0xC3, 0xBC]), as: .windows1252) == "MÃ¼")
        #expect(TextDecoding.decode(Data([0x4D, 0xFC]), as: .utf8) == "M\u{FFFD}")
    }

    @Test func trimmingAgreesWithFoundation() {
        let texts = ["  a ", "\ta\t", "\u{00A0}ä\u{2003}", "\u{3000}", "a\u{0301} ", " \u{0301}a", "", "x", "\u{2028}a"]
        for text in texts {
            let bytes = Array(text.utf8)
            let range = ByteText.trimmingWhitespace(bytes, 0..<bytes.count)
            let trimmed = String(decoding: bytes[range], as: UTF8.self)
            #expect(trimmed == text.trimmingCharacters(in: .whitespaces), "\(text)")
        }
    }

    @Test func plainAmountsAgreeWithTheRules() {
        let texts = [
            "1234,56", "-1234,56", "+5", "5,", ",5", "1,234", "1.234", "1234,560", "1234,561", "12345678901234567",
            "1234567890123456", "-", "", "1.234,56", "0", "-0,00", "1,2,3", "--5", "5-", "1234.5", "00,01", "1,23",
        ]
        for text in texts {
            for decimal in [DecimalSeparator.comma, .point, .auto] {
                if let plain = AmountParser.plainCents(text, decimal: decimal) {
                    #expect(plain == AmountParser.ruleCents(text, decimal: decimal), "\(text) \(decimal)")
                }
                #expect(AmountParser.cents(text, decimal: decimal) == AmountParser.ruleCents(text, decimal: decimal))
            }
        }
    }

    @Test func dottedDates() {
        #expect(DateParser.day("24.11.27") == Day("2027-11-24"))
        #expect(DateParser.day("24.11.1987") == Day("1987-11-24"))
        #expect(DateParser.day("24/11/2027") == Day("2027-11-24"))
        #expect(DateParser.day("31.02.27") == nil)
        #expect(DateParser.day("24.11/27") == nil)
        #expect(DateParser.day("4.1.27") == Day("2027-01-04"))
    }

    @Test func ibanShape() {
        #expect(TextNormal.looksLikeIBAN("DE89 3704 0044 0532 0130 00"))
        #expect(TextNormal.looksLikeIBAN("DE89370400440532013000"))
        #expect(!TextNormal.looksLikeIBAN("de89370400440532013000"))
        #expect(!TextNormal.looksLikeIBAN("DE8937040044053201300Ä"))
        #expect(!TextNormal.looksLikeIBAN("DE89 3704"))
        #expect(!TextNormal.looksLikeIBAN("D189370400440532013000"))
    }

    // MARK: Identities

    @Test func hashedIdentityIsTheHashOfTheJoinedKey() {
        let names: [String?] = [nil, "Müller & Söhne GmbH", "ACME  Corp", "Dr. JÖRG Weißenfels", "\u{00A0}x Y\t", "İstanbul"]
        let texts = ["", "EREF+RE-2027-0001 SVWZ+Rechnung", "Straße ÄÖÜ", "A\u{0301}BC", "  mehr   Platz  ",
                     "ÀÁÂÃÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕØÙÚÛÝÞ ×÷ µ ÿ ß ¿ © ª º"]
        for name in names {
            for text in texts {
                let entry = StatementEntry(
                    bookingDate: Day("2027-03-01")!, amount: Money(cents: 12_345), direction: .debit, currency: "EUR",
                    counterpartyName: name, remittanceText: text)
                let key = [
                    "2027-03-01", "-12345", "EUR", TextNormal.collapse(name ?? "").lowercased(),
                    TextNormal.collapse(text).lowercased(),
                ].joined(separator: "\u{1F}")
                #expect(entry.identity == "H:" + FNV1a.hex(key), "\(name ?? "nil") \(text)")
            }
        }
    }

    // MARK: CSV records

    @Test func columnSlotsFollowTheFieldOrder() {
        for (index, field) in CSVColumnMapping.Field.allCases.enumerated() { #expect(ColumnSlots.slot(field) == index) }
    }

    @Test func csvRecordsOnBytesAgreeWithScalars() throws {
        let texts = [
            "a;b;c\r\n1;\"2;x\";3\n", "\"Firma\"\"X\";\"Zeile\r\nzwei\";Müller\n", "a;b\n\n;\n", "x;\"offen",
            "Firma\";ä;€\r",
            "\"a\"b;c\n", "a\tb\tc", "\"\";\"\"\n",
        ]
        for text in texts {
            for delimiter: Character in [";", "\t", ","] {
                for lenient in [true, false] {
                    let bytes = Result { () throws(StatementError) in
                        try CSVTokenizer.records(text, delimiter: delimiter, file: "f", lenient: lenient)
                    }
                    let scalars = Result { () throws(StatementError) in
                        try CSVTokenizer.scalarRecords(
                            text, separator: delimiter.unicodeScalars.first!, file: "f", maxRecords: .max,
                            lenient: lenient)
                    }
                    switch (bytes, scalars) {
                    case let (.success(a), .success(b)):
                        #expect(a.map(\.fields) == b.map(\.fields) && a.map(\.line) == b.map(\.line), "\(text)")
                    case let (.failure(a), .failure(b)):
                        #expect(a.description == b.description, "\(text)")
                    default:
                        Issue.record("\(text.debugDescription): \(bytes) vs \(scalars)")
                    }
                }
            }
        }
    }

    @Test func csvRecordLengthCountsCharactersNotBytes() throws {
        // Two-byte characters up to the limit are fine: the limit is in characters, as before.
        let field = String(repeating: "ä", count: InputLimits.lineCharacters - 10)
        let records = try CSVTokenizer.records("a;b\n\(field);x\n", delimiter: ";", file: "f")
        #expect(records.count == 2)
        let tooLong = String(repeating: "ä", count: InputLimits.lineCharacters + 10)
        #expect(throws: StatementError.self) {
            try CSVTokenizer.records("a;b\n\(tooLong);x\n", delimiter: ";", file: "f")
        }
    }
}
