import Engine
import Formats

extension FuzzFamily {
  /// Equivalent-circuit strings (`Circuit(_:)`), as typed on the command line or in the
  /// Impedance pane. No file: a rejection is an `InputError` with the column.
  public static let circuit = FuzzFamily(
    name: "circuit",
    seeds: ["Tests/Fuzz/seeds/circuit"],
    extensions: ["txt"],
    fileName: { _ in "circuit" },
    judge: { bytes, _ in
      do {
        let circuit = try Circuit(String(fuzzBytes: bytes))
        _ = circuit.parameterNames
        return .accepted
      } catch let error as InputError {
        return error.column == nil ? .flaw("the error gives no column: \(error)") : .rejected
      } catch {
        return .flaw("not an InputError: \(type(of: error)): \(error)")
      }
    })
}
