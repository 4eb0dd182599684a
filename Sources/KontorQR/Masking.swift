/// Applies data masks and picks the one with the lowest penalty (ISO/IEC 18004, 7.8).
///
/// Masking flips only data modules, so a masked line is `dark ^ (template & data)`. Lines are
/// built on the fly from the unmasked grid; no masked copy of the symbol is ever stored.
struct Masking<Line: ModuleLine> {
    private let size: Int
    private let dark: ModuleGrid<Line>
    /// Lines with bits set on data modules only (not reserved, inside the symbol).
    private let dataRows: [Line]
    private let dataColumns: [Line]
    private let rowTemplates: [Line]
    private let columnTemplates: [Line]

    /// - Parameters:
    ///   - dark: The symbol with function patterns and unmasked data, reserved areas light.
    ///   - reserved: The modules that masks must leave alone.
    init(dark: ModuleGrid<Line>, reserved: ModuleGrid<Line>) {
        size = dark.size
        self.dark = dark
        let inside = Line(firstBits: size)
        dataRows = reserved.rows.map { ~$0 & inside }
        dataColumns = reserved.columns.map { ~$0 & inside }
        rowTemplates = MaskPattern.rowTemplates(of: Line.self)
        columnTemplates = MaskPattern.columnTemplates(of: Line.self)
    }

    /// The mask with the lowest penalty; ties go to the lower mask number.
    func bestMask() -> Int {
        var best = 0
        var bestScore = Int.max
        for mask in MaskPattern.all {
            let score = penalty(mask: mask)
            if score < bestScore {
                best = mask
                bestScore = score
            }
        }
        return best
    }

    /// The penalty score of the symbol under `mask`, before format and version information
    /// are drawn.
    func penalty(mask: Int) -> Int {
        let penalty = Penalty<Line>(size: size)
        var total = 0
        var darkCount = 0
        dark.rows.withUnsafeBufferPointer { darkRows in
            dataRows.withUnsafeBufferPointer { dataRows in
                rowTemplates.withUnsafeBufferPointer { templates in
                    var previousRow = Line.empty
                    for index in 0..<size {
                        let template = templates[MaskPattern.templateIndex(mask: mask, line: index)]
                        let row = darkRows[index] ^ (template & dataRows[index])
                        darkCount += row.nonzeroBitCount
                        total += penalty.lineScore(row)
                        if index > 0 {
                            total += penalty.blockScore(previousRow, row)
                        }
                        previousRow = row
                    }
                }
            }
        }
        dark.columns.withUnsafeBufferPointer { darkColumns in
            dataColumns.withUnsafeBufferPointer { dataColumns in
                columnTemplates.withUnsafeBufferPointer { templates in
                    for index in 0..<size {
                        let template = templates[MaskPattern.templateIndex(mask: mask, line: index)]
                        total += penalty.lineScore(darkColumns[index] ^ (template & dataColumns[index]))
                    }
                }
            }
        }
        return total + penalty.balanceScore(darkCount: darkCount)
    }

    /// The symbol under `mask` as a row-major buffer, `true` meaning dark.
    func modules(mask: Int) -> [Bool] {
        var result = [Bool](repeating: false, count: size * size)
        result.withUnsafeMutableBufferPointer { buffer in
            for row in 0..<size {
                let template = rowTemplates[MaskPattern.templateIndex(mask: mask, line: row)]
                let line = dark.rows[row] ^ (template & dataRows[row])
                line.forEachSetBit { column in
                    buffer[row * size + column] = true
                }
            }
        }
        return result
    }
}
