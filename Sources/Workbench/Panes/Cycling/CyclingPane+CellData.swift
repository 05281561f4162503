import Foundation
import Lab

/// Per-file cell data: set with `a`/`m` for the selected file only, remembered in
/// `.glovebox/celldata.toml` (written whole through `Effect.writeFiles`), read back on focus.
extension CyclingPane {
  /// The jobs analysing `paths`, one per distinct area (a file's own, or none).
  func analyseJobs(_ paths: [String]) -> [Effect] {
    guard !paths.isEmpty else { return [] }
    var groups: [(area: Double?, paths: [String])] = []
    for path in paths {
      let area = area(of: path)?.value
      if let k = groups.firstIndex(where: { $0.area == area }) { groups[k].paths.append(path) } else { groups.append((area, [path])) }
    }
    return groups.map { .startJob(.cycling(.analyse(paths: $0.paths, area: $0.area))) }
  }

  /// The saved cell data arrived: files whose area differs from the one they were analysed at
  /// are analysed again. A missing file is no cell data yet; a malformed one is reported.
  mutating func cellDataLoaded(_ result: Result<String, EffectFailure>) -> [Effect] {
    guard case .success(let text) = result else {
      cellDataProblem = nil
      return []
    }
    do {
      cellData = try CyclingCellDataFile.parse(text)
      cellDataProblem = nil
    } catch {
      cellDataProblem = "\(error)"
      return [.status(.error("\(error)"))]
    }
    return reanalyseStale()
  }

  /// Files analysed at another area than they now have are analysed again.
  mutating func reanalyseStale() -> [Effect] {
    // A file whose new read is under way is left to it (its job carries the new area).
    let stale = files.filter { $0.area != area(of: $0.path)?.value && !listing.pending.contains($0.path) }.map(\.path)
    listing.reread(stale)
    return [.render] + stale.flatMap { analyseJobs([$0]) }
  }

  /// A file's electrode area (cm²) and where it comes from: the value set for the file, else
  /// the die of the protocol whose data_files name it, else the diameter in the latest notebook
  /// record naming it (A = π(⌀/2)²); nil when none gives one.
  func area(of path: String) -> (value: Double, source: String)? {
    if let set = cellData[path]?.areaCm2 { return (set, "set for this file") }
    if let report = protocolReport(naming: path) {
      return (report.dieAreaCm2, String(format: "protocol %@: ⌀ %.4g mm die", report.id, report.dieDiameterMillimetres))
    }
    guard let lab, let record = RunNotebook.record(naming: path, in: lab.notebook), let diameter = record.diameterMillimetres
    else { return nil }
    let radiusCm = diameter / 20
    return (Double.pi * radiusCm * radiusCm, String(format: "%@: ⌀ %.4g mm", record.sourceLabel, diameter))
  }

  /// A file's active mass (mg) and its source: set for the file, else the cathode of the
  /// protocol naming it.
  func activeMass(of path: String) -> (value: Double, source: String)? {
    if let set = cellData[path]?.activeMassMg { return (set, "set for this file") }
    guard let report = protocolReport(naming: path), let cathode = report.cathode else { return nil }
    return (cathode.activeMassMilligrams, "protocol \(report.id): \(cathode.activeMaterial) in \(cathode.layer)")
  }

  /// The derived numbers of the protocol whose data_files name `path` (nil when none does, or
  /// its numbers cannot be derived: the Assembly pane shows why).
  func protocolReport(naming path: String) -> ProtocolReport? {
    guard let lab, let cellProtocol = lab.protocols.protocols.first(where: { $0.names(dataFile: path) }) else { return nil }
    return try? lab.report(cellProtocol)
  }

  /// Sets the edited field of the selected file only, saves the workspace's cell data, and (for
  /// the area) analyses that one file again.
  mutating func setCellData(_ value: Double) -> [Effect] {
    guard let file = current else { return [.render] }
    var data = cellData[file.path] ?? CyclingCellData()
    switch editing {
    case .area: data.areaCm2 = value
    case .activeMass: data.activeMassMg = value
    }
    cellData[file.path] = data
    let write = Effect.writeFiles(
      [FileWrite(path: CyclingCellDataFile.path, contents: Data(CyclingCellDataFile.encode(cellData).utf8))], pane: id)
    guard editing == .area else { return [.render, write] }
    listing.reread([file.path])
    return [.render, write] + analyseJobs([file.path])
  }
}
