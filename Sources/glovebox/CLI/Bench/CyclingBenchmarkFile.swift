import Engine

/// Large synthetic cycler files for benchmarks (`cycle demo --bench-format`), in each format the
/// engine reads, written point by point into a byte sink (never held whole). Every format carries
/// the same trace, labelled synthetic: one point a second, galvanostatic half-cycles of
/// `pointsPerHalfCycle` points at ±1 mA (charge first), the voltage sloping 3.6 → 4.2 V on charge
/// and back on discharge with a few µV of deterministic jitter, and a capacity counter that
/// restarts each half-cycle and counts 1 mA·s per point (the interval each point closes), so every
/// half-cycle holds `pointsPerHalfCycle` mA·s = pointsPerHalfCycle / 3600 mAh in every format.
enum CyclingBenchmarkFile {
  enum Format: String, CaseIterable, Sendable {
    case bdf, nda, ndax, mpr, xlsx

    /// The file name ending readers key on.
    var fileExtension: String { self == .bdf ? "bdf.csv" : rawValue }
  }

  /// Point `index` of the trace.
  struct Point {
    let index: Int
    let halfCycle: Int
    let charging: Bool
    /// Points since the half-cycle began, counting this one (1…pointsPerHalfCycle).
    let pointInHalfCycle: Int
    let microvolts: Int

    init(_ index: Int, pointsPerHalfCycle: Int) {
      let per = max(pointsPerHalfCycle, 1)
      self.index = index
      halfCycle = index / per
      charging = halfCycle % 2 == 0
      pointInHalfCycle = index % per + 1
      let f = Double(index % per) / Double(per)
      microvolts = (charging ? 3_600_000 + Int(600_000 * f) : 4_200_000 - Int(600_000 * f)) + (index * 7919) % 97
    }

    /// Test time, s: the point closes the second that ends at index + 1.
    var seconds: Int { index + 1 }
  }

  /// Writes `points` points of the trace in `format`; `sink` receives chunks of about 1 MiB.
  static func write(
    _ format: Format, points: Int, pointsPerHalfCycle: Int = 100_000, _ sink: @escaping ([UInt8]) throws -> Void
  ) throws {
    switch format {
    case .bdf: try BatteryDataFormat.writeBenchmark(points: points, pointsPerHalfCycle: pointsPerHalfCycle, sink)
    case .nda: try writeNDA(points: points, pointsPerHalfCycle: pointsPerHalfCycle, sink)
    case .ndax: try writeNDAX(points: points, pointsPerHalfCycle: pointsPerHalfCycle, sink)
    case .mpr: try writeMPR(points: points, pointsPerHalfCycle: pointsPerHalfCycle, sink)
    case .xlsx: try writeXlsx(points: points, pointsPerHalfCycle: pointsPerHalfCycle, sink)
    }
  }
}

/// Little-endian fields appended to a byte buffer (the benchmark writers' records).
extension Array where Element == UInt8 {
  mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
    var v = value.littleEndian
    Swift.withUnsafeBytes(of: &v) { append(contentsOf: $0) }
  }

  /// A non-negative integer in decimal, with `decimals` digits after a point (value × 10^decimals).
  mutating func appendFixed(_ value: Int, decimals: Int) {
    var v = value
    if v < 0 {
      append(0x2D)
      v = -v
    }
    var digits: [UInt8] = []
    repeat {
      digits.append(UInt8(v % 10) + 0x30)
      v /= 10
    } while v > 0 || digits.count <= decimals
    for (k, d) in digits.reversed().enumerated() {
      if k == digits.count - decimals && decimals > 0 { append(0x2E) }
      append(d)
    }
  }
}
