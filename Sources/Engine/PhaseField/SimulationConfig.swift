import Formats

/// A phase-field run configuration read from TOML (`Examples/sim/*.toml`): physics, the
/// initial nucleus, mechanics settings, numerics and run control in separate tables, so a
/// numerical change never touches the physics. Every key is optional (defaults are the
/// `LiModelPhysics`/`LiModelNumerics` values) but unknown keys and out-of-range values are
/// errors at their line, and the file must hold `name` and a `[physics]` table (an empty or
/// truncated file is an error, never the built-in model).
public struct SimulationConfig: Sendable, Equatable {
  public var name = "run"
  public var physics = LiModelPhysics()
  public var nucleus = LiNucleus()
  public var numerics = LiModelNumerics()
  public var mechanics = MechanicsSettings()
  public var run = RunSettings()
  /// The electronic-path variant (`[electronic]` table); nil = the single-potential model.
  public var electronic: ElectronicPathSettings?

  public init() {}

  /// Elastic constants (plane strain, Vegard eigenstrain λ·h(ξ)); `enabled` couples the
  /// mechanics equation (`LiModelMechanics`) into the run.
  public struct MechanicsSettings: Sendable, Equatable {
    public init() {}
    public var enabled = false
    public var metalYoungModulus = 4.9e9
    public var metalPoissonRatio = 0.42
    public var electrolyteYoungModulus = 22e9
    public var electrolytePoissonRatio = 0.37
    public var upperElectrolyteYoungModulus: Double?
    public var upperElectrolytePoissonRatio: Double?
    public var vegardCoefficient = 0.0
  }

  /// When to write output and when to stop.
  public struct RunSettings: Sendable, Equatable {
    /// Simulated seconds between snapshots/metrics rows.
    public var outputInterval = 1.0
    /// Stop at this simulated time (s).
    public var until: Double? = 100
    /// Stop after this many steps in total.
    public var maxSteps: Int?
  }

  public static func parse(_ text: String, fileName: String? = nil) throws -> SimulationConfig {
    try parse(root: try TOML.parse(text, fileName: fileName), fileName: fileName)
  }

  /// The same reading from an already parsed table (a sweep sets keys of its base config in
  /// the table and validates each point through here).
  public static func parse(root: TOMLTable, fileName: String? = nil) throws -> SimulationConfig {
    var config = SimulationConfig()
    try check(root, allowed: ["name", "physics", "nucleus", "numerics", "mechanics", "run", "electronic"])
    config.name = try root.optionalString("name") ?? "run"
    if let t = try root.optionalTable("physics") { try readPhysics(t, into: &config.physics) }
    if let t = try root.optionalTable("nucleus") { try readNucleus(t, into: &config.nucleus) }
    if let t = try root.optionalTable("numerics") { try readNumerics(t, into: &config.numerics) }
    if let t = try root.optionalTable("mechanics") { try readMechanics(t, into: &config.mechanics) }
    if let t = try root.optionalTable("run") { try readRun(t, into: &config.run) }
    if let t = try root.optionalTable("electronic") { config.electronic = try ElectronicPathSettings.read(t) }
    // Every key of the tables has a documented default, but a run must say what it is: a
    // zero-length or truncated file would otherwise run the built-in model as if chosen.
    guard root["name"] != nil, root["physics"] != nil else {
      let missing = [root["name"] == nil ? "`name = \"…\"`" : nil, root["physics"] == nil ? "a [physics] table" : nil]
        .compactMap { $0 }.joined(separator: " and ")
      throw InputError(
        (root.keys.isEmpty ? "empty simulation config: " : "the simulation config lacks ") + missing
          + " (only [nucleus], [numerics], [mechanics], [run] and keys within [physics] may be left to their defaults)",
        file: fileName, line: 1)
    }
    return config
  }

  static func check(_ table: TOMLTable, allowed: Set<String>) throws {
    if let first = table.unknownKeys(allowed: allowed).first { throw first }
  }

  static func positive(_ t: TOMLTable, _ key: String, _ value: inout Double) throws {
    guard let v = try t.optionalDouble(key) else { return }
    guard v > 0, v.isFinite else { throw t.error("'\(t.qualified(key))' must be a positive number", key: key) }
    value = v
  }

  static func readPhysics(_ t: TOMLTable, into p: inout LiModelPhysics) throws {
    let keys: [(String, WritableKeyPath<LiModelPhysics, Double>)] = [
      ("gas_constant", \.gasConstant), ("temperature", \.temperature), ("faraday", \.faraday),
      ("interface_mobility", \.interfaceMobility), ("reaction_constant", \.reactionConstant),
      ("reference_concentration", \.referenceConcentration), ("site_density", \.siteDensity),
      ("anisotropy_mode", \.anisotropyMode), ("barrier_height", \.barrierHeight),
      ("gradient_coefficient", \.gradientCoefficient), ("diffusivity", \.diffusivity),
      ("sigma_metal", \.sigmaMetal), ("sigma_electrolyte", \.sigmaElectrolyte),
    ]
    try check(t, allowed: Set(keys.map(\.0) + [
      "transfer_coefficient", "anisotropy_strength", "anisotropy_angle", "upper_sigma_metal",
      "upper_sigma_electrolyte", "upper_diffusivity", "layer_height", "electrode_potential",
    ]))
    for (key, path) in keys { try positive(t, key, &p[keyPath: path]) }
    if let a = try t.optionalDouble("transfer_coefficient") {
      guard a > 0, a < 1 else { throw t.error("'physics.transfer_coefficient' must lie in (0, 1)", key: "transfer_coefficient") }
      p.transferCoefficient = a
    }
    if let d = try t.optionalDouble("anisotropy_strength") {
      guard d >= 0, d < 1 else { throw t.error("'physics.anisotropy_strength' must lie in [0, 1)", key: "anisotropy_strength") }
      p.anisotropyStrength = d
    }
    p.anisotropyAngle = try t.optionalDouble("anisotropy_angle") ?? p.anisotropyAngle
    if let v = try t.optionalDouble("upper_sigma_metal") {
      guard v > 0 else { throw t.error("'physics.upper_sigma_metal' must be positive", key: "upper_sigma_metal") }
      p.upperSigmaMetal = v
    }
    if let v = try t.optionalDouble("upper_sigma_electrolyte") {
      guard v > 0 else { throw t.error("'physics.upper_sigma_electrolyte' must be positive", key: "upper_sigma_electrolyte") }
      p.upperSigmaElectrolyte = v
    }
    if let v = try t.optionalDouble("upper_diffusivity") {
      guard v > 0 else {
        throw t.error("'physics.upper_diffusivity' must be positive (m²/s)", key: "upper_diffusivity")
      }
      p.upperDiffusivity = v
    }
    if let h = try t.optionalDouble("layer_height") {
      guard h >= 0, h <= 1 else { throw t.error("'physics.layer_height' must lie in [0, 1]", key: "layer_height") }
      p.layerHeight = h
    }
    p.electrodePotential = try t.optionalDouble("electrode_potential") ?? p.electrodePotential
  }

  static func readNucleus(_ t: TOMLTable, into n: inout LiNucleus) throws {
    try check(t, allowed: ["layer_thickness", "radius", "height", "centre", "noise", "seed"])
    for (key, path) in [("layer_thickness", \LiNucleus.layerThickness), ("radius", \.radius),
                        ("noise", \.noise)] as [(String, WritableKeyPath<LiNucleus, Double>)] {
      if let v = try t.optionalDouble(key) {
        guard v >= 0 else { throw t.error("'nucleus.\(key)' must not be negative", key: key) }
        n[keyPath: path] = v
      }
    }
    if let h = try t.optionalDouble("height") {
      guard h >= n.radius, h.isFinite else {
        throw t.error("'nucleus.height' must be at least nucleus.radius (\(n.radius) m)", key: "height")
      }
      n.height = h
    }
    if let c = try t.optionalDouble("centre") {
      guard c >= 0, c <= 1 else { throw t.error("'nucleus.centre' must lie in [0, 1]", key: "centre") }
      n.centre = c
    }
    if let s = try t.optionalInt("seed") { n.seed = UInt64(truncatingIfNeeded: s) }
  }

  static func readNumerics(_ t: TOMLTable, into n: inout LiModelNumerics) throws {
    try check(t, allowed: ["nx", "ny", "length_x", "length_y", "dt_min", "dt_max", "max_phase_change",
                           "migration_courant", "stabilization", "potential_tolerance", "stepper"])
    for key in ["nx", "ny"] {
      if let v = try t.optionalInt(key) {
        guard v >= 8, v % 2 == 0 else { throw t.error("'numerics.\(key)' must be an even integer ≥ 8", key: key) }
        if key == "nx" { n.nx = v } else { n.ny = v }
      }
    }
    let keys: [(String, WritableKeyPath<LiModelNumerics, Double>)] = [
      ("length_x", \.lengthX), ("length_y", \.lengthY), ("dt_min", \.dtMin), ("dt_max", \.dtMax),
      ("max_phase_change", \.maxPhaseChange), ("migration_courant", \.migrationCourant),
      ("stabilization", \.stabilization), ("potential_tolerance", \.potentialTolerance),
    ]
    for (key, path) in keys { try positive(t, key, &n[keyPath: path]) }
    if n.dtMax < n.dtMin { throw t.error("'numerics.dt_max' must be ≥ dt_min", key: "dt_max") }
    if let s = try t.optionalString("stepper") {
      do { _ = try StepperRegistry.stepper(named: s) } catch let e as InputError {
        throw t.error(e.message, key: "stepper")
      }
      // a known stepper the Li model cannot run is refused here rather than run as Euler
      if let refusal = LiModel.stepperRefusal(s) { throw t.error("'numerics.stepper': " + refusal, key: "stepper") }
      n.stepper = s
    }
  }

  static func readMechanics(_ t: TOMLTable, into m: inout MechanicsSettings) throws {
    try check(t, allowed: ["enabled", "metal_young_modulus", "metal_poisson_ratio",
                           "electrolyte_young_modulus", "electrolyte_poisson_ratio",
                           "upper_electrolyte_young_modulus", "upper_electrolyte_poisson_ratio",
                           "vegard_coefficient"])
    m.enabled = try t.optionalBool("enabled") ?? false
    try positive(t, "metal_young_modulus", &m.metalYoungModulus)
    try positive(t, "electrolyte_young_modulus", &m.electrolyteYoungModulus)
    for (key, path) in [("metal_poisson_ratio", \MechanicsSettings.metalPoissonRatio),
                        ("electrolyte_poisson_ratio", \.electrolytePoissonRatio)] {
      if let v = try t.optionalDouble(key) {
        guard v > -1, v < 0.5 else { throw t.error("'mechanics.\(key)' must lie in (−1, 0.5)", key: key) }
        m[keyPath: path] = v
      }
    }
    if let v = try t.optionalDouble("upper_electrolyte_young_modulus") {
      guard v > 0, v.isFinite else {
        throw t.error("'mechanics.upper_electrolyte_young_modulus' must be a positive number (Pa)",
                      key: "upper_electrolyte_young_modulus")
      }
      m.upperElectrolyteYoungModulus = v
    }
    if let v = try t.optionalDouble("upper_electrolyte_poisson_ratio") {
      guard v > -1, v < 0.5 else {
        throw t.error("'mechanics.upper_electrolyte_poisson_ratio' must lie in (−1, 0.5)",
                      key: "upper_electrolyte_poisson_ratio")
      }
      m.upperElectrolytePoissonRatio = v
    }
    m.vegardCoefficient = try t.optionalDouble("vegard_coefficient") ?? m.vegardCoefficient
  }

  static func readRun(_ t: TOMLTable, into r: inout RunSettings) throws {
    try check(t, allowed: ["output_interval", "until", "max_steps"])
    try positive(t, "output_interval", &r.outputInterval)
    if let u = try t.optionalDouble("until") {
      guard u > 0 else { throw t.error("'run.until' must be positive", key: "until") }
      r.until = u
    }
    if let s = try t.optionalInt("max_steps") {
      guard s > 0 else { throw t.error("'run.max_steps' must be positive", key: "max_steps") }
      r.maxSteps = s
    }
  }
}
