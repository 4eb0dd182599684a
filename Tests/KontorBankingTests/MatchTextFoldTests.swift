import Testing

@testable import KontorBanking

/// `MatchText.fold` reads ASCII and Latin-1 letters from the UTF-8 bytes and everything else scalar by scalar: both
/// ways must fold a text alike, wherever in the text the slow part starts.
struct MatchTextFoldTests {
    @Test func namesAndReferencesFoldToUpperCaseASCII() {
        #expect(MatchText.fold("Bäckerei Schüßler KG, Rg.-Nr. re-2027-0001") == Array(
            "BAECKEREI SCHUESSLER KG, RG.-NR. RE-2027-0001".utf8))
        #expect(MatchText.fold("Łukasz Müller 5 €") == Array("LUKASZ MUELLER 5  EUR ".utf8))
        #expect(MatchText.fold("Tab\there") == Array("TAB HERE".utf8))
        #expect(MatchText.fold("").isEmpty)
    }

    /// Every ASCII and Latin-1 character, and characters the slow way folds (two-byte ones outside U+00C0…U+00FF,
    /// three- and four-byte ones, a combining mark), folded inside a text of the fast kind: the text folds as its
    /// parts do.
    @Test func theFastAndTheScalarWayAgree() {
        var scalars = (0x00...0x7F).compactMap(Unicode.Scalar.init) + (0xA0...0xFF).compactMap(Unicode.Scalar.init)
        scalars += ["\u{20AC}", "\u{0141}", "\u{1E9E}", "\u{0131}", "\u{0161}", "\u{0308}", "\u{1F600}", "\u{0394}"]
        let before = "Müller & Söhne "
        let after = " Straße 12 Düsseldorf"
        for scalar in scalars {
            let middle = String(Character(scalar))
            #expect(
                MatchText.fold(before + middle + after)
                    == MatchText.fold(before) + MatchText.fold(middle) + MatchText.fold(after),
                "U+\(String(scalar.value, radix: 16, uppercase: true))")
        }
        var joined = Array("RE ".utf8)
        MatchText.fold("Café", into: &joined)
        #expect(joined == Array("RE CAFE".utf8))
    }
}
