import Foundation

/// Maps an EC-Lab table (`.mpr` or `.mpt`, read by `BioLogicFile`) to cycling rows.
///
/// Columns: `time/s`; `Ewe/V`, `<Ewe>/V` or `Ecell/V`; `I/mA` or `<I>/mA` (mA → A; EC-Lab's sign
/// is already positive for oxidation of the working electrode = charge); `Ns` (step) and
/// `cycle number`. Capacity, in order of preference: `Q charge/discharge/mA.h` (a counter that
/// restarts every half-cycle), `Q charge/mA.h` with `Q discharge/mA.h`, or the per-point
/// `dq/mA.h` summed into a running counter (its increments are then the |dq| of each point).
/// `(Q-Qo)/mA.h` is not used: it runs up and down and is no counter. Without any, the processor
/// integrates the current. Some GCPL files record no current column (only `control/V/mA`, which
/// is a set point, V or mA by mode); their current is then the charge passed per point over its
/// duration, I = dQ/Δt (mA.h per h = mA, Δt = t_i − t_{i−1}; 0 when Δt ≤ 0, as for the first
/// point) — navani's rule too. Errors name the file's line (text) or record (binary).
func readBioLogicCycling<R: CyclingRecordSink>(_ bytes: [UInt8], name: String, into sink: inout R) throws -> String {
  let file = try BioLogicFile(data: Data(bytes), fileName: name)
  let table = file.table
  guard let time = table.column(named: "time/s") else {
    throw InputError("EC-Lab table has no `time/s` column (columns: \(table.columnNames.joined(separator: ", ")))")
  }
  guard let voltage = table.column(namedAnyOf: ["Ewe/V", "<Ewe>/V", "Ecell/V", "<Ecell>/V"]) else {
    throw InputError("EC-Lab table has no `Ewe/V` or `Ecell/V` column (columns: \(table.columnNames.joined(separator: ", ")))")
  }
  let increments = table.column(namedAnyOf: ["dq/mA.h", "dQ/mA.h"])
  let measuredCurrent = table.column(namedAnyOf: ["I/mA", "<I>/mA"])
  guard measuredCurrent != nil || increments != nil else {
    throw InputError("EC-Lab table has no `I/mA`, `<I>/mA` or `dQ/mA.h` column (columns: \(table.columnNames.joined(separator: ", ")))")
  }
  // Current in mA: measured, or dQ/Δt.
  func currentMilliamps(_ row: Int) -> Double {
    if let measuredCurrent { return measuredCurrent.values[row] }
    guard let increments, row > 0 else { return 0 }
    let hours = (time.values[row] - time.values[row - 1]) / 3600
    return hours > 0 ? increments.values[row] / hours : 0
  }
  let step = table.column(named: "Ns")
  let cycle = table.column(named: "cycle number")
  let halfCounter = table.column(named: "Q charge/discharge/mA.h")
  let chargeCounter = table.column(named: "Q charge/mA.h")
  let dischargeCounter = table.column(named: "Q discharge/mA.h")
  var running = 0.0
  for row in 0..<table.rowCount {
    var r = CyclingRecord(testTime: time.values[row], voltage: voltage.values[row], current: currentMilliamps(row) / 1000)
    if let step { r.stepIndex = Int32(exactly: step.values[row].rounded()) }
    if let cycle { r.cycle = Int32(exactly: cycle.values[row].rounded()) }
    if let halfCounter {
      r.capacityCounter = halfCounter.values[row] / 1000
    } else if let chargeCounter, let dischargeCounter {
      r.capacityCounter = chargeCounter.values[row] / 1000
      r.secondCapacityCounter = dischargeCounter.values[row] / 1000
    } else if let increments {
      running += abs(increments.values[row]) / 1000
      r.capacityCounter = running
    }
    do { try sink.consume(r) } catch var e as InputError {
      let location = table.location(ofRow: row)
      if e.line == nil { e.line = location.line }
      if location.line == nil { e.message += " (\(location.text))" }
      throw e
    }
  }
  return file.metadata["format"] ?? "biologic"
}
