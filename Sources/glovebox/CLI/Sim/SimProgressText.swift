import Engine
import Foundation

/// The one-line progress of a run shared by `sim watch` and a foreground `sim run` in a
/// terminal: a bar of the progress, step, simulated time, rate, ETA and the key metrics.
struct SimProgressText {
  var state: String
  var progress: Double?
  var step: Int?
  var time: Double?
  var stepsPerSecond: Double?
  var etaSeconds: Double?
  /// Label, value and unit of the metrics shown (the last metrics.csv row).
  var metrics: [(label: String, value: Double, unit: String)] = []

  /// The columns of metrics.csv shown, with their labels and units.
  static let keyMetrics: [(column: String, label: String, unit: String)] = [
    ("tip_height_um", "tip", "µm"), ("li_area_fraction", "Li", ""), ("current_mA_per_cm2", "j", "mA/cm²"),
  ]

  /// Durations as a person reads them: 45 s, 12 min, 3.5 h; nil (unknown) as "-".
  static func duration(_ seconds: Double?) -> String {
    guard let s = seconds, s.isFinite, s >= 0 else { return "-" }
    if s < 100 { return String(format: "%.0f s", s) }
    if s < 6000 { return String(format: "%.0f min", s / 60) }
    return String(format: "%.1f h", s / 3600)
  }

  static func number(_ value: Double?, _ format: String) -> String {
    guard let v = value, v.isFinite else { return "-" }
    return String(format: format, v)
  }

  static func bar(_ fraction: Double?, width: Int) -> String {
    guard let f = fraction, f.isFinite else { return "[" + String(repeating: "?", count: width) + "]" }
    let filled = Int((min(1, max(0, f)) * Double(width)).rounded(.down))
    return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "]"
  }

  /// The facts without the clock-driven parts (rate, ETA): a new line when one of these changes.
  var facts: String {
    var parts = [state, "step \(step.map(String.init) ?? "-")", "t \(Self.number(time, "%.4g")) s",
                 "\(Self.number(progress.map { $0 * 100 }, "%.1f"))%"]
    for m in metrics where m.value.isFinite {
      parts.append("\(m.label) \(String(format: "%.4g", m.value))\(m.unit.isEmpty ? "" : " " + m.unit)")
    }
    return parts.joined(separator: "  ")
  }

  /// The line for a terminal: bar, percentage, ETA, step, time, metrics, rate, state.
  func terminalLine(width: Int) -> String {
    // Most wanted first: what does not fit the terminal's width is cut from the end.
    var parts = [Self.bar(progress, width: 20) + " " + Self.number(progress.map { $0 * 100 }, "%5.1f") + "%",
                 "ETA \(Self.duration(etaSeconds))", "step \(step.map(String.init) ?? "-")",
                 "t \(Self.number(time, "%.4g")) s"]
    for m in metrics where m.value.isFinite {
      parts.append("\(m.label) \(String(format: "%.4g", m.value))\(m.unit.isEmpty ? "" : " " + m.unit)")
    }
    parts += ["\(Self.number(stepsPerSecond, "%.1f")) steps/s", state]
    let line = parts.joined(separator: "  ")
    // One column short of the width: a line that fills it wraps on some terminals and \r then
    // returns to the wrong row.
    return String(line.prefix(max(1, width - 1)))
  }

  /// The metrics of the last row read, by `keyMetrics`.
  static func metrics(row: RunMetricsReader.Row?, reader: RunMetricsReader) -> [(label: String, value: Double, unit: String)] {
    guard let row else { return [] }
    return keyMetrics.compactMap { key in
      guard let index = reader.column(key.column), index < row.values.count, let value = row.values[index] else { return nil }
      return (key.label, value, key.unit)
    }
  }
}

/// Terminal facts for progress output.
enum TerminalOutput {
  static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }

  /// Columns of the terminal on `descriptor`, 80 when it does not say.
  static func width(_ descriptor: Int32) -> Int {
    var size = winsize()
    guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
    return Int(size.ws_col)
  }
}

extension SimProgressText {
  /// The progress line of a foreground run, drawn on standard error after each status write
  /// when standard error is a terminal; nil otherwise (nothing extra in a pipe or a log).
  static func foregroundReporter(model: LiModel) -> ((RunStatus) -> Void)? {
    guard TerminalOutput.isTerminal(2) else { return nil }
    return { status in
      var metrics: [(label: String, value: Double, unit: String)] = [("tip", model.tipHeight() * 1e6, "µm")]
      if let current = model.lastDiagnostics?.current { metrics.append(("j", current * 0.1, "mA/cm²")) }
      let rate = status.startStep.flatMap { start in
        status.wallSeconds > 0 ? Double(status.step - start) / status.wallSeconds : nil
      }
      let line = SimProgressText(
        state: status.state.rawValue,
        progress: RunSummary.progress(step: status.step, time: status.time, targetSteps: status.targetSteps,
                                      targetTime: status.targetTime),
        step: status.step, time: status.time, stepsPerSecond: rate, etaSeconds: status.etaSeconds, metrics: metrics)
      let ended = status.state != .running && status.state != .paused
      FileHandle.standardError.write(Data(("\r" + line.terminalLine(width: TerminalOutput.width(2)) + "\u{1B}[K" + (ended ? "\n" : "")).utf8))
    }
  }
}
