import Formats

/// Collects the points of a spectrum from a structured file (a spreadsheet sheet, a JSON data
/// frame, a PalmSens session) under a column layout: the same conversions and checks as a text
/// table's `ImpedanceRowDecoder`, with the caller saying where each value came from.
struct ImpedanceColumnAccumulator {
  let layout: ImpedanceColumnLayout
  private(set) var frequencies: [Double] = []
  private(set) var real: [Double] = []
  private(set) var imaginary: [Double] = []

  init(layout: ImpedanceColumnLayout) { self.layout = layout }

  /// Appends one point. `value(column)` gives the raw number of a column (or throws an error
  /// placed at its cell); `place(column)` locates a cell for an error raised here.
  /// A frequency must be positive: a zero is a DC record or a blank, never a point of a spectrum.
  mutating func append(value: (ImpedanceColumnLayout.Column) throws -> Double, place: (ImpedanceColumnLayout.Column, String) -> InputError) throws {
    let frequency = try value(layout.frequency) * layout.frequency.scale
    let first = try value(layout.first) * layout.first.scale
    let second = try value(layout.second) * layout.second.scale
    guard frequency > 0 else {
      throw place(layout.frequency, "expected a positive frequency (\(layout.frequency.name)), found \(frequency) Hz")
    }
    guard let z = layout.impedance(first: first, second: second) else {
      throw place(layout.second, "column layout pairs \(layout.first.name) with \(layout.second.name), which is not an impedance")
    }
    frequencies.append(frequency)
    real.append(z.real)
    imaginary.append(z.imaginary)
  }

  var count: Int { frequencies.count }

  func spectrum(name: String, metadata: [String: String]) -> ImpedanceSpectrum {
    var metadata = metadata
    metadata["columns"] = [layout.frequency.name, layout.first.name, layout.second.name].joined(separator: ", ")
    return ImpedanceSpectrum(name: name, frequencies: frequencies, real: real, imaginary: imaginary, metadata: metadata)
  }
}
