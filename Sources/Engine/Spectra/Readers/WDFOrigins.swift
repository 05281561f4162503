import Foundation
import Formats

/// The `ORGN` block of a `.wdf` file: where and when each spectrum was taken. Its body is a u32
/// list count, then per list a u32 data type (bit 31 flags a primary axis; 3 X, 4 Y, 5 Z,
/// 11 time, 16 checksum, 17 flags, …), a u32 unit (5 µm, 24 Windows FILETIME, …), a 16-byte
/// label and one 8-byte value per spectrum slot (`capacity` slots): a little-endian double, or
/// for FILETIME a u64 count of 100 ns ticks since 1601-01-01 UTC.
struct WDFOrigins {
  struct List {
    var type: UInt32
    var units: UInt32
    var label: String
    /// One value per collected spectrum: a number in `units`, or seconds since 1970 for FILETIME.
    var values: [Double]
    /// FILETIME lists only: the raw ticks (100 ns), kept so intervals are exact.
    var ticks: [UInt64] = []
    var isFileTime: Bool { units == 24 }
  }

  var lists: [List]

  static let fileTimeUnit: UInt32 = 24
  /// Seconds from 1601-01-01 (FILETIME's epoch) to 1970-01-01.
  static let fileTimeEpochOffset = 11_644_473_600.0

  init(block: WDFBlock, header: WDFHeader, in b: WDFBytes) throws {
    guard block.bodyLength >= 4 else { throw b.error("ORGN is too short to hold its list count", at: block.offset + 8) }
    let declared = try b.u32(block.body, "the origin-list count")
    guard Int(declared) == header.originCount else {
      throw b.error("ORGN holds \(declared) origin lists, the header declares \(header.originCount)", at: block.body)
    }
    let listLength = 24 + 8 * header.capacity
    guard header.originCount <= (block.bodyLength - 4) / max(listLength, 1) else {
      throw b.error("ORGN needs \(header.originCount) lists of \(listLength) bytes, its body has \(block.bodyLength)", at: block.offset + 8)
    }
    var lists: [List] = []
    for k in 0..<header.originCount {
      let at = block.body + 4 + k * listLength
      let type = try b.u32(at, "the data type of origin list \(k + 1)") & 0x7FFF_FFFF
      let units = try b.u32(at + 4, "the unit of origin list \(k + 1)")
      let label = try b.text(at + 8, width: 16, "the label of origin list \(k + 1)")
      var values: [Double] = [], ticks: [UInt64] = []
      values.reserveCapacity(header.collected)
      for i in 0..<header.collected {
        let offset = at + 24 + 8 * i
        if units == Self.fileTimeUnit {
          let tick = try b.u64(offset, "a time")
          ticks.append(tick)
          values.append(Double(tick) / 1e7 - Self.fileTimeEpochOffset)
        } else {
          values.append(try b.f64(offset, "an origin value"))
        }
      }
      lists.append(List(type: type, units: units, label: label.isEmpty ? "origin \(k + 1)" : label, values: values, ticks: ticks))
    }
    self.lists = lists
  }

  /// Seconds from the first spectrum to spectrum `index`, from the first FILETIME list.
  func elapsedSeconds(_ index: Int) -> Double? {
    guard let t = lists.first(where: { $0.isFileTime }), index < t.ticks.count else { return nil }
    let (a, b) = (t.ticks[index], t.ticks[0])
    return a >= b ? Double(a - b) / 1e7 : -Double(b - a) / 1e7
  }

  /// The list of a data type (3 X, 4 Y, 5 Z, 11 time), when present.
  func list(type: UInt32) -> List? { lists.first { $0.type == type } }

  /// Origin values of spectrum `index` worth showing: positions, time, temperature… (checksums
  /// and flags are skipped), each with its unit; non-finite values are left out, not printed.
  func metadata(for index: Int) -> [String: String] {
    var out: [String: String] = [:]
    for list in lists where list.type != 16 && list.type != 17 {
      let value = list.values[index]
      guard value.isFinite else { continue }
      if list.isFileTime {
        // Beyond 1900–2200 the tick count is not a plausible date; show it as seconds instead.
        out[list.label] = (-2.2e9...7.3e9).contains(value)
          ? Date(timeIntervalSince1970: value).formatted(.iso8601) : "\(value) s since 1970"
      } else {
        let unit = WDFUnit.symbol(list.units)
        out[list.label] = unit.isEmpty ? "\(value)" : "\(value) \(unit)"
      }
    }
    return out
  }
}

/// WiRE's unit codes (WdfDataUnits) as symbols; unknown codes as `unit N`.
enum WDFUnit {
  static func symbol(_ code: UInt32) -> String {
    let symbols = ["", "cm-1", "nm", "nm", "eV", "µm", "counts", "electrons", "mm", "m", "K", "Pa", "s", "ms", "h", "d",
                   "px", "", "", "deg", "rad", "°C", "°F", "K/min", "", "µs"]
    return Int(code) < symbols.count ? symbols[Int(code)] : "unit \(code)"
  }
}
