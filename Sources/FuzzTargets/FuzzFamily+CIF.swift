import Engine
import Formats

extension FuzzFamily {
  /// Crystal structures (CIF) as `glovebox xrd pattern FILE` reads them: parsed, symmetry
  /// expanded, and a Cu Kα1 powder pattern from 5° to 90° 2θ computed; errors of the pattern step
  /// get the file as the command adds it (`inFile`). Every peak's 2θ, d, |F|² and intensity must
  /// be finite.
  public static let cif = FuzzFamily(
    name: "cif",
    seeds: ["Examples/structures"],
    extensions: ["cif"],
    fileName: { _ in "fuzz.cif" },
    judge: { bytes, fileName in
      let crystal: CrystalStructure
      do {
        crystal = try CrystalStructure(cif: String(fuzzBytes: bytes), file: fileName)
      } catch {
        return .judging(error, fileName: fileName)
      }
      do {
        let pattern = try crystal.powderPattern(PowderPatternSettings(wavelength: 1.540593, twoThetaMin: 5, twoThetaMax: 90))
        return .all([
          .finite(pattern.peaks.map(\.twoTheta), "peak 2θ"), .finite(pattern.peaks.map(\.d), "peak d"),
          .finite(pattern.peaks.map(\.structureFactorSquared), "|F|²"),
          .finite(pattern.peaks.map(\.intensity), "peak intensity"),
        ])
      } catch {
        return .judging((error as? InputError)?.inFile(fileName) ?? error, fileName: fileName)
      }
    })
}
