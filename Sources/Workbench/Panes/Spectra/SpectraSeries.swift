import Engine

/// A series fit as the pane asks for it: the spectra of one folder (same technique, path order),
/// each cut to the fit range, and the starting model.
public struct SpectraSeriesRequest: Equatable, Sendable {
  public struct Member: Equatable, Sendable {
    public var path: String
    public var spectrum: Int
    public var x: [Double]
    public var y: [Double]
    public init(path: String, spectrum: Int, x: [Double], y: [Double]) {
      self.path = path
      self.spectrum = spectrum
      self.x = x
      self.y = y
    }
  }

  public var folder: String
  public var members: [Member]
  public var range: ClosedRange<Double>?
  public var model: PeakModel

  public init(folder: String, members: [Member], range: ClosedRange<Double>?, model: PeakModel) {
    self.folder = folder
    self.members = members
    self.range = range
    self.model = model
  }
}

/// A finished series fit: one result per member, in order (a failed fit stays a result).
public struct SpectraSeriesOutcome: Equatable, Sendable {
  public var request: SpectraSeriesRequest
  public var results: [PeakFitResult]

  public init(request: SpectraSeriesRequest, results: [PeakFitResult]) {
    self.request = request
    self.results = results
  }

  public static func == (a: SpectraSeriesOutcome, b: SpectraSeriesOutcome) -> Bool {
    a.request == b.request && a.results.map(\.report) == b.results.map(\.report)
  }

  /// The tracked quantity of component `name` per member, with its standard error; nil where the
  /// fit failed or the component is missing. `areaRatio` is the area of `name` over that of
  /// `partner` (the next component of the model).
  public func tracked(_ quantity: SpectraTrackedQuantity, component name: String, partner: String?) -> [Estimate?] {
    results.map { r in
      guard r.success, let c = r.components.first(where: { $0.name == name }) else { return nil }
      switch quantity {
      case .position: return c.center
      case .width: return c.fwhm
      case .areaRatio:
        guard let partner, let p = r.components.first(where: { $0.name == partner }), p.area.value > 0 else { return nil }
        let ratio = c.area.value / p.area.value
        // First-order propagation, the two areas taken as independent.
        let relative = ((c.area.error / max(c.area.value, .leastNormalMagnitude)).squared + (p.area.error / p.area.value).squared).squareRoot()
        return Estimate(ratio, ratio * relative)
      }
    }
  }
}

extension Double {
  fileprivate var squared: Double { self * self }
}

/// The work behind `F`: `fitPeakSeries` (each fit starting from its neighbour's result), with an
/// observer that posts each iteration and stops once the job is cancelled.
public enum SpectraSeriesJob {
  public static func run(_ request: SpectraSeriesRequest, context: JobContext) throws -> SpectraSeriesOutcome {
    try context.checkCancellation()
    let folder = request.folder
    let observer = FitObserver { progress in
      if context.isCancelled { return .stop }
      context.report(.spectraFit(SpectraFitProgress(path: folder, spectrum: -1, iteration: progress.iteration, chiSquare: progress.chiSquare)))
      return .proceed
    }
    let results = fitPeakSeries(request.members.map { ($0.x, $0.y) }, model: request.model, observer: observer)
    try context.checkCancellation()
    if results.contains(where: { $0.fit.stopped }) { throw JobCancelled() }
    return SpectraSeriesOutcome(request: request, results: results)
  }
}
