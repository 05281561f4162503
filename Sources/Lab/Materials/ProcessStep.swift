/// Ball milling (planetary mill): the powder and balls sealed in a vial.
public struct BallMilling: Sendable, Hashable {
  public var rpm: Double
  public var hours: Double
  public var vial: String?
  public var balls: String?
  /// Ball-to-powder mass ratio (18 for 18 : 1); nil when not stated.
  public var ballToPowderRatio: Double?
  public var atmosphere: String?
  public var note: String?

  public init(
    rpm: Double, hours: Double, vial: String? = nil, balls: String? = nil,
    ballToPowderRatio: Double? = nil, atmosphere: String? = nil, note: String? = nil
  ) {
    self.rpm = rpm
    self.hours = hours
    self.vial = vial
    self.balls = balls
    self.ballToPowderRatio = ballToPowderRatio
    self.atmosphere = atmosphere
    self.note = note
  }
}

/// Mixing or stirring without milling media (mortar, magnetic stirring in water).
public struct Mixing: Sendable, Hashable {
  public var method: String
  public var hours: Double
  public var medium: String?
  public var note: String?

  public init(method: String, hours: Double, medium: String? = nil, note: String? = nil) {
    self.method = method
    self.hours = hours
    self.medium = medium
    self.note = note
  }
}

/// Kinds of heat treatment, in the words of the lab.
public enum HeatTreatmentKind: String, Sendable, Hashable, CaseIterable {
  case drying = "dry"
  case calcining = "calcine"
  case annealing = "anneal"
  case sintering = "sinter"

  public var verb: String {
    switch self {
    case .drying: "Dry"
    case .calcining: "Calcine"
    case .annealing: "Anneal"
    case .sintering: "Sinter"
    }
  }
}

/// A furnace or oven programme: ramp from `startCelsius` to `targetCelsius`, hold, cool back.
public struct HeatTreatment: Sendable, Hashable {
  public var kind: HeatTreatmentKind
  public var targetCelsius: Double
  public var holdHours: Double
  /// Heating rate, °C/min; nil = the sample goes into a hot oven (a step in temperature).
  public var rampCelsiusPerMinute: Double?
  /// Cooling rate, °C/min; nil = taken out hot (a step down).
  public var coolCelsiusPerMinute: Double?
  public var atmosphere: String?
  /// Room temperature the programme starts from and returns to.
  public var startCelsius: Double
  public var note: String?

  public init(
    kind: HeatTreatmentKind, targetCelsius: Double, holdHours: Double,
    rampCelsiusPerMinute: Double? = nil, coolCelsiusPerMinute: Double? = nil,
    atmosphere: String? = nil, startCelsius: Double = 25, note: String? = nil
  ) {
    self.kind = kind
    self.targetCelsius = targetCelsius
    self.holdHours = holdHours
    self.rampCelsiusPerMinute = rampCelsiusPerMinute
    self.coolCelsiusPerMinute = coolCelsiusPerMinute
    self.atmosphere = atmosphere
    self.startCelsius = startCelsius
    self.note = note
  }

  /// Ramp time in hours: |T_target − T_start| / (rate · 60); 0 without a ramp.
  public var rampHours: Double {
    guard let rate = rampCelsiusPerMinute, rate > 0 else { return 0 }
    return abs(targetCelsius - startCelsius) / rate / 60
  }

  /// Cooling time in hours at the stated rate; 0 when taken out hot.
  public var coolHours: Double {
    guard let rate = coolCelsiusPerMinute, rate > 0 else { return 0 }
    return abs(targetCelsius - startCelsius) / rate / 60
  }

  /// Ramp + hold + cool, hours.
  public var totalHours: Double { rampHours + holdHours + coolHours }
}

/// One process step of a recipe.
public enum ProcessStepKind: Sendable, Hashable {
  case ballMill(BallMilling)
  case mix(Mixing)
  case heat(HeatTreatment)
}

/// A process step with the line it was read from.
public struct ProcessStep: Sendable, Hashable {
  public var kind: ProcessStepKind
  public var line: Int?

  public init(_ kind: ProcessStepKind, line: Int? = nil) {
    self.kind = kind
    self.line = line
  }

  /// Wall-clock duration of the step in hours (for heat treatments including ramp and cooling).
  public var hours: Double {
    switch kind {
    case .ballMill(let mill): mill.hours
    case .mix(let mix): mix.hours
    case .heat(let heat): heat.totalHours
    }
  }

  /// One line for people: "Ball-mill 600 rpm, 10 h, ZrO2 vial, ZrO2 balls, BPR 18 : 1".
  public var summary: String {
    switch kind {
    case .ballMill(let m):
      var parts = ["Ball-mill \(LabFormat.number(m.rpm, digits: 4)) rpm", LabFormat.duration(hours: m.hours)]
      if let vial = m.vial { parts.append("\(vial) vial") }
      if let balls = m.balls { parts.append("\(balls) balls") }
      if let bpr = m.ballToPowderRatio { parts.append("ball : powder \(LabFormat.number(bpr, digits: 3)) : 1") }
      if let atmosphere = m.atmosphere { parts.append(atmosphere) }
      return parts.joined(separator: ", ")
    case .mix(let m):
      var text = "Mix (\(m.method)) \(LabFormat.duration(hours: m.hours))"
      if let medium = m.medium { text += " in \(medium)" }
      return text
    case .heat(let h):
      var parts = [
        "\(h.kind.verb) \(LabFormat.number(h.targetCelsius, digits: 4)) °C",
        "hold \(LabFormat.duration(hours: h.holdHours))",
      ]
      if let ramp = h.rampCelsiusPerMinute { parts.append("ramp \(LabFormat.number(ramp, digits: 3)) °C/min") }
      if let cool = h.coolCelsiusPerMinute { parts.append("cool \(LabFormat.number(cool, digits: 3)) °C/min") }
      if let atmosphere = h.atmosphere { parts.append(atmosphere) }
      return parts.joined(separator: ", ")
    }
  }
}
