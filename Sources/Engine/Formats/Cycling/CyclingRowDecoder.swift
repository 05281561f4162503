/// Cells of one table row, however the table is stored (bytes of a CSV line, xlsx cells).
protocol CyclingRowCells {
  var cellCount: Int { get }
  /// The cell as a number, nil when it is empty or not a plain number.
  func number(_ column: Int) -> Double?
  /// The cell's text, nil when the row has no such cell.
  func text(_ column: Int) -> String?
}

/// Turns table rows into `CyclingRecord`s through a column map: unit factors, clock-style
/// times (`1-02:03:04.5`), step-type labels, and Maccor's unsigned current (the sign comes from
/// the state column: a charge state makes the current positive, a discharge state negative; an
/// end-of-step `S` keeps the state before it).
struct CyclingRowDecoder {
  let map: CyclingColumnMap
  private let time: Int
  private let voltage: Int
  private let current: Int
  private let useSingleCapacity: Bool
  private var lastStepType: StepType? = nil

  init(map: CyclingColumnMap) {
    self.map = map
    time = map.index[.testTime] ?? 0
    voltage = map.index[.voltage] ?? 0
    current = map.index[.current] ?? 0
    useSingleCapacity = map.index[.capacity] != nil
  }

  /// The record of a row, or nil for a blank row. Errors carry line and column (no file).
  mutating func decode<Row: CyclingRowCells>(_ row: Row, line: Int) throws -> CyclingRecord? {
    if row.cellCount == 0 || (row.cellCount == 1 && (row.text(0) ?? "").allSatisfy { $0 == " " }) { return nil }
    let t = try required(row, time, .testTime, "test time", line: line, clock: true)
    let v = try required(row, voltage, .voltage, "voltage", line: line, clock: false)
    var i = try required(row, current, .current, "current", line: line, clock: false)
    var record = CyclingRecord(testTime: t, voltage: v, current: i)
    if let c = map.index[.stepTime] { record.stepTime = optional(row, c, .stepTime, clock: true) }
    if useSingleCapacity, let c = map.index[.capacity] {
      record.capacityCounter = optional(row, c, .capacity, clock: false)
    } else {
      if let c = map.index[.chargeCapacity] { record.capacityCounter = optional(row, c, .chargeCapacity, clock: false) }
      if let c = map.index[.dischargeCapacity] {
        record.secondCapacityCounter = optional(row, c, .dischargeCapacity, clock: false)
      }
    }
    if let c = map.index[.energy] {
      record.energyCounter = optional(row, c, .energy, clock: false)
    } else {
      if let c = map.index[.chargeEnergy] { record.energyCounter = optional(row, c, .chargeEnergy, clock: false) }
      if let c = map.index[.dischargeEnergy] {
        record.secondEnergyCounter = optional(row, c, .dischargeEnergy, clock: false)
      }
    }
    if let c = map.index[.cycle], let n = row.number(c), let k = Int32(exactly: n.rounded()) { record.cycle = k }
    if let c = map.index[.stepIndex], let n = row.number(c), let k = Int32(exactly: n.rounded()) { record.stepIndex = k }
    if let c = map.index[.stepType], let label = row.text(c) {
      if let type = StepType.fromLabel(label) { lastStepType = type }
      record.stepType = lastStepType
      if let type = lastStepType, type.currentSign != 0 {
        i = abs(i) * type.currentSign
        record.current = i
      }
    }
    return record
  }

  private func required<Row: CyclingRowCells>(
    _ row: Row, _ column: Int, _ role: CyclingColumnRole, _ what: String, line: Int, clock: Bool
  ) throws -> Double {
    let scale = map.scale[role] ?? 1
    if let value = row.number(column) { return value * scale }
    if clock, let text = row.text(column), let seconds = parseClockDuration(text) { return seconds }
    let header = column < map.names.count ? map.names[column] : "?"
    guard let text = row.text(column) else {
      throw InputError(
        "expected \(row.cellCount > column ? "" : "a cell for ")\(what) in column \(column + 1) (`\(header)`), the row has \(row.cellCount) cells",
        line: line, column: column + 1)
    }
    throw InputError("expected a number for \(what) in column \(column + 1) (`\(header)`), got `\(text.prefix(40))`", line: line, column: column + 1)
  }

  private func optional<Row: CyclingRowCells>(_ row: Row, _ column: Int, _ role: CyclingColumnRole, clock: Bool) -> Double {
    let scale = map.scale[role] ?? 1
    if let value = row.number(column) { return value * scale }
    if clock, let text = row.text(column), let seconds = parseClockDuration(text) { return seconds }
    return .nan
  }
}
