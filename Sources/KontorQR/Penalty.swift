/// The penalty score of a masked symbol (ISO/IEC 18004, 7.8.3.1, Table 11), computed on
/// whole lines of bits. Lower is better.
///
/// Where the standard leaves room for interpretation, this follows the reference encoder
/// segno so that both pick the same mask: the area outside the symbol counts as light for
/// the finder-like rule, each finder-like pattern scores once, and the search for the next
/// one resumes after a scored pattern, not inside it.
struct Penalty<Line: ModuleLine> {
    /// N1: a run of five same-coloured modules; each further module adds one point.
    static var runWeight: Int { 3 }
    /// N2: each 2×2 block of one colour.
    static var blockWeight: Int { 3 }
    /// N3: each 1:1:3:1:1 finder-like pattern with four light modules on one side.
    static var finderWeight: Int { 40 }
    /// N4: each full 5 % step the dark share deviates from 50 %.
    static var balanceWeight: Int { 10 }

    let size: Int
    /// Bits `0..<size - 1`: positions that have a neighbour to the right (or below).
    private let pairPositions: Line
    /// Bits `0..<size - 4`: positions where a window of five modules fits.
    private let windowPositions: Line

    init(size: Int) {
        precondition(Line.fits(size: size), "symbol too wide for its line type")
        self.size = size
        pairPositions = Line(firstBits: size - 1)
        windowPositions = Line(firstBits: size - 4)
    }

    /// Rules N1 and N3 for one row or column. Bits at and past `size` must be clear.
    @inline(__always)
    func lineScore(_ line: Line) -> Int {
        // shifted_k has module i + k at position i; both rules read the same six neighbours.
        let shifted1 = line.shiftedDown(1)
        let shifted2 = line.shiftedDown(2)
        let shifted3 = line.shiftedDown(3)
        let shifted4 = line.shiftedDown(4)

        // N1: a run of length L scores L − 2. It holds L − 4 windows of five equal modules,
        // and the two extra points are counted once per run, at the window where it starts.
        var score = 0
        let windows = ~(line ^ shifted1) & ~(shifted1 ^ shifted2) & ~(shifted2 ^ shifted3)
            & ~(shifted3 ^ shifted4) & windowPositions
        if !windows.isEmpty {
            let runStarts = windows & ~windows.shiftedUp(1)
            score += windows.nonzeroBitCount + (Penalty.runWeight - 1) * runStarts.nonzeroBitCount
        }

        // N3: dark-light-dark-dark-dark-light-dark; the rest of the rule only runs on a hit.
        let cores = line & ~shifted1 & shifted2 & shifted3 & shifted4 & ~line.shiftedDown(5)
            & line.shiftedDown(6)
        if !cores.isEmpty {
            score += finderScore(line, cores: cores)
        }
        return score
    }

    /// The N3 points for the finder-like `cores` found in `line`.
    private func finderScore(_ line: Line, cores: Line) -> Int {
        // Bits past `size` are clear in `line`, so `light` reads the far margin as light;
        // `fits(size:)` guarantees the four modules checked after a core are inside the line.
        let light = ~line
        // Light before position p: modules p-4...p-1, where positions below 0 count as light.
        let lightBefore = light.shiftedUp(1).settingLowBits(1) & light.shiftedUp(2).settingLowBits(2)
            & light.shiftedUp(3).settingLowBits(3) & light.shiftedUp(4).settingLowBits(4)
        let lightAfter = light.shiftedDown(7) & light.shiftedDown(8) & light.shiftedDown(9)
            & light.shiftedDown(10)
        let scored = cores & (lightBefore | lightAfter)
        if scored.isEmpty {
            return 0
        }
        // Replays segno's left-to-right search, which skips patterns overlapping a scored one.
        var score = 0
        var searchFrom = 0
        cores.forEachSetBit { position in
            guard position >= searchFrom else { return }
            if scored.contains(position) {
                score += Penalty.finderWeight
                searchFrom = position + 7
            } else {
                searchFrom = position + 4
            }
        }
        return score
    }

    /// Rule N2 for two neighbouring rows: every 2×2 block of one colour, overlaps included.
    @inline(__always)
    func blockScore(_ upper: Line, _ lower: Line) -> Int {
        let vertical = ~(upper ^ lower)
        let blocks = vertical & vertical.shiftedDown(1) & ~(upper ^ upper.shiftedDown(1)) & pairPositions
        return Penalty.blockWeight * blocks.nonzeroBitCount
    }

    /// Rule N4, evaluated in floating point exactly as segno does so that results agree at the
    /// 5 % boundaries.
    func balanceScore(darkCount: Int) -> Int {
        let ratio = Double(darkCount) / Double(size * size)
        return Penalty.balanceWeight * Int(abs(ratio * 100 - 50) / 5)
    }

    /// The total score of an already masked grid.
    func score(of grid: ModuleGrid<Line>) -> Int {
        var total = 0
        var darkCount = 0
        for index in 0..<size {
            let row = grid.rows[index]
            darkCount += row.nonzeroBitCount
            total += lineScore(row) + lineScore(grid.columns[index])
            if index > 0 {
                total += blockScore(grid.rows[index - 1], row)
            }
        }
        return total + balanceScore(darkCount: darkCount)
    }
}
