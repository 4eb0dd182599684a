/// A square grid of bits kept twice, by rows and by columns, so that the penalty rules can
/// scan columns as cheaply as rows without transposing the grid for every mask.
struct ModuleGrid<Line: ModuleLine> {
    let size: Int
    /// Bit `c` of `rows[r]` is module (r, c).
    let rows: [Line]
    /// Bit `r` of `columns[c]` is module (r, c).
    let columns: [Line]

    /// Builds the grid from its rows; the column view is derived once here.
    init(rows: [Line]) {
        size = rows.count
        precondition(Line.fits(size: size), "grid wider than its line type allows")
        self.rows = rows
        var columns = [Line](repeating: .empty, count: size)
        columns.withUnsafeMutableBufferPointer { columns in
            for (rowIndex, row) in rows.enumerated() {
                row.forEachSetBit { columns[$0].insert(rowIndex) }
            }
        }
        self.columns = columns
    }

    subscript(row: Int, column: Int) -> Bool {
        rows[row].contains(column)
    }
}
