import Engine
import Formats
import Lab

extension FuzzFamily {
  /// Chemical formulas (`Formula.parse`), as written in recipes and typed in the Materials pane.
  /// No file: a rejection is an `InputError` with the column; an accepted formula's molar mass
  /// must be finite.
  public static let formula = FuzzFamily(
    name: "formula",
    seeds: ["Tests/Fuzz/seeds/formula"],
    extensions: ["txt"],
    fileName: { _ in "formula" },
    judge: { bytes, _ in
      do {
        let formula = try Formula.parse(String(fuzzBytes: bytes))
        return .finite([formula.molarMass], "molar mass")
      } catch let error as InputError {
        return error.column == nil ? .flaw("the error gives no column: \(error)") : .rejected
      } catch {
        return .flaw("not an InputError: \(type(of: error)): \(error)")
      }
    })
}
