import Engine
import Foundation

/// The Kramers–Kronig or DRT result of one spectrum, computed in a background job.
public enum ImpedanceAnalysisResult: Equatable, Sendable {
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

  /// The job behind `view` for the spectrum at `entry` (nil for the views that need none).
  static func job(
    view: ImpedancePane.View, entry: Int, entries: [LoadedImpedanceSpectrum], series: ImpedanceSeriesElements,
    marked: Set<ImpedanceSpectrumKey> = []
  ) -> ImpedanceJob? {
    guard entries.indices.contains(entry) else { return nil }
    let spectrum = entries[entry].spectrum
    switch view {
    case .spectra, .arrhenius: return nil
    case .drtMap:
      let members = seriesMembers(of: entry, in: entries, marked: marked)
      let labels = members.map { m in entries[m].label(spectraInFile: entries.filter { $0.path == entries[m].path }.count) }
      return .drtSeries(entry: entry, labels: labels, spectra: members.map { entries[$0].spectrum })
    case .kramersKronig: return .kramersKronig(entry: entry, spectrum: spectrum, series: series)
    case .drt: return .drt(entry: entry, spectrum: spectrum, series: series)
    }
  }

  /// Performs the analysis jobs (pure: the spectra travel with the job). A computation that
  /// throws is a `.failed` result naming the view, so the pane shows why.
  public static func compute(kramersKronig spectrum: ImpedanceSpectrum, entry: Int, series: ImpedanceSeriesElements) -> ImpedanceAnalysisResult {
    var options = KramersKronigTest.Options()
    options.capacitance = series.capacitance
    options.inductance = series.inductance
    do { return .kramersKronig(entry: entry, try KramersKronigTest(spectrum, options: options)) }
    catch { return .failed(entry: entry, view: .kramersKronig, message: "\(error)") }
  }

  public static func compute(drt spectrum: ImpedanceSpectrum, entry: Int, series: ImpedanceSeriesElements) -> ImpedanceAnalysisResult {
    var options = DistributionOfRelaxationTimes.Options()
    options.capacitance = series.capacitance
    options.inductance = series.inductance
    do { return .drt(entry: entry, try DistributionOfRelaxationTimes(spectrum, options: options)) }
    catch { return .failed(entry: entry, view: .drt, message: "\(error)") }
  }

  public static func compute(drtSeries spectra: [ImpedanceSpectrum], labels: [String], entry: Int) -> ImpedanceAnalysisResult {
    do { return .drtSeries(entry: entry, labels: labels, series: try DistributionOfRelaxationTimes.series(spectra)) }
    catch { return .failed(entry: entry, view: .drtMap, message: "\(error)") }
  }

  /// The series a spectrum belongs to: the spectra marked for a series (`m`) when it is one of
  /// them; else the other spectra of its file when it holds several, else every spectrum in the
  /// same folder (an in-situ run writes one file per spectrum), in list order (names sort by
  /// time for instruments that number their files).
  static func seriesMembers(of entry: Int, in entries: [LoadedImpedanceSpectrum], marked: Set<ImpedanceSpectrumKey> = []) -> [Int] {
    if marked.contains(entries[entry].key) { return entries.indices.filter { marked.contains(entries[$0].key) } }
    let path = entries[entry].path
    let sameFile = entries.indices.filter { entries[$0].path == path }
    if sameFile.count > 1 { return sameFile }
    let folder = (path as NSString).deletingLastPathComponent
    return entries.indices.filter { ($0 == entry) || ((entries[$0].path as NSString).deletingLastPathComponent == folder) }
  }
}

extension ImpedanceJob {
  /// Performs a compute job on the calling thread: everything but `readFiles`, which needs the
  /// file system and is the runtime's (nil for it).
  public func computed(context: JobContext) throws -> ImpedanceJobResult? {
    switch self {
    case .readFiles, .loadLab: return nil
    case .fit(let requests): return .fitted(try ImpedanceFitJob.run(requests, context: context))
    case .kramersKronig(let entry, let spectrum, let series):
      return .analysis(ImpedanceAnalysisResult.compute(kramersKronig: spectrum, entry: entry, series: series))
    case .drt(let entry, let spectrum, let series):
      return .analysis(ImpedanceAnalysisResult.compute(drt: spectrum, entry: entry, series: series))
    case .drtSeries(let entry, let labels, let spectra):
      return .analysis(ImpedanceAnalysisResult.compute(drtSeries: spectra, labels: labels, entry: entry))
    }
  }
}
