/// The eight data mask patterns (ISO/IEC 18004, 7.8.2, Table 10).
enum MaskPattern {
    static let all = 0..<8
    /// Every pattern repeats with a period dividing 12 along both axes, so one row (or
    /// column) template per residue class covers any symbol size.
    static let period = 12

    /// Whether `mask` flips the module at `row`, `column`.
    static func flips(_ mask: Int, row: Int, column: Int) -> Bool {
        switch mask {
        case 0: (row + column) % 2 == 0
        case 1: row % 2 == 0
        case 2: column % 3 == 0
        case 3: (row + column) % 3 == 0
        case 4: (row / 2 + column / 3) % 2 == 0
        case 5: (row * column) % 2 + (row * column) % 3 == 0
        case 6: ((row * column) % 2 + (row * column) % 3) % 2 == 0
        case 7: ((row + column) % 2 + (row * column) % 3) % 2 == 0
        default: preconditionFailure("mask \(mask) out of range")
        }
    }

    /// Templates for rows: entry `mask * 12 + row % 12` has bit `c` set where the mask flips
    /// (row, c), for `c` up to 191. Bits past the symbol edge must be cut off by the caller.
    static func rowTemplates<Line: ModuleLine>(of type: Line.Type) -> [Line] {
        lines(from: rowTemplateWords)
    }

    /// Templates for columns: entry `mask * 12 + column % 12` has bit `r` set where the mask
    /// flips (r, column).
    static func columnTemplates<Line: ModuleLine>(of type: Line.Type) -> [Line] {
        lines(from: columnTemplateWords)
    }

    /// Index of the template for row or column `line` under `mask`.
    static func templateIndex(mask: Int, line: Int) -> Int {
        mask * period + line % period
    }

    /// Computed once, three words per template, and narrowed to the line type on use.
    private static let rowTemplateWords = templateWords { mask, fixed, index in
        flips(mask, row: fixed, column: index)
    }

    private static let columnTemplateWords = templateWords { mask, fixed, index in
        flips(mask, row: index, column: fixed)
    }

    private static func lines<Line: ModuleLine>(from words: [UInt64]) -> [Line] {
        (0..<(words.count / 3)).map { line in
            Line(truncating: (words[3 * line], words[3 * line + 1], words[3 * line + 2]))
        }
    }

    private static func templateWords(_ flips: (Int, Int, Int) -> Bool) -> [UInt64] {
        var words = [UInt64](repeating: 0, count: all.count * period * 3)
        for mask in all {
            for fixed in 0..<period {
                let line = mask * period + fixed
                for index in 0..<192 where flips(mask, fixed, index) {
                    words[3 * line + index / 64] |= 1 << UInt64(index % 64)
                }
            }
        }
        return words
    }
}
