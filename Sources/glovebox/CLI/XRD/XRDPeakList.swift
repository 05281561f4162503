import Engine
import Foundation

/// Measured peak positions given on the command line: `--peaks 15.6,18.0,25.5` (degrees 2θ).
func parsePeakList(_ text: String) throws -> [Double] {
  var values: [Double] = []
  for (index, field) in text.split(separator: ",", omittingEmptySubsequences: false).enumerated() {
    let trimmed = field.trimmingCharacters(in: .whitespaces)
    guard let value = Double(trimmed), value.isFinite, value > 0, value < 180 else {
      try fail("--peaks: item \(index + 1) '\(trimmed)': a 2θ in degrees between 0 and 180, items separated by commas")
    }
    values.append(value)
  }
  guard values.count <= 10_000 else { try fail("--peaks: at most 10000 positions (got \(values.count))") }
  return values
}

/// Reads and parses a CIF, reporting errors as `file:line: message` and exiting with status 2.
func readStructure(_ path: String) throws -> CrystalStructure {
  let text: String
  do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
    try fail("\(path): cannot read the file: \(error.localizedDescription)")
  }
  do { return try CrystalStructure(cif: text, file: path) } catch { try fail(error.description) }
}
