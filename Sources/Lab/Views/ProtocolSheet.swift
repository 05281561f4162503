/// A band of the stack drawing, bottom to top.
public struct StackBand: Sendable, Hashable {
  public let name: String
  public let material: String
  public let role: LayerRole
  /// Thickness, µm; nil when the protocol gives none (SS discs): drawn with a nominal height.
  public let thicknessMicrometres: Double?
  /// "1602 µm", or "—".
  public let label: String
}

/// A step of run mode: what to do, and how long to hold when the step is timed.
public struct RunStep: Sendable, Hashable {
  public let number: Int
  public let title: String
  public let detail: String?
  /// Countdown for press holds and timed actions, s.
  public let holdSeconds: Double?

  public init(number: Int, title: String, detail: String?, holdSeconds: Double?) {
    self.number = number
    self.title = title
    self.detail = detail
    self.holdSeconds = holdSeconds
  }
}

/// What the Assembly pane shows for one protocol, already formatted.
public struct ProtocolSheet: Sendable, Hashable {
  public let id: String
  public let title: String
  /// "10 mm die, 0.7854 cm²".
  public let dieText: String
  public let layerColumns: [SheetColumn]
  /// Layer rows, top of the stack first (as it is drawn).
  public let layerRows: [[String]]
  public let stack: [StackBand]
  public let pressColumns: [SheetColumn]
  public let pressRows: [[String]]
  /// Cathode capacity, C-rate currents, foil capacities, current-density currents.
  public let capacityLines: [String]
  public let runSteps: [RunStep]
  public let notes: [String]
  /// "total 1702 µm (SS not to scale)".
  public let stackText: String

  public init(cellProtocol: CellProtocol, report: ProtocolReport) {
    id = report.id
    title = report.title
    dieText = "\(LabFormat.number(report.dieDiameterMillimetres, digits: 4)) mm die, "
      + "\(LabFormat.fixed(report.dieAreaCm2, 4)) cm²"
    layerColumns = [
      SheetColumn("Layer"), SheetColumn("Material"), SheetColumn("Mass", unit: "mg", numeric: true),
      SheetColumn("Thickness", unit: "µm", numeric: true), SheetColumn("Loading", unit: "mg/cm²", numeric: true),
      SheetColumn("ρ × φ", unit: "g/cm³", numeric: true),
    ]
    layerRows = report.layers.reversed().map { layer in
      [
        layer.name, layer.material, layer.massMilligrams.map { LabFormat.number($0, digits: 4) } ?? "—",
        layer.thicknessMicrometres.map { LabFormat.number($0, digits: 4) } ?? "—",
        layer.arealLoadingMilligramsPerCm2.map { LabFormat.number($0, digits: 4) } ?? "—",
        layer.density.map {
          "\(LabFormat.number($0.gramsPerCm3, digits: 3)) × \(LabFormat.fixed($0.relativeDensity, 2))"
        } ?? "—",
      ]
    }
    stack = report.layers.map {
      StackBand(
        name: $0.name, material: $0.material, role: $0.role, thicknessMicrometres: $0.thicknessMicrometres,
        label: $0.thicknessMicrometres.map { LabFormat.number($0, digits: 4) + " µm" } ?? "—")
    }
    pressColumns = [
      SheetColumn("Step", numeric: true), SheetColumn("Pressure", unit: "MPa", numeric: true),
      SheetColumn("Force", unit: "kN", numeric: true), SheetColumn("Force", unit: "tf", numeric: true),
      SheetColumn("Hold"), SheetColumn("Die", unit: "mm", numeric: true),
    ]
    pressRows = report.presses.map {
      [
        String($0.step), LabFormat.number($0.pressureMegapascals, digits: 4), LabFormat.fixed($0.forceKilonewtons, 2),
        LabFormat.fixed($0.tonnesForce, 2), $0.holdHours.map { LabFormat.duration(hours: $0) } ?? "not stated",
        LabFormat.number($0.dieDiameterMillimetres, digits: 4),
      ]
    }
    capacityLines = Self.capacityLines(report)
    runSteps = Self.runSteps(cellProtocol, report)
    notes = report.notes
    let unscaled = report.layers.filter { $0.thicknessMicrometres == nil }.map(\.name)
    stackText = "total \(LabFormat.number(report.stackThicknessMicrometres, digits: 4)) µm"
      + (unscaled.isEmpty ? "" : " (not to scale: \(unscaled.joined(separator: ", ")))")
  }

  static func capacityLines(_ report: ProtocolReport) -> [String] {
    var lines: [String] = []
    if let c = report.cathode {
      lines.append(
        "Cathode: \(LabFormat.number(c.activeMassMilligrams, digits: 4)) mg \(c.activeMaterial) "
          + "in \(LabFormat.number(c.layerMassMilligrams, digits: 4)) mg → "
          + "\(LabFormat.number(c.capacityMilliampHours, digits: 4)) mAh at 1C = "
          + "\(LabFormat.number(c.specificCapacityMilliampHoursPerGram, digits: 4)) mA/g "
          + "(\(LabFormat.number(c.arealCapacityMilliampHoursPerCm2, digits: 4)) mAh/cm²)")
      for point in c.currents {
        lines.append(
          "  \(LabFormat.number(point.cRate ?? 0, digits: 3))C: \(LabFormat.number(point.currentMilliamps, digits: 4)) mA "
            + "(\(LabFormat.number(point.currentDensityMilliampsPerCm2, digits: 4)) mA/cm²)")
      }
    }
    for foil in report.foils {
      lines.append(
        "\(foil.layer): \(LabFormat.number(foil.perMicrometreMilliampHoursPerCm2, digits: 4)) mAh/cm² per µm × "
          + "\(LabFormat.number(foil.thicknessMicrometres, digits: 4)) µm = "
          + "\(LabFormat.number(foil.arealCapacityMilliampHoursPerCm2, digits: 4)) mAh/cm²")
    }
    for point in report.currents {
      lines.append(
        "\(LabFormat.number(point.currentDensityMilliampsPerCm2, digits: 3)) mA/cm² on "
          + "\(LabFormat.fixed(report.dieAreaCm2, 4)) cm²: \(LabFormat.number(point.currentMilliamps, digits: 4)) mA")
    }
    return lines
  }

  static func runSteps(_ cellProtocol: CellProtocol, _ report: ProtocolReport) -> [RunStep] {
    cellProtocol.steps.enumerated().map { index, step in
      let number = index + 1
      switch step.kind {
      case .action(let text, let hours):
        return RunStep(number: number, title: text, detail: nil, holdSeconds: hours.map { $0 * 3600 })
      case .press(let pressing):
        let press = report.presses.first { $0.step == number }
        var title = "Press \(LabFormat.number(pressing.pressureMegapascals, digits: 4)) MPa"
        if let press {
          title += ": set \(LabFormat.fixed(press.forceKilonewtons, 2)) kN (\(LabFormat.fixed(press.tonnesForce, 2)) tf)"
        }
        let hold = pressing.holdHours.map { "hold \(LabFormat.duration(hours: $0))" }
        let detail = [hold, pressing.note].compactMap { $0 }
        return RunStep(
          number: number, title: title,
          detail: detail.isEmpty ? "hold time not stated" : detail.joined(separator: "; "),
          holdSeconds: pressing.holdHours.map { $0 * 3600 })
      case .layer(let spec):
        let layer = report.layers.first { $0.step == number }
        var amount = ""
        if let loading = spec.cathode {
          amount = "\(LabFormat.number(layer?.massMilligrams ?? 0, digits: 4)) mg "
            + "(\(LabFormat.number(loading.milligramsPerCm2, digits: 3)) mg/cm² \(loading.activeBasis ? loading.activeMaterial : spec.material))"
        } else if let mass = spec.massMilligrams {
          amount = "\(LabFormat.number(mass, digits: 4)) mg"
        } else if let t = spec.thicknessMicrometres {
          amount = "\(LabFormat.number(t, digits: 4)) µm"
        }
        let verb = spec.massMilligrams != nil || spec.cathode != nil ? "Spread" : "Place"
        let title = "\(verb) \(spec.name): \(amount.isEmpty ? spec.material : amount + " " + spec.material) on the \(spec.position.rawValue)"
        var detail: [String] = []
        if spec.massMilligrams != nil || spec.cathode != nil, let t = layer?.thicknessMicrometres {
          let phi = layer?.density.map { " at \(LabFormat.number($0.relativeDensity * 100, digits: 3)) % density" } ?? ""
          detail.append("about \(LabFormat.number(t, digits: 4)) µm thick\(phi)")
        }
        if let note = spec.note { detail.append(note) }
        return RunStep(
          number: number, title: title, detail: detail.isEmpty ? nil : detail.joined(separator: "; "),
          holdSeconds: nil)
      }
    }
  }

  /// Rows of a stack drawing `rows` tall, bottom band first: proportional to thickness
  /// (largest remainders), every band at least one row so a 100 nm Au film stays visible;
  /// bands without a thickness get one row. When `rows` is smaller than the number of bands,
  /// the thinnest bands are dropped to 0 rows (never a crash, never negative).
  public func bandHeights(rows: Int) -> [Int] {
    let n = stack.count
    guard n > 0, rows > 0 else { return Array(repeating: 0, count: n) }
    if rows < n {
      let order = stack.indices.sorted {
        (stack[$0].thicknessMicrometres ?? 0) > (stack[$1].thicknessMicrometres ?? 0)
      }
      var heights = Array(repeating: 0, count: n)
      for i in order.prefix(rows) { heights[i] = 1 }
      return heights
    }
    var heights = Array(repeating: 1, count: n)
    let scaled = stack.indices.filter { stack[$0].thicknessMicrometres != nil }
    let total = scaled.reduce(0.0) { $0 + (stack[$1].thicknessMicrometres ?? 0) }
    let spare = rows - n
    guard total > 0, spare > 0 else { return heights }
    let shares = scaled.map { Double(spare) * (stack[$0].thicknessMicrometres ?? 0) / total }
    var given = 0
    for (k, i) in scaled.enumerated() {
      heights[i] += Int(shares[k])
      given += Int(shares[k])
    }
    let remainders: [Double] = shares.map { $0 - $0.rounded(.down) }
    let byRemainder = scaled.indices.sorted { remainders[$0] > remainders[$1] }
    for k in byRemainder.prefix(max(0, spare - given)) { heights[scaled[k]] += 1 }
    return heights
  }

  /// The whole sheet as plain text (the CLI's human output).
  public var textLines: [String] {
    var lines = ["\(id) — \(title)", dieText, "", "Stack (top first), \(stackText):"]
    lines += SheetText.table(columns: layerColumns, rows: layerRows)
    if !pressRows.isEmpty { lines += ["", "Pressing:"] + SheetText.table(columns: pressColumns, rows: pressRows) }
    if !capacityLines.isEmpty { lines += ["", "Capacities and currents:"] + capacityLines.map { "  " + $0 } }
    lines += ["", "Steps:"]
    for step in runSteps {
      lines.append("  \(step.number). \(step.title)" + (step.detail.map { " — " + $0 } ?? ""))
    }
    if !notes.isEmpty { lines += [""] + notes.map { "Note: " + $0 } }
    return lines
  }
}
