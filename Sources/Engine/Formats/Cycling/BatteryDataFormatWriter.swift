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
