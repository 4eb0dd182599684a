public import Foundation

/// Reads a text file that must be UTF-8, with an error that says where it is not and what it probably is.
///
/// Foundation's own failure ("The file isn't in the correct format") tells a user nothing; most non-UTF-8 files
/// people have are Windows-1252 exports (Outlook, older Excel) or UTF-16 (Windows "Unicode").
public enum UTF8Text {
    /// The text of `data` (a UTF-8 byte order mark is dropped).
    /// - Throws: ``NotUTF8Error`` naming `file`, the line and column of the first invalid byte and a guess.
    public static func decode(_ data: Data, file: String) throws(NotUTF8Error) -> String {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw NotUTF8Error(file: file, line: 1, column: 1, guess: "UTF-16")
        }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        let (line, column) = firstInvalidPosition(bytes)
        throw NotUTF8Error(file: file, line: line, column: column, guess: "Windows-1252")
    }

    /// Line and column (1-based, counting bytes) of the first byte that does not start a valid UTF-8 sequence.
    static func firstInvalidPosition(_ bytes: Data.SubSequence) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                lineStart = index + 1
            }
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, index - lineStart + 1)
            }
            let end = index + length
            guard end <= bytes.endIndex, String(validating: bytes[index..<end], as: UTF8.self) != nil else {
                return (line, index - lineStart + 1)
            }
            index = end
        }
        return (line, index - lineStart + 1)
    }
}

/// A text file that is not UTF-8; nothing was read from it.
public struct NotUTF8Error: Error, Sendable, Hashable, CustomStringConvertible, BilingualError {
    /// The file name as the user gave it.
    public let file: String
    /// 1-based line of the first invalid byte.
    public let line: Int
    /// 1-based byte column of the first invalid byte.
    public let column: Int
    /// The encoding the file probably has (`Windows-1252`, `UTF-16`).
    public let guess: String

    /// Creates the error.
    public init(file: String, line: Int, column: Int, guess: String) {
        self.file = file
        self.line = line
        self.column = column
        self.guess = guess
    }

    public var description: String {
        "\(file), line \(line), column \(column): not UTF-8 (looks like \(guess)?). "
            + "Save the file as UTF-8 and try again; nothing was imported."
    }

    /// The message in `language`; English is ``description``.
    public func message(_ language: Language) -> String {
        guard language == .de else { return description }
        return "\(file), Zeile \(line), Spalte \(column): kein UTF-8 (vielleicht \(guess)?). "
            + "Bitte die Datei als UTF-8 speichern und erneut versuchen; es wurde nichts importiert."
    }
}
