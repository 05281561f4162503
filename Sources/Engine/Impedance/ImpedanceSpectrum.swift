/// One impedance spectrum as measured: frequencies in Hz and the complex impedance in Ω with the
/// electrochemical sign convention Z = Z' + jZ'', Z'' < 0 for a capacitive response. Readers
/// convert every instrument's convention (−Z'', |Z| and phase) to this one.
public struct ImpedanceSpectrum: Equatable, Sendable {
  /// Where it came from, e.g. the file name and, for multi-spectrum files, the spectrum's index.
  public var name: String
  public var frequencies: [Double]
  public var real: [Double]
  public var imaginary: [Double]
  /// Anything else the file recorded that a person may want to see (temperature, date, cycle…).
  public var metadata: [String: String]

  public init(name: String, frequencies: [Double], real: [Double], imaginary: [Double], metadata: [String: String] = [:]) {
    precondition(frequencies.count == real.count && real.count == imaginary.count, "spectrum columns must have equal length")
    self.name = name
    self.frequencies = frequencies
    self.real = real
    self.imaginary = imaginary
    self.metadata = metadata
  }

  public var count: Int { frequencies.count }
}
