/// Which of the `InputLimits` a file exceeded, worded for people in German and English.
public enum InputLimit: Sendable, Hashable {
    /// The file (or an inflated ZIP member, or a PDF stream) is larger than this many bytes.
    case bytes(Int)
    /// More entries (bookings, cards) than this.
    case entries(Int)
    /// A ZIP archive with more members than this.
    case archiveMembers(Int)
    /// A ZIP member that inflates more than this many times its compressed size.
    case expansionRatio(Int)
    /// A line or record longer than this many characters.
    case lineLength(Int)
    /// A record with more fields than this.
    case fields(Int)
    /// Elements nested deeper than this.
    case depth(Int)
    /// More vCards in one file than this.
    case cards(Int)
    /// More properties in one vCard than this.
    case properties(Int)

    /// "at most 32 MiB" / "höchstens 32 MiB".
    public func wording(_ language: Language) -> String {
        let de = language == .de
        switch self {
        case let .bytes(count):
            let size = count >= 1 << 20 ? "\(count >> 20) MiB" : de ? "\(count) Bytes" : "\(count) bytes"
            return de ? "höchstens \(size)" : "at most \(size)"
        case let .entries(count): return de ? "höchstens \(count) Einträge" : "at most \(count) entries"
        case let .archiveMembers(count):
            return de ? "höchstens \(count) Dateien im ZIP" : "at most \(count) ZIP members"
        case let .expansionRatio(ratio):
            return de ? "entpackt höchstens \(ratio)-mal so groß wie gepackt" : "inflating at most \(ratio) times"
        case let .lineLength(count):
            return de ? "höchstens \(count) Zeichen je Zeile" : "at most \(count) characters per line"
        case let .fields(count): return de ? "höchstens \(count) Felder je Zeile" : "at most \(count) fields per line"
        case let .depth(count):
            return de ? "höchstens \(count) verschachtelte Elemente" : "elements nested at most \(count) deep"
        case let .cards(count): return de ? "höchstens \(count) vCards" : "at most \(count) vCards"
        case let .properties(count):
            return de ? "höchstens \(count) Angaben je vCard" : "at most \(count) properties per vCard"
        }
    }
}
