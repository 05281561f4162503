import ArgumentParser
import Engine
import Formats
import Foundation

/// `glovebox arrhenius FILE`: activation energy of a conductivity temperature series.
struct ArrheniusCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "arrhenius",
    abstract: "Arrhenius fit of a conductivity temperature series: ln(σT) vs 1000/T.",
    discussion: """
      FILE is CSV with a header: temperature_K or temperature_C, and conductivity_S_cm, \
      conductivity_mS_cm or resistance_ohm (then --thickness-cm and --diameter-cm, or --cell-constant). \
      Optional grain-boundary columns: conductivity_gb_S_cm, conductivity_gb_mS_cm or resistance_gb_ohm.
      """
  )

  @Argument(help: "CSV temperature series.")
  var file: String

  @Option(help: "Pellet thickness L in cm (with resistances).")
  var thicknessCm: Double?

  @Option(help: "Pellet diameter in cm (with resistances).")
  var diameterCm: Double?

  @Option(help: "Cell constant L/A in 1/cm (instead of thickness and diameter).")
  var cellConstant: Double?

  @Flag(help: "Fit plain ln σ against 1000/T instead of ln(σT).")
  var plain = false

  @Flag(help: "Print one JSON document.")
  var json = false

  struct SeriesResult: Encodable {
    var form: String
    var points: Int
    var activation_energy_eV: Double?
    var activation_energy_stderr_eV: Double?
    var slope: Double?
    var slope_stderr: Double?
    var intercept: Double?
    var prefactor: Double?
    var prefactor_unit: String
    var r_squared: Double?
    var sigma_25C_S_cm: Double?
    var temperature_K: [Double]
    var conductivity_S_cm: [Double]
  }

  struct Output: Encodable {
    var file: String
    var bulk: SeriesResult
    var grain_boundary: SeriesResult?
    // The bulk figures again at the top level, as the CLI contract names them.
    var activation_energy_eV: Double?
    var activation_energy_stderr_eV: Double?
    var slope: Double?
    var r_squared: Double?
    var sigma_25C_S_cm: Double?
  }

  mutating func run() throws {
    let text: String
    do { text = try String(contentsOfFile: file, encoding: .utf8) } catch {
      try fail("\(file): cannot read the file: \(error.localizedDescription)")
    }
    do {
      let table = try ArrheniusTable(csv: text, file: file)
      var geometry: PelletGeometry?
      if let cellConstant {
        geometry = try PelletGeometry(cellConstantPerCm: cellConstant)
      } else if let thicknessCm, let diameterCm {
        geometry = try PelletGeometry(thicknessCm: thicknessCm, diameterCm: diameterCm)
      } else if thicknessCm != nil || diameterCm != nil {
        throw ValidationError("give both --thickness-cm and --diameter-cm")
      }
      let form: ArrheniusFit.Form = plain ? .sigma : .sigmaT
      let bulk = try series(table.temperaturesK, try table.bulk.conductivities(geometry: geometry, label: "bulk"), form)
      let gb = try table.grainBoundary.map {
        try series(table.temperaturesK, try $0.conductivities(geometry: geometry, label: "grain-boundary"), form)
      }
      let out = Output(file: file, bulk: bulk, grain_boundary: gb, activation_energy_eV: bulk.activation_energy_eV,
                       activation_energy_stderr_eV: bulk.activation_energy_stderr_eV, slope: bulk.slope,
                       r_squared: bulk.r_squared, sigma_25C_S_cm: bulk.sigma_25C_S_cm)
      if json {
        try printJSON(out)
      } else {
        print(describe("bulk", bulk))
        if let gb { print(describe("grain boundary", gb)) }
      }
    } catch let e as InputError {
      try fail(e.inFile(file).description)
    }
  }

  func series(_ t: [Double], _ sigma: [Double], _ form: ArrheniusFit.Form) throws -> SeriesResult {
    let fit = try ArrheniusFit(temperaturesK: t, conductivitiesSPerCm: sigma, form: form)
    return SeriesResult(
      form: form.rawValue, points: fit.count, activation_energy_eV: finite(fit.activationEnergyEV),
      activation_energy_stderr_eV: finite(fit.activationEnergyStandardErrorEV), slope: finite(fit.slope),
      slope_stderr: finite(fit.slopeStandardError), intercept: finite(fit.intercept), prefactor: finite(fit.prefactor),
      prefactor_unit: form == .sigmaT ? "S K/cm" : "S/cm", r_squared: finite(fit.rSquared),
      sigma_25C_S_cm: finite(fit.conductivityAt25C), temperature_K: t, conductivity_S_cm: sigma)
  }

  func describe(_ label: String, _ s: SeriesResult) -> String {
    String(format: "%@: Ea = %.4f ± %.4f eV, slope %.4f ± %.4f (%@ vs 1000/T), R² %.5f, σ(25 °C) = %.4g S/cm, %d points",
           label, s.activation_energy_eV ?? .nan, s.activation_energy_stderr_eV ?? .nan, s.slope ?? .nan,
           s.slope_stderr ?? .nan, s.form, s.r_squared ?? .nan, s.sigma_25C_S_cm ?? .nan, s.points)
  }
}
