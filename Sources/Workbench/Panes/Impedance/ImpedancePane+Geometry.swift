import Engine
import Formats
import Lab
import TUI

/// Where σ's geometry comes from: the protocol whose `data_files` name the spectrum's file
/// (its electrolyte layer's thickness over its area), else the latest notebook record naming
/// the file (the pellet's measured thickness and diameter), else the geometry typed with `g`
/// ("entered"), else none — and then the Arrhenius view shows Ea only and asks.
extension ImpedancePane {
  /// The protocol naming `path` and the geometry it gives, or why it gives none; nil when no
  /// protocol names the file (or the protocols are not read yet).
  func protocolGeometry(for path: String) -> Result<ImpedanceGeometrySource, InputError>? {
    guard let lab, let cellProtocol = lab.protocols.protocols.first(where: { $0.names(dataFile: path) }) else { return nil }
    do {
      let pellet = try cellProtocol.pelletGeometry(report: try lab.report(cellProtocol))
      return .success(ImpedanceGeometrySource(
        geometry: try PelletGeometry(cellConstantPerCm: pellet.cellConstantPerCm), source: pellet.source))
    } catch let error as InputError {
      return .failure(error)
    } catch {
      return .failure(InputError("\(error)", file: cellProtocol.file))
    }
  }

  /// The latest notebook record naming `path` and the geometry it gives, or why it gives none;
  /// nil when no record names the file.
  func notebookGeometry(for path: String) -> Result<ImpedanceGeometrySource, InputError>? {
    guard let lab, let record = RunNotebook.record(naming: path, in: lab.notebook) else { return nil }
    do {
      let pellet = try record.pelletGeometry()
      return .success(ImpedanceGeometrySource(
        geometry: try PelletGeometry(cellConstantPerCm: pellet.cellConstantPerCm), source: pellet.source))
    } catch let error as InputError {
      return .failure(error)
    } catch {
      return .failure(InputError("\(error)", file: RunNotebook.fileName))
    }
  }

  /// The geometry σ uses for a spectrum, with its source.
  func geometrySource(for entry: LoadedImpedanceSpectrum) -> ImpedanceGeometrySource? {
    if case .success(let source)? = protocolGeometry(for: entry.path) { return source }
    if case .success(let source)? = notebookGeometry(for: entry.path) { return source }
    return enteredGeometry.map {
      ImpedanceGeometrySource(geometry: $0, source: String(format: "entered with g: L/A = %.4g cm⁻¹", $0.cellConstantPerCm))
    }
  }

  /// The spectra the Arrhenius view fits: the selected one's series (its file's spectra, or its
  /// folder's files), so two pellets in two folders never share a line.
  var arrheniusEntries: [LoadedImpedanceSpectrum] {
    guard entries.indices.contains(selected) else { return [] }
    return seriesIndices(of: selected).map { entries[$0] }
  }

  /// The Arrhenius series of the selected spectrum's series.
  var arrheniusSeries: ImpedanceArrheniusSeries {
    ImpedanceArrheniusSeries.make(entries: arrheniusEntries, parameters: arrheniusParameters) { geometrySource(for: $0) }
  }

  /// Why a protocol or notebook record that names a file of the series gives no geometry, and
  /// the notebook's malformed lines (one of them may be the record meant): shown under the plot.
  var protocolGeometryProblems: [String] {
    var problems: [String] = []
    for entry in arrheniusEntries {
      for lookup in [protocolGeometry(for: entry.path), notebookGeometry(for: entry.path)] {
        if case .failure(let error)? = lookup, !problems.contains(error.description) { problems.append(error.description) }
      }
    }
    for error in lab?.errors ?? [] where (error.file ?? "").hasSuffix(RunNotebook.fileName) {
      if !problems.contains(error.description) { problems.append(error.description) }
    }
    return problems
  }

  /// Entering the Arrhenius view with fitted spectra that have no geometry opens the geometry
  /// editor: σ is asked for, never assumed (Esc keeps Ea only).
  mutating func askForGeometryIfNeeded() -> [Effect] {
    guard view == .arrhenius, modal == .none, enteredGeometry == nil else { return [] }
    let series = arrheniusSeries
    guard series.fit != nil, !series.missingGeometry.isEmpty else { return [] }
    modal = .geometryEditor(TextInput(text: "", prompt: Self.geometryPrompt))
    return [.status(StatusMessage("σ needs the pellet geometry of \(series.missingGeometry.count) spectr\(series.missingGeometry.count == 1 ? "um" : "a"): type it, or Esc for Ea only"))]
  }

  static let geometryPrompt = "pellet: thickness diameter (cm), or L/A (cm⁻¹): "
}
