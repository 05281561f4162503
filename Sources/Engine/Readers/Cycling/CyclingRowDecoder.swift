import Formats

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
  /// Column and factor per role, resolved once (dictionary lookups per row cost more than the
  /// parsing itself).
  private struct Slot {
    var column: Int
    var scale: Double
  }
  private let time: Slot
  private let voltage: Slot
  private let current: Slot
  private let stepTime: Slot?
  private let capacity: Slot?
  private let secondCapacity: Slot?
  private let energy: Slot?
  private let secondEnergy: Slot?
  private let cycle: Int?
  private let step: Int?
  private let stepType: Int?
  private var lastStepType: StepType? = nil

  init(map: CyclingColumnMap) {
    self.map = map
    func slot(_ role: CyclingColumnRole) -> Slot? {
      map.index[role].map { Slot(column: $0, scale: map.scale[role] ?? 1) }
    }
    time = slot(.testTime) ?? Slot(column: 0, scale: 1)
    voltage = slot(.voltage) ?? Slot(column: 0, scale: 1)
    current = slot(.current) ?? Slot(column: 0, scale: 1)
    stepTime = slot(.stepTime)
    if let single = slot(.capacity) {
      capacity = single
      secondCapacity = nil
    } else {
      capacity = slot(.chargeCapacity)
      secondCapacity = slot(.dischargeCapacity)
    }
    if let single = slot(.energy) {
      energy = single
      secondEnergy = nil
    } else {
      energy = slot(.chargeEnergy)
      secondEnergy = slot(.dischargeEnergy)
    }
    cycle = map.index[.cycle]
    step = map.index[.stepIndex]
    stepType = map.index[.stepType]
  }

  /// The record of a row, or nil for a blank row. Errors carry line and column (no file).
  mutating func decode<Row: CyclingRowCells>(_ row: Row, line: Int) throws -> CyclingRecord? {
    if row.cellCount == 0 || (row.cellCount == 1 && (row.text(0) ?? "").allSatisfy { $0 == " " }) { return nil }
    let t = try required(row, time, "test time", line: line, clock: true)
    let v = try required(row, voltage, "voltage", line: line, clock: false)
    let i = try required(row, current, "current", line: line, clock: false)
    var record = CyclingRecord(testTime: t, voltage: v, current: i)
    if let stepTime { record.stepTime = optional(row, stepTime, clock: true) }
    if let capacity { record.capacityCounter = optional(row, capacity, clock: false) }
    if let secondCapacity { record.secondCapacityCounter = optional(row, secondCapacity, clock: false) }
    if let energy { record.energyCounter = optional(row, energy, clock: false) }
    if let secondEnergy { record.secondEnergyCounter = optional(row, secondEnergy, clock: false) }
    if let cycle, let n = row.number(cycle), let k = Int32(exactly: n.rounded()) { record.cycle = k }
    if let step, let n = row.number(step), let k = Int32(exactly: n.rounded()) { record.stepIndex = k }
    if let stepType, let label = row.text(stepType) {
      if let type = StepType.fromLabel(label) { lastStepType = type }
      record.stepType = lastStepType
      if let type = lastStepType, type.currentSign != 0 { record.current = abs(i) * type.currentSign }
    }
    return record
  }

  @inline(__always)
  private func required<Row: CyclingRowCells>(
    _ row: Row, _ slot: Slot, _ what: String, line: Int, clock: Bool
  ) throws -> Double {
    let column = slot.column
    let scale = slot.scale
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

  @inline(__always)
  private func optional<Row: CyclingRowCells>(_ row: Row, _ slot: Slot, clock: Bool) -> Double {
    let column = slot.column
    let scale = slot.scale
    if let value = row.number(column) { return value * scale }
    if clock, let text = row.text(column), let seconds = parseClockDuration(text) { return seconds }
    return .nan
  }
}
