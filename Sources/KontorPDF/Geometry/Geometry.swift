/// Points per millimetre (1 pt = 1/72 inch, 1 inch = 25.4 mm).
let pointsPerMillimetre = 72.0 / 25.4

extension Double {
    /// A length given in millimetres, converted to PDF points: `PDFPoint(x: .mm(25), y: .mm(45))`.
    ///
    /// DIN 5008 and most print layouts are specified in millimetres; the drawing API works in points.
    public static func mm(_ millimetres: Double) -> Double {
        millimetres * pointsPerMillimetre
    }

    /// This length (in points) expressed in millimetres.
    public var inMillimetres: Double {
        self / pointsPerMillimetre
    }
}

/// A position on a page in points, measured from the **top-left** corner with y growing downwards,
/// the way layouts are specified on paper. (PDF's own origin is bottom-left; the library converts.)
public struct PDFPoint: Sendable, Hashable {
    /// Distance from the left page edge, in points.
    public var x: Double
    /// Distance from the top page edge, in points.
    public var y: Double

    /// A point in points from the top-left corner.
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    /// A point given in millimetres from the top-left corner.
    public static func mm(x: Double, y: Double) -> PDFPoint {
        PDFPoint(x: .mm(x), y: .mm(y))
    }
}

/// A width and height in points.
public struct PDFSize: Sendable, Hashable {
    /// Width in points.
    public var width: Double
    /// Height in points.
    public var height: Double

    /// A size in points.
    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// ISO 216 A4 portrait: 210 × 297 mm (595.276 × 841.89 pt).
    public static let a4 = PDFSize(width: .mm(210), height: .mm(297))

    /// The same size rotated by 90°.
    public var landscape: PDFSize { PDFSize(width: height, height: width) }
}

/// A rectangle whose origin is its **top-left** corner, in points from the page's top-left corner.
public struct PDFRect: Sendable, Hashable {
    /// Top-left corner.
    public var origin: PDFPoint
    /// Width and height.
    public var size: PDFSize

    /// A rectangle from its top-left corner and size, in points.
    public init(x: Double, y: Double, width: Double, height: Double) {
        origin = PDFPoint(x: x, y: y)
        size = PDFSize(width: width, height: height)
    }

    /// A rectangle given in millimetres.
    public static func mm(x: Double, y: Double, width: Double, height: Double) -> PDFRect {
        PDFRect(x: .mm(x), y: .mm(y), width: .mm(width), height: .mm(height))
    }

    /// Left edge.
    public var minX: Double { origin.x }
    /// Top edge.
    public var minY: Double { origin.y }
    /// Right edge.
    public var maxX: Double { origin.x + size.width }
    /// Bottom edge.
    public var maxY: Double { origin.y + size.height }
    /// Width in points.
    public var width: Double { size.width }
    /// Height in points.
    public var height: Double { size.height }
}
