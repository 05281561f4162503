import Engine
import Lab

/// The Impedance pane's jobs. `readFiles` needs the file system and is performed by the
/// runtime (it reads each file and parses it with `ImpedanceReader`); the others are pure
/// computations on values the job carries (`ImpedanceFitJob.run`, `ImpedanceAnalysisResult.compute`).
public enum ImpedanceJob: Equatable, Sendable {
  /// Read these workspace files (relative paths); answered with `.files`, one entry per path.
  case readFiles(paths: [String])
  /// Read the workspace's protocols, recipes and materials (for the geometry a protocol gives
  /// the files it names); answered with `.lab`.
  case loadLab
  /// Fit each request in turn (one for `f`, every spectrum for `F`); answered with `.fitted`.
  case fit([ImpedanceFitRequest])
  /// The Kramers–Kronig test of the spectrum at `entry`; answered with `.analysis`.
  case kramersKronig(entry: Int, spectrum: ImpedanceSpectrum, series: ImpedanceSeriesElements)
  /// The DRT of the spectrum at `entry`; answered with `.analysis`.
  case drt(entry: Int, spectrum: ImpedanceSpectrum, series: ImpedanceSeriesElements)
  /// The DRTs of the series the spectrum at `entry` belongs to, on one τ grid.
  case drtSeries(entry: Int, labels: [String], spectra: [ImpedanceSpectrum])

  /// Fits replace fits, analyses replace analyses, a file read replaces a read of the same files.
  public enum Lane: Hashable, Sendable {
    case files([String])
    case fit
    case analysis
    case lab
  }

  public var lane: Lane {
    switch self {
    case .readFiles(let paths): return .files(paths)
    case .loadLab: return .lab
    case .fit: return .fit
    case .kramersKronig, .drt, .drtSeries: return .analysis
    }
  }
}

/// Whether the KK and DRT models carry a series capacitance (blocking electrodes) and a series
/// inductance (leads): decided from each spectrum (`SeriesElementChoice`) unless the user set
/// it, as the CLI's `--capacitance/--no-capacitance` and `--inductance/--no-inductance`.
public struct ImpedanceSeriesElements: Equatable, Sendable {
  public var capacitance: SeriesElementChoice.Mode
  public var inductance: SeriesElementChoice.Mode

  public init(capacitance: SeriesElementChoice.Mode, inductance: SeriesElementChoice.Mode) {
    self.capacitance = capacitance
    self.inductance = inductance
  }

  public static let automatic = ImpedanceSeriesElements(capacitance: .automatic, inductance: .automatic)
}

/// What the Impedance pane's jobs hand back.
public enum ImpedanceJobResult: Equatable, Sendable {
  case files([ImpedanceFileContents])
  case fitted([ImpedanceFitOutcome])
  case analysis(ImpedanceAnalysisResult)
  case lab(LabWorkspace)
}

/// The spectra of one workspace file, or why it holds none ("removed", a reader's error).
public struct ImpedanceFileContents: Equatable, Sendable {
  public var path: String
  public var spectra: [ImpedanceSpectrum]
  public var error: String?

  public init(path: String, spectra: [ImpedanceSpectrum], error: String?) {
    self.path = path
    self.spectra = spectra
    self.error = error
  }
}

/// One spectrum to fit: which list entry it is, and Engine's fit request (circuit, data,
/// weighting, and the parameters the user set — values, fixed flags, bounds; the automatic
/// search fills in the rest).
public struct ImpedanceFitRequest: Equatable, Sendable {
  public var entry: Int
  /// The spectrum the fit belongs to (the list may change while it runs).
  public var key: ImpedanceSpectrumKey
  public var fit: CircuitFitRequest

  public init(entry: Int, key: ImpedanceSpectrumKey, fit: CircuitFitRequest) {
    self.entry = entry
    self.key = key
    self.fit = fit
  }
}
