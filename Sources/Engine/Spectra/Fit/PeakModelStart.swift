import Formats
import Foundation

/// Turns a parsed inline model into a `PeakModel` for one spectrum: starting values the model
/// leaves open come from the data near each centre (the height above the lowest intensity within
/// ±2 FWHM, the FWHM from the half-maximum crossings of the data), and the step direction of
/// Shirley/Tougaard from the axis (binding energy: rises toward higher x; kinetic: toward lower).
public enum PeakModelStart {
  public static func build(_ spec: PeakModelSpec, x: [Double], y: [Double], axis: SpectrumAxis) throws -> PeakModel {
    guard let first = spec.terms.first else { throw InputError("model: empty") }
    var model = PeakModel(background: try background(first, axis: axis))
    for term in spec.terms.dropFirst() { try addComponent(term, to: &model, x: x, y: y) }
    model.addBackgroundParameters(x: x, y: y)
    try model.validate()
    return model
  }

  static func number(_ s: String, _ what: String, _ term: PeakModelSpec.Term) throws -> Double {
    let t = s.hasPrefix("~") ? String(s.dropFirst()) : s
    guard let v = Double(t), v.isFinite else { throw InputError("model: \(term.name): \(what) \"\(s)\" is not a number") }
    return v
  }

  static func step(_ axis: SpectrumAxis, _ name: String) throws -> BackgroundStep {
    switch axis {
    case .bindingEnergy: return .towardHigherX
    case .kineticEnergy: return .towardLowerX
    default: throw InputError("model: a \(name) background needs an XPS energy axis, the spectrum has \(axis.label)")
    }
  }

  static func background(_ term: PeakModelSpec.Term, axis: SpectrumAxis) throws -> PeakBackground {
    let args = try term.positional.map { try number($0, "argument", term) }
    let keyed = Dictionary(term.keyed, uniquingKeysWith: { $1 })
    func key(_ k: String) throws -> Double? { try keyed[k].map { try number($0, k, term) } }
    switch term.name {
    case "none": return .none
    case "constant": return .polynomial(degree: 0)
    case "linear": return .polynomial(degree: 1)
    case "polynomial", "poly":
      guard let d = args.first, d == d.rounded(), d >= 0, d <= 10 else { throw InputError("model: polynomial(n) needs a degree 0…10") }
      return .polynomial(degree: Int(d))
    case "shirley": return .shirley(try step(axis, "Shirley"))
    case "active_shirley", "ashirley": return .activeShirley(try step(axis, "Shirley"))
    case "tougaard", "tougaard_u2", "tougaard_u3":
      var cs: TougaardCrossSection = term.name == "tougaard_u3" ? .polymer3 : .universal2
      if let v = try key("b") { cs.b = v }
      if let v = try key("c") { cs.c = v }
      if let v = try key("cprime") { cs.cPrime = v }
      if let v = try key("d") { cs.d = v }
      return .tougaard(cs, try step(axis, "Tougaard"))
    case "als":
      guard args.count == 2 || args.isEmpty else { throw InputError("model: als takes (λ, p)") }
      return .als(lambda: args.first ?? 1e5, p: args.count == 2 ? args[1] : 0.01)
    case "arpls":
      return .arpls(lambda: args.first ?? 1e5)
    case "snip":
      guard let m = args.first, m == m.rounded(), m >= 1, m <= 1e6 else { throw InputError("model: snip(m) needs a half-width in points") }
      return .snip(halfWidth: Int(m))
    default:
      throw InputError("model: the first term must be a background (none, constant, linear, polynomial(n), shirley, active_shirley, tougaard, tougaard_u3, als, arpls, snip), found \"\(term.name)\"")
    }
  }

  /// Height above the local floor and FWHM of the data around `center`.
  static func estimate(x: [Double], y: [Double], center: Double, fwhm: Double?) -> (height: Double, fwhm: Double) {
    let order = x.indices.sorted { x[$0] < x[$1] }
    let xs = order.map { x[$0] }, ys = order.map { y[$0] }
    guard var i = xs.indices.min(by: { abs(xs[$0] - center) < abs(xs[$1] - center) }) else { return (1, 1) }
    i = min(max(i, 0), xs.count - 1)
    let span = (xs.last ?? 0) - (xs.first ?? 0)
    let guessWidth = fwhm ?? span / 20
    let window = xs.indices.filter { abs(xs[$0] - center) <= 2 * guessWidth }
    let floor = window.map { ys[$0] }.min() ?? 0
    let height = max(ys[i] - floor, 1e-12 * max(abs(ys[i]), 1))
    if let fwhm { return (height, fwhm) }
    let half = floor + height / 2
    var l = i, r = i
    while l > 0 && ys[l] > half { l -= 1 }
    while r < xs.count - 1 && ys[r] > half { r += 1 }
    let width = max(xs[r] - xs[l], 2 * span / Double(max(xs.count - 1, 1)))
    return (height, width)
  }

  static func addComponent(_ term: PeakModelSpec.Term, to model: inout PeakModel, x: [Double], y: [Double]) throws {
    var keyed = Dictionary(term.keyed, uniquingKeysWith: { $1 })
    var positional = term.positional
    var doublet: DoubletKind? = nil
    var shapeName = term.name
    if term.name.hasPrefix("doublet_") {
      guard let kind = DoubletKind(rawValue: String(term.name.dropFirst("doublet_".count))) else {
        throw InputError("model: unknown doublet \"\(term.name)\" (doublet_p, doublet_d, doublet_f)")
      }
      doublet = kind
      guard !positional.isEmpty else { throw InputError("model: \(term.name) needs a shape first, e.g. \(term.name)(gl30, 459.0, split=5.7)") }
      shapeName = positional.removeFirst()
    }
    guard let (shape, fixedP) = lineShape(named: shapeName) else {
      throw InputError("model: unknown component \"\(shapeName)\" (gaussian, lorentzian, pv, voigt, pearson7, splitpv, gl<p>, sgl<p>, ds, la, emg, doublet_p/d/f)")
    }
    guard let centerText = positional.first else { throw InputError("model: \(term.name) needs a starting centre") }
    let center = try number(centerText, "centre", term)
    let fwhmGiven = try positional.count > 1 ? number(positional[1], "FWHM", term) : nil
    guard positional.count <= 2 else { throw InputError("model: \(term.name) takes at most (centre, FWHM) before key=value arguments") }
    if let w = fwhmGiven, !(w > 0) { throw InputError("model: \(term.name): FWHM must be positive") }
    let start = estimate(x: x, y: y, center: center, fwhm: fwhmGiven)
    var shapeValues = shape.defaultShapeValues(fwhm: start.fwhm)
    var fixedShape = Set<String>()
    if let fixedP { shapeValues[0] = fixedP; fixedShape.insert("p") }
    for (k, n) in shape.shapeParameterNames.enumerated() {
      guard let raw = keyed.removeValue(forKey: n.lowercased()) else { continue }
      shapeValues[k] = try number(raw, n, term)
      if !raw.hasPrefix("~") { fixedShape.insert(n) }
    }
    let w = fwhmGiven ?? shape.fwhmParameter(forFWHM: start.fwhm, shape: shapeValues)
    let peakValue = shape.isExactFWHMAndHeight ? 1 : shape.metrics(amplitude: 1, center: 0, fwhm: w, shape: shapeValues).height
    var amplitude = start.height / peakValue * (shape.unitArea(fwhm: w, shape: shapeValues) ?? 1)
    if let a = keyed.removeValue(forKey: "area") {
      guard shape.unitArea(fwhm: w, shape: shapeValues) != nil else { throw InputError("model: \(term.name) has no finite area; give height=") }
      amplitude = try number(a, "area", term)
    }
    if let h = keyed.removeValue(forKey: "height") {
      amplitude = try number(h, "height", term) / peakValue * (shape.unitArea(fwhm: w, shape: shapeValues) ?? 1)
    }
    let names: [String]
    if let doublet {
      guard let splitText = keyed.removeValue(forKey: "split") else { throw InputError("model: \(term.name) needs split=Δ (eV)") }
      let split = try number(splitText, "split", term)
      let ratio = try keyed.removeValue(forKey: "fwhm_ratio").map { try number($0, "fwhm_ratio", term) } ?? 1
      let floats = try keyed.removeValue(forKey: "float_fwhm").map { try number($0, "float_fwhm", term) != 0 } ?? false
      let pair = model.addDoublet(shape, kind: doublet, center: center, splitting: split, fwhm: w, area: amplitude,
                                  fwhmRatio: ratio, fwhmRatioFloats: floats)
      names = [pair.0, pair.1]
      for n in fixedShape { model[pair.0 + "." + n]?.fixed = true }
    } else {
      let name = try keyed.removeValue(forKey: "name").map { n -> String in
        guard !n.isEmpty, !n.contains("."), !model.components.contains(where: { $0.name == n }) else {
          throw InputError("model: component name \"\(n)\" is empty, contains '.', or is used twice")
        }
        return n
      }
      names = [model.addPeak(shape, center: center, fwhm: w, amplitude: amplitude, name: name, shapeValues: shapeValues)]
      for n in fixedShape { model[names[0] + "." + n]?.fixed = true }
    }
    if let unknown = keyed.keys.sorted().first {
      throw InputError("model: \(term.name) has no argument \"\(unknown)\" (shape parameters: \(shape.shapeParameterNames.joined(separator: ", ")))")
    }
  }
}
