import Formats
import Foundation

/// What a spectrum's x axis measures. Every spectrum knows it, from the format, the header or the
/// user — never assumed.
public enum SpectrumAxis: Sendable, Equatable, Codable {
  /// Raman shift, cm⁻¹.
  case ramanShift
  /// Binding energy, eV (XPS).
  case bindingEnergy
  /// Kinetic energy, eV (XPS before conversion, AES).
  case kineticEnergy
  /// Diffraction angle 2θ in degrees, with the X-ray wavelength (Å) when the file states it.
  case twoTheta(wavelength: Double?)

  public var unit: String {
    switch self {
    case .ramanShift: return "cm-1"
    case .bindingEnergy, .kineticEnergy: return "eV"
    case .twoTheta: return "deg"
    }
  }

  public var label: String {
    switch self {
    case .ramanShift: return "Raman shift"
    case .bindingEnergy: return "binding energy"
    case .kineticEnergy: return "kinetic energy"
    case .twoTheta: return "2theta"
    }
  }

  /// The axis a column header names, e.g. `BE/eV`, `Binding Energy (eV)`, `Raman shift (cm-1)`,
  /// `Wavenumber`, `2theta`, `2θ`, `Two Theta`, `KE`; nil when it names none of them.
  public static func named(_ header: String) -> SpectrumAxis? {
    let h = header.lowercased().replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "_", with: "")
      .replacingOccurrences(of: "-", with: "")
    if h.hasPrefix("be") || h.contains("binding") { return .bindingEnergy }
    if h.hasPrefix("ke") || h.contains("kinetic") { return .kineticEnergy }
    if h.contains("raman") || h.contains("cm1") || h.contains("cm^1") || h.contains("cm⁻¹") || h.contains("wavenumber")
      || h.hasPrefix("#wave") || h.hasPrefix("wave") {
      return .ramanShift
    }
    if h.contains("2theta") || h.contains("2θ") || h.contains("twotheta") || h.hasPrefix("2th") || h.contains("angle") {
      return .twoTheta(wavelength: nil)
    }
    return nil
  }
}

/// The kind of measurement a spectrum comes from.
public enum SpectroscopyTechnique: String, Sendable, Equatable, Codable {
  case raman, xps, aes, xrd

  public static func of(_ axis: SpectrumAxis) -> SpectroscopyTechnique {
    switch axis {
    case .ramanShift: return .raman
    case .bindingEnergy, .kineticEnergy: return .xps
    case .twoTheta: return .xrd
    }
  }
}

/// One spectrum (or one block of a multi-block file): x and y of equal length, the axis and the
/// technique, a name (the column header or block label) and what the file said about it.
public struct Spectrum: Sendable, Equatable {
  public var name: String
  public var technique: SpectroscopyTechnique
  public var axis: SpectrumAxis
  public var x: [Double]
  public var y: [Double]
  /// The intensity unit as the file states it ("counts", "cps", "a.u."), nil when it states none.
  public var yUnit: String?
  /// Header items worth keeping (instrument, date, excitation), as written.
  public var metadata: [String: String]

  public init(name: String, technique: SpectroscopyTechnique? = nil, axis: SpectrumAxis, x: [Double], y: [Double],
              yUnit: String? = nil, metadata: [String: String] = [:]) {
    self.name = name
    self.technique = technique ?? .of(axis)
    self.axis = axis
    self.x = x
    self.y = y
    self.yUnit = yUnit
    self.metadata = metadata
  }

  /// Kinetic → binding energy: BE = hν − KE − φ, with the source energy hν and the spectrometer
  /// work function φ (eV; 0 when the file gives none and the caller has none). Binding-energy
  /// spectra are returned unchanged; other axes are an error.
  public func toBindingEnergy(sourceEnergy: Double, workFunction: Double = 0) throws -> Spectrum {
    switch axis {
    case .bindingEnergy: return self
    case .kineticEnergy:
      var s = self
      s.x = x.map { sourceEnergy - $0 - workFunction }
      s.axis = .bindingEnergy
      return s
    default:
      throw InputError("\(name): a \(axis.label) axis cannot be converted to binding energy")
    }
  }
}
