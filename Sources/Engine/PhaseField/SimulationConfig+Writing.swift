/// Writes the effective configuration (after command-line overrides) as TOML that `parse` reads
/// back to an equal value: the run folder's `config.toml` is the exact configuration used.
extension SimulationConfig {
  public func tomlText() -> String {
    func number(_ v: Double) -> String {
      // Swift's description is the shortest text that round-trips; TOML needs a digit before
      // an exponent and accepts "1e-06", "5.0", "inf" is not produced for validated configs.
      "\(v)"
    }
    let p = physics, n = numerics, m = mechanics
    var lines = ["# Effective configuration of this run (written by glovebox; overrides applied).",
                 "name = \"\(name)\"", "", "[physics]"]
    let physicsValues: [(String, Double)] = [
      ("transfer_coefficient", p.transferCoefficient), ("gas_constant", p.gasConstant),
      ("temperature", p.temperature), ("faraday", p.faraday), ("interface_mobility", p.interfaceMobility),
      ("reaction_constant", p.reactionConstant), ("reference_concentration", p.referenceConcentration),
      ("site_density", p.siteDensity), ("anisotropy_strength", p.anisotropyStrength),
      ("anisotropy_mode", p.anisotropyMode), ("anisotropy_angle", p.anisotropyAngle),
      ("barrier_height", p.barrierHeight), ("gradient_coefficient", p.gradientCoefficient),
      ("diffusivity", p.diffusivity), ("sigma_metal", p.sigmaMetal),
      ("sigma_electrolyte", p.sigmaElectrolyte), ("layer_height", p.layerHeight),
      ("electrode_potential", p.electrodePotential),
    ]
    lines += physicsValues.map { "\($0.0) = \(number($0.1))" }
    if let v = p.upperSigmaMetal { lines.append("upper_sigma_metal = \(number(v))") }
    if let v = p.upperSigmaElectrolyte { lines.append("upper_sigma_electrolyte = \(number(v))") }
    if let v = p.upperDiffusivity { lines.append("upper_diffusivity = \(number(v))") }
    lines += ["", "[nucleus]", "layer_thickness = \(number(nucleus.layerThickness))",
              "radius = \(number(nucleus.radius))"]
    if let h = nucleus.height { lines.append("height = \(number(h))") }
    lines += ["centre = \(number(nucleus.centre))",
              "noise = \(number(nucleus.noise))", "seed = \(Int64(bitPattern: nucleus.seed))"]
    lines += ["", "[mechanics]", "enabled = \(m.enabled)",
              "metal_young_modulus = \(number(m.metalYoungModulus))",
              "metal_poisson_ratio = \(number(m.metalPoissonRatio))",
              "electrolyte_young_modulus = \(number(m.electrolyteYoungModulus))",
              "electrolyte_poisson_ratio = \(number(m.electrolytePoissonRatio))",
              "vegard_coefficient = \(number(m.vegardCoefficient))"]
    if let v = m.upperElectrolyteYoungModulus { lines.append("upper_electrolyte_young_modulus = \(number(v))") }
    if let v = m.upperElectrolytePoissonRatio { lines.append("upper_electrolyte_poisson_ratio = \(number(v))") }
    lines += ["", "[numerics]", "nx = \(n.nx)", "ny = \(n.ny)", "length_x = \(number(n.lengthX))",
              "length_y = \(number(n.lengthY))", "dt_min = \(number(n.dtMin))", "dt_max = \(number(n.dtMax))",
              "max_phase_change = \(number(n.maxPhaseChange))",
              "migration_courant = \(number(n.migrationCourant))",
              "stabilization = \(number(n.stabilization))",
              "potential_tolerance = \(number(n.potentialTolerance))", "stepper = \"\(n.stepper)\""]
    lines += electronic?.tomlLines() ?? []
    lines += ["", "[run]", "output_interval = \(number(run.outputInterval))"]
    if let u = run.until { lines.append("until = \(number(u))") }
    if let s = run.maxSteps { lines.append("max_steps = \(s)") }
    return lines.joined(separator: "\n") + "\n"
  }
}
