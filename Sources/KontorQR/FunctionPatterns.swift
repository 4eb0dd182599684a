/// The fixed parts of a symbol of one version: finder patterns with separators, timing
/// patterns, alignment patterns and the areas reserved for format and version information
/// (ISO/IEC 18004, 6.3).
///
/// The reserved areas stay light here. They are filled only after the mask is chosen, because
/// the masks are scored without them, as the reference encoder segno does.
struct FunctionPatterns<Line: ModuleLine> {
    let version: Int
    let size: Int
    /// Modules that belong to a function pattern or a reserved area, by row; the rest carry data.
    private(set) var reservedRows: [Line]
    /// Dark modules of the function patterns, by row.
    private(set) var darkRows: [Line]

    init(version: Int) {
        self.version = version
        size = VersionTable.size(of: version)
        reservedRows = [Line](repeating: .empty, count: size)
        darkRows = reservedRows
        drawFinderPatterns()
        drawTimingPatterns()
        drawAlignmentPatterns()
        reserveFormatAreas()
        if version >= 7 {
            reserveVersionAreas()
        }
    }

    /// Patterns overlap only where they agree (timing and alignment patterns share dark
    /// modules), so drawing just sets bits and order does not matter.
    private mutating func setFunction(row: Int, column: Int, isDark: Bool) {
        reservedRows[row].insert(column)
        if isDark {
            darkRows[row].insert(column)
        }
    }

    /// 7×7 rings dark/light/dark plus a light separator ring, clipped at the symbol edge.
    private mutating func drawFinderPatterns() {
        for (centerRow, centerColumn) in [(3, 3), (3, size - 4), (size - 4, 3)] {
            for rowOffset in -4...4 {
                for columnOffset in -4...4 {
                    let row = centerRow + rowOffset
                    let column = centerColumn + columnOffset
                    guard row >= 0, row < size, column >= 0, column < size else { continue }
                    let ring = max(abs(rowOffset), abs(columnOffset))
                    setFunction(row: row, column: column, isDark: ring != 2 && ring != 4)
                }
            }
        }
    }

    /// Alternating modules in row 6 and column 6 between the separators, dark on even indices.
    private mutating func drawTimingPatterns() {
        for index in 8..<(size - 8) {
            setFunction(row: 6, column: index, isDark: index % 2 == 0)
            setFunction(row: index, column: 6, isDark: index % 2 == 0)
        }
    }

    private mutating func drawAlignmentPatterns() {
        let positions = VersionTable.alignmentPositions(version: version)
        guard let first = positions.first, let last = positions.last else { return }
        for centerRow in positions {
            for centerColumn in positions {
                // The three corners that coincide with finder patterns get no alignment pattern.
                let isFinderCorner = (centerRow == first && (centerColumn == first || centerColumn == last))
                    || (centerRow == last && centerColumn == first)
                if isFinderCorner { continue }
                for rowOffset in -2...2 {
                    for columnOffset in -2...2 {
                        let ring = max(abs(rowOffset), abs(columnOffset))
                        setFunction(row: centerRow + rowOffset, column: centerColumn + columnOffset,
                                    isDark: ring != 1)
                    }
                }
            }
        }
    }

    /// Row 8 and column 8 next to the finder patterns, including the always-dark module,
    /// which is drawn with the format information.
    private mutating func reserveFormatAreas() {
        for index in 0...8 where index != 6 {
            setFunction(row: 8, column: index, isDark: false)
            setFunction(row: index, column: 8, isDark: false)
        }
        for index in (size - 8)..<size {
            setFunction(row: 8, column: index, isDark: false)
            setFunction(row: index, column: 8, isDark: false)
        }
    }

    /// Two 6×3 blocks next to the top-right and bottom-left finder patterns (versions 7+).
    private mutating func reserveVersionAreas() {
        for index in 0..<6 {
            for offset in (size - 11)..<(size - 8) {
                setFunction(row: index, column: offset, isDark: false)
                setFunction(row: offset, column: index, isDark: false)
            }
        }
    }
}
