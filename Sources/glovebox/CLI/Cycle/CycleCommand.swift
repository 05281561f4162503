import ArgumentParser
import Engine
import Formats
import Foundation

/// `glovebox cycle …`: galvanostatic cycling files — read, summarise, CCD, overpotential, export.
struct CycleCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cycle",
    abstract: "Read cycler files (BDF/CSV, Maccor, Neware, LAND, Arbin exports) and analyse cycling.",
    subcommands: [
      CycleRead.self, CycleSummaryCommand.self, CycleCCD.self, CycleOverpotential.self, CycleExport.self,
      CycleDQDV.self, CycleDemo.self,
    ]
  )
}

/// Runs `body`; an `InputError` goes to stderr as `file:line:col: message` and exits 2.
func reportingInputErrors(_ body: () throws -> Void) throws {
  do {
    try body()
  } catch let error as InputError {
    FileHandle.standardError.write(Data((error.description + "\n").utf8))
    throw ExitCode(2)
  }
}

/// JSON has no NaN or infinity: such values go out as null.
func cycleJSONFinite(_ x: Double?) -> Double? {
  guard let x, x.isFinite else { return nil }
  return x
}

/// Optional sample normalisation shared by the subcommands.
struct Normalisation: ParsableArguments {
  @Option(name: .customLong("area"), help: "Electrode area, cm² (adds mA/cm² and mAh/cm²).")
  var areaCm2: Double?

  @Option(name: .customLong("mass"), help: "Active mass, mg (adds mAh/g).")
  var massMg: Double?

  func validate() throws {
    if let a = areaCm2, !(a > 0) { throw ValidationError("--area must be a positive number of cm²") }
    if let m = massMg, !(m > 0) { throw ValidationError("--mass must be a positive number of mg") }
  }
}

/// JSON output that writes an absent value as `null` instead of dropping its key (the
/// synthesised `Encodable` skips nil optionals), so a reader can tell "no CCD" from "not computed".
/// Encodes the stored properties in declaration order by reflection.
protocol NullPreservingEncodable: Encodable {}

private struct OutputKey: CodingKey {
  var stringValue: String
  var intValue: Int? { nil }
  init(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }
}

extension NullPreservingEncodable {
  func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: OutputKey.self)
    for child in Mirror(reflecting: self).children {
      guard let label = child.label, let value = child.value as? any Encodable else { continue }
      try container.encode(value, forKey: OutputKey(stringValue: label))
    }
  }
}
