import Engine
import TUI

/// The typed prompts of the Spectra pane besides the fit range; each names what Enter applies to.
public enum SpectraPrompt: Equatable, Sendable {
  /// A spin-orbit doublet at this binding energy: "KIND SPLIT" (p, d or f, eV).
  case doublet(center: Double)
  /// Bounds "MIN MAX" of one parameter ("-inf"/"inf" for none).
  case bounds(parameter: String)
  /// "TARGET + OFFSET" or "TARGET * RATIO" for one parameter; empty unties it.
  case tie(parameter: String)
  /// The X-ray wavelength: a name (CuKa1, MoKa, …) or Å.
  case wavelength
  /// Which phases' stick patterns to draw: numbers from the prompt's list.
  case phases
  /// XPS quantification: "GROUP=S" or "GROUP=LEVEL" (Scofield) per group, and the source,
  /// transmission, mean free path and charge reference (`SpectraQuantification`).
  case sensitivities
  /// The instrument's FWHM (degrees 2θ) and how it is removed: "0.08 gaussian", "0.08 lorentzian".
  case instrumentWidth
  /// What a series is plotted against: "time", "index" or "PATTERN NAME UNIT".
  case seriesAxis
}

/// What the tracked-quantity plot of a series shows for the selected component.
public enum SpectraTrackedQuantity: String, CaseIterable, Equatable, Sendable {
  case position, width, areaRatio = "area ratio"
}

/// The XRD, XPS and series state of the pane (not part of undo: none of it changes the model).
public struct SpectraAnalysis: Equatable, Sendable {
  public static func == (a: SpectraAnalysis, b: SpectraAnalysis) -> Bool {
    a.wavelengthName == b.wavelengthName && a.wavelength == b.wavelength && a.phases == b.phases
      && a.phasesWavelength == b.phasesWavelength && a.phasesPending == b.phasesPending && a.observed?.key == b.observed?.key
      && a.observed?.peaks == b.observed?.peaks && a.shownPhases == b.shownPhases && a.sensitivities == b.sensitivities
      && a.quantification == b.quantification && a.instrument == b.instrument && a.seriesAxis == b.seriesAxis
      && a.series == b.series && a.seriesRunning == b.seriesRunning && a.tracked == b.tracked && a.showsSeries == b.showsSeries
  }

  /// The wavelength typed with `w` (its text, e.g. "CuKa1", and Å); nil: the file's own.
  public var wavelengthName: String?
  public var wavelength: Double?
  /// Phases computed from the workspace's `structures/*.cif` at `phasesWavelength`.
  public var phases: [SpectraPhase] = []
  public var phasesWavelength: Double?
  /// The wavelength of a pattern computation in flight.
  public var phasesPending: Double?
  /// The measured peak positions phases are scored against, and the spectrum (path, block) and
  /// fit they come from (`refreshObservedPeaks`; a peak search is too slow for every frame).
  public var observed: (key: String, peaks: [Double])?
  /// Paths of the phases whose sticks are drawn, in the order chosen.
  public var shownPhases: [String] = []
  /// Relative sensitivity factors typed per component group (XPS atomic %).
  public var sensitivities: [String: Double] = [:]
  /// Scofield levels, source and corrections of the XPS quantification.
  public var quantification = SpectraQuantification()
  /// The instrument's own line width removed before Scherrer sizes; nil: none removed (and said).
  public var instrument: SpectraInstrumentWidth?
  /// What a series is plotted against.
  public var seriesAxis: SpectraSeriesAxisChoice = .fileTime
  /// The last series fit, and what its plot tracks.
  public var series: SpectraSeriesOutcome?
  public var seriesRunning = false
  public var tracked: SpectraTrackedQuantity = .position
  /// The plot shows the series (tracked quantity and heat map) instead of the spectrum.
  public var showsSeries = false

  public init() {}
}

/// One crystal structure's stick pattern, or why there is none (the CIF's error).
public struct SpectraPhase: Equatable, Sendable {
  public var path: String
  public var name: String
  /// Cell and crystal system, for lattice refinement (nil system: monoclinic or triclinic).
  public var cell: UnitCell?
  public var system: LatticeRefinement.CrystalSystem?
  public var sticks: [PowderPeak]
  public var error: String?

  public init(path: String, name: String, cell: UnitCell?, system: LatticeRefinement.CrystalSystem?,
              sticks: [PowderPeak], error: String?) {
    self.path = path
    self.name = name
    self.cell = cell
    self.system = system
    self.sticks = sticks
    self.error = error
  }
}
