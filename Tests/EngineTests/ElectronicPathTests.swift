import Formats
import XCTest
@testable import Engine

/// The electronic-path variant (`ElectronicPath`): its limit without electrons in the electrolyte,
/// a 1-D leakage steady state against its analytic solution, charge conservation, restarts and
/// the `[electronic]` table's errors.
final class ElectronicPathTests: XCTestCase {
  private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// A preset's text with `replacing` applied, parsed, on a 64² window at its 50 nm spacing.
  private func preset(_ name: String, replacing: [(String, String)] = []) throws -> SimulationConfig {
    let path = Self.root.appendingPathComponent("Examples/sim/\(name).toml").path
    var text = try String(contentsOfFile: path, encoding: .utf8)
    for (old, new) in replacing {
      XCTAssertTrue(text.contains(old), "\(name) must contain \(old)")
      text = text.replacingOccurrences(of: old, with: new)
    }
    var config = try SimulationConfig.parse(text, fileName: path)
    let spacing = config.numerics.spacingX
    config.numerics.nx = 64
    config.numerics.ny = 64
    config.numerics.lengthX = 64 * spacing
    config.numerics.lengthY = 64 * spacing
    return config
  }

  private func model(_ config: SimulationConfig) throws -> LiModel {
    try LiModel(physics: config.physics, numerics: config.numerics,
                state: LiModel.initialState(physics: config.physics, numerics: config.numerics, nucleus: config.nucleus),
                mechanics: config.mechanics, electronic: config.electronic)
  }

  /// (a) σ_n,el = 0: no electrons in the electrolyte, so no bulk reduction and no φₑ; the
  /// variant must be the single-potential model number for number (the states are compared
  /// with ==, i.e. every Double bit for bit, and so are the step diagnostics).
  func testZeroElectronicConductivityIsTheSinglePotentialModel() throws {
    let single = try model(preset("model1"))
    let config = try preset("model1_electronic", replacing: [("electrolyte_conductivity = 3.73e-7", "electrolyte_conductivity = 0")])
    XCTAssertEqual(config.electronic?.electrolyteConductivity, 0)
    let variant = try model(config)
    XCTAssertFalse(variant.hasElectronicPath)
    for _ in 0..<25 {
      XCTAssertEqual(try variant.step(), try single.step())
    }
    XCTAssertEqual(variant.state, single.state)
    XCTAssertNil(variant.state.electronic)
  }

  /// (b) 1-D steady leakage. Metal (ξ = 1) on node rows 0…4, electrolyte above; σ_n,el = σ1
  /// below y_l and σ2 above (model 3's layers); no Li forms (∂ξ/∂t = 0). Then
  /// d/dy(σ_n dφₑ/dy) = 0: the current J = −σ_n dφₑ/dy is the same at every y, so
  /// φₑ(y) = V_b + (dφₑ/dy integrated) = V_b·(1 − R(y)/R(L)), R(y) = ∫₀^y ds/σ_n(s) the series
  /// resistance (Ω m²), and J = −V_b/R(L) (A/m², positive in −y). With the metal ending at the
  /// face midpoint y_m = 4.5h and the layer boundary at y_l = 32.5h (layer_height = 32.5/64, so
  /// node rows ≥ 33 are upper), each jump sits mid-way between two nodes, where the solver's
  /// harmonic-mean face conductivity is the exact series resistance of the two half cells: the
  /// discrete φₑ must equal the analytic one to the solver's tolerance. R(y) is piecewise linear:
  /// y/σm below y_m, then + (y − y_m)/σ1 up to y_l, then + (y − y_l)/σ2. By hand (h = 0.2 µm,
  /// σ1 = 3.73e-7, σ2 = 1.91e-7 S/m): R(L) ≈ 28h/σ1 + 31.5h/σ2 = 15.0 + 33.0 = 48.0 Ω m², so
  /// J ≈ 0.2/48.0 = 4.17e-3 A/m² and φₑ(y_l) ≈ −0.2 + 0.2·15.0/48.0 = −0.1375 V, while a uniform
  /// ionic φ (linear, 0 at the top) is −0.2·(1 − 32.5/64) = −0.0984 V there: η_b ≈ −0.039 V, a
  /// driving force for reduction at the layer boundary, and R_b there is
  /// Lη·σ1/(F μ_e c_s)·[(c/c0)e^(−αFη_b/RT) − e^((1−α)Fη_b/RT)] at c = c0.
  func testOneDimensionalLeakageMatchesSeriesResistors() throws {
    var numerics = LiModelNumerics()
    numerics.nx = 8
    numerics.ny = 64
    let h = 0.2e-6
    numerics.lengthX = 8 * h
    numerics.lengthY = 64 * h
    numerics.potentialTolerance = 1e-13
    var physics = LiModelPhysics()
    physics.electrodePotential = -0.2
    physics.layerHeight = 32.5 / 64
    let sigma1 = 3.73e-7, sigma2 = 1.91e-7, metal = 3.77e3, mobility = 1e-6
    let settings = ElectronicPathSettings(electrolyteConductivity: sigma1, upperElectrolyteConductivity: sigma2,
                                          metalConductivity: metal, electronMobility: mobility)
    let path = ElectronicPath(settings: settings, physics: physics, numerics: numerics)
    let nx = numerics.nx, rows = numerics.ny + 1
    var xi = [Double](repeating: 0, count: nx * rows)
    for j in 0...4 { for i in 0..<nx { xi[j * nx + i] = 1 } }
    let rate = [Double](repeating: 0, count: nx * rows)
    var guess = [Double](repeating: 0, count: nx * rows)
    for j in 0..<rows { for i in 0..<nx { guess[j * nx + i] = -0.2 * (1 - Double(j) / 64) } }
    let solution = path.solve(xi: xi, bulkDeposit: nil, rate: rate, guess: guess)
    XCTAssertTrue(solution.converged)

    let ym = 4.5 * h, yl = 32.5 * h, length = 64 * h
    func resistance(_ y: Double) -> Double {
      if y <= ym { return y / metal }
      if y <= yl { return ym / metal + (y - ym) / sigma1 }
      return ym / metal + (yl - ym) / sigma1 + (y - yl) / sigma2
    }
    let total = resistance(length)
    XCTAssertEqual(total, 48.0, accuracy: 0.1, "the hand value of R(L)")
    for j in 0..<rows {
      let exact = -0.2 * (1 - resistance(Double(j) * h) / total)
      for i in 0..<nx {
        XCTAssertEqual(solution.phi[j * nx + i], exact, accuracy: 1e-9, "φₑ at row \(j)")
      }
    }
    // the same current through every row face from the metal's top on, J·Lx. (Inside the metal
    // the drop per face is J·h/σm = 2e-13 V, below what a solve to 1e-13 of 0.2 V resolves, so
    // σm·Δφ there carries no digits.)
    let currents = ElectronicPath.rowCurrents(sigma: path.conductivity(xi, bulkDeposit: nil), phi: solution.phi, numerics: numerics)
    let leakage = 0.2 / total
    XCTAssertEqual(leakage, 4.17e-3, accuracy: 0.01e-3)
    for (j, current) in currents.enumerated() where j >= 4 {
      XCTAssertEqual(current / numerics.lengthX, leakage, accuracy: 1e-7 * leakage, "row face \(j)")
    }
    // the bulk reaction at the lowest upper-layer node (y = 33h) with a linear ionic φ and c = c0
    let node = 33 * nx
    var phi = [Double](repeating: 0, count: nx * rows)
    for j in 0..<rows { for i in 0..<nx { phi[j * nx + i] = -0.2 * (1 - Double(j) / 64) } }
    let c = [Double](repeating: physics.referenceConcentration, count: nx * rows)
    let bulk = path.bulkRate(xi: xi, electronicPotential: solution.phi, potential: phi, concentration: c)
    let eta = -0.2 * (1 - resistance(33 * h) / total) - -0.2 * (1 - 33.0 / 64)
    XCTAssertEqual(eta, -0.039, accuracy: 0.002, "the hand value of η_b")
    let f = 96500 / (8.314 * 297.15)
    let expected = 0.5 * sigma2 / (96500 * mobility * 7.69e4) * (exp(-0.5 * f * eta) - exp(0.5 * f * eta))
    XCTAssertEqual(bulk[node], expected, accuracy: 1e-12 * abs(expected))
    XCTAssertGreaterThan(bulk[node], 0)
    XCTAssertEqual(bulk[2 * nx], 0, "no bulk reaction in the metal")
  }

  /// (c) Every Li formed takes one Li⁺ (equation 3's source +F c_s ∂ξ/∂t) and one electron
  /// (φₑ's sink −F c_s ∂ξ/∂t), so the ionic plus the electronic current through every row face
  /// is the same. Model 3 under the variant, 64², a growing dendrite, solves to 1e-12: the ionic
  /// current alone changes along y by most of the total where Li forms (and, in these first
  /// steps, where the capillary relaxation of the filament dissolves some), the electronic
  /// current makes up the difference. Tolerance: 1e-6 of the
  /// total, the solves' relative residual (1e-12 of 0.2 V) times the metal's conductance per
  /// face (σ_metal·hx/hy ≈ 4e3 S/m) is ≈ 1e-9 A/m against a total of ≈ 4e-3 A/m.
  func testIonicPlusElectronicCurrentIsTheSameThroughEveryRow() throws {
    var config = try preset("model3_electronic")
    config.numerics.potentialTolerance = 1e-12
    let model = try model(config)
    for _ in 0..<20 { try model.step() }
    let numerics = config.numerics
    let ionic = ElectronicPath.rowCurrents(sigma: model.conductivity(model.state.xi), phi: model.state.potential,
                                           numerics: numerics)
    let electronic = ElectronicPath.rowCurrents(sigma: try XCTUnwrap(model.electronicConductivity()),
                                                phi: try XCTUnwrap(model.state.electronic).potential, numerics: numerics)
    let total = zip(ionic, electronic).map(+)
    let top = try XCTUnwrap(total.last)
    XCTAssertGreaterThan(top, 0)
    // neither current alone is conserved: the split between them changes along y by a large
    // part of the total (where Li forms or, capillary, dissolves), so a missing sink fails below
    let shift = ionic.map { abs($0 - ionic[ionic.count - 1]) }.max() ?? 0
    XCTAssertGreaterThan(shift, 0.5 * top, "the ionic current alone changes along y")
    for (j, value) in total.enumerated() {
      XCTAssertEqual(value, top, accuracy: 1e-6 * top, "row face \(j): ionic \(ionic[j]) + electronic \(electronic[j])")
    }
  }
}

/// Restarts and the `[electronic]` table's errors.
final class ElectronicPathConfigTests: XCTestCase {
  private let base = """
    name = "e"
    [physics]
    electrode_potential = -0.2
    [electronic]

    """

  private func parseError(_ text: String) -> InputError? {
    do {
      _ = try SimulationConfig.parse(base + text, fileName: "e.toml")
      return nil
    } catch let error as InputError { return error } catch { return nil }
  }

  func testTableRoundTripsAndEveryKeyIsChecked() throws {
    let full = "electrolyte_conductivity = 3.73e-7\nupper_electrolyte_conductivity = 1.91e-7\nmetal_conductivity = 3770.0\nelectron_mobility = 1e-6\n"
    let config = try SimulationConfig.parse(base + full, fileName: "e.toml")
    XCTAssertEqual(config.electronic, ElectronicPathSettings(electrolyteConductivity: 3.73e-7, upperElectrolyteConductivity: 1.91e-7,
                                                             metalConductivity: 3770, electronMobility: 1e-6))
    XCTAssertEqual(try SimulationConfig.parse(config.tomlText()), config)
    XCTAssertNil(try SimulationConfig.parse("name = \"s\"\n[physics]\n").electronic, "no table, no variant")

    // a missing key names the table's line (line 4 of `base`), never a default
    let missing = try XCTUnwrap(parseError("electrolyte_conductivity = 3.73e-7\nelectron_mobility = 1e-6\n"))
    XCTAssertTrue(missing.message.contains("metal_conductivity"), missing.message)
    XCTAssertEqual(missing.line, 4)
    let negative = try XCTUnwrap(parseError("electrolyte_conductivity = -1e-7\nmetal_conductivity = 1.0\nelectron_mobility = 1e-6\n"))
    XCTAssertEqual(negative.line, 5)
    let upperAlone = try XCTUnwrap(parseError(
      "electrolyte_conductivity = 0\nupper_electrolyte_conductivity = 1e-7\nmetal_conductivity = 1.0\nelectron_mobility = 1e-6\n"))
    XCTAssertEqual(upperAlone.line, 6)
    let mobility = try XCTUnwrap(parseError("electrolyte_conductivity = 1e-7\nmetal_conductivity = 1.0\nelectron_mobility = 0\n"))
    XCTAssertEqual(mobility.line, 7)
    let unknown = try XCTUnwrap(parseError("electrolyte_conductivity = 1e-7\nmetal_conductivity = 1.0\nelectron_mobility = 1e-6\nmobility = 2\n"))
    XCTAssertEqual(unknown.line, 8)
    XCTAssertNotNil(parseError("electrolyte_conductivity = \"high\"\nmetal_conductivity = 1.0\nelectron_mobility = 1e-6\n"))
  }

  /// φₑ and the bulk deposit go through a checkpoint bit for bit, and a restart continues as the
  /// uninterrupted run; a checkpoint without them cannot restart a variant past step 0.
  func testRestartContinuesBitForBit() throws {
    var config = SimulationConfig()
    config.numerics.nx = 16
    config.numerics.ny = 16
    config.numerics.lengthX = 16 * 50e-9
    config.numerics.lengthY = 16 * 50e-9
    config.nucleus.layerThickness = 100e-9
    config.nucleus.radius = 150e-9
    config.physics.electrodePotential = -0.2
    config.physics.sigmaElectrolyte = 0.0377
    config.physics.sigmaMetal = 3.77e3
    config.physics.layerHeight = 0.5
    // a strong path, so the bulk reaction writes non-zero values
    config.electronic = ElectronicPathSettings(electrolyteConductivity: 0.02, upperElectrolyteConductivity: 0.01,
                                               metalConductivity: 3.77e3, electronMobility: 1e-9)
    let initial = LiModel.initialState(physics: config.physics, numerics: config.numerics, nucleus: config.nucleus)
    let straight = try LiModel(physics: config.physics, numerics: config.numerics, state: initial, electronic: config.electronic)
    for _ in 0..<4 { try straight.step() }
    let image = try VTKImageData.parse(straight.checkpoint().xml())
    let restored = try LiModel.restoredState(from: image, numerics: config.numerics)
    XCTAssertEqual(restored, straight.state)
    XCTAssertGreaterThan(restored.electronic?.bulkDeposit.max() ?? 0, 0)
    let resumed = try LiModel(physics: config.physics, numerics: config.numerics, state: restored, electronic: config.electronic)
    for _ in 0..<4 { XCTAssertEqual(try resumed.step(), try straight.step()) }
    XCTAssertEqual(resumed.state, straight.state)

    // a checkpoint with φₑ but not the bulk deposit is refused, naming the fields
    var torn = image
    torn.pointFields.removeAll { $0.name == "bulk_deposit" }
    XCTAssertThrowsError(try LiModel.restoredState(from: torn, numerics: config.numerics, fileName: "step.vti")) { error in
      XCTAssertTrue((error as? InputError)?.message.contains("bulk_deposit") ?? false, "\(error)")
      XCTAssertEqual((error as? InputError)?.file, "step.vti")
    }

    var bare = straight.state
    bare.electronic = nil
    XCTAssertThrowsError(try LiModel(physics: config.physics, numerics: config.numerics, state: bare, electronic: config.electronic))
    XCTAssertThrowsError(try LiModel(physics: config.physics, numerics: config.numerics, state: straight.state))
    XCTAssertTrue(SnapshotField.viewable(among: image.pointFields.map(\.0)).map(\.symbol).contains("φₑ"))
  }
}
