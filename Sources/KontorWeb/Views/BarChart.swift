/// A bar chart drawn by the server as SVG (no script): geometry computed here, drawn by `partials/chart`.
struct BarChart: Sendable, Encodable {
    struct Bar: Sendable, Encodable {
        let x: Int
        let y: Int
        let barWidth: Int
        let barHeight: Int
        let tone: String
        let label: String
        let shortLabel: String
        let valueText: String
        let labelCenter: Int
        let labelBaseline: Int
    }

    struct GridLine: Sendable, Encodable {
        let x1: Int
        let x2: Int
        let y: Int
        let labelX: Int
        let labelY: Int
        let label: String
    }

    struct Value: Sendable, Encodable {
        let label: String
        let shortLabel: String
        let value: Int64
        let valueText: String
        let tone: String
    }

    let chartId: String
    let caption: String
    let width: Int
    let height: Int
    let bars: [Bar]
    let gridLines: [GridLine]

    /// Lays out `values` as bars; the axis shows about four round steps labelled by `axisLabel`.
    init(id: String, caption: String, values: [Value], axisLabel: (Int64) -> String, width: Int = 560, height: Int = 240) {
        chartId = id
        self.caption = caption
        self.width = width
        self.height = height
        let left = 84, right = 8, top = 12, bottom = 30
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let maximum = max(values.map(\.value).max() ?? 0, 1)
        let step = BarChart.niceStep(maximum)
        let top_ = ((maximum + step - 1) / step) * step
        gridLines = stride(from: Int64(0), through: top_, by: Int(step)).map { value in
            let y = top + plotHeight - Int(Double(value) / Double(top_) * Double(plotHeight))
            return GridLine(x1: left, x2: width - right, y: y, labelX: left - 8, labelY: y + 4, label: axisLabel(value))
        }
        let slot = values.isEmpty ? plotWidth : plotWidth / values.count
        let barWidth = max(4, Int(Double(slot) * 0.62))
        bars = values.enumerated().map { index, value in
            let barHeight = Int(Double(max(0, value.value)) / Double(top_) * Double(plotHeight))
            let x = left + index * slot + (slot - barWidth) / 2
            return Bar(
                x: x, y: top + plotHeight - barHeight, barWidth: barWidth, barHeight: barHeight, tone: value.tone,
                label: value.label, shortLabel: value.shortLabel, valueText: value.valueText,
                labelCenter: x + barWidth / 2, labelBaseline: height - 10)
        }
    }

    /// 1, 2 or 5 times a power of ten, so that about four steps reach `maximum`.
    static func niceStep(_ maximum: Int64) -> Int64 {
        let rough = max(1, maximum / 4)
        var power: Int64 = 1
        while power * 10 <= rough { power *= 10 }
        for factor: Int64 in [1, 2, 5, 10] where power * factor >= rough { return power * factor }
        return power * 10
    }
}
