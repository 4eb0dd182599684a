import KontorCore
import KontorTestTools
import Testing

@testable import KontorDocuments

/// The byte writer's numbers, dates and escaping against the string forms the XML used before it wrote bytes
/// (`Money.decimalString`, `Quantity.description`, `UnitPrice.description`, `Day.formatted`).
struct XMLBuilderTests {
    /// Writes `content` alone and returns it as text.
    func written(_ content: (inout XMLBuilder) -> Void) -> String {
        var xml = XMLBuilder()
        let header = xml.bytes.count
        content(&xml)
        return String(decoding: xml.bytes[header...], as: UTF8.self)
    }

    static let edges: [Int64] = [
        0, 1, -1, 5, 9, 10, 11, 99, 100, 101, 999, 1000, 1001, 1010, 1100, 9999, 10_000, 10_001, 10_010, 12_345,
        -12_345, 99_999, 100_000, 123_456_789, -100_000, 1_000_000_000_000, Int64.max, Int64.min, Int64.min + 1,
    ]

    @Test func amountsQuantitiesAndPricesAreWrittenAsTheirDescriptions() {
        var generator = SeededGenerator(seed: 15)
        let random = (0..<2_000).map { index -> Int64 in
            let value = Int64.random(in: -10_000_000...10_000_000, using: &generator)
            return index.isMultiple(of: 3) ? value * 1000 : value
        }
        for value in Self.edges + random {
            #expect(written { $0.appendFixed(value, scale: 2, minimumFraction: 2) } == Money(cents: value).decimalString)
            #expect(written { $0.appendFixed(value, scale: 3, minimumFraction: 0) }
                    == Quantity(thousandths: value).description)
            #expect(written { $0.appendFixed(value, scale: 4, minimumFraction: 2) }
                    == UnitPrice(tenThousandths: value).description)
            #expect(written { $0.appendInteger(value) } == "\(value)")
        }
    }

    @Test func datesAreWrittenAsDayFormatsThem() {
        for ordinal in stride(from: -800_000, through: 3_000_000, by: 997) {
            let day = Day(ordinal: ordinal)
            for language in Language.allCases {
                #expect(written { CIIWriter.formatted(&$0, day, language) } == day.formatted(language))
            }
        }
    }

    @Test func onlyTheFiveSpecialCharactersAreEscapedAndControlCharactersDropped() {
        let text = "a&b<c>d\"e'f\tg\nh\ri\u{0}j\u{1F}k\u{7F}l ü€📝 #$%()*+,-./09:;=?@AZ[\\]^_`az{|}~"
        #expect(written { $0.appendEscaped(text) }
                == "a&amp;b&lt;c&gt;d&quot;e&apos;f\tg\nh\rijk\u{7F}l ü€📝 #$%()*+,-./09:;=?@AZ[\\]^_`az{|}~")
        for byte in UInt8(0)..<0x80 {
            let character = String(UnicodeScalar(byte))
            let expected = switch byte {
            case 0x26: "&amp;"
            case 0x3C: "&lt;"
            case 0x3E: "&gt;"
            case 0x22: "&quot;"
            case 0x27: "&apos;"
            case 0x09, 0x0A, 0x0D: character
            case ..<0x20: ""
            default: character
            }
            #expect(written { $0.appendEscaped("x" + character + "y") } == "x" + expected + "y", "byte \(byte)")
        }
    }

    @Test func unitCodeAttributesNameTheUnitCodes() {
        for unit in BillingUnit.allCases {
            #expect(unit.unitCodeAttribute.description == " unitCode=\"\(unit.unitCode)\"")
        }
    }
}
