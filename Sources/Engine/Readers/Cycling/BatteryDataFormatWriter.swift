/// Writes the Battery Data Format (BDF) CSV: the Battery Data Alliance's column labels with
/// units, current positive on charge. Capacities and energies are written per half-cycle
/// (`Step Capacity / Ah` would suggest the instrument's steps, so the half-cycle counters go out
/// as `Charging`/`Discharging Capacity / Ah`, which BDF readers such as navani sum), with the
/// engine's step index and cycle count.
public enum BatteryDataFormat {
  public static let header =
    "Test Time / s,Step Time / s,Voltage / V,Current / A,Charging Capacity / Ah,Discharging Capacity / Ah,"
    + "Charging Energy / Wh,Discharging Energy / Wh,Cycle Count / 1,Step Index / 1,Step Type,Half Cycle / 1"

  /// Calls `write` with chunks of CSV text (header first), so a large test never becomes one string.
  public static func write(_ data: CyclingData, chunkRows: Int = 65_536, _ write: (String) throws -> Void) rethrows {
    try write(header + "\n")
    var chunk = ""
    chunk.reserveCapacity(chunkRows * 96)
    var charging = true
    for i in 0..<data.count {
      if data.current[i] != 0 && data.stepType[i] != .rest { charging = data.current[i] > 0 }
      let q = data.capacity[i]
      let e = data.energy[i]
      chunk += "\(data.testTime[i]),\(data.stepTime[i]),\(data.voltage[i]),\(data.current[i]),"
      chunk += charging ? "\(q),0,\(e),0," : "0,\(q),0,\(e),"
      chunk += "\(data.cycle[i]),\(data.stepIndex[i]),\(data.stepType[i].name),\(data.halfCycle[i])\n"
      if (i + 1) % chunkRows == 0 {
        try write(chunk)
        chunk.removeAll(keepingCapacity: true)
      }
    }
    if !chunk.isEmpty { try write(chunk) }
  }
}

extension BatteryDataFormat {
  /// The three required BDF columns only (test time to 1 ms, voltage to 1 µV, current to nine
  /// significant digits): the smallest file every BDF reader opens.
  public static func writeEssential(_ records: [CyclingRecord], _ write: (String) throws -> Void) rethrows {
    try write("Test Time / s,Voltage / V,Current / A\n")
    var chunk = ""
    for (i, r) in records.enumerated() {
      chunk += String(format: "%.3f,%.6f,%.9g\n", r.testTime, r.voltage, r.current)
      if i % 8192 == 8191 {
        try write(chunk)
        chunk.removeAll(keepingCapacity: true)
      }
    }
    if !chunk.isEmpty { try write(chunk) }
  }

  /// A large synthetic BDF file for benchmarks, generated row by row (never held in memory):
  /// `points` rows sampled every second, galvanostatic half-cycles of `pointsPerHalfCycle` rows at
  /// ±1 mA with a sloping voltage. Numbers are formatted by integer arithmetic for speed.
  public static func writeBenchmark(points: Int, pointsPerHalfCycle: Int = 1000, _ write: ([UInt8]) throws -> Void) rethrows {
    var buffer: [UInt8] = Array("Test Time / s,Voltage / V,Current / A\n".utf8)
    buffer.reserveCapacity(1 << 20)
    func appendFixed(_ value: Int, decimals: Int) {
      var v = value
      if v < 0 { buffer.append(0x2D); v = -v }
      var digits: [UInt8] = []
      repeat { digits.append(UInt8(v % 10) + 0x30); v /= 10 } while v > 0 || digits.count <= decimals
      for (k, d) in digits.reversed().enumerated() {
        if k == digits.count - decimals && decimals > 0 { buffer.append(0x2E) }
        buffer.append(d)
      }
    }
    for i in 0..<points {
      let half = i / max(pointsPerHalfCycle, 1)
      let f = Double(i % max(pointsPerHalfCycle, 1)) / Double(pointsPerHalfCycle)
      let charging = half % 2 == 0
      let microvolts = charging ? 3_600_000 + Int(600_000 * f) : 4_200_000 - Int(600_000 * f)
      appendFixed(i, decimals: 0)
      buffer.append(0x2C)
      appendFixed(microvolts + (i * 7919) % 97, decimals: 6)
      buffer.append(0x2C)
      buffer.append(contentsOf: charging ? Array("0.001".utf8) : Array("-0.001".utf8))
      buffer.append(0x0A)
      if buffer.count > (1 << 20) - 64 {
        try write(buffer)
        buffer.removeAll(keepingCapacity: true)
      }
    }
    if !buffer.isEmpty { try write(buffer) }
  }
}

import Foundation
