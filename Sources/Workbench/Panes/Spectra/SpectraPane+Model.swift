import Engine
import Foundation
import TUI

extension SpectraPane {
  /// The points of the selected spectrum inside the fit range, in file order — what the CLI's
  /// `--range LO:HI` keeps (LO ≤ x ≤ HI) — or why there are too few (fewer than 3).
  func window() -> Result<(x: [Double], y: [Double]), EffectFailure> {
    guard let s = current?.spectrum else { return .failure(EffectFailure("no spectrum selected")) }
    let keep = s.x.indices.filter { settings.range?.contains(s.x[$0]) ?? true }
    guard keep.count >= 3 else {
      return .failure(EffectFailure("only \(keep.count) points of \"\(s.name)\" inside the range"))
    }
    return .success((keep.map { s.x[$0] }, keep.map { s.y[$0] }))
  }

  /// Sets the background from its inline-model name (the CLI's syntax, built by the same
  /// `PeakModelStart`), replacing the old background's parameters by starting values from the window.
  mutating func setBackground(_ name: String, undoable: Bool = true) -> [Effect] {
    guard let s = current?.spectrum else { return [] }
    let w: (x: [Double], y: [Double])
    switch window() {
    case .success(let value): w = value
    case .failure(let failure): return [.status(.error("background: \(failure.message)"))]
    }
    let background: PeakBackground
    do {
      background = try PeakModelStart.build(try PeakModelSpec.parse(name), x: w.x, y: w.y, axis: s.axis).background
    } catch {
      return [.status(.error("background \(name): \(error)"))]
    }
    backgroundName = name
    var model = settings.model
    let old = Set(model.backgroundParameterNames)
    model.parameters.removeAll { old.contains($0.name) }
    model.background = background
    model.addBackgroundParameters(x: w.x, y: w.y)
    guard undoable else {
      settings.model = model
      return [.render]
    }
    return merge(change { $0.model = model }, [.status(StatusMessage("background: \(name)"))])
  }

  /// The background under the window's points as a starting guess: the precomputed one, else
  /// the straight line through the window's end points.
  func baselineGuess(x: [Double], y: [Double]) -> [Double] {
    if settings.model.background.isPrecomputed, let b = try? settings.model.background.precompute(x: x, y: y) { return b }
    guard let first = x.indices.min(by: { x[$0] < x[$1] }), let last = x.indices.max(by: { x[$0] < x[$1] }), x[last] > x[first] else {
      return y.map { _ in y.min() ?? 0 }
    }
    let slope = (y[last] - y[first]) / (x[last] - x[first])
    return x.map { y[first] + slope * ($0 - x[first]) }
  }

  /// A component of the current shape at the data's maximum near the cursor, with its height
  /// and FWHM from the data (`peakStart(near:)`).
  mutating func addComponentAtCursor() -> [Effect] {
    guard let cursor else { return [] }
    if case .failure(let failure) = window() { return [.status(.error("add peak: \(failure.message)"))] }
    guard let start = peakStart(near: cursor) else { return [.status(.error("the cursor is outside the fit range"))] }
    var model = settings.model
    let name = freshComponentName(in: model)
    model.addPeak(shape, center: start.center, fwhm: start.fwhm, amplitude: start.amplitude, name: name, shapeValues: start.shapeValues)
    let effects = change { $0.model = model }
    selectedComponent = settings.model.components.count - 1
    selectedParameter = 0
    return merge(effects, [.status(StatusMessage("added \(name): \(shape.rawValue) at \(Self.format(start.center)) \(current?.spectrum.axis.unit ?? "")"))])
  }

  func freshComponentName(in model: PeakModel) -> String {
    var k = model.components.count + 1
    while model.components.contains(where: { $0.name == "p\(k)" }) { k += 1 }
    return "p\(k)"
  }

  /// Replaces the components by those `PeakFinder` finds in the window above the background
  /// (subtracted first when it is precomputed) — what `glovebox spectrum fit --auto` does.
  mutating func findPeaks() -> [Effect] {
    let w: (x: [Double], y: [Double])
    switch window() {
    case .success(let value): w = value
    case .failure(let failure): return [.status(.error("find peaks: \(failure.message)"))]
    }
    let background = settings.model.background
    do {
      var y = w.y
      if background.isPrecomputed {
        let b = try background.precompute(x: w.x, y: w.y)
        y = zip(w.y, b).map { $0 - $1 }
      }
      let found = try PeakFinder.find(x: w.x, y: y)
      guard !found.isEmpty else { return [.status(.error("no peaks found in the range"))] }
      let model = PeakModel.automatic(x: w.x, y: w.y, shape: shape, background: background, peaks: found)
      let effects = change { $0.model = model }
      selectedComponent = 0
      return merge(effects, [.status(StatusMessage("found \(found.count) peak\(found.count == 1 ? "" : "s") (\(shape.rawValue))"))])
    } catch {
      return [.status(.error("find peaks: \(error)"))]
    }
  }

  /// Removes the selected component and its parameters; ties that pointed at them are refused
  /// (the partner of a doublet must go first).
  mutating func deleteSelectedComponent() -> [Effect] {
    let model = settings.model
    guard model.components.indices.contains(selectedComponent) else { return [.status(.error("no peak to delete"))] }
    let c = model.components[selectedComponent]
    let names = Set(c.parameterNames)
    if let tied = model.parameters.first(where: { p in !names.contains(p.name) && p.tie.map { names.contains($0.target) } == true }) {
      return [.status(.error("\(tied.name) is tied to \(c.name): delete that peak first"))]
    }
    let index = selectedComponent
    return merge(change {
      $0.model.components.remove(at: index)
      $0.model.parameters.removeAll { names.contains($0.name) }
    }, [.status(StatusMessage("deleted \(c.name)"))])
  }

  /// Fixes every untied parameter of the selected component, or frees them when all are fixed.
  mutating func toggleSelectedFixed() -> [Effect] {
    let model = settings.model
    guard model.components.indices.contains(selectedComponent) else { return [.status(.error("no peak selected"))] }
    let c = model.components[selectedComponent]
    let own = model.parameters.indices.filter { c.parameterNames.contains(model.parameters[$0].name) && model.parameters[$0].tie == nil }
    let fix = own.contains { !model.parameters[$0].fixed }
    return merge(change { for i in own { $0.model.parameters[i].fixed = fix } },
                 [.status(StatusMessage("\(c.name) \(fix ? "fixed" : "free")"))])
  }

  /// Starts `fitPeaks` on the window with the current model, in the background.
  mutating func startFit() -> [Effect] {
    guard let entry = current else { return [.status(.error("no spectra in \(workspace)"))] }
    guard !settings.model.components.isEmpty else { return [.status(.error("no peaks: add one at the cursor (a) or find them (A)"))] }
    switch window() {
    case .failure(let failure): return [.status(.error("fit: \(failure.message)"))]
    case .success(let w):
      let request = SpectraFitRequest(path: entry.path, spectrum: entry.index, range: settings.range, x: w.x, y: w.y, model: settings.model)
      fitRunning = true
      progress = nil
      return [.startJob(.spectra(.fit(request))), .render]
    }
  }
}
