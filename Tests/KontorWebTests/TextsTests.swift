import KontorCore
import Foundation
import Testing
@testable import KontorWeb

struct TextsTests {
    @Test func bothLanguagesHaveTheSameLabels() {
        #expect(Set(Texts.de.keys) == Set(Texts.en.keys))
    }

    @Test func everyLabelATemplateUsesExists() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/KontorWeb/Templates").standardized
        let files = try #require(FileManager.default.enumerator(atPath: folder.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".mustache") }
        #expect(files.count >= 20)
        let pattern = try NSRegularExpression(pattern: #"\{\{[#^/]?t\.([a-z0-9_]+)"#)
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let key = String(text[Range(match.range(at: 1), in: text)!])
                #expect(Texts.de[key] != nil, "\(file) uses t.\(key)")
            }
            #expect(!text.contains("{{{"), "\(file) must not use triple mustaches")
            #expect(!text.contains("{{&"), "\(file) must not use unescaped variables")
        }
    }

    @Test func countsAreGroupedByThousandsInEachLanguage() {
        let de = Texts(.de)
        let en = Texts(.en)
        #expect([0, 7, 999, 1000, 30000, 1_234_567].map(de.count) == ["0", "7", "999", "1.000", "30.000", "1.234.567"])
        #expect([999, 1000, 30000, 1_234_567].map(en.count) == ["999", "1,000", "30,000", "1,234,567"])
    }

    @Test func acceptLanguagePicksGermanOrEnglish() {
        #expect(Texts.preferred(acceptLanguage: nil) == .de)
        #expect(Texts.preferred(acceptLanguage: "en-US,en;q=0.9") == .en)
        #expect(Texts.preferred(acceptLanguage: "fr-FR,de;q=0.3,en;q=0.8") == .en)
        #expect(Texts.preferred(acceptLanguage: "de-DE,de;q=0.9,en;q=0.8") == .de)
        #expect(Texts.preferred(acceptLanguage: "fr-FR") == .de)
    }
}
