import Engine
import Foundation
import TUI

/// The doublet templates `D` offers: spin-orbit splittings of the issue's list (Ti 2p 5.7 eV,
/// P 2p 0.87 eV, Cl 2p 1.6 eV), keyed by the Table S6 core level nearest the cursor.
public struct DoubletTemplate: Equatable, Sendable {
  public var core: String
  public var kind: DoubletKind
  public var splitting: Double

  public static let all: [DoubletTemplate] = [
    DoubletTemplate(core: "Ti 2p", kind: .p, splitting: 5.7),
    DoubletTemplate(core: "P 2p", kind: .p, splitting: 0.87),
    DoubletTemplate(core: "Cl 2p", kind: .p, splitting: 1.6),
  ]

  /// The template whose Table S6 line (lower binding energy) is nearest `bindingEnergy`.
  public static func nearest(_ bindingEnergy: Double) -> DoubletTemplate? {
    let lines = StudyReferenceLines.xps.filter { $0.doublet != nil }
    guard let line = lines.min(by: { abs($0.bindingEnergy - bindingEnergy) < abs($1.bindingEnergy - bindingEnergy) }) else { return nil }
    return all.first { $0.core == line.core }
  }
}

extension SpectraPane {
  /// The selected component's parameter that `X`, `B` and `t` act on.
  public var selectedParameterName: String? {
    let model = settings.model
    guard model.components.indices.contains(selectedComponent) else { return nil }
    let names = model.components[selectedComponent].parameterNames
    return names[min(max(0, selectedParameter), names.count - 1)]
  }

  mutating func nextParameter() -> [Effect] {
    let model = settings.model
    guard model.components.indices.contains(selectedComponent) else { return [.status(.error("no peak selected"))] }
    selectedParameter = (selectedParameter + 1) % model.components[selectedComponent].parameterNames.count
    return [.render]
  }

  /// Fixes or frees the selected parameter; a tied one must be untied first (its value follows
  /// its target, so fixing it would mean nothing).
  mutating func toggleParameterFixed() -> [Effect] {
    guard let name = selectedParameterName, let p = settings.model[name] else { return [.status(.error("no peak selected"))] }
    if let tie = p.tie { return [.status(.error("\(name) is tied to \(tie.target): untie it first (t, then an empty line)"))] }
    return merge(change { $0.model[name]?.fixed.toggle() }, [.status(StatusMessage("\(name) \(p.fixed ? "free" : "fixed")"))])
  }

  /// Opens the prompt for a doublet at the cursor, filled with the template nearest it.
  mutating func openDoubletPrompt() -> [Effect] {
    guard let s = current?.spectrum, let cursor else { return [] }
    guard s.axis == .bindingEnergy else {
      return [.status(.error("doublets are for XPS on a binding-energy axis; this is \(s.axis.label)"))]
    }
    let template = DoubletTemplate.nearest(cursor)
    let text = template.map { "\($0.kind.rawValue) \(Self.format($0.splitting))" } ?? ""
    let hint = template.map { " (\($0.core) template)" } ?? ""
    modal = .prompt(.doublet(center: cursor), TextInput(text: text, prompt: "doublet at \(Self.format(cursor)) eV — KIND SPLIT eV\(hint): "))
    return [.render]
  }

  /// A doublet of the current shape: the j = l + ½ line at `center`, the other at center + split
  /// with the area ratio of `kind` tied and the FWHM ratio free (Ti 2p½ is broader).
  mutating func addDoublet(center: Double, text: String) -> [Effect] {
    let parts = text.split(whereSeparator: { $0 == " " || $0 == "," })
    guard parts.count == 2, let kind = DoubletKind(rawValue: parts[0].lowercased()), let split = Double(parts[1]),
          split.isFinite, split > 0 else {
      return [.status(.error("doublet: \"KIND SPLIT\" with KIND p, d or f and a positive splitting in eV, found \"\(text)\""))]
    }
    guard let start = peakStart(near: center) else { return [.status(.error("doublet: the cursor is outside the fit range"))] }
    var model = settings.model
    let name = freshComponentName(in: model)
    model.addDoublet(shape, kind: kind, center: start.center, splitting: split, fwhm: start.fwhm, area: start.amplitude,
                     fwhmRatio: 1, fwhmRatioFloats: true, name: name)
    let effects = change { $0.model = model }
    selectedComponent = settings.model.components.count - 2
    selectedParameter = 0
    return merge(effects, [.status(StatusMessage("added \(name): \(kind.rawValue) doublet, split \(Self.format(split)) eV, area ratio \(Self.format(kind.areaRatio)) tied, FWHM ratio free"))])
  }

  /// A Kα1/Kα2 pair at the cursor: Kα2's position from the anode's two wavelengths, half the area,
  /// the same FWHM (ties). The anode comes from the wavelength (`w` or the file's).
  mutating func addKAlphaPair() -> [Effect] {
    guard let s = current?.spectrum, let cursor else { return [] }
    guard case .twoTheta = s.axis else { return [.status(.error("Kα1/Kα2 pairs are for XRD on a 2θ axis; this is \(s.axis.label)"))] }
    guard let anode = anode else {
      return [.status(.error("Kα pair: the anode is not known; set the wavelength with w (CuKa1, MoKa1, CoKa1)"))]
    }
    guard let start = peakStart(near: cursor) else { return [.status(.error("Kα pair: the cursor is outside the fit range"))] }
    var model = settings.model
    let name = freshComponentName(in: model)
    model.addKAlphaPair(shape, twoTheta: start.center, fwhm: start.fwhm, area: start.amplitude, wavelengths: anode.lines, name: name)
    let effects = change { $0.model = model }
    selectedComponent = settings.model.components.count - 2
    selectedParameter = 0
    return merge(effects, [.status(StatusMessage("added \(name): \(anode.name) Kα1/Kα2 pair (Kα2 half the area, same FWHM)"))])
  }

  /// The anode of the effective wavelength: a typed name naming Cu, Mo or Co, else the anode whose
  /// Kα1, Kα2 or mean Kα is within 0.0005 Å of the wavelength.
  var anode: (name: String, lines: XRayWavelengths)? {
    let anodes: [(String, XRayWavelengths)] = [("Cu", .copper), ("Mo", .molybdenum), ("Co", .cobalt)]
    if let typed = analysis.wavelengthName?.lowercased(), let a = anodes.first(where: { typed.hasPrefix($0.0.lowercased()) }) {
      return (a.0, a.1)
    }
    guard let lambda = effectiveWavelength else { return nil }
    for (name, lines) in anodes {
      let mean = (2 * lines.kAlpha1 + lines.kAlpha2) / 3
      for known in [lines.kAlpha1, lines.kAlpha2, mean] + XRayWavelength.named.filter({ $0.name.hasPrefix(name) }).map(\.angstrom)
      where abs(known - lambda) <= 5e-4 {
        return (name, lines)
      }
    }
    return nil
  }

  /// Starting values of a peak near `x`, as `a`, `D` and `K` make them (Fityk's "add at cursor"):
  /// the highest point above the baseline guess within a thirtieth of the window either side of
  /// `x` is the centre when it is a maximum inside that reach (the cursor moves in steps of 1 % of
  /// the view, so it rarely sits on the top), else the point nearest `x`; the FWHM is the width between the half-height crossings either side of it (at least
  /// two point spacings); the amplitude follows from height and FWHM for the current shape.
  /// Nil when `x` is outside the fit window.
  func peakStart(near x: Double) -> (center: Double, fwhm: Double, amplitude: Double, shapeValues: [Double])? {
    guard case .success(let w) = window(), let lo = w.x.min(), let hi = w.x.max(), (lo...hi).contains(x) else { return nil }
    let base = baselineGuess(x: w.x, y: w.y)
    let order = w.x.indices.sorted { w.x[$0] < w.x[$1] }
    let reach = (hi - lo) / 30
    let near = order.filter { abs(w.x[$0] - x) <= reach }
    guard let nearest = order.min(by: { abs(w.x[$0] - x) < abs(w.x[$1] - x) }) else { return nil }
    // A maximum at the edge of the reach is a flank, not a top: the cursor's point is kept.
    let highest = near.max(by: { w.y[$0] - base[$0] < w.y[$1] - base[$1] })
    let top = highest.flatMap { $0 == near.first || $0 == near.last ? nil : $0 } ?? nearest
    guard let k = order.firstIndex(of: top) else { return nil }
    let height = max(w.y[top] - base[top], 1e-6 * max(abs(w.y[top]), 1))
    var left = k, right = k
    while left > 0, w.y[order[left]] - base[order[left]] > height / 2 { left -= 1 }
    while right < order.count - 1, w.y[order[right]] - base[order[right]] > height / 2 { right += 1 }
    let spacing = (hi - lo) / Double(max(1, order.count - 1))
    let fwhm = max(w.x[order[right]] - w.x[order[left]], 2 * spacing)
    let start = PeakModel.automatic(x: w.x, y: w.y, shape: shape, background: .none,
                                    peaks: [FoundPeak(center: w.x[top], height: height, fwhm: fwhm)])
    guard let c = start.components.first, let width = start[c.fwhmName], let amplitude = start[c.amplitudeName] else { return nil }
    return (w.x[top], width.value, amplitude.value, c.shapeNames.compactMap { start[$0]?.value })
  }

  mutating func openBoundsPrompt() -> [Effect] {
    guard let name = selectedParameterName, let p = settings.model[name] else { return [.status(.error("no peak selected"))] }
    modal = .prompt(.bounds(parameter: name), TextInput(text: "\(Self.bound(p.min)) \(Self.bound(p.max))",
                                                        prompt: "bounds of \(name) (now \(Self.format(p.value))) — MIN MAX, inf for none: "))
    return [.render]
  }

  static func bound(_ v: Double) -> String { v == .infinity ? "inf" : v == -.infinity ? "-inf" : format(v) }

  /// Sets MIN ≤ MAX on one parameter; the current value must lie inside (nothing is moved silently).
  mutating func setBounds(_ name: String, text: String) -> [Effect] {
    let parts = text.split(whereSeparator: { $0 == " " || $0 == "," }).map { Double($0) }
    guard parts.count == 2, let lo = parts[0], let hi = parts[1], !lo.isNaN, !hi.isNaN, lo < hi,
          lo != .infinity, hi != -.infinity else {
      return [.status(.error("bounds: \"MIN MAX\" with MIN < MAX (inf or -inf for none), found \"\(text)\""))]
    }
    guard let p = settings.model[name] else { return [.status(.error("no parameter \(name)"))] }
    guard p.value >= lo, p.value <= hi else {
      return [.status(.error("bounds: \(name) is \(Self.format(p.value)), outside [\(Self.bound(lo)), \(Self.bound(hi))]"))]
    }
    return merge(change { $0.model[name]?.min = lo; $0.model[name]?.max = hi },
                 [.status(StatusMessage("\(name) bounded to [\(Self.bound(lo)), \(Self.bound(hi))]"))])
  }

  mutating func openTiePrompt() -> [Effect] {
    guard let name = selectedParameterName, let p = settings.model[name] else { return [.status(.error("no peak selected"))] }
    let text: String
    switch p.tie {
    case .offset(let t, let d)?: text = "\(t) + \(Self.format(d))"
    case .ratio(let t, let f)?: text = "\(t) * \(Self.format(f))"
    case .kAlpha2(let t, _)?: text = "\(t) kα2"
    case nil: text = ""
    }
    modal = .prompt(.tie(parameter: name), TextInput(text: text, prompt: "tie \(name) — TARGET + OFFSET or TARGET * RATIO (empty: free): "))
    return [.render]
  }
}
