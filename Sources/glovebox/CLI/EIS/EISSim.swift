import ArgumentParser
import Engine
import Formats
import Foundation

/// `glovebox eis sim --circuit C --params … --freq 1e6:0.1:10/dec`: the impedance of a circuit.
struct EISSim: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sim",
    abstract: "Simulate the impedance of an equivalent circuit.",
    discussion: "--freq FMAX:FMIN:N/dec gives N points per decade from FMAX down to FMIN (Hz); a comma list gives the frequencies themselves."
  )

  @Option(help: "Equivalent circuit, e.g. R0-p(R1,C1).")
  var circuit: String

  @Option(help: "Parameter values: name=value,… for every parameter, or the values in order.")
  var params: String

  @Option(help: "Frequencies: FMAX:FMIN:N/dec or f1,f2,… (Hz).")
  var freq: String = "1e6:0.1:10/dec"

  @Flag(help: "Print one JSON document.")
  var json = false

  struct Output: Encodable {
    var circuit: String
    var parameters: [String: Double]
    var frequency_hz: [Double]
    var z_real_ohm: [Double]
    var z_imag_ohm: [Double]
  }

  mutating func run() throws {
    let parsed: Circuit
    do { parsed = try Circuit(circuit) } catch let e as InputError {
      try fail("--circuit:1:\(e.column ?? 1): \(e.message)")
    }
    var values = [Double](repeating: .nan, count: parsed.parameterCount)
    let items = params.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    if items.allSatisfy({ !$0.contains("=") }) {
      let v = items.compactMap(Double.init)
      guard v.count == items.count, v.count == parsed.parameterCount else {
        throw ValidationError("--params: expected \(parsed.parameterCount) numbers (\(parsed.parameterNames.joined(separator: ", "))), got '\(params)'")
      }
      values = v
    } else {
      for item in items {
        let kv = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard kv.count == 2, let i = parsed.parameterNames.firstIndex(of: kv[0]), let v = Double(kv[1]) else {
          throw ValidationError("--params: expected name=value with a name among \(parsed.parameterNames.joined(separator: ", ")), got '\(item)'")
        }
        values[i] = v
      }
      if let missing = values.indices.first(where: { values[$0].isNaN }) {
        throw ValidationError("--params: missing a value for \(parsed.parameterNames[missing])")
      }
    }
    let f = try Self.frequencies(freq)
    let z = parsed.impedance(values, frequencies: f)
    if json {
      try printJSON(Output(circuit: parsed.description,
                           parameters: Dictionary(uniqueKeysWithValues: zip(parsed.parameterNames, values)),
                           frequency_hz: f, z_real_ohm: z.map(\.re), z_imag_ohm: z.map(\.im)))
    } else {
      print("freq/Hz,Z_real/Ohm,Z_imag/Ohm")
      for (fi, zi) in zip(f, z) { print("\(fi),\(zi.re),\(zi.im)") }
    }
  }

  /// FMAX:FMIN:N/dec (log-spaced, N per decade, both ends included) or a comma list.
  static func frequencies(_ text: String) throws -> [Double] {
    let parts = text.split(separator: ":")
    if parts.count == 3 {
      let perDecade = parts[2].replacingOccurrences(of: "/dec", with: "")
      guard let hi = Double(parts[0]), let lo = Double(parts[1]), let n = Int(perDecade), hi > 0, lo > 0, n > 0 else {
        throw ValidationError("--freq: expected FMAX:FMIN:N/dec such as 1e6:0.1:10/dec, got '\(text)'")
      }
      let decades = log10(max(hi, lo) / min(hi, lo))
      let count = Int((decades * Double(n)).rounded()) + 1
      let sign = hi >= lo ? -1.0 : 1.0
      return (0..<count).map { pow(10, log10(hi) + sign * Double($0) / Double(n)) }
    }
    let list = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
    guard !list.isEmpty, list.allSatisfy({ ($0 ?? 0) > 0 }) else {
      throw ValidationError("--freq: expected FMAX:FMIN:N/dec or a list of positive frequencies, got '\(text)'")
    }
    return list.compactMap { $0 }
  }
}
