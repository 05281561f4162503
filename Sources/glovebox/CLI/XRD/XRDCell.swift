import ArgumentParser
import Engine
import Formats
import Foundation

/// `glovebox xrd cell --structure X.cif --peaks …`: lattice parameters refined from measured
/// peak positions, indexed against the structure's computed pattern.
struct XRDCell: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cell",
    abstract: "Least-squares lattice parameters (cubic a; tetragonal/hexagonal a, c; orthorhombic a, b, c) from peak positions.",
    discussion: """
      Each measured 2θ is indexed to the nearest reflection of the structure's computed pattern within \
      --tolerance; a, c are then refined to minimise Σ(2θ_obs − 2θ_calc)² (no zero shift), with standard errors.
      """
  )

  @Option(help: "CIF of the phase (its cell is the starting point; its symmetry gives the reflections).")
  var structure: String

  @Option(help: "Measured peak positions, degrees 2θ, comma-separated.")
  var peaks: String

  @Option(help: "CuKa1, CuKa, MoKa1, CoKa1, … or a wavelength in Å.")
  var wavelength = "CuKa1"

  @Option(help: "Largest |2θ_obs − 2θ_calc| for indexing a peak, degrees.")
  var tolerance = 0.3

  @Option(help: "Index only to computed reflections at least this strong (strongest = 100).")
  var minIntensity = 0.5

  @Flag(help: "Print one JSON document.")
  var json = false

  struct Peak: Encodable {
    var two_theta_obs: Double
    var hkl: [Int]?
    var two_theta_calc: Double?
    var residual: Double?
  }

  struct Output: Encodable {
    var structure: String
    var system: String
    var wavelength_angstrom: Double
    var a: Double, b: Double, c: Double
    var a_err: Double?, b_err: Double?, c_err: Double?
    var a_start: Double, c_start: Double
    var indexed: Int
    var unindexed: Int
    var residual_sd_deg: Double?
    var peaks: [Peak]
  }

  mutating func run() throws {
    let observed = try parsePeakList(peaks)
    let crystal = try readStructure(structure)
    do {
      let lambda = try XRayWavelength.parse(wavelength)
      guard let system = LatticeRefinement.system(of: crystal.cell) else {
        try fail("\(structure): a cubic, tetragonal, hexagonal or orthorhombic cell (monoclinic and triclinic refinement is not supported)")
      }
      let top = min(179, (observed.max() ?? 90) + 2 * tolerance + 1)
      let pattern = try crystal.powderPattern(PowderPatternSettings(wavelength: lambda, twoThetaMax: top))
      let assigned = pattern.assign(observed: observed, tolerance: tolerance, minimumIntensity: minIntensity)
      var indexed: [LatticeRefinement.IndexedPeak] = []
      for (x, peak) in zip(observed, assigned) {
        if let peak { indexed.append(.init(h: peak.h, k: peak.k, l: peak.l, twoTheta: x)) }
      }
      let refined = try LatticeRefinement(peaks: indexed, system: system, wavelength: lambda)
      var rows: [Peak] = []
      var k = 0
      for (x, peak) in zip(observed, assigned) {
        if let peak {
          rows.append(Peak(two_theta_obs: x, hkl: [peak.h, peak.k, peak.l], two_theta_calc: x - refined.residuals[k],
                           residual: refined.residuals[k]))
          k += 1
        } else {
          rows.append(Peak(two_theta_obs: x, hkl: nil, two_theta_calc: nil, residual: nil))
        }
      }
      let out = Output(structure: structure, system: system.rawValue, wavelength_angstrom: lambda,
                       a: refined.a, b: refined.b, c: refined.c, a_err: refined.aError, b_err: refined.bError,
                       c_err: refined.cError, a_start: crystal.cell.a, c_start: crystal.cell.c, indexed: indexed.count,
                       unindexed: observed.count - indexed.count, residual_sd_deg: refined.standardDeviation, peaks: rows)
      if json {
        try printJSON(out)
      } else {
        let e = { (x: Double?) in x.map { String(format: "%.5f", $0) } ?? "n/a" }
        print("\(crystal.name): \(system.rawValue), \(indexed.count) of \(observed.count) peaks indexed")
        print(String(format: "a = %.5f ± %@ Å", refined.a, e(refined.aError)))
        if system == .orthorhombic { print(String(format: "b = %.5f ± %@ Å", refined.b, e(refined.bError))) }
        if system != .cubic { print(String(format: "c = %.5f ± %@ Å", refined.c, e(refined.cError))) }
        for row in rows {
          if let hkl = row.hkl, let r = row.residual {
            print(String(format: "  %8.4f  %3d %3d %3d  Δ %+.4f", row.two_theta_obs, hkl[0], hkl[1], hkl[2], r))
          } else {
            print(String(format: "  %8.4f  not indexed", row.two_theta_obs))
          }
        }
      }
    } catch let e as InputError {
      try fail(e.inFile(structure).description)
    }
  }
}
