import Foundation

/// Prints an Encodable value as one JSON document (sorted keys, pretty-printed) on stdout.
/// Non-finite doubles are written as null by callers before encoding (JSON has no NaN): `finite`.
func printJSON<T: Encodable>(_ value: T) throws {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
  let data = try encoder.encode(value)
  FileHandle.standardOutput.write(data)
  FileHandle.standardOutput.write(Data("\n".utf8))
}

/// A number for a JSON document: the value when finite, else nil (written as null, since JSON has
/// no NaN or infinity). The one such helper of the CLI.
func finite(_ x: Double?) -> Double? {
  guard let x, x.isFinite else { return nil }
  return x
}
