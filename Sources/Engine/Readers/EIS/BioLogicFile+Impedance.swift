import Formats
import Foundation

extension BioLogicFile {
  /// The impedance spectra of an EC-Lab table: `freq/Hz` with `Re(Z)/Ohm` and `-Im(Z)/Ohm`
  /// (Z'' = −(−Im Z)), or with `|Z|/Ohm` and `Phase(Z)/deg` (Z' = |Z| cos φ, Z'' = |Z| sin φ).
  /// Each run of equal `z cycle` values (or, without that column, `cycle number`) is one
  /// spectrum, so a PEIS repeated in a loop gives one spectrum per sweep.
  public func impedanceSpectra(name: String) throws -> [ImpedanceSpectrum] {
    let fileName = name
    func fail(_ message: String) -> InputError { InputError(message, file: fileName, line: table.firstDataLine.map { $0 - 1 }) }
    guard let frequency = table.column(named: "freq/Hz") else {
      throw fail("no frequency column 'freq/Hz' in the EC-Lab table (columns: \(table.columnNames.joined(separator: ", ")))")
    }
    let real: [Double]
    let imaginary: [Double]
    if let re = table.column(named: "Re(Z)/Ohm"), let minusIm = table.column(namedAnyOf: ["-Im(Z)/Ohm", "Im(Z)/Ohm"]) {
      real = re.values
      imaginary = minusIm.name == "Im(Z)/Ohm" ? minusIm.values : minusIm.values.map { -$0 }
    } else if let modulus = table.column(named: "|Z|/Ohm"), let phase = table.column(named: "Phase(Z)/deg") {
      real = zip(modulus.values, phase.values).map { $0 * cos($1 * Double.pi / 180) }
      imaginary = zip(modulus.values, phase.values).map { $0 * sin($1 * Double.pi / 180) }
    } else {
      let missing = table.column(named: "Re(Z)/Ohm") == nil ? "'Re(Z)/Ohm'" : "'-Im(Z)/Ohm'"
      throw fail("no \(missing) column and no '|Z|/Ohm' with 'Phase(Z)/deg' in the EC-Lab table (columns: \(table.columnNames.joined(separator: ", ")))")
    }
    let frequencyColumn = table.columns.firstIndex { $0.name == "freq/Hz" } ?? 0
    for (row, value) in frequency.values.enumerated() where !(value > 0 && value.isFinite) {
      let place = table.location(ofRow: row)
      throw InputError("expected a positive frequency in column \(frequencyColumn + 1) (freq/Hz), found \(value) Hz at \(place.text)", file: fileName, line: place.line)
    }
    // A binary .mpr stores floats: NaN and inf are bit patterns like any other (the fuzz smoke
    // test found a NaN Z' accepted and passed on to fits and plots).
    for row in real.indices where !(real[row].isFinite && imaginary[row].isFinite) {
      let place = table.location(ofRow: row)
      throw InputError("expected a finite impedance, found Z' = \(real[row]) Ω, Z'' = \(imaginary[row]) Ω at \(place.text)", file: fileName, line: place.line)
    }
    let cycles = table.column(named: "z cycle") ?? table.column(named: "cycle number")
    var ranges: [Range<Int>] = []
    if let cycles, !cycles.values.isEmpty {
      var start = 0
      for row in 1..<max(cycles.values.count, 1) where cycles.values[row] != cycles.values[row - 1] {
        ranges.append(start..<row)
        start = row
      }
      ranges.append(start..<cycles.values.count)
    } else {
      ranges = [0..<frequency.values.count]
    }
    guard frequency.values.count > 0 else {
      throw fail("expected impedance data rows after the column names, found none")
    }
    var metadata = self.metadata
    if let technique { metadata["technique"] = technique }
    if metadata["format"] == nil { metadata["format"] = "biologic-mpt" }
    return ranges.map { range in
      var spectrumMetadata = metadata
      var spectrumName = name
      if let cycles {
        let value = cycles.values[range.lowerBound]
        // A corrupt file can hold any cycle number: only an exactly representable one prints as an integer.
        let label = Int(exactly: value).map(String.init) ?? String(value)
        spectrumMetadata[cycles.name] = label
        if ranges.count > 1 { spectrumName = "\(name) [\(cycles.name) \(label)]" }
      }
      return ImpedanceSpectrum(
        name: spectrumName,
        frequencies: Array(frequency.values[range]),
        real: Array(real[range]),
        imaginary: Array(imaginary[range]),
        metadata: spectrumMetadata)
    }
  }
}
