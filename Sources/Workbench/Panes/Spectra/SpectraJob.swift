import Engine

/// The Spectra pane's jobs. `readFiles` needs the file system and is performed by the runtime
/// (`SpectrumFileReader.read(path:axis:)` on each file, the reader `glovebox spectrum` uses);
/// `fit` is pure and runs through `computed(context:)`.
public enum SpectraJob: Equatable, Sendable {
  /// Read these workspace files (relative paths); answered with `.files`, one entry per path.
  case readFiles(paths: [String])
  /// Fit one spectrum's window with a peak model; answered with `.fitted`.
  case fit(SpectraFitRequest)
  /// Stick patterns of the workspace's `structures/*.cif` at λ (Å) up to 2θ_max (degrees); runtime
  /// work (it reads the files), answered with `.phases`.
  case loadPhases(wavelength: Double, twoThetaMax: Double)
  /// One model fitted to every spectrum of a series; answered with `.series`.
  case fitSeries(SpectraSeriesRequest)

  /// A new fit supersedes the running one; a read replaces a read of the same files.
  public enum Lane: Hashable, Sendable {
    case files([String])
    case fit
    case phases
    case series
  }

  public var lane: Lane {
    switch self {
    case .readFiles(let paths): return .files(paths)
    case .fit: return .fit
    case .loadPhases: return .phases
    case .fitSeries: return .series
    }
  }

  /// The pure work of a compute job (nil for `readFiles`, which the runtime does itself).
  public func computed(context: JobContext) throws -> SpectraJobResult? {
    switch self {
    case .readFiles, .loadPhases: return nil
    case .fit(let request): return .fitted(try SpectraFitJob.run(request, context: context))
    case .fitSeries(let request): return .series(try SpectraSeriesJob.run(request, context: context))
    }
  }
}

/// What the Spectra pane's jobs hand back.
public enum SpectraJobResult: Equatable, Sendable {
  case files([SpectraFileContents])
  case fitted(SpectraFitOutcome)
  case phases(wavelength: Double, [SpectraPhase])
  case series(SpectraSeriesOutcome)
}

/// The spectra of one workspace file, or why it holds none ("removed", the reader's error).
public struct SpectraFileContents: Equatable, Sendable {
  public var path: String
  public var spectra: [Spectrum]
  public var error: String?

  public init(path: String, spectra: [Spectrum], error: String?) {
    self.path = path
    self.spectra = spectra
    self.error = error
  }
}

/// One fit as the pane asks for it: which spectrum, the window the CLI's `--range LO:HI` keeps
/// (every point with LO ≤ x ≤ HI, in file order), and the starting model. `peakFitRequest` is
/// the request `glovebox spectrum fit FILE --model M.toml --range LO:HI` builds.
public struct SpectraFitRequest: Equatable, Sendable {
  public var path: String
  public var spectrum: Int
  public var range: ClosedRange<Double>?
  public var x: [Double]
  public var y: [Double]
  public var model: PeakModel

  public init(path: String, spectrum: Int, range: ClosedRange<Double>?, x: [Double], y: [Double], model: PeakModel) {
    self.path = path
    self.spectrum = spectrum
    self.range = range
    self.x = x
    self.y = y
    self.model = model
  }

  public var peakFitRequest: PeakFitRequest { PeakFitRequest(x: x, y: y, model: model) }
}

/// A fit in progress: the iteration and its χ².
public struct SpectraFitProgress: Equatable, Sendable {
  public var path: String
  public var spectrum: Int
  public var iteration: Int
  public var chiSquare: Double

  public init(path: String, spectrum: Int, iteration: Int, chiSquare: Double) {
    self.path = path
    self.spectrum = spectrum
    self.iteration = iteration
    self.chiSquare = chiSquare
  }
}

/// A finished fit: the request it answers and Engine's result. Two outcomes are equal when their
/// requests and reports are (the report holds every fitted value, error and statistic).
public struct SpectraFitOutcome: Equatable, Sendable {
  public var request: SpectraFitRequest
  public var result: PeakFitResult

  public init(request: SpectraFitRequest, result: PeakFitResult) {
    self.request = request
    self.result = result
  }

  public static func == (a: SpectraFitOutcome, b: SpectraFitOutcome) -> Bool {
    a.request == b.request && a.result.report == b.result.report && a.result.model == b.result.model
  }
}

/// The work behind `f`: `fitPeaks` on the request (the function `glovebox spectrum fit`
/// calls), with an observer that posts each iteration and stops once the job is cancelled.
public enum SpectraFitJob {
  public static func run(_ request: SpectraFitRequest, context: JobContext) throws -> SpectraFitOutcome {
    try context.checkCancellation()
    let path = request.path, spectrum = request.spectrum
    let observer = FitObserver { progress in
      if context.isCancelled { return .stop }
      context.report(.spectraFit(SpectraFitProgress(
        path: path, spectrum: spectrum, iteration: progress.iteration, chiSquare: progress.chiSquare)))
      return .proceed
    }
    let result = fitPeaks(request.peakFitRequest, observer: observer)
    try context.checkCancellation()
    if result.fit.stopped { throw JobCancelled() }
    return SpectraFitOutcome(request: request, result: result)
  }
}
