import Formats
import Foundation

/// The run folder of DESIGN.md as pure encoders/decoders, shared by the `glovebox sim` commands
/// (which do the file I/O) and the Simulation pane (which reads the same files).
public enum RunFolder {
  public static let configFile = "config.toml"
  public static let statusFile = "status.json"
  public static let metricsFile = "metrics.csv"
  public static let controlFile = "control"
  public static let logFile = "log.txt"
  public static let fieldsDirectory = "fields"

  /// Snapshot name for a step: zero-padded so lexical order is step order.
  public static func snapshotName(step: Int) -> String {
    let digits = String(step)
    return "step_" + String(repeating: "0", count: max(0, 9 - digits.count)) + digits + ".vti"
  }

  /// The step of a snapshot file name, nil for anything else (temporary files included).
  public static func step(ofSnapshot name: String) -> Int? {
    guard name.hasPrefix("step_"), name.hasSuffix(".vti") else { return nil }
    return Int(name.dropFirst(5).dropLast(4))
  }

  /// The latest snapshot among directory entries.
  public static func latestSnapshot(in names: [String]) -> String? {
    names.compactMap { n in step(ofSnapshot: n).map { (n, $0) } }.max { $0.1 < $1.1 }?.0
  }
}

/// What a client writes into DIR/control.
public enum RunControlCommand: String, Sendable, CaseIterable {
  case pause, resume, stop

  /// Parses the control file's text (first word, case-insensitive); nil for empty text.
  /// - Throws: InputError for anything else.
  public static func parse(_ text: String, fileName: String? = nil) throws -> RunControlCommand? {
    let word = text.split(whereSeparator: \.isWhitespace).first.map { $0.lowercased() }
    guard let word else { return nil }
    guard let command = RunControlCommand(rawValue: word) else {
      throw InputError("expected pause, resume or stop, found '\(word)'", file: fileName, line: 1, column: 1)
    }
    return command
  }
}

/// One row of DIR/metrics.csv.
public struct RunMetricsRow: Sendable, Equatable {
  public var step: Int
  public var time: Double
  public var dt: Double
  public var lithiumAreaFraction: Double
  public var tipHeight: Double
  public var interfaceLength: Double
  public var current: Double
  public var freeEnergy: Double
  /// nil when mechanics is switched off (written as an empty cell).
  public var maxVonMises: Double?
  public var potentialIterations: Int
  public var potentialResidual: Double
  public var minXi: Double
  public var maxXi: Double
  public var lithiumTotal: Double

  public static let header =
    "step,time_s,dt_s,li_area_fraction,tip_height_um,interface_length_um,current_mA_per_cm2,free_energy_J_per_m,max_von_mises_MPa,potential_iterations,potential_residual,min_xi,max_xi,lithium_total_mol_per_m"

  /// The CSV line (lab units: µm, mA/cm², MPa).
  public var csvLine: String {
    let cells: [String] = [
      String(step), "\(time)", "\(dt)", "\(lithiumAreaFraction)", "\(tipHeight * 1e6)",
      "\(interfaceLength * 1e6)", "\(current * 0.1)", "\(freeEnergy)",
      maxVonMises.map { "\($0 * 1e-6)" } ?? "", String(potentialIterations), "\(potentialResidual)",
      "\(minXi)", "\(maxXi)", "\(lithiumTotal)",
    ]
    return cells.joined(separator: ",")
  }

  public init(model: LiModel, diagnostics: LiStepDiagnostics?) {
    step = model.state.step
    time = model.state.time
    dt = diagnostics?.dt ?? 0
    lithiumAreaFraction = model.lithiumAreaFraction()
    tipHeight = model.tipHeight()
    interfaceLength = model.interfaceLength()
    current = diagnostics?.current ?? 0
    freeEnergy = model.freeEnergy()
    maxVonMises = diagnostics?.maxVonMises
    potentialIterations = diagnostics?.potentialIterations ?? 0
    potentialResidual = diagnostics?.potentialResidual ?? 0
    minXi = model.state.xi.min() ?? .nan
    maxXi = model.state.xi.max() ?? .nan
    lithiumTotal = model.lithiumTotal()
  }
}
