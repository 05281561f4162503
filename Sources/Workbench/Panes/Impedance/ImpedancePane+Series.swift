/// The series a spectrum belongs to, chosen by marking spectra (`m`, `M` clears) rather than
/// only by file or folder: a marked spectrum's series is every marked spectrum, in list order.
extension ImpedancePane {
  /// The list indices of the series of the spectrum at `index`.
  func seriesIndices(of index: Int) -> [Int] {
    ImpedanceAnalysisResult.seriesMembers(of: index, in: entries, marked: seriesMarks)
  }

  /// `m` marks or unmarks the selected spectrum; `M` clears every mark. A DRT map on screen is
  /// computed again over the new series (after a running one finishes).
  mutating func markSeries(_ action: Action) -> [Effect] {
    let message: String
    switch action {
    case .clearSeriesMarks:
      guard !seriesMarks.isEmpty else { return [] }
      seriesMarks = []
      message = "series marks cleared: series by file or folder again"
    default:
      guard let entry = current else { return [] }
      if seriesMarks.remove(entry.key) == nil { seriesMarks.insert(entry.key) }
      message = seriesMarks.isEmpty
        ? "no marked spectra: series by file or folder again"
        : "series: \(seriesMarks.count) marked spectr\(seriesMarks.count == 1 ? "um" : "a") (m marks, M clears)"
    }
    var effects: [Effect] = [.render, .status(StatusMessage(message))]
    if view == .drtMap {
      if analysisRunning {
        analysisStale = true
      } else {
        analysis = nil
        effects = merge(effects, startAnalysisIfNeeded())
      }
    }
    return effects
  }
}
