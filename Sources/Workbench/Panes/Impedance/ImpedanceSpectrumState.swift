import Engine
import Foundation

/// Which spectrum: its file and its position in the file. List positions shift as files come
/// and go; this does not, so a fit or a setting always lands on the spectrum it was made for.
public struct ImpedanceSpectrumKey: Hashable, Sendable, CustomStringConvertible {
  public var path: String
  public var index: Int

  public init(path: String, index: Int) {
    self.path = path
    self.index = index
  }

  public var description: String { "\(path)#\(index + 1)" }
}

extension LoadedImpedanceSpectrum {
  public var key: ImpedanceSpectrumKey { ImpedanceSpectrumKey(path: path, index: index) }
}

/// What the Impedance pane keeps for one spectrum: its circuit, what the user set (values,
/// fixed flags, bounds, weighting) with its undo history, and where the circuit and the start
/// came from. Each spectrum has its own, so one spectrum never shows another's parameters.
public struct ImpedanceSpectrumState: Equatable, Sendable {
  public var circuitText: String
  public var circuit: Circuit?
  public var settings: ImpedancePane.Settings
  public var undoStack: [ImpedancePane.Settings] = []
  public var redoStack: [ImpedancePane.Settings] = []
  /// Why this circuit: "proposed: blocking electrodes (…)", "entered", "picked", "fitted".
  public var circuitOrigin: String
  /// Where the start values came from: "automatic start", "start: fit of LPSC_20C.csv".
  public var startOrigin: String
  /// The values the start took from a neighbour's fit (shown as "neighbour" until changed).
  public var neighbourStart = Parameters()

  public init(circuitText: String, circuit: Circuit?, settings: ImpedancePane.Settings, circuitOrigin: String, startOrigin: String) {
    self.circuitText = circuitText
    self.circuit = circuit
    self.settings = settings
    self.circuitOrigin = circuitOrigin
    self.startOrigin = startOrigin
  }

  /// The state of a spectrum the pane has not shown before:
  /// - fitted already (by `F`): its fit's circuit and values;
  /// - else the circuit `CircuitProposal` suggests for its shape, started from the fit of its
  ///   nearest series neighbour (`neighbours`, nearest first) fitted with that same circuit, or
  ///   else from the automatic multi-start search.
  static func initial(for entry: LoadedImpedanceSpectrum, neighbours: [LoadedImpedanceSpectrum], labels: (LoadedImpedanceSpectrum) -> String) -> ImpedanceSpectrumState {
    let proposal = CircuitProposal.propose(for: entry.spectrum)
    if let fit = entry.fit {
      // Fitted by `F` before it was shown: the circuit it was fitted with, and why when that
      // was the proposal.
      let proposed = (try? Circuit(proposal.circuit)) == fit.circuit
      return ImpedanceSpectrumState(
        circuitText: fit.circuit.description, circuit: fit.circuit,
        settings: ImpedancePane.Settings(given: fit.result.parameters, weighting: fit.weighting),
        circuitOrigin: proposed ? "proposed: " + proposal.reason : "fitted with this circuit", startOrigin: "its own fit")
    }
    let circuit = try? Circuit(proposal.circuit)
    let (weighting, why) = proposedWeighting(entry.spectrum)
    var state = ImpedanceSpectrumState(
      circuitText: circuit?.description ?? proposal.circuit, circuit: circuit,
      settings: ImpedancePane.Settings(given: Parameters(), weighting: weighting),
      circuitOrigin: "proposed: " + proposal.reason + why, startOrigin: "automatic start")
    if let circuit,
      let neighbour = neighbours.first(where: {
        $0.fit?.circuit == circuit && $0.fit?.result.success == true && comparableScale($0.spectrum, entry.spectrum)
      }),
      let fit = neighbour.fit
    {
      state.settings = ImpedancePane.Settings(given: fit.result.parameters, weighting: fit.weighting)
      state.neighbourStart = fit.result.parameters
      state.startOrigin = "start: fit of " + labels(neighbour)
    }
    return state
  }

  /// Whether a neighbour's fitted values are a sensible start: both spectra's smallest and
  /// largest |Z| agree within a factor of 10 (a series of one cell drifts; an 8 MΩ pellet fit
  /// is no start for a 0.02 Ω cell that happens to share its folder).
  static func comparableScale(_ a: ImpedanceSpectrum, _ b: ImpedanceSpectrum) -> Bool {
    func range(_ s: ImpedanceSpectrum) -> (Double, Double)? {
      let m = zip(s.real, s.imaginary).map { ($0 * $0 + $1 * $1).squareRoot() }.filter { $0 > 0 && $0.isFinite }
      guard let low = m.min(), let high = m.max() else { return nil }
      return (low, high)
    }
    guard let ra = range(a), let rb = range(b) else { return false }
    func close(_ x: Double, _ y: Double) -> Bool { max(x, y) / min(x, y) <= 10 }
    return close(ra.0, rb.0) && close(ra.1, rb.1)
  }

  /// Proportional weights (1/|Z|², relative errors) when |Z| spans more than two decades, as
  /// a blocking pellet's capacitive tail does: with unit weights the tail's MΩ swamp the
  /// electrolyte's Ω and R0 is lost in the fit (on the example pellets R0 came out 5–30 % off
  /// and Ea 0.31 eV instead of 0.323). Unit weights otherwise. The reason is returned for the screen.
  static func proposedWeighting(_ spectrum: ImpedanceSpectrum) -> (ImpedanceWeighting, String) {
    let m = zip(spectrum.real, spectrum.imaginary).map { ($0 * $0 + $1 * $1).squareRoot() }.filter { $0 > 0 && $0.isFinite }
    guard let low = m.min(), let high = m.max() else { return (.unit, "") }
    let decades = log10(high / low)
    guard decades > 2 else { return (.unit, "") }
    return (.proportional, String(format: "; proportional weights: |Z| spans %.1f decades", decades))
  }
}
