import Foundation

/// Spin-orbit doublet templates: the area ratio of the higher-binding-energy line (j = l − ½) to
/// the lower one (j = l + ½) is (2l)/(2l + 2): p 1:2, d 2:3, f 3:4 — written as the brief's
/// p (2:1), d (3:2), f (4:3) for lower:upper.
public enum DoubletKind: String, Sendable, Codable, CaseIterable {
  case p, d, f
  /// Area of the j = l − ½ line over the j = l + ½ line.
  public var areaRatio: Double {
    switch self {
    case .p: return 1.0 / 2.0
    case .d: return 2.0 / 3.0
    case .f: return 3.0 / 4.0
    }
  }
  /// Level labels (lower BE first), e.g. ("3/2", "1/2").
  public var levels: (String, String) {
    switch self {
    case .p: return ("3/2", "1/2")
    case .d: return ("5/2", "3/2")
    case .f: return ("7/2", "5/2")
    }
  }
}

/// X-ray tube lines for diffraction, Å (International Tables for Crystallography Vol. C,
/// Table 4.2.2.1: Hölzer et al., Phys. Rev. A 56 (1997) 4554 for Cu and Co; Mo from the same table).
public struct XRayWavelengths: Sendable, Equatable, Codable {
  public var kAlpha1: Double
  public var kAlpha2: Double
  public init(kAlpha1: Double, kAlpha2: Double) { self.kAlpha1 = kAlpha1; self.kAlpha2 = kAlpha2 }
  public static let copper = XRayWavelengths(kAlpha1: 1.540598, kAlpha2: 1.544426)
  public static let molybdenum = XRayWavelengths(kAlpha1: 0.709317, kAlpha2: 0.713607)
  public static let cobalt = XRayWavelengths(kAlpha1: 1.788996, kAlpha2: 1.792850)
}

extension PeakModel {
  /// A fresh component name p1, p2, … not used yet.
  func nextComponentName() -> String {
    var k = components.count + 1
    while components.contains(where: { $0.name == "p\(k)" }) { k += 1 }
    return "p\(k)"
  }

  /// Adds one peak with starting values; area > 0 (height for Doniach–Šunjić) and FWHM > 0 are
  /// enforced by bounds, shape parameters by `LineShape.shapeParameterBounds`. Returns its name.
  @discardableResult
  public mutating func addPeak(_ shape: LineShape, center: Double, fwhm: Double, amplitude: Double,
                               name: String? = nil, shapeValues: [Double]? = nil) -> String {
    let component = PeakComponent(name: name ?? nextComponentName(), shape: shape)
    components.append(component)
    parameters.append(PeakParameter(component.centerName, value: center))
    parameters.append(PeakParameter(component.amplitudeName, value: amplitude, min: 0))
    parameters.append(PeakParameter(component.fwhmName, value: fwhm, min: 1e-9 * max(abs(fwhm), 1e-300)))
    let values = shapeValues ?? shape.defaultShapeValues(fwhm: fwhm)
    let bounds = shape.shapeParameterBounds(fwhm: fwhm)
    for (k, n) in component.shapeNames.enumerated() {
      let v = min(max(values[k], bounds[k].lowerBound), bounds[k].upperBound)
      parameters.append(PeakParameter(n, value: v, min: bounds[k].lowerBound, max: bounds[k].upperBound))
    }
    return component.name
  }

  /// A spin-orbit doublet: the j = l + ½ line at `center` (lower binding energy) and the
  /// j = l − ½ line at center + `splitting` (tied by offset), its area tied by `kind.areaRatio`,
  /// its shape parameters tied 1:1. The upper line's FWHM starts at `fwhmRatio`·FWHM and is tied
  /// by that ratio, or free when `fwhmRatioFloats` (Ti 2p½ is broader than 2p3/2).
  @discardableResult
  public mutating func addDoublet(_ shape: LineShape, kind: DoubletKind, center: Double, splitting: Double,
                                  fwhm: Double, area: Double, fwhmRatio: Double = 1,
                                  fwhmRatioFloats: Bool = false, name: String? = nil) -> (String, String) {
    let base = name ?? nextComponentName()
    let lower = addPeak(shape, center: center, fwhm: fwhm, amplitude: area, name: base + "_" + kind.levels.0)
    let upper = addPeak(shape, center: center + splitting, fwhm: fwhm * fwhmRatio, amplitude: area * kind.areaRatio,
                        name: base + "_" + kind.levels.1)
    let l = components[components.count - 2], u = components[components.count - 1]
    self[u.centerName]?.tie = .offset(l.centerName, splitting)
    self[u.amplitudeName]?.tie = .ratio(l.amplitudeName, kind.areaRatio)
    if !fwhmRatioFloats { self[u.fwhmName]?.tie = .ratio(l.fwhmName, fwhmRatio) }
    for (a, b) in zip(l.shapeNames, u.shapeNames) { self[b]?.tie = .ratio(a, 1) }
    return (lower, upper)
  }

  /// A Kα1/Kα2 pair for diffraction: Kα1 at `twoTheta` (degrees), Kα2 at
  /// 2·asin((λ₂/λ₁)·sin θ₁) with half the area, the same FWHM and shape (ties).
  @discardableResult
  public mutating func addKAlphaPair(_ shape: LineShape, twoTheta: Double, fwhm: Double, area: Double,
                                     wavelengths: XRayWavelengths = .copper, name: String? = nil) -> (String, String) {
    let base = name ?? nextComponentName()
    let ratio = wavelengths.kAlpha2 / wavelengths.kAlpha1
    let tie = PeakParameter.Tie.kAlpha2("", wavelengthRatio: ratio)
    let a1 = addPeak(shape, center: twoTheta, fwhm: fwhm, amplitude: area, name: base + "_ka1")
    let a2 = addPeak(shape, center: tie.value(from: twoTheta), fwhm: fwhm, amplitude: area / 2, name: base + "_ka2")
    let c1 = components[components.count - 2], c2 = components[components.count - 1]
    self[c2.centerName]?.tie = .kAlpha2(c1.centerName, wavelengthRatio: ratio)
    self[c2.amplitudeName]?.tie = .ratio(c1.amplitudeName, 0.5)
    self[c2.fwhmName]?.tie = .ratio(c1.fwhmName, 1)
    for (a, b) in zip(c1.shapeNames, c2.shapeNames) { self[b]?.tie = .ratio(a, 1) }
    return (a1, a2)
  }

  /// Starting values of the fitted background's parameters from the data: the polynomial through
  /// the window's end values, the active Shirley's base at the low end and k from the step over
  /// the total peak area (both refined by the fit). Existing bg.* parameters are kept.
  public mutating func addBackgroundParameters(x: [Double], y: [Double]) {
    let names = backgroundParameterNames
    guard !names.isEmpty, !x.isEmpty, x.count == y.count, names.contains(where: { self[$0] == nil }) else { return }
    let order = x.indices.sorted { x[$0] < x[$1] }
    let edge = max(1, x.count / 20)
    let lowY = order.prefix(edge).reduce(0) { $0 + y[$1] } / Double(edge)
    let highY = order.suffix(edge).reduce(0) { $0 + y[$1] } / Double(edge)
    let span = max((x.max() ?? 0) - (x.min() ?? 0), .leastNormalMagnitude)
    var starts: [Double]
    switch background {
    case .polynomial(let d):
      starts = [(lowY + highY) / 2] + (d >= 1 ? [(highY - lowY) / span] : []) + Array(repeating: 0, count: max(d - 1, 0))
    case .activeShirley(let step):
      let (low, high) = step == .towardHigherX ? (lowY, highY) : (highY, lowY)
      var area = 0.0
      for k in 1..<order.count {
        let i = order[k], j = order[k - 1]
        area += (x[i] - x[j]) * ((y[i] - low) + (y[j] - low)) / 2
      }
      starts = [low, area > 0 ? (high - low) / area : 0]
    default:
      starts = []
    }
    for (k, n) in names.enumerated() where self[n] == nil {
      parameters.append(PeakParameter(n, value: k < starts.count ? starts[k] : 0))
    }
  }
}
