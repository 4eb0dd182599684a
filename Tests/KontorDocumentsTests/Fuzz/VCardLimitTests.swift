import Foundation
import KontorCore
import KontorDocuments
import Testing

/// Regression tests for what a mutation fuzzer found in `customer import FILE.vcf` (issue 16): a content line
/// starting with `:` or `;` trapped (index out of range), and any non-UTF-8 file got Foundation's "The file isn't
/// in the correct format".
struct VCardLimitTests {
    static let today = Day(year: 2026, month: 3, day: 1)!

    static func regression(_ name: String) throws -> Data {
        let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try Data(contentsOf: tests.appendingPathComponent("Fuzz/regressions/vcard/\(name)"))
    }

    @Test(arguments: [":", ";", ";:", ":;", ";;:x", ":value only", ".:x", "a.:x"])
    func aLineWithoutAPropertyNameIsSkipped(line: String) throws {
        let text = "BEGIN:VCARD\r\nVERSION:4.0\r\n\(line)\r\nFN:Anna Beispiel\r\nEND:VCARD\r\n"
        let cards = try VCard.parse(text, today: Self.today)
        #expect(cards.map(\.customer.name) == ["Anna Beispiel"])
    }

    @Test func checkedInTrapIsRead() throws {
        let cards = try VCard.parse(
            data: try Self.regression("content-line-starts-with-colon.vcf"), fileName: "a.vcf", today: Self.today)
        #expect(cards.map(\.customer.name) == ["Anna Beispiel"])
    }

    @Test func windows1252IsNamedWithItsPlace() throws {
        let data = try Self.regression("windows-1252.vcf")
        let error = VCardError.notUTF8(NotUTF8Error(file: "kontakte.vcf", line: 3, column: 5, guess: "Windows-1252"))
        #expect(throws: error) {
            try VCard.parse(data: data, fileName: "kontakte.vcf", today: Self.today)
        }
        #expect(error.message(.en).hasPrefix("kontakte.vcf, line 3, column 5: not UTF-8 (looks like Windows-1252?)."))
        #expect(error.message(.de).hasPrefix("kontakte.vcf, Zeile 3, Spalte 5: kein UTF-8 (vielleicht Windows-1252?)."))
    }

    @Test func utf16IsNamed() {
        let data = Data([0xFF, 0xFE]) + "BEGIN:VCARD".data(using: .utf16LittleEndian)!
        #expect(throws: VCardError.notUTF8(NotUTF8Error(file: "u.vcf", line: 1, column: 1, guess: "UTF-16"))) {
            try VCard.parse(data: data, fileName: "u.vcf", today: Self.today)
        }
    }

    @Test func aUTF8ByteOrderMarkIsFine() throws {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data("BEGIN:VCARD\nFN:Jürgen\nEND:VCARD\n".utf8)
        #expect(try VCard.parse(data: data, fileName: "b.vcf", today: Self.today).map(\.customer.name) == ["Jürgen"])
    }

    @Test func limitsAreErrorsNotMemory() {
        let many = String(repeating: "BEGIN:VCARD\nFN:X\nEND:VCARD\n", count: InputLimits.vcards + 1)
        #expect(throws: VCardError.tooLarge(file: "", limit: .cards(InputLimits.vcards))) {
            try VCard.parse(many, today: Self.today)
        }
        let notes = String(repeating: "NOTE:x\n", count: InputLimits.vcardProperties + 1)
        let wide = "BEGIN:VCARD\n" + notes + "END:VCARD\n"
        #expect(throws: VCardError.tooLarge(file: "vCard 1", limit: .properties(InputLimits.vcardProperties))) {
            try VCard.parse(wide, today: Self.today)
        }
        let big = Data(count: InputLimits.vcardBytes + 1)
        #expect(throws: VCardError.tooLarge(file: "big.vcf", limit: .bytes(InputLimits.vcardBytes))) {
            try VCard.parse(data: big, fileName: "big.vcf", today: Self.today)
        }
    }
}
