import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One figure of `kontor-bench --peers`, in the shape of the peers' JSON lines (`peerlib.emit`): `name`, `unit`,
/// `median`, `min`, `max`, `n`, the same three from process CPU time, `rss_mib` and free-form notes, so that
/// `scripts/benchmarks-md.py` reads both sides alike.
struct PeerFigure: Encodable {
    let name: String
    let unit: String
    let median: Double
    let min: Double
    let max: Double
    let n: Int
    let cpuMedian: Double
    let cpuMin: Double
    let cpuMax: Double
    let rssMiB: Double?
    let notes: [String: String]

    /// Wall and CPU seconds per run, converted to `unit`: times are multiplied by `scale` (1e3 for ms, 1e6 for µs);
    /// with `rate` the unit is a rate, `rate` divided by the seconds (entries per second).
    init(name: String, unit: String, runs: PeerRuns, scale: Double = 1, rate: Double? = nil, notes: [String: String]) {
        let convert = { (seconds: [Double]) in
            seconds.map { value in rate.map { $0 / Swift.max(value, 1e-9) } ?? value * scale }
        }
        let wall = convert(runs.wall)
        let cpu = convert(runs.cpu)
        self.name = name
        self.unit = unit
        median = Self.rounded(Self.median(wall))
        min = Self.rounded(wall.min() ?? 0)
        max = Self.rounded(wall.max() ?? 0)
        n = wall.count
        cpuMedian = Self.rounded(Self.median(cpu))
        cpuMin = Self.rounded(cpu.min() ?? 0)
        cpuMax = Self.rounded(cpu.max() ?? 0)
        rssMiB = runs.peakRSSMiB
        self.notes = notes
    }

    /// As Python's `statistics.median`: the mean of the two middle values for an even count.
    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// Four significant digits, as `peerlib._r` rounds.
    static func rounded(_ value: Double) -> Double {
        guard value != 0, value.isFinite else { return value }
        let digits = Swift.max(0, 3 - Int(floor(log10(abs(value)))))
        let factor = pow(10, Double(digits))
        return (value * factor).rounded() / factor
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(name, forKey: Key("name"))
        try container.encode(unit, forKey: Key("unit"))
        try container.encode(median, forKey: Key("median"))
        try container.encode(min, forKey: Key("min"))
        try container.encode(max, forKey: Key("max"))
        try container.encode(n, forKey: Key("n"))
        try container.encode(cpuMedian, forKey: Key("cpu_median"))
        try container.encode(cpuMin, forKey: Key("cpu_min"))
        try container.encode(cpuMax, forKey: Key("cpu_max"))
        try container.encodeIfPresent(rssMiB, forKey: Key("rss_mib"))
        for (key, value) in notes { try container.encode(value, forKey: Key(key)) }
    }

    /// The figure as one JSON line.
    var jsonLine: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}

/// Wall-clock and CPU seconds of each timed run, and the peak resident memory while they ran.
struct PeerRuns {
    var wall: [Double] = []
    var cpu: [Double] = []
    var peakRSSMiB: Double?

    /// Calls `body` `warmup` times, then `count` times timed, as `peerlib.timed` does. The peak-RSS count starts
    /// afresh before the warm-ups, so it covers the input already in memory plus what `body` builds.
    /// Main-actor isolated like `Bench.measure`, so the bodies may change the caller's local state.
    @MainActor static func time(count: Int, warmup: Int, _ body: () async throws -> Void) async rethrows -> PeerRuns {
        ProcessMemory.resetPeak()
        for _ in 0..<warmup { try await body() }
        var runs = PeerRuns()
        let clock = ContinuousClock()
        for _ in 0..<count {
            let cpuStart = ProcessMemory.cpuSeconds()
            let start = clock.now
            try await body()
            let elapsed = clock.now - start
            runs.cpu.append(ProcessMemory.cpuSeconds() - cpuStart)
            runs.wall.append(elapsed.seconds)
        }
        runs.peakRSSMiB = ProcessMemory.peakMiB()
        return runs
    }
}

/// Process CPU time and peak resident memory (Linux `/proc`; nil elsewhere).
enum ProcessMemory {
    /// CPU seconds of this process (user + system) from `clock()`, whose unit POSIX fixes at a microsecond.
    static func cpuSeconds() -> Double {
        Double(clock()) / 1e6
    }

    /// Restarts the kernel's peak count (VmHWM), as `peerlib.reset_peak_rss` does; a no-op where that fails.
    /// First the memory earlier runs freed goes back to the system (`malloc_trim`): glibc keeps it otherwise, and a
    /// run's peak would start from what the runs before it left (a second import of the same file started 30 MiB
    /// higher than the first and peaked 10 MiB higher) instead of from what the process needs now.
    static func resetPeak() {
        #if canImport(Glibc)
            // glibc's `malloc_trim`, which Swift's Glibc module does not declare.
            typealias Trim = @convention(c) (Int) -> CInt
            if let trim = dlsym(nil, "malloc_trim") { _ = unsafeBitCast(trim, to: Trim.self)(0) }
        #endif
        try? Data("5".utf8).write(to: URL(fileURLWithPath: "/proc/self/clear_refs"))
    }

    /// Peak resident memory since the last reset, in MiB, one decimal.
    static func peakMiB() -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let fields = line.split { $0 == " " || $0 == "\t" }
            guard fields.count > 1, let kib = Double(fields[1]) else { return nil }
            return (kib / 1024 * 10).rounded() / 10
        }
        return nil
    }
}

extension Duration {
    /// The duration in seconds, for the figures.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
