import Formats

/// Which cells of a row hold the frequency and the impedance: either Z' with Z'' (or −Z''), or
/// |Z| with the phase. Found from a header's names or given by the user (`f,re,-im`).
public struct ImpedanceColumnLayout: Sendable, Equatable {
  public struct Column: Sendable, Equatable {
    /// 0-based cell index in a row.
    public var index: Int
    public var quantity: ImpedanceQuantity
    /// Converts the column's unit to Hz, Ω or degrees.
    public var scale: Double
    /// The header name, or the quantity's name when there was no header.
    public var name: String

    public init(index: Int, quantity: ImpedanceQuantity, scale: Double = 1, name: String? = nil) {
      self.index = index
      self.quantity = quantity
      self.scale = scale
      self.name = name ?? quantity.rawValue
    }
  }

  public var frequency: Column
  /// Z' or |Z|.
  public var first: Column
  /// Z'', −Z'', phase or −phase.
  public var second: Column

  public var isPolar: Bool { first.quantity == .modulus }

  public init(frequency: Column, first: Column, second: Column) {
    self.frequency = frequency
    self.first = first
    self.second = second
  }

  /// Three columns: frequency (Hz), Z' (Ω), Z'' (Ω) — the layout of a headerless CSV.
  public static let frequencyRealImaginary = ImpedanceColumnLayout(
    frequency: Column(index: 0, quantity: .frequency),
    first: Column(index: 1, quantity: .real),
    second: Column(index: 2, quantity: .imaginary))

  /// The largest cell index a row must have.
  var widestIndex: Int { max(frequency.index, first.index, second.index) }

  /// Parses a user's column list such as `f,re,im`, `f,re,-im`, `freq,mod,phase`, or with
  /// skipped cells `f,_,_,_,re,im`: one name per cell, `_` for a cell to ignore.
  public static func parse(_ spec: String) throws -> ImpedanceColumnLayout {
    var found: [ImpedanceQuantity: Column] = [:]
    for (index, token) in spec.split(separator: ",", omittingEmptySubsequences: false).enumerated() {
      let name = token.trimmed.lowercased()
      let quantity: ImpedanceQuantity?
      switch name {
      case "_", "": quantity = nil
      case "f", "freq", "frequency": quantity = .frequency
      case "re", "real", "z'", "zre": quantity = .real
      case "im", "imag", "z''", "zim": quantity = .imaginary
      case "-im", "-imag", "-z''", "-zim": quantity = .negativeImaginary
      case "mod", "modulus", "|z|", "zmod": quantity = .modulus
      case "phase", "phi", "zphz": quantity = .phase
      case "-phase", "-phi": quantity = .negativePhase
      default:
        throw InputError("expected one of f, re, im, -im, mod, phase, -phase or _ in the column list, found '\(name)'", column: index + 1)
      }
      if let quantity {
        if found[quantity] != nil { throw InputError("column '\(name)' is named twice in the column list", column: index + 1) }
        found[quantity] = Column(index: index, quantity: quantity)
      }
    }
    return try resolve(found, describe: "column list '\(spec)'")
  }

  /// The layout of a header row, from the names it recognises (the first of each kind wins).
  static func fromHeader(_ names: [Substring], describe: String) throws -> ImpedanceColumnLayout {
    var found: [ImpedanceQuantity: Column] = [:]
    for (index, name) in names.enumerated() {
      guard let recognised = ImpedanceColumnNames.recognise(name), found[recognised.quantity] == nil else { continue }
      found[recognised.quantity] = Column(index: index, quantity: recognised.quantity, scale: recognised.scale, name: String(name))
    }
    return try resolve(found, describe: describe)
  }

  private static func resolve(_ found: [ImpedanceQuantity: Column], describe: String) throws -> ImpedanceColumnLayout {
    guard let frequency = found[.frequency] else {
      throw InputError("no frequency column in the \(describe) (expected a name such as freq/Hz, Frequency (Hz) or Freq)")
    }
    if let real = found[.real], let imaginary = found[.imaginary] ?? found[.negativeImaginary] {
      return ImpedanceColumnLayout(frequency: frequency, first: real, second: imaginary)
    }
    if let modulus = found[.modulus], let phase = found[.phase] ?? found[.negativePhase] {
      return ImpedanceColumnLayout(frequency: frequency, first: modulus, second: phase)
    }
    var missing: [String] = []
    if found[.real] != nil { missing.append("an imaginary-part column (Z'', Im(Z) or -Im(Z)/Ohm)") }
    else if found[.imaginary] != nil || found[.negativeImaginary] != nil { missing.append("a real-part column (Z' or Re(Z)/Ohm)") }
    else if found[.modulus] != nil { missing.append("a phase column (Phase(Z)/deg) to go with |Z|") }
    else if found[.phase] != nil || found[.negativePhase] != nil { missing.append("a modulus column (|Z|/Ohm) to go with the phase") }
    else { missing.append("impedance columns (Z' and Z'', or |Z| and phase)") }
    throw InputError("no \(missing.joined()) in the \(describe)".replacingOccurrences(of: "no a ", with: "no ").replacingOccurrences(of: "no an ", with: "no "))
  }
}
