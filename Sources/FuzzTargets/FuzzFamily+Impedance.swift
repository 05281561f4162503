import Engine
import Foundation

extension FuzzFamily {
  /// Impedance files of every instrument format (`ImpedanceReader`, which detects the format
  /// from the content; the name has no extension so detection alone decides: zips by their part
  /// names, UTF-16 and JSON by their first bytes, so xlsx, ods, fods, pssession, pyimpspec JSON,
  /// .dfr and .P00 seeds reach their readers; .i2b, known only by its extension, reads as a table).
  public static let impedance = FuzzFamily(
    name: "impedance",
    seeds: ["Examples/eis", "Tests/EngineTests/Fixtures/eis", "Tests/Fuzz/seeds/impedance", "Tests/Fuzz/crashes/crash_eis_w1_012101"],
    extensions: ["csv", "txt", "mpr", "mpt", "dta", "z", "idf", "par", "json", "pssession", "xlsx", "ods", "fods", "dfr", "p00", "i2b"],
    fileName: { _ in "fuzz-impedance" },
    judge: { bytes, fileName in
      do {
        let spectra = try ImpedanceReader.read(data: Data(bytes), fileName: fileName)
        return .all(
          spectra.flatMap { s in
            [.finite(s.frequencies, "frequency"), .finite(s.real, "Z'"), .finite(s.imaginary, "Z''")]
          })
      } catch {
        return .judging(error, fileName: fileName)
      }
    })
}
