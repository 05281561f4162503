import Formats
import Foundation

/// The background under a set of peaks, either computed from the data before the fit
/// (`shirley`, `tougaard`, `als`, `arpls`, `snip`: subtracted, then fixed) or fitted with the peaks
/// (`polynomial`, with coefficients `bg.a0…`; `activeShirley`, with `bg.base` and `bg.k`).
public enum PeakBackground: Sendable, Equatable, Codable {
  case none
  /// Σ aₖ tᵏ, t = x − x_mid (x_mid the window's midpoint), k = 0…degree; fitted.
  case polynomial(degree: Int)
  /// Iterated Shirley computed from the data (`ShirleyBackground`).
  case shirley(BackgroundStep)
  /// Shirley fitted with the peaks ("active" background, A. Herrera-Gomez et al., J. Electron
  /// Spectrosc. Relat. Phenom. 182 (2010) 81; lmfitxps' ShirleyBG):
  /// B(x) = base + k·∫ P(x′)dx′ from the low end of the step to x, P the sum of the peaks.
  case activeShirley(BackgroundStep)
  case tougaard(TougaardCrossSection, BackgroundStep)
  case als(lambda: Double, p: Double)
  case arpls(lambda: Double)
  case snip(halfWidth: Int)

  /// Short name used by the model syntax and reports.
  public var name: String {
    switch self {
    case .none: return "none"
    case .polynomial(let d): return d == 0 ? "constant" : d == 1 ? "linear" : "polynomial\(d)"
    case .shirley: return "shirley"
    case .activeShirley: return "active_shirley"
    case .tougaard: return "tougaard"
    case .als: return "als"
    case .arpls: return "arpls"
    case .snip: return "snip"
    }
  }

  /// True when the background is computed from the data before the fit.
  public var isPrecomputed: Bool {
    switch self {
    case .shirley, .tougaard, .als, .arpls, .snip: return true
    case .none, .polynomial, .activeShirley: return false
    }
  }

  /// The precomputed background of (x, y).
  public func precompute(x: [Double], y: [Double]) throws -> [Double] {
    switch self {
    case .shirley(let step): return try ShirleyBackground.compute(x: x, y: y, rising: step)
    case .tougaard(let cs, let step): return try TougaardBackground.compute(x: x, y: y, crossSection: cs, rising: step).background
    case .als(let lambda, let p): return try WhittakerBaseline.asymmetricLeastSquares(y, lambda: lambda, p: p)
    case .arpls(let lambda): return try WhittakerBaseline.asymmetricallyReweighted(y, lambda: lambda)
    case .snip(let m): return try SNIPBackground.compute(y, halfWidth: m)
    case .none, .polynomial, .activeShirley: return [Double](repeating: 0, count: y.count)
    }
  }
}

/// One peak: a line shape and the names of its parameters in the model. The amplitude is the area
/// (`name.area`) for shapes with a finite area, the height at the centre (`name.height`) for
/// Doniach–Šunjić.
public struct PeakComponent: Sendable, Equatable, Codable {
  public var name: String
  public var shape: LineShape

  public init(name: String, shape: LineShape) {
    self.name = name
    self.shape = shape
  }

  /// Whether the amplitude parameter is the area (else the height at the centre).
  public var amplitudeIsArea: Bool { shape != .doniachSunjic }
  public var amplitudeName: String { name + (amplitudeIsArea ? ".area" : ".height") }
  public var centerName: String { name + ".center" }
  public var fwhmName: String { name + ".fwhm" }
  public var shapeNames: [String] { shape.shapeParameterNames.map { name + "." + $0 } }
  public var parameterNames: [String] { [centerName, amplitudeName, fwhmName] + shapeNames }
}

/// A background plus peaks with their parameters: the thing a spectrum is fitted with.
public struct PeakModel: Sendable, Equatable, Codable {
  public var background: PeakBackground
  public var components: [PeakComponent]
  public var parameters: [PeakParameter]

  public init(background: PeakBackground, components: [PeakComponent] = [], parameters: [PeakParameter] = []) {
    self.background = background
    self.components = components
    self.parameters = parameters
  }

  public func index(of name: String) -> Int? { parameters.firstIndex { $0.name == name } }

  public subscript(name: String) -> PeakParameter? {
    get { parameters.first { $0.name == name } }
    set {
      guard let i = index(of: name), let newValue else { return }
      parameters[i] = newValue
    }
  }

  /// Background parameter names in order.
  public var backgroundParameterNames: [String] {
    switch background {
    case .polynomial(let d): return (0...max(d, 0)).map { "bg.a\($0)" }
    case .activeShirley: return ["bg.base", "bg.k"]
    default: return []
    }
  }

  /// Checks that every component parameter exists, names are unique, ties point at existing
  /// untied parameters, bounds contain the values. Errors name the parameter.
  public func validate() throws {
    var seen = Set<String>()
    for p in parameters {
      guard seen.insert(p.name).inserted else { throw InputError("parameter \(p.name) is defined twice") }
      guard p.value.isFinite else { throw InputError("parameter \(p.name) has no finite value") }
      guard p.min <= p.max else { throw InputError("parameter \(p.name): min \(p.min) > max \(p.max)") }
    }
    for name in components.flatMap(\.parameterNames) + backgroundParameterNames where !seen.contains(name) {
      throw InputError("the model has no parameter \(name)")
    }
    for p in parameters {
      guard let tie = p.tie else { continue }
      guard let target = self[tie.target] else {
        throw InputError("parameter \(p.name) is tied to \(tie.target), which does not exist")
      }
      guard target.tie == nil else {
        throw InputError("parameter \(p.name) is tied to \(tie.target), which is itself tied (ties do not chain)")
      }
    }
  }

  /// All parameter values with ties applied to `values` (same order as `parameters`).
  public func resolved(_ values: [Double]) -> [Double] {
    var out = values
    for (i, p) in parameters.enumerated() {
      guard let tie = p.tie, let j = index(of: tie.target) else { continue }
      out[i] = tie.value(from: values[j])
    }
    return out
  }
}
