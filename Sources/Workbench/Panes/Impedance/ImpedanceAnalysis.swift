import Engine
import Foundation

/// The Kramers–Kronig or DRT result of one spectrum, computed in a background job.
public enum ImpedanceAnalysis: Sendable {
  case kramersKronig(entry: Int, KramersKronigTest)
  case drt(entry: Int, DistributionOfRelaxationTimes)
  /// DRTs of a series (the spectra of the selected one's folder, or of its file) on one τ grid.
  case drtSeries(entry: Int, labels: [String], series: [DistributionOfRelaxationTimes])
  case failed(entry: Int, view: ImpedancePane.View, message: String)

  public var entry: Int {
    switch self {
    case .kramersKronig(let entry, _), .drt(let entry, _), .failed(let entry, _, _), .drtSeries(let entry, _, _): return entry
    }
  }

  public var view: ImpedancePane.View {
    switch self {
    case .kramersKronig: return .kramersKronig
    case .drt: return .drt
    case .drtSeries: return .drtMap
    case .failed(_, let view, _): return view
    }
  }

  /// The background work for `view` on `spectrum` (nil for the plain spectra view).
  static func job(view: ImpedancePane.View, entry: Int, entries: [ImpedanceEntry], pane: String) -> BackgroundJob? {
    guard entries.indices.contains(entry) else { return nil }
    let spectrum = entries[entry].spectrum
    switch view {
    case .spectra, .arrhenius: return nil
    case .drtMap:
      let members = seriesMembers(of: entry, in: entries)
      let labels = members.map { m in entries[m].label(spectraInFile: entries.filter { $0.path == entries[m].path }.count) }
      let spectra = members.map { entries[$0].spectrum }
      return BackgroundJob(id: "analysis", pane: pane) { _ in
        do { return ImpedanceAnalysis.drtSeries(entry: entry, labels: labels, series: try DistributionOfRelaxationTimes.series(spectra)) }
        catch { return ImpedanceAnalysis.failed(entry: entry, view: view, message: "\(error)") }
      }
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

  /// The series a spectrum belongs to: the other spectra of its file when it holds several,
  /// else every spectrum in the same folder (an in-situ run writes one file per spectrum), in
  /// list order (names sort by time for instruments that number their files).
  static func seriesMembers(of entry: Int, in entries: [ImpedanceEntry]) -> [Int] {
    let path = entries[entry].path
    let sameFile = entries.indices.filter { entries[$0].path == path }
    if sameFile.count > 1 { return sameFile }
    let folder = (path as NSString).deletingLastPathComponent
    return entries.indices.filter { ($0 == entry) || ((entries[$0].path as NSString).deletingLastPathComponent == folder) }
  }
}
