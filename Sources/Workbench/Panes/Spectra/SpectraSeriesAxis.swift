import Engine
import Formats
import Foundation
import TUI

/// What the x axis of a series plot is: the measurement time the files state, a number in the
/// file names (a temperature, a time), or the spectrum's place in the series.
public enum SpectraSeriesAxisChoice: Equatable, Sendable {
  /// The time each file states (`SpectrumAcquisitionTime`), in minutes after the earliest; the
  /// index where a member states none, and the plot says so.
  case fileTime
  /// The number at `#` of `pattern` in each file name, with the quantity's name and unit.
  case fileName(pattern: String, name: String, unit: String)
  case index

  /// Parses the `Z` prompt: "time", "index", or "PATTERN NAME UNIT" with one `#` in PATTERN.
  public static func parse(_ text: String) -> Result<SpectraSeriesAxisChoice, InputError> {
    let words = text.split(separator: " ").map(String.init)
    switch words.first?.lowercased() {
    case "time"? where words.count == 1: return .success(.fileTime)
    case "index"? where words.count == 1: return .success(.index)
    default: break
    }
    guard words.count >= 3, words[0].filter({ $0 == "#" }).count == 1, words[0].count > 1 else {
      return .failure(InputError("series axis: time, index, or PATTERN NAME UNIT with # where the number is (T#C temperature °C), found \"\(text)\""))
    }
    return .success(.fileName(pattern: words[0], name: words[1], unit: words[2...].joined(separator: " ")))
  }

  var text: String {
    switch self {
    case .fileTime: return "time"
    case .index: return "index"
    case .fileName(let p, let n, let u): return "\(p) \(n) \(u)"
    }
  }
}

/// The x values of a series plot, the axis title that says what they are, and why not the axis
/// chosen when some member lacks it.
struct SpectraSeriesAxis: Equatable {
  var values: [Double]
  var title: String
  var note: String?

  /// x per member for `choice`: times in minutes after the earliest member, or the file-name
  /// numbers; the index (0, 1, …) for every member when any member lacks the value, with the
  /// first such file named in `note`.
  static func make(_ choice: SpectraSeriesAxisChoice, members: [SpectraEntry]) -> SpectraSeriesAxis {
    let index = members.indices.map(Double.init)
    switch choice {
    case .index:
      return SpectraSeriesAxis(values: index, title: "spectrum index", note: nil)
    case .fileTime:
      let dates = members.map { SpectrumAcquisitionTime.date(in: $0.spectrum.metadata) }
      if let missing = dates.firstIndex(where: { $0 == nil }) {
        return SpectraSeriesAxis(values: index, title: "spectrum index",
                                 note: "no measurement time in \(members[missing].path): plotted against index (Z: a number in the file names)")
      }
      let times = dates.compactMap { $0?.timeIntervalSince1970 }
      let first = times.min() ?? 0
      return SpectraSeriesAxis(values: times.map { ($0 - first) / 60 }, title: "time after the first spectrum / min", note: nil)
    case .fileName(let pattern, let name, let unit):
      let numbers = members.map { SpectrumAcquisitionTime.number(in: $0.path, pattern: pattern) }
      if let missing = numbers.firstIndex(where: { $0 == nil }) {
        return SpectraSeriesAxis(values: index, title: "spectrum index",
                                 note: "no number at \(pattern) in \(members[missing].path): plotted against index")
      }
      return SpectraSeriesAxis(values: numbers.compactMap { $0 }, title: "\(name) / \(unit) (file names)", note: nil)
    }
  }
}

extension SpectraPane {
  mutating func openSeriesAxisPrompt() -> [Effect] {
    modal = .prompt(.seriesAxis, TextInput(text: analysis.seriesAxis.text,
                                           prompt: "series x axis: time (from the files), index, or PATTERN NAME UNIT (# marks the number: T#C temperature °C, _#min time min): "))
    return [.render]
  }

  mutating func setSeriesAxis(_ text: String) -> [Effect] {
    switch SpectraSeriesAxisChoice.parse(text) {
    case .failure(let error): return [.status(.error(error.message))]
    case .success(let choice):
      analysis.seriesAxis = choice
      let axis = SpectraSeriesAxis.make(choice, members: seriesMembers)
      return [.render, .status(StatusMessage(axis.note ?? "series plotted against \(axis.title)"))]
    }
  }
}
