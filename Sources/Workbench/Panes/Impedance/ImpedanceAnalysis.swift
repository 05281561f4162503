import Engine

/// The Kramers–Kronig or DRT result of one spectrum, computed in a background job.
public enum ImpedanceAnalysis: Sendable {
  case kramersKronig(entry: Int, KramersKronigTest)
  case drt(entry: Int, DistributionOfRelaxationTimes)
  case failed(entry: Int, view: ImpedancePane.View, message: String)

  public var entry: Int {
    switch self {
    case .kramersKronig(let entry, _), .drt(let entry, _), .failed(let entry, _, _): return entry
    }
  }

  public var view: ImpedancePane.View {
    switch self {
    case .kramersKronig: return .kramersKronig
    case .drt: return .drt
    case .failed(_, let view, _): return view
    }
  }

  /// The background work for `view` on `spectrum` (nil for the plain spectra view).
  static func job(view: ImpedancePane.View, entry: Int, spectrum: ImpedanceSpectrum, pane: String) -> BackgroundJob? {
    switch view {
    case .spectra: return nil
    case .kramersKronig:
      return BackgroundJob(id: "analysis", pane: pane) { _ in
        do { return ImpedanceAnalysis.kramersKronig(entry: entry, try KramersKronigTest(spectrum)) }
        catch { return ImpedanceAnalysis.failed(entry: entry, view: view, message: "\(error)") }
      }
    case .drt:
      return BackgroundJob(id: "analysis", pane: pane) { _ in
        do { return ImpedanceAnalysis.drt(entry: entry, try DistributionOfRelaxationTimes(spectrum)) }
        catch { return ImpedanceAnalysis.failed(entry: entry, view: view, message: "\(error)") }
      }
    }
  }
}
