import Engine
import Foundation
import Lab
import TUI

/// Pane 3: the workspace's impedance spectra, plotted (Nyquist with equal scales and −Z'' up,
/// Bode, residuals), and fitted from the keyboard. Files are read and circuits fitted in
/// background jobs; the pane only merges their Sendable snapshots, so keys never wait.
public struct ImpedancePane: Pane {
  public typealias Action = ImpedancePaneAction
  public static let paneID = "impedance"
  public let id = ImpedancePane.paneID
  public let title = "Impedance"
  public let workspace: String

  public enum View: String, CaseIterable, Sendable {
    case spectra = "Nyquist · Bode"
    case kramersKronig = "Kramers–Kronig"
    case drt = "DRT"
    case drtMap = "DRT map"
    case arrhenius = "Arrhenius"
  }

  /// What the user has set for the current circuit: values, fixed flags, bounds. A parameter
  /// absent here is found by the automatic search when fitting.
  public struct Settings: Equatable, Sendable {
    public var given: Parameters
    public var weighting: ImpedanceWeighting
  }

  public internal(set) var entries: [LoadedImpedanceSpectrum] = []
  public internal(set) var unreadable: [String: String] = [:]
  public internal(set) var selected = 0
  public internal(set) var view: View = .spectra
  /// The selected spectrum's circuit (each spectrum has its own: `states`); before any
  /// spectrum is shown, the circuit the editor starts from.
  public internal(set) var circuitText = "R0-p(R1,CPE1)-p(R2,CPE2)"
  public internal(set) var circuit: Circuit?
  /// Why the selected spectrum has its circuit, and where its start values came from.
  public internal(set) var circuitOrigin = ""
  public internal(set) var startOrigin = ""
  public internal(set) var neighbourStart = Parameters()
  /// The kept state of every spectrum shown so far except the selected one, whose state is the
  /// live properties above (`activeKey` says which spectrum they belong to).
  public internal(set) var states: [ImpedanceSpectrumKey: ImpedanceSpectrumState] = [:]
  public internal(set) var activeKey: ImpedanceSpectrumKey?
  public internal(set) var settings = Settings(given: Parameters(), weighting: .unit)
  public internal(set) var selectedParameter = 0
  public internal(set) var undoStack: [Settings] = []
  public internal(set) var redoStack: [Settings] = []
  /// What takes the keys besides the pane itself: at most one editor or picker at a time.
  public enum Modal: Equatable, Sendable {
    case none
    /// The circuit line editor.
    case circuitEditor(TextInput)
    /// The bounds editor of the selected parameter ("min max").
    case boundsEditor(TextInput)
    /// The common-circuit picker, at an index into `CommonCircuits.all`.
    case circuitPicker(Int)
    /// The pellet geometry editor (thickness and diameter, or L/A).
    case geometryEditor(TextInput)
  }

  public internal(set) var modal: Modal = .none
  /// The parse error of the circuit editor's text (column, message), while it has one.
  public internal(set) var circuitError: (column: Int, message: String)?
  /// The pellet geometry typed with `g` (thickness and diameter, or L/A), for spectra whose
  /// protocol does not give one; nil until entered — σ is never computed from an assumed one.
  public internal(set) var enteredGeometry: PelletGeometry?
  /// The workspace's protocols (their `data_files` name the spectra they measured), read by a
  /// job on first focus; nil until then.
  public internal(set) var lab: LabWorkspace?
  var labLoading = false
  public internal(set) var progress: ImpedanceFitProgress?
  public internal(set) var fitRunning = false
  /// The index's impedance files and which of them have been read.
  public internal(set) var listing = FileListing()
  public internal(set) var analysis: ImpedanceAnalysisResult?
  /// Series C and L of the KK and DRT models: automatic per spectrum unless set (`s`, `i`).
  public internal(set) var seriesElements = ImpedanceSeriesElements.automatic
  /// The Nyquist plot's window (nil: the whole spectrum); kept at equal scales by the plot.
  public internal(set) var nyquistWindow: NyquistWindow?
  /// The data point under the Nyquist cursor (an index into the spectrum), if shown.
  public internal(set) var cursor: Int?
  /// Whether the Nyquist plot overlays the other spectra of the selected one's series.
  public internal(set) var overlay = false
  /// The spectra marked (`m`) to form a series of their own: the DRT map, the overlay and the
  /// Arrhenius view of a marked spectrum use these; an unmarked one keeps its file or folder.
  public internal(set) var seriesMarks: Set<ImpedanceSpectrumKey> = []
  /// Which resistance the Arrhenius view follows (`t` cycles).
  public internal(set) var arrheniusQuantity = ArrheniusQuantity.selected

  /// The resistance of an Arrhenius line: the selected parameter, the bulk (R0), the grain
  /// boundary (R1) of the pellet circuits, or their total (every resistance of the circuit).
  public enum ArrheniusQuantity: String, CaseIterable, Sendable {
    case selected = "selected resistance"
    case bulk = "bulk"
    case grainBoundary = "grain boundary"
    case total = "total"
  }
  public internal(set) var analysisRunning = false
  /// A series map whose series gained a spectrum while it was being computed.
  public internal(set) var analysisStale = false
  /// Model curve (fit or current values) of the selected spectrum, computed when values change.
  public internal(set) var curve: [ComplexNumber] = []
  public internal(set) var curveFrequencies: [Double] = []
  /// (Z_model − Z)/|Z| in % at the data frequencies: real and imaginary parts.
  public internal(set) var residualsReal: [Double] = []
  public internal(set) var residualsImaginary: [Double] = []

  public init(workspace: String) {
    self.workspace = workspace
    self.circuit = try? Circuit(circuitText)
  }

  public var capturesInput: Bool { modal != .none }

  /// The selected spectrum, if any.
  public var current: LoadedImpedanceSpectrum? { entries.indices.contains(selected) ? entries[selected] : nil }

  /// The parameters as the table shows them: the selected spectrum's fit when it was fitted with
  /// this circuit, else what the user set (unset values from the automatic first guess).
  public var displayedParameters: Parameters {
    guard let circuit else { return Parameters() }
    if let progress, fitRunning, progress.entry == selected, progress.values.count == circuit.parameterCount {
      var out = circuit.parameters(values: progress.values)
      for p in settings.given { if let i = out.index(of: p.name) { out[i].fixed = p.fixed; out[i].min = p.min; out[i].max = p.max } }
      return out
    }
    if let fit = current?.fit, fit.circuit == circuit, settings.given.count == 0 || fitMatchesSettings(fit) {
      return fit.result.parameters
    }
    var out = Parameters()
    let guess = current.map { CircuitInitialGuess(circuit: circuit, spectrum: $0.spectrum).candidates().first }
    for (k, name) in circuit.parameterNames.enumerated() {
      if let p = settings.given[name] { out.items.append(p); continue }
      let value = (guess ?? nil).map { $0[k] } ?? 1
      var template = circuit.parameters(values: [Double](repeating: 1, count: circuit.parameterCount))[k]
      template.value = value
      out.items.append(template)
    }
    return out
  }

  /// The resistance the Arrhenius view uses: the selected parameter when it is a resistance.
  public var arrheniusParameter: String {
    let shown = displayedParameters
    if shown.items.indices.contains(selectedParameter), shown[selectedParameter].unit == "Ohm" { return shown[selectedParameter].name }
    return shown.items.first { $0.unit == "Ohm" }?.name ?? "R0"
  }

  /// The parameters whose sum is the Arrhenius resistance.
  public var arrheniusParameters: [String] {
    switch arrheniusQuantity {
    case .selected: return [arrheniusParameter]
    case .bulk: return ["R0"]
    case .grainBoundary: return ["R1"]
    case .total: return displayedParameters.items.filter { $0.unit == "Ohm" }.map(\.name)
    }
  }

  func fitMatchesSettings(_ fit: ImpedanceFitOutcome) -> Bool {
    settings.given.allSatisfy { p in fit.result.parameters[p.name].map { $0.value == p.value && $0.fixed == p.fixed } ?? false }
  }
}
