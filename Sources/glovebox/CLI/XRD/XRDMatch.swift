import ArgumentParser
import Engine
import Formats
import Foundation

/// `glovebox xrd match --peaks … --structures DIR`: ranks the folder's phases by how well their
/// computed patterns explain the measured peak positions.
struct XRDMatch: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "match",
    abstract: "Phase identification: rank the CIF structures of a folder against measured peak positions.",
    discussion: """
      Figure of merit = coverage × (matched/observed) × (1 − mean|Δ2θ|/tolerance), where coverage is the \
      intensity fraction of the phase's computed lines (≥ --min-intensity) seen within the tolerance.
      """
  )

  @Option(help: "Measured peak positions, degrees 2θ, comma-separated.")
  var peaks: String

  @Option(help: "Folder of CIF files.")
  var structures: String

  @Option(help: "CuKa1, CuKa, MoKa1, CoKa1, … or a wavelength in Å.")
  var wavelength = "CuKa1"

  @Option(help: "Largest |2θ_obs − 2θ_calc| for a match, degrees.")
  var tolerance = 0.2

  @Option(help: "Ignore computed lines weaker than this (strongest = 100).")
  var minIntensity = 5.0

  @Flag(help: "Print one JSON document.")
  var json = false

  struct Candidate: Encodable {
    var file: String
    var structure: String?
    var figure_of_merit: Double?
    var matched: Int?
    var coverage: Double?
    var mean_offset_deg: Double?
    var error: String?
  }

  struct Output: Encodable {
    var observed: [Double]
    var wavelength_angstrom: Double
    var candidates: [Candidate]
  }

  mutating func run() throws {
    let observed = try parsePeakList(peaks)
    let lambda: Double
    do { lambda = try XRayWavelength.parse(wavelength) } catch { try fail("--wavelength: \(error.message)") }
    let folder = URL(fileURLWithPath: structures)
    let files: [URL]
    do {
      files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        .filter { $0.pathExtension.lowercased() == "cif" }.sorted { $0.path < $1.path }
    } catch {
      try fail("\(structures): cannot list the folder: \(error.localizedDescription)")
    }
    guard !files.isEmpty else { try fail("\(structures): no .cif files in the folder") }
    let top = min(179, (observed.max() ?? 90) + 2 * tolerance + 1)
    var candidates: [Candidate] = []
    for file in files {
      do {
        let text = try String(contentsOf: file, encoding: .utf8)
        let crystal = try CrystalStructure(cif: text, file: file.path)
        let pattern = try crystal.powderPattern(PowderPatternSettings(wavelength: lambda, twoThetaMax: top))
        let score = try pattern.matchScore(observed: observed, tolerance: tolerance, minimumIntensity: minIntensity)
        candidates.append(Candidate(file: file.path, structure: crystal.name, figure_of_merit: score.figureOfMerit,
                                    matched: score.matchedObserved, coverage: score.coverage,
                                    mean_offset_deg: score.meanOffset, error: nil))
      } catch {
        let message = (error as? InputError)?.inFile(file.path).description ?? "\(file.path): \(error.localizedDescription)"
        FileHandle.standardError.write(Data((message + "\n").utf8))
        candidates.append(Candidate(file: file.path, structure: nil, figure_of_merit: nil, matched: nil, coverage: nil,
                                    mean_offset_deg: nil, error: message))
      }
    }
    candidates.sort { ($0.figure_of_merit ?? -1) > ($1.figure_of_merit ?? -1) }
    if json {
      try printJSON(Output(observed: observed, wavelength_angstrom: lambda, candidates: candidates))
    } else {
      print("   FoM   matched  coverage  mean|Δ2θ|  structure")
      for c in candidates {
        if let fom = c.figure_of_merit, let m = c.matched, let cov = c.coverage, let off = c.mean_offset_deg {
          print(String(format: "%6.3f  %3d/%-3d  %7.3f   %7.4f°  %@ (%@)", fom, m, observed.count, cov, off,
                       c.structure ?? "?", (c.file as NSString).lastPathComponent))
        } else {
          print("   —    \((c.file as NSString).lastPathComponent): \(c.error ?? "failed")")
        }
      }
    }
  }
}
