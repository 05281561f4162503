import Engine
import Foundation

extension FuzzFamily {
  /// Impedance files of every instrument format (`ImpedanceReader`, which detects the format
  /// from the content; the name has no extension so detection alone decides).
  public static let impedance = FuzzFamily(
    name: "impedance",
    seeds: ["Examples/eis", "Tests/EngineTests/Fixtures/eis", "Tests/Fuzz/crashes/crash_eis_w1_012101"],
    extensions: ["csv", "txt", "mpr", "mpt", "dta", "z", "idf", "par"],
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
