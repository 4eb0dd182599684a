@testable import KontorQR
import Testing
import KontorTestTools

@Suite("Mask patterns and penalty rules")
struct PenaltyTests {
    /// A module-by-module port of segno's `mask_scores` (encoder.py), the independent
    /// reference for the word-parallel implementation.
    static func referenceScore(_ matrix: [[Bool]]) -> Int {
        let size = matrix.count
        func finderScore(_ line: [Bool]) -> Int {
            let pattern = [true, false, true, true, true, false, true]
            func find(from start: Int) -> Int? {
                guard start <= size - 7 else { return nil }
                return (start...(size - 7)).first { Array(line[$0..<($0 + 7)]) == pattern }
            }
            var score = 0
            var next = find(from: 0)
            while let index = next {
                let before = line[max(index - 4, 0)..<index]
                let after = line[min(index + 7, size)..<min(index + 11, size)]
                if index == 0 || index == size - 7 || !before.contains(true) || !after.contains(true) {
                    score += 40
                    next = find(from: index + 7)
                } else {
                    next = find(from: index + 4)
                }
            }
            return score
        }
        func runScore(_ line: [Bool]) -> Int {
            var score = 0
            var run = 1
            for index in 1..<size {
                if line[index] == line[index - 1] {
                    run += 1
                } else {
                    if run >= 5 { score += run - 2 }
                    run = 1
                }
            }
            return run >= 5 ? score + run - 2 : score
        }
        var total = 0
        var dark = 0
        for index in 0..<size {
            let row = matrix[index]
            let column = matrix.map { $0[index] }
            dark += row.filter { $0 }.count
            total += runScore(row) + runScore(column) + finderScore(row) + finderScore(column)
            if index > 0 {
                for column in 1..<size {
                    let block = [matrix[index][column], matrix[index][column - 1],
                                 matrix[index - 1][column], matrix[index - 1][column - 1]]
                    if block.allSatisfy({ $0 == block[0] }) { total += 3 }
                }
            }
        }
        let ratio = Double(dark) / Double(size * size)
        return total + 10 * Int(abs(ratio * 100 - 50) / 5)
    }

    static func lines<Line: ModuleLine>(_ matrix: [[Bool]], as type: Line.Type) -> [Line] {
        matrix.map { row in
            var line = Line.empty
            for (index, isDark) in row.enumerated() where isDark {
                line.insert(index)
            }
            return line
        }
    }

    static func score<Line: ModuleLine>(_ matrix: [[Bool]], as type: Line.Type) -> Int {
        Penalty<Line>(size: matrix.count).score(of: ModuleGrid(rows: lines(matrix, as: type)))
    }

    /// Random grids, some with a bias towards one colour (long runs, big blocks) and with
    /// finder-like patterns planted at random spots, edges and in overlapping pairs.
    static func randomGrid(size: Int, using generator: inout SeededGenerator) -> [[Bool]] {
        let darkShare = [0.5, 0.2, 0.8, 0.35][Int.random(in: 0..<4, using: &generator)]
        var matrix = (0..<size).map { _ in
            (0..<size).map { _ in Double.random(in: 0..<1, using: &generator) < darkShare }
        }
        let plants: [[Bool]] = [
            [false, false, false, false, true, false, true, true, true, false, true],
            [true, false, true, true, true, false, true, false, false, false, false],
            [true, false, true, true, true, false, true],
            [true, false, true, true, true, false, true, true, true, false, true, false, false, false, false],
            [false, false, false, false, true, false, true, true, true, false, true, false, true, true, true,
             false, true],
        ]
        for _ in 0..<Int.random(in: 0...(size / 2), using: &generator) {
            let plant = plants[Int.random(in: 0..<plants.count, using: &generator)]
            let line = Int.random(in: 0..<size, using: &generator)
            let start = [0, size - plant.count, Int.random(in: 0...(size - plant.count), using: &generator)][
                Int.random(in: 0..<3, using: &generator)]
            let vertical = Bool.random(using: &generator)
            for (offset, value) in plant.enumerated() {
                if vertical {
                    matrix[start + offset][line] = value
                } else {
                    matrix[line][start + offset] = value
                }
            }
        }
        return matrix
    }

    @Test("word-parallel penalty equals the module-by-module reference on random grids")
    func randomGrids() {
        var generator = SeededGenerator(seed: 18004)
        for size in [21, 25, 45, 57, 60, 61, 101, 121, 124, 125, 177] {
            for _ in 0..<6 {
                let matrix = Self.randomGrid(size: size, using: &generator)
                let expected = Self.referenceScore(matrix)
                #expect(Self.score(matrix, as: Line192.self) == expected, "size \(size), 192-bit lines")
                if Line128.fits(size: size) {
                    #expect(Self.score(matrix, as: Line128.self) == expected, "size \(size), 128-bit lines")
                }
                if Line64.fits(size: size) {
                    #expect(Self.score(matrix, as: Line64.self) == expected, "size \(size), 64-bit lines")
                }
            }
        }
    }

    @Test("the individual rules on hand-made lines")
    func handMadeLines() {
        let penalty = Penalty<Line64>(size: 21)
        func line(_ bits: String) -> Line64 {
            var line = Line64.empty
            for (index, bit) in bits.enumerated() where bit == "1" {
                line.insert(index)
            }
            return line
        }
        func check(_ bits: String, _ expected: Int, sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(penalty.lineScore(line(bits)) == expected, "\(bits)", sourceLocation: sourceLocation)
        }
        // N1: five light (3 points) and six dark (4 points).
        check("000001111110101010100", 3 + 4)
        check("010101010101010101010", 0)
        check("111111111111111111111", 19)
        // N3: light on both sides still scores once.
        check("000010111010000101010", 40)
        // At the very start the margin counts as light.
        check("101110110101011010110", 40)
        // Dark modules on both sides: no score.
        check("110111010110101011011", 0)
        // Two overlapping patterns, the second one with light after it: the search resumes
        // after the first scored pattern and never sees the second (segno's behaviour).
        check("000010111011101000010", 40)
        // The same without the light run before: the first does not score, the second does.
        check("010110111011101000010", 40)
        // 2×2 blocks: two light rows of 21 give 20 blocks.
        #expect(penalty.blockScore(line("000000000000000000000"), line("000000000000000000000")) == 60)
        #expect(penalty.blockScore(line("110000000000000000000"), line("111111111111111111111")) == 3)
        #expect(penalty.balanceScore(darkCount: 220) == 0)  // 49.9 %
        #expect(penalty.balanceScore(darkCount: 198) == 10)  // 44.9 %: one full 5 % step
        #expect(penalty.balanceScore(darkCount: 0) == 100)
    }

    @Test("mask templates agree with the mask formulas")
    func templates() {
        let rows = MaskPattern.rowTemplates(of: Line192.self)
        let columns = MaskPattern.columnTemplates(of: Line192.self)
        for mask in 0..<8 {
            for fixed in 0..<30 {
                let row = rows[MaskPattern.templateIndex(mask: mask, line: fixed)]
                let column = columns[MaskPattern.templateIndex(mask: mask, line: fixed)]
                for index in 0..<177 {
                    #expect(row.contains(index) == MaskPattern.flips(mask, row: fixed, column: index))
                    #expect(column.contains(index) == MaskPattern.flips(mask, row: index, column: fixed))
                }
            }
        }
    }

    @Test("mask search scores real symbols like the reference", arguments: [1, 5, 11, 27])
    func maskSearch(version: Int) {
        var generator = SeededGenerator(seed: UInt64(version))
        let payload = generator.bytes(count: QRCode.byteCapacity(version: version, errorCorrection: .medium))
        let data = Codewords.data(for: payload, version: version, errorCorrection: .medium)
        let codewords = Codewords.interleaved(data, version: version, errorCorrection: .medium)
        let patterns = FunctionPatterns<Line192>(version: version)
        var darkRows = patterns.darkRows
        DataPlacement.place(codewords, reservedRows: patterns.reservedRows, into: &darkRows)
        let masking = Masking(dark: ModuleGrid(rows: darkRows), reserved: ModuleGrid(rows: patterns.reservedRows))
        let size = patterns.size
        var scores = [Int]()
        for mask in 0..<8 {
            let flat = masking.modules(mask: mask)
            let matrix = (0..<size).map { Array(flat[($0 * size)..<(($0 + 1) * size)]) }
            let expected = Self.referenceScore(matrix)
            #expect(masking.penalty(mask: mask) == expected, "mask \(mask)")
            scores.append(expected)
        }
        let best = scores.indices.min { scores[$0] < scores[$1] }
        #expect(masking.bestMask() == best)
    }
}
