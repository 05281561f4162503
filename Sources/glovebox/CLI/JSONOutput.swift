import Foundation

/// Prints an Encodable value as one JSON document (sorted keys, pretty-printed) on stdout.
/// Non-finite doubles are written as null by callers before encoding (JSON has no NaN).
func printJSON<T: Encodable>(_ value: T) throws {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
  let data = try encoder.encode(value)
  FileHandle.standardOutput.write(data)
  FileHandle.standardOutput.write(Data("\n".utf8))
}
