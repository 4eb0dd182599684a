import Foundation
public import KontorBanking
public import KontorCore

/// What a person chooses when importing a statement (CLI options or the web form), turned into parser options.
/// Blank values mean "recognise it from the file".
public struct StatementImportChoices: Sendable, Hashable {
    /// `camt`, `mt940` or `csv`.
    public var format: String?
    /// A CSV preset id (see `CSVPreset.all`).
    public var preset: String?
    /// CSV columns, e.g. `date=Buchungstag,amount=Betrag,name=Name,text=Verwendungszweck`.
    public var mapping: String?

    /// The formats one may name.
    public static let formats = ["camt", "mt940", "csv"]

    /// The CSV presets one may name: id and the bank's layout name.
    public static var presets: [(id: String, name: String)] { CSVPreset.all.map { ($0.id, $0.name) } }

    /// Creates the choices; blank strings count as not chosen.
    public init(format: String? = nil, preset: String? = nil, mapping: String? = nil) {
        func chosen(_ text: String?) -> String? {
            guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            return text
        }
        self.format = chosen(format)
        self.preset = chosen(preset)
        self.mapping = chosen(mapping)
    }

    /// The parser options for a file of this name; an unknown format or preset or a broken mapping is an
    /// `InputError` naming what is allowed.
    public func options(fileName: String) throws(InputError) -> StatementParseOptions {
        var options = StatementParseOptions()
        if let format {
            switch format.lowercased() {
            case "camt": options.format = fileName.lowercased().hasSuffix(".zip") ? .camtZip : .camt
            case "mt940": options.format = .mt940
            case "csv": options.format = .csv
            default: throw InputError.invalidChoice(what: .format, text: format, allowed: Self.formats)
            }
        }
        if let mapping { options.csv.mapping = try CSVColumnMapping(parsing: mapping) }
        if let preset {
            guard let found = CSVPreset.named(preset) else {
                throw InputError.invalidChoice(what: .preset, text: preset, allowed: CSVPreset.all.map(\.id))
            }
            options.csv.preset = found
        }
        return options
    }
}
