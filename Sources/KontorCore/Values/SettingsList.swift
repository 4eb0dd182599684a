import Foundation

/// A list of `key=value` settings as typed on the command line, e.g. `word=0,12,hour=85` or `inquiry=10;costs=2,50`.
/// Pairs are separated by `;` or by a comma that starts the next `key=`, so decimal commas in values stay intact.
public enum SettingsList {
    /// The pairs in order; keys are trimmed and lowercased, values trimmed.
    /// - Throws: `InputError.invalidChoice` naming `allowed` for a key that is not among them or a pair without `=`.
    public static func parse(
        _ text: String, what: Field, allowed: [String]
    ) throws(InputError) -> [(key: String, value: String)] {
        var pairs: [(key: String, value: String)] = []
        for piece in pieces(text) {
            let parts = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, allowed.contains(parts[0].lowercased()) else {
                throw .invalidChoice(what: what, text: piece, allowed: allowed.map { "\($0)=…" })
            }
            pairs.append((parts[0].lowercased(), parts[1]))
        }
        return pairs
    }

    /// The text split at `;` and at each comma that is followed by `name=`.
    static func pieces(_ text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            if character == ";" || (character == "," && startsPair(characters[(index + 1)...])) {
                pieces.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        pieces.append(current)
        return pieces.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private static func startsPair(_ rest: ArraySlice<Character>) -> Bool {
        let name = rest.drop(while: { $0 == " " }).prefix(while: { $0.isLetter || $0.isNumber || $0 == "-" })
        guard !name.isEmpty, let first = name.first, first.isLetter else { return false }
        return rest.drop(while: { $0 == " " }).dropFirst(name.count).first == "="
    }
}
