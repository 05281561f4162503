import Foundation

/// What a column of a cycler table holds.
enum CyclingColumnRole: Int, CaseIterable, Sendable {
  case testTime, stepTime, voltage, current, capacity, chargeCapacity, dischargeCapacity
  case energy, chargeEnergy, dischargeEnergy, cycle, stepIndex, stepType
}

/// One header cell read as a quantity: the role it plays and the factor to the engine's unit
/// (s, V, A, Ah, Wh), or nil when it is not a column the data model uses.
struct CyclingColumn: Sendable, Equatable {
  var role: CyclingColumnRole
  var scale: Double
  /// Lower is preferred when two columns claim one role (e.g. BDF's step capacity over its
  /// cumulative capacity).
  var preference: Int
}

/// Splits `Voltage / V`, `Voltage/V`, `Current(mA)`, `Current [mA]`, `Test_Time(s)`,
/// `SpeCap/mAh/g` into a name and a unit (the text after the first separator).
func splitHeader(_ raw: String) -> (name: String, unit: String) {
  let text = raw.trimmingCharacters(in: CharacterSet(charactersIn: " \t\"\u{FEFF}"))
  if let open = text.firstIndex(where: { $0 == "(" || $0 == "[" }), text.last == ")" || text.last == "]" {
    let name = String(text[..<open])
    let unit = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
    return (name, unit.trimmingCharacters(in: .whitespaces))
  }
  if let slash = text.firstIndex(of: "/") {
    return (String(text[..<slash]), String(text[text.index(after: slash)...]).trimmingCharacters(in: .whitespaces))
  }
  return (text, "")
}

/// Lower-case letters, digits, `#`, `<`, `>` only: `Test_Time` and `Test Time` read alike.
func normalizedName(_ name: String) -> String {
  String(name.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) || "#<>".unicodeScalars.contains($0) })
}

private let timeUnits: [String: Double] = [
  "": 1, "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1, "ms": 1e-3, "min": 60, "mins": 60,
  "minute": 60, "minutes": 60, "h": 3600, "hr": 3600, "hrs": 3600, "hour": 3600, "hours": 3600,
]
private let voltageUnits: [String: Double] = ["": 1, "v": 1, "mv": 1e-3, "uv": 1e-6, "µv": 1e-6]
private let currentUnits: [String: Double] = [
  "": 1, "a": 1, "ma": 1e-3, "ua": 1e-6, "µa": 1e-6, "μa": 1e-6, "na": 1e-9,
]
private let capacityUnits: [String: Double] = [
  "": 1, "ah": 1, "a.h": 1, "a·h": 1, "mah": 1e-3, "ma.h": 1e-3, "ma·h": 1e-3, "uah": 1e-6,
  "µah": 1e-6, "μah": 1e-6, "ua.h": 1e-6, "c": 1.0 / 3600, "as": 1.0 / 3600, "mas": 1e-3 / 3600,
]
private let energyUnits: [String: Double] = [
  "": 1, "wh": 1, "w.h": 1, "w·h": 1, "mwh": 1e-3, "mw.h": 1e-3, "mw·h": 1e-3, "uwh": 1e-6,
  "µwh": 1e-6, "j": 1.0 / 3600, "kwh": 1e3,
]

/// Reads one header cell. Columns normalised by mass or area (`mAh/g`, `mA/cm2`) are left out:
/// the engine normalises itself from the absolute columns.
func classifyColumn(_ header: String) -> CyclingColumn? {
  let (rawName, rawUnit) = splitHeader(header)
  let name = normalizedName(rawName)
  let unit = rawUnit.lowercased().replacingOccurrences(of: " ", with: "")
  if unit.contains("/g") || unit.contains("/cm") || unit.contains("/kg") || unit.contains("/m") { return nil }
  func quantity(_ role: CyclingColumnRole, _ table: [String: Double], _ preference: Int = 0) -> CyclingColumn? {
    guard let scale = table[unit] else { return nil }
    return CyclingColumn(role: role, scale: scale, preference: preference)
  }
  switch name {
  case "testtime", "totaltime", "test", "elapsedtime", "runtime":
    return quantity(.testTime, timeUnits, 0)
  case "time":  // BioLogic's `time/s` is test time; Neware's `Time` beside `Total Time` is not
    return quantity(.testTime, timeUnits, 1)
  case "steptime":
    return quantity(.stepTime, timeUnits)
  case "step" where !unit.isEmpty:
    return quantity(.stepTime, timeUnits)  // Maccor's `Step (Sec)`
  case "voltage", "volts", "volt", "ecell", "ewe", "potential", "u", "e", "cellvoltage":
    return quantity(.voltage, voltageUnits)
  case "current", "amps", "amp", "i", "<i>":
    return quantity(.current, currentUnits)
  case "stepcapacity", "capacity", "cap": return quantity(.capacity, capacityUnits, 0)
  case "amphr", "amphours", "q": return quantity(.capacity, capacityUnits, 1)
  case "cumulativecapacity": return quantity(.capacity, capacityUnits, 2)
  case "chargecapacity", "chargingcapacity", "chgcap", "qcharge": return quantity(.chargeCapacity, capacityUnits)
  case "dischargecapacity", "dischargingcapacity", "dchgcap", "qdischarge":
    return quantity(.dischargeCapacity, capacityUnits)
  case "stepenergy", "energy": return quantity(.energy, energyUnits, 0)
  case "watthr": return quantity(.energy, energyUnits, 1)
  case "cumulativeenergy": return quantity(.energy, energyUnits, 2)
  case "chargeenergy", "chargingenergy", "chgenergy": return quantity(.chargeEnergy, energyUnits)
  case "dischargeenergy", "dischargingenergy", "dchgenergy": return quantity(.dischargeEnergy, energyUnits)
  case "cycle", "cycleindex", "cyclecount", "cyc#", "cycleid", "cycleno", "cyclenumber", "cycle#":
    return CyclingColumn(role: .cycle, scale: 1, preference: 0)
  case "stepindex", "step", "stepid", "stepno", "ns", "stepnumber", "step#":
    return CyclingColumn(role: .stepIndex, scale: 1, preference: 0)
  case "stepcount": return CyclingColumn(role: .stepIndex, scale: 1, preference: 1)
  case "state", "steptype", "mode", "status", "stepname":
    return CyclingColumn(role: .stepType, scale: 1, preference: 0)
  default: return nil
  }
}

/// The columns of one table, chosen from its header: for each role the preferred column.
struct CyclingColumnMap: Sendable {
  var index: [CyclingColumnRole: Int] = [:]
  var scale: [CyclingColumnRole: Double] = [:]
  var names: [String] = []

  init(header: [String]) {
    names = header
    var best: [CyclingColumnRole: (Int, CyclingColumn)] = [:]
    for (i, cell) in header.enumerated() {
      guard let column = classifyColumn(cell) else { continue }
      if let existing = best[column.role], existing.1.preference <= column.preference { continue }
      best[column.role] = (i, column)
    }
    // Neware writes `Time` (the step's clock) beside `Total Time`: a plain time column that lost
    // to a test-time column is the step time.
    if best[.stepTime] == nil, let (testIndex, _) = best[.testTime] {
      for (i, cell) in header.enumerated() where i != testIndex && normalizedName(splitHeader(cell).name) == "time" {
        if let column = classifyColumn(cell) { best[.stepTime] = (i, CyclingColumn(role: .stepTime, scale: column.scale, preference: 0)) }
      }
    }
    for (role, (i, column)) in best {
      index[role] = i
      scale[role] = column.scale
    }
  }

  /// A table the engine can read has a time, a voltage and a current.
  var isUsable: Bool { index[.testTime] != nil && index[.voltage] != nil && index[.current] != nil }

  var missingDescription: String {
    let missing = [(CyclingColumnRole.testTime, "test time"), (.voltage, "voltage"), (.current, "current")]
      .filter { index[$0.0] == nil }.map(\.1)
    return "expected columns for " + missing.joined(separator: ", ")
      + " (e.g. `Test Time / s`, `Voltage / V`, `Current / A` or `Current(mA)`)"
  }
}
