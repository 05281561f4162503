import ArgumentParser
import Engine
import Formats
import Foundation

/// `glovebox xrd pattern STRUCTURE.cif`: the powder stick pattern of a structure.
struct XRDPattern: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pattern",
    abstract: "Powder stick pattern (2θ, d, hkl, multiplicity, intensity) of a CIF structure.",
    discussion: """
      Kinematic intensities I = multiplicity · |F|² · LP with Cromer–Mann (ITC Vol. C) scattering \
      factors of the sites' ions where tabulated, LP = (1 + cos² 2θ)/(sin² θ cos θ) (no monochromator \
      unless --monochromator-two-theta), scaled so the strongest peak is 100.
      """
  )

  @Argument(help: "A CIF file (one structure, with its symmetry operators listed).")
  var structure: String

  @Option(help: "CuKa1, CuKa2, CuKa, MoKa1, MoKa, CoKa1, CoKa, or a wavelength in Å.")
  var wavelength = "CuKa1"

  @Option(help: "Lowest 2θ in degrees.")
  var twoThetaMin = 0.0

  @Option(help: "Highest 2θ in degrees.")
  var twoThetaMax = 90.0

  @Option(help: "2θ of a monochromator crystal, degrees (e.g. 26.6 for graphite 002 with Cu).")
  var monochromatorTwoTheta: Double?

  @Flag(help: "Apply each site's Debye–Waller factor exp(−B s²) from its U_iso/B_iso.")
  var debyeWaller = false

  @Flag(help: "Neutral-atom scattering factors even where the file gives ions.")
  var neutralAtoms = false

  @Option(help: "Leave out peaks weaker than this (strongest = 100).")
  var minIntensity = 0.0

  @Option(help: "Data block to read when the file holds several structures.")
  var block: String?

  @Option(help: "Compute the pattern N times from the file's text (parse, cell, pattern) and report the mean time (benchmarking).")
  var `repeat`: Int = 1

  @Flag(help: "Print one JSON document.")
  var json = false

  struct Peak: Encodable {
    var two_theta: Double
    var d: Double
    var hkl: [Int]
    var multiplicity: Int
    var intensity: Double
    var f_squared: Double
  }

  struct Output: Encodable {
    var file: String
    var structure: String
    var space_group: String?
    var space_group_number: Int?
    var wavelength_angstrom: Double
    var two_theta_min: Double
    var two_theta_max: Double
    var unit_cell_atoms: Int
    var scattering_factors: [String: String]
    var notes: [String]
    var ms_per_pattern: Double?
    var peaks: [Peak]
  }

  mutating func run() throws {
    let text: String
    do { text = try String(contentsOfFile: structure, encoding: .utf8) } catch {
      try fail("\(structure): cannot read the file: \(error.localizedDescription)")
    }
    guard self.repeat >= 1 && self.repeat <= 1_000_000 else { try fail("--repeat: a count from 1 to 1000000 (got \(self.repeat))") }
    do {
      let lambda = try XRayWavelength.parse(wavelength)
      let settings = PowderPatternSettings(
        wavelength: lambda, twoThetaMin: twoThetaMin, twoThetaMax: twoThetaMax,
        useIonScatteringFactors: !neutralAtoms, debyeWaller: debyeWaller, monochromatorTwoTheta: monochromatorTwoTheta)
      let clock = ContinuousClock()
      let start = clock.now
      var crystal = try CrystalStructure(cif: text, file: structure, block: block)
      var pattern = try crystal.powderPattern(settings)
      for _ in 1..<self.repeat {
        crystal = try CrystalStructure(cif: text, file: structure, block: block)
        pattern = try crystal.powderPattern(settings)
      }
      let elapsed = clock.now - start
      let ms = (Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15) / Double(self.repeat)
      let msPerPattern: Double? = self.repeat > 1 ? ms : nil
      let peaks = pattern.peaks.filter { $0.intensity >= minIntensity }.map {
        Peak(two_theta: $0.twoTheta, d: $0.d, hkl: [$0.h, $0.k, $0.l], multiplicity: $0.multiplicity,
             intensity: $0.intensity, f_squared: $0.structureFactorSquared)
      }
      var factors: [String: String] = [:]
      for entry in pattern.scatteringFactors { factors[entry.site] = entry.key }
      if json {
        try printJSON(Output(file: structure, structure: crystal.name, space_group: crystal.spaceGroupSymbol,
                             space_group_number: crystal.spaceGroupNumber, wavelength_angstrom: lambda,
                             two_theta_min: twoThetaMin, two_theta_max: twoThetaMax,
                             unit_cell_atoms: pattern.unitCellAtomCount, scattering_factors: factors,
                             notes: pattern.notes, ms_per_pattern: msPerPattern, peaks: peaks))
      } else {
        print(String(format: "%@ (%@), λ = %.6f Å, %d atoms in the unit cell", crystal.name,
                     crystal.spaceGroupSymbol ?? "space group not named", lambda, pattern.unitCellAtomCount))
        for note in pattern.notes { print("note: \(note)") }
        print("    2θ/°       d/Å    h   k   l   mult   I")
        for p in peaks {
          print(String(format: "%8.4f  %8.5f  %3d %3d %3d  %5d  %6.2f", p.two_theta, p.d, p.hkl[0], p.hkl[1], p.hkl[2],
                       p.multiplicity, p.intensity))
        }
        if let msPerPattern { print(String(format: "%.4f ms per pattern (%d runs: CIF text parsed, symmetry checked, pattern computed)", msPerPattern, self.repeat)) }
      }
    } catch let e as InputError {
      try fail(e.inFile(structure).description)
    }
  }
}
